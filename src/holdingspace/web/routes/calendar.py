"""Sessions and breaks: the therapy calendar, with an .ics import."""

from __future__ import annotations

from typing import Any, Final

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from holdingspace.core.calendar import (
    BreakReason,
    SessionStatus,
    parse_day,
    parse_reason,
    parse_status,
    parse_when,
)
from holdingspace.core.errors import InvalidInput
from holdingspace.services.calendar import CalendarService
from holdingspace.services.context import Context
from holdingspace.web import messages as msg
from holdingspace.web.forms import Form, read_form
from holdingspace.web.ics_import import sessions_from_ics
from holdingspace.web.pages import redirect, web_of

router = APIRouter()
PAST_SHOWN: Final = 12
STATUS_TITLES: Final[dict[str, str]] = {
    SessionStatus.SCHEDULED.value: "Planned",
    SessionStatus.HELD.value: "Held",
    SessionStatus.RESCHEDULED.value: "Moved",
    SessionStatus.CANCELLED_BY_ME.value: "Cancelled by me",
    SessionStatus.CANCELLED_BY_THERAPIST.value: "Cancelled by my therapist",
    SessionStatus.ENDED_EARLY.value: "Ended early",
    SessionStatus.MISSED.value: "Missed",
}
PAST_STATUS_TITLES: Final[dict[str, str]] = {
    **STATUS_TITLES,
    SessionStatus.SCHEDULED.value: "Not marked yet",
}
"""A past session still marked as planned has simply not been marked held or missed yet."""
REASON_TITLES: Final[dict[str, str]] = {
    BreakReason.HOLIDAY.value: "Holiday",
    BreakReason.LEAVE.value: "Leave",
    BreakReason.ENDING.value: "Therapy ending",
    BreakReason.OTHER.value: "Other",
}
MAX_NOTE_CHARS: Final = 2000


def _calendar_values(context: Context, show_all: bool) -> dict[str, Any]:
    now = context.clock()
    service = CalendarService(context)
    sessions = service.sessions()
    upcoming = [s for s in sessions if s.starts_at >= now]
    past = [s for s in reversed(sessions) if s.starts_at < now]
    rated = {r.session_id for r in context.store.list_ratings()}
    return {
        "upcoming": upcoming,
        "past": past if show_all else past[:PAST_SHOWN],
        "past_hidden": 0 if show_all else max(0, len(past) - PAST_SHOWN),
        "rated": rated,
        "breaks": service.breaks(),
        "today": now.date(),
        "statuses": STATUS_TITLES,
        "past_statuses": PAST_STATUS_TITLES,
        "reasons": REASON_TITLES,
        "session_form": {"when": "", "status": "scheduled", "duration": "50", "note": ""},
        "break_form": {"from": "", "to": "", "reason": "holiday", "note": ""},
        "message": None,
        "message_for": None,
    }


@router.get("/calendar")
async def calendar_page(request: Request) -> Response:
    web = web_of(request)
    show_all = request.query_params.get("all") == "1"
    return web.page(request, "calendar.html", **_calendar_values(web.journal.context(), show_all))


def _duration(value: str) -> int:
    if not value.strip().isdigit() or not 5 <= int(value) <= 600:
        raise InvalidInput("Please give the length in minutes, between 5 and 600.")
    return int(value)


def _note(value: str) -> str:
    if len(value) > MAX_NOTE_CHARS:
        raise InvalidInput(f"Please keep the note under {MAX_NOTE_CHARS:,} characters.")
    return value.strip()


