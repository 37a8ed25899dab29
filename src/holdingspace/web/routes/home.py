"""Home: the calm overview."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any, Final

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from holdingspace.core.calendar import Session, SessionStatus
from holdingspace.core.entries import Entry, EntryQuery
from holdingspace.services.calendar import CalendarService
from holdingspace.services.context import Context
from holdingspace.services.insights import InsightsService
from holdingspace.services.journal import JournalService
from holdingspace.web.pages import json_twin, redirect, wants_json, web_of
from holdingspace.web.routes.entries import KIND_TITLES, beginning, entry_summary

router = APIRouter()
CHECKIN_EVERY_DAYS: Final = 7
RECENT_ENTRIES: Final = 5
RATE_WITHIN_DAYS: Final = 14
CRISIS_RECENT_DAYS: Final = 14
_MET: Final = frozenset({SessionStatus.HELD, SessionStatus.SCHEDULED, SessionStatus.ENDED_EARLY})


@router.get("/")
async def home(request: Request) -> Response:
    web = web_of(request)
    if not web.journal.initialised:
        return redirect("/welcome")
    context = web.journal.context()
    overview = _overview(context)
    if wants_json(request):
        return json_twin(
            {
                "next_session": _iso(overview["next_session"]),
                "days_until_session": overview["days_until"],
                "next_break": _break_json(overview["next_break"]),
                "checkin_due": overview["checkin_due"],
                "recent": [entry_summary(e) for e in overview["recent"]],
                "notice": overview["notice"].title if overview["notice"] else None,
            }
        )
    crisis = web.crisis_help() if _recent_crisis(overview["recent"], overview["now"]) else None
    return web.page(
        request, "home.html", beginning=beginning, kinds=KIND_TITLES, crisis=crisis, **overview
    )


def _recent_crisis(recent: list[Entry], now: datetime) -> bool:
    """Risk written in the last two weeks brings crisis help to the top of Home too."""
    return any(
        e.analysis is not None
        and e.analysis.crisis
        and now - e.created_at <= timedelta(days=CRISIS_RECENT_DAYS)
        for e in recent
    )


def _overview(context: Context) -> dict[str, Any]:
    now = context.clock()
    calendar = CalendarService(context)
    sessions = calendar.sessions()
    upcoming = [s for s in sessions if s.starts_at >= now and s.status == SessionStatus.SCHEDULED]
    next_session = upcoming[0] if upcoming else None
    next_break = calendar.next_break()
    checkins = context.store.list_checkins()
    last_checkin = max((c.taken_at for c in checkins), default=None)
    return {
        "now": now,
        "next_session": next_session,
        "days_until": (next_session.starts_at.date() - now.date()).days if next_session else None,
        "next_break": next_break,
        "break_started": bool(next_break and next_break.starts_on <= now.date()),
        "checkin_due": last_checkin is None
        or now - last_checkin >= timedelta(days=CHECKIN_EVERY_DAYS),
        "last_checkin": last_checkin,
        "next_checkin": last_checkin + timedelta(days=CHECKIN_EVERY_DAYS) if last_checkin else None,
        "to_rate": _session_to_rate(context, sessions),
        "recent": JournalService(context).entries(EntryQuery(limit=RECENT_ENTRIES)),
        "notice": InsightsService(context).notice(),
    }


def _session_to_rate(context: Context, sessions: list[Session]) -> Session | None:
    """The latest session that has happened, if it is recent and not rated yet."""
    now = context.clock()
    met = [s for s in sessions if s.starts_at <= now and s.status in _MET]
    if not met or now - met[-1].starts_at > timedelta(days=RATE_WITHIN_DAYS):
        return None
    rated = {r.session_id for r in context.store.list_ratings()}
    return None if met[-1].id in rated else met[-1]


def _iso(session: Session | None) -> str | None:
    return session.starts_at.isoformat() if session else None


def _break_json(brk: Any) -> dict[str, str] | None:
    if brk is None:
        return None
    return {"starts_on": brk.starts_on.isoformat(), "ends_on": brk.ends_on.isoformat()}
