"""The weekly check-in and the session rating: the forms, and the scored result."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from holdingspace.core import checkin_messages as cm
from holdingspace.core.errors import InvalidInput
from holdingspace.core.instruments import Instrument
from holdingspace.core.rating import LOW_TOTAL, Concern
from holdingspace.services.checkins import (
    SESSION_RATING,
    WEEKLY_CHECKIN,
    CheckinService,
    RatedSession,
)
from holdingspace.web.forms import Form, read_form
from holdingspace.web.pages import web_of

router = APIRouter()
GROUP_HEADINGS = {
    "labels": cm.SCORE_HEADING_LABELS,
    "dimensions": cm.SCORE_HEADING_DIMENSIONS,
    "indices": cm.SCORE_HEADING_INDICES,
}
GROUP_NOTES = {"indices": cm.SCORE_INDICES_NOTE}


def answers_from(form: Form, instrument: Instrument) -> dict[str, object]:
    """The chosen value of each question, as a whole number; unanswered ones stay None."""
    answers: dict[str, object] = {}
    for item in instrument.items:
        raw = form.get(item.id).strip()
        answers[item.id] = int(raw) if raw.lstrip("-").isdigit() else None
    return answers


def form_values(
    instrument: Instrument, chosen: dict[str, object], message: str | None
) -> dict[str, Any]:
    return {"instrument": instrument, "chosen": chosen, "message": message}


@router.get("/checkin")
async def checkin_page(request: Request) -> Response:
    web = web_of(request)
    instrument = CheckinService(web.journal.context()).instrument(WEEKLY_CHECKIN)
    return web.page(request, "checkin.html", **form_values(instrument, {}, None))


@router.post("/checkin")
async def take_checkin(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    service = CheckinService(web.journal.context())
    instrument = service.instrument(WEEKLY_CHECKIN)
    answers = answers_from(form, instrument)
    try:
        done = service.take(answers, WEEKLY_CHECKIN)
    except InvalidInput as error:
        missing = [item.text for item in instrument.items if answers.get(item.id) is None]
        values = form_values(instrument, answers, str(error))
        return web.page(request, "checkin.html", 400, missing=missing, **values)
    groups = done.score.groups()
    return web.page(
        request,
        "checkin_result.html",
        groups=[
            (GROUP_HEADINGS.get(name, cm.SCORE_HEADING_OTHER), GROUP_NOTES.get(name), scores)
            for name, scores in groups.items()
        ],
        notice=done.instrument.notice,
    )


@router.get("/calendar/sessions/{session_id}/rate")
async def rate_page(request: Request, session_id: int) -> Response:
    web = web_of(request)
    service = CheckinService(web.journal.context())
    session = service.check_session(session_id)
    instrument = service.instrument(SESSION_RATING)
    return web.page(request, "rate.html", session=session, **form_values(instrument, {}, None))


@router.post("/calendar/sessions/{session_id}/rate")
async def rate(request: Request, session_id: int) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    service = CheckinService(web.journal.context())
    session = service.check_session(session_id)
    instrument = service.instrument(SESSION_RATING)
    answers = answers_from(form, instrument)
    try:
        rated = service.rate(session_id, answers)
    except InvalidInput as error:
        values = form_values(instrument, answers, str(error))
        return web.page(request, "rate.html", 400, session=session, **values)
    return web.page(
        request,
        "rate_result.html",
        session=session,
        rated=rated,
        summary=rated.to_dict(),
        details=rating_details(rated),
    )


def rating_details(rated: RatedSession) -> list[str]:
    """Why a session was gently flagged, in plain words (nothing when it was not)."""
    reading = rated.reading
    details = []
    if Concern.LOW_TOTAL in reading.concerns:
        details.append(
            cm.RATING_OFF_LOW.format(
                total=reading.total, highest=rated.highest, threshold=LOW_TOTAL
            )
        )
    if Concern.DROP in reading.concerns and reading.usual is not None:
        details.append(
            cm.RATING_OFF_DROP.format(
                total=reading.total,
                drop=_number(reading.usual - reading.total),
                usual=_number(reading.usual),
            )
        )
    return details


def _number(value: float) -> str:
    return f"{value:g}"