@router.post("/calendar/sessions")
async def add_session(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    context = web.journal.context()
    typed = _typed(form, ("when", "status", "duration", "note"))
    try:
        CalendarService(context).add_session(
            parse_when(typed["when"]),
            parse_status(typed["status"] or "scheduled"),
            _duration(typed["duration"] or "50"),
            _note(typed["note"]),
        )
    except InvalidInput as error:
        values = _calendar_values(context, False)
        values.update(session_form=typed, message=str(error), message_for="session")
        return web.page(request, "calendar.html", 400, **values)
    return redirect("/calendar?done=session-added")


@router.post("/calendar/breaks")
async def add_break(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    context = web.journal.context()
    typed = _typed(form, ("from", "to", "reason", "note"))
    try:
        CalendarService(context).add_break(
            parse_day(typed["from"]),
            parse_day(typed["to"]),
            parse_reason(typed["reason"] or "holiday"),
            _note(typed["note"]),
        )
    except InvalidInput as error:
        values = _calendar_values(context, False)
        values.update(break_form=typed, message=str(error), message_for="break")
        return web.page(request, "calendar.html", 400, **values)
    return redirect("/calendar?done=break-added")


def _typed(form: Form, names: tuple[str, ...]) -> dict[str, str]:
    return {name: form.get(name) for name in names}


@router.get("/calendar/sessions/{session_id}/edit")
async def session_page(request: Request, session_id: int) -> Response:
    web = web_of(request)
    session = web.journal.context().store.get_session(session_id)
    typed = {
        "when": f"{session.starts_at:%Y-%m-%dT%H:%M}",
        "status": session.status.value,
        "note": session.note,
    }
    return web.page(
        request,
        "session_edit.html",
        session_id=session_id,
        form=typed,
        statuses=STATUS_TITLES,
        message=None,
    )


@router.post("/calendar/sessions/{session_id}/edit")
async def edit_session(request: Request, session_id: int) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    context = web.journal.context()
    context.store.get_session(session_id)
    typed = _typed(form, ("when", "status", "note"))
    try:
        CalendarService(context).edit_session(
            session_id,
            starts_at=parse_when(typed["when"]),
            status=parse_status(typed["status"]),
            note=_note(typed["note"]),
        )
    except InvalidInput as error:
        return web.page(
            request,
            "session_edit.html",
            400,
            session_id=session_id,
            form=typed,
            statuses=STATUS_TITLES,
            message=str(error),
        )
    return redirect("/calendar?done=saved")


@router.post("/calendar/sessions/{session_id}/delete")
async def delete_session(request: Request, session_id: int) -> Response:
    web = web_of(request)
    await read_form(request, web.guard)
    CalendarService(web.journal.context()).delete_session(session_id)
    return redirect("/calendar?done=deleted")


@router.get("/calendar/breaks/{break_id}/edit")
async def break_page(request: Request, break_id: int) -> Response:
    web = web_of(request)
    brk = web.journal.context().store.get_break(break_id)
    typed = {
        "from": brk.starts_on.isoformat(),
        "to": brk.ends_on.isoformat(),
        "reason": brk.reason.value,
    }
    return web.page(
        request,
        "break_edit.html",
        break_id=break_id,
        form=typed,
        reasons=REASON_TITLES,
        message=None,
    )


@router.post("/calendar/breaks/{break_id}/edit")
async def edit_break(request: Request, break_id: int) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    context = web.journal.context()
    context.store.get_break(break_id)
    typed = _typed(form, ("from", "to", "reason"))
    try:
        CalendarService(context).edit_break(
            break_id,
            starts_on=parse_day(typed["from"]),
            ends_on=parse_day(typed["to"]),
            reason=parse_reason(typed["reason"]),
        )
    except InvalidInput as error:
        return web.page(
            request,
            "break_edit.html",
            400,
            break_id=break_id,
            form=typed,
            reasons=REASON_TITLES,
            message=str(error),
        )
    return redirect("/calendar?done=saved")


@router.post("/calendar/breaks/{break_id}/delete")
async def delete_break(request: Request, break_id: int) -> Response:
    web = web_of(request)
    await read_form(request, web.guard)
    CalendarService(web.journal.context()).delete_break(break_id)
    return redirect("/calendar?done=deleted")


@router.post("/calendar/import")
async def import_ics(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    context = web.journal.context()
    raw = form.files.get("file", b"")
    try:
        if not raw:
            raise InvalidInput(msg.ICS_NO_FILE)
        found = sessions_from_ics(raw)
    except InvalidInput as error:
        values = _calendar_values(context, False)
        values.update(message=str(error), message_for="import")
        return web.page(request, "calendar.html", 400, **values)
    service = CalendarService(context)
    known = {s.starts_at for s in service.sessions()}
    fresh = [s for s in found if s.starts_at not in known]
    now = context.clock()
    for session in fresh:
        status = SessionStatus.SCHEDULED if session.starts_at >= now else SessionStatus.HELD
        service.add_session(session.starts_at, status, session.duration_minutes)
    values = _calendar_values(context, False)
    values.update(
        message=msg.IMPORTED_SESSIONS.format(added=len(fresh), skipped=len(found) - len(fresh)),
        message_for="imported",
    )
    return web.page(request, "calendar.html", **values)
