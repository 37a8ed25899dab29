"""Trends (charts drawn on the server) and the session-prep note (print view, PDF, Markdown)."""

from __future__ import annotations

import base64
from datetime import datetime, time, timedelta
from typing import Any, Final

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from holdingspace.core.calendar import parse_day
from holdingspace.core.entries import EntryQuery
from holdingspace.core.errors import InvalidInput
from holdingspace.core.prep import PrepNote
from holdingspace.services.insights import InsightsService
from holdingspace.services.journal import JournalService
from holdingspace.web import charts
from holdingspace.web.forms import Form, read_form
from holdingspace.web.pages import web_of
from holdingspace.web.routes.entries import KIND_TITLES, beginning

router = APIRouter()
MAX_CANDIDATES: Final = 60
DOWNLOADS: Final[dict[str, tuple[str, str]]] = {
    "md": ("session-notes.md", "text/markdown; charset=utf-8"),
    "pdf": ("session-notes.pdf", "application/pdf"),
}


def svg_source(svg: str) -> str:
    """The chart as a data: address for an <img>, so its drawing styles stay inside the image
    and the page's strict policy (no inline styles) holds."""
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


@router.get("/trends")
async def trends_page(request: Request) -> Response:
    web = web_of(request)
    trends = InsightsService(web.journal.context()).trends()
    drawn = (
        []
        if trends.is_empty
        else [
            charts.signs_chart(trends),
            charts.checkin_chart(trends),
            charts.ratings_chart(trends),
        ]
    )
    return web.page(
        request,
        "trends.html",
        trends=trends,
        charts=[(chart, svg_source(chart.svg)) for chart in drawn],
    )


def _prep_inputs(form: Form | None, request: Request) -> tuple[str, list[int], str]:
    if form is None:
        return request.query_params.get("since", ""), [], ""
    picks = [int(v) for v in form.all("pick") if v.isdigit()]
    return form.get("since"), picks, form.get("say")


def _prep_values(
    request: Request, since_text: str, picks: list[int], say: str
) -> tuple[dict[str, Any], PrepNote | None]:
    web = web_of(request)
    context = web.journal.context()
    service = InsightsService(context)
    message = None
    try:
        since = parse_day(since_text) if since_text.strip() else service.default_since()
        note = service.prep(since, picks, say.splitlines())
    except InvalidInput as error:
        message, since, note = str(error), service.default_since(), None
    start = datetime.combine(since, time.min)
    candidates = JournalService(context).entries(EntryQuery(since=start, limit=MAX_CANDIDATES))
    values = {
        "since": since_text or since.isoformat(),
        "picks": set(picks),
        "say": say,
        "candidates": candidates,
        "beginning": beginning,
        "kinds": KIND_TITLES,
        "note": note,
        "message": message,
        "today": context.clock().date(),
        "earliest": (context.clock() - timedelta(days=3650)).date(),
    }
    return values, note


@router.get("/prep")
async def prep_page(request: Request) -> Response:
    since, picks, say = _prep_inputs(None, request)
    values, _ = _prep_values(request, since, picks, say)
    return web_of(request).page(request, "prep.html", 400 if values["message"] else 200, **values)


@router.post("/prep")
async def prep_note(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    since, picks, say = _prep_inputs(form, request)
    values, note = _prep_values(request, since, picks, say)
    chosen = form.get("download")
    if note is not None and chosen in DOWNLOADS:
        filename, media_type = DOWNLOADS[chosen]
        data = InsightsService(web.journal.context()).export_prep(
            note, "pdf" if chosen == "pdf" else "md"
        )
        return Response(
            data,
            media_type=media_type,
            headers={"Content-Disposition": f'attachment; filename="{filename}"'},
        )
    status = 400 if values["message"] else 200
    return web.page(request, "prep.html", status, refresh=False, **values)
