"""Write, the journal list, one entry, edit and delete."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any, Final

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from holdingspace.core.calendar import parse_day
from holdingspace.core.entries import MAX_ENTRY_CHARS, Entry, EntryKind, EntryQuery, parse_kind
from holdingspace.core.errors import HoldingspaceError, InvalidInput
from holdingspace.core.labels import LABEL_TITLES, LABELS
from holdingspace.library import topics as library
from holdingspace.services.journal import JournalService
from holdingspace.web import messages as msg
from holdingspace.web.forms import read_form
from holdingspace.web.highlight import heard_signs, runs
from holdingspace.web.pages import json_twin, redirect, wants_json, web_of

router = APIRouter()
DRAFT_SETTING: Final = "draft"
"""The same setting the CLI keeps an unfinished entry in (a plain string, encrypted)."""
PAGE_SIZE: Final = 20
KIND_TITLES: Final[dict[str, str]] = {
    EntryKind.JOURNAL.value: "Journal entry",
    EntryKind.LETTER.value: "Unsent letter",
    EntryKind.TAKEAWAY.value: "Takeaway",
}
MOMENT_THEMES: Final[dict[str, str]] = {
    "general": "Anything at all",
    "before_session": "Before a session",
    "after_session": "After a session",
    "break": "During a break",
    "ending": "As therapy ends",
}
THEMES: Final[dict[str, str]] = {**MOMENT_THEMES, **LABEL_TITLES}


def write_values(
    text: str,
    kind: str,
    message: str | None = None,
    theme: str = "general",
    number: int = 0,
    restored: bool = False,
) -> dict[str, Any]:
    theme = theme if theme in THEMES else "general"
    prompts = library.prompts(theme)
    return {
        "text": text,
        "kind": kind,
        "kinds": KIND_TITLES,
        "message": message,
        "themes": THEMES,
        "theme": theme,
        "prompt": prompts[number % len(prompts)],
        "next_number": (number + 1) % len(prompts),
        "number": number % len(prompts),
        "restored": restored,
        "max_chars": MAX_ENTRY_CHARS,
    }


def entry_summary(entry: Entry) -> dict[str, Any]:
    analysis = entry.analysis
    return {
        "id": entry.id,
        "kind": entry.kind.value,
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
        "signs": list(analysis.labels) if analysis else [],
        "crisis": bool(analysis and analysis.crisis),
    }


def beginning(entry: Entry, length: int = 140) -> str:
    flat = " ".join(entry.text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


@router.get("/write")
async def write_page(request: Request) -> Response:
    web = web_of(request)
    context = web.journal.context()
    draft = context.store.get_setting(DRAFT_SETTING)
    text = draft if isinstance(draft, str) else ""
    number = request.query_params.get("n", "0")
    values = write_values(
        text,
        parse_kind_or_journal(request.query_params.get("kind", "journal")),
        theme=request.query_params.get("theme", "general"),
        number=int(number) if number.isdigit() else 0,
        restored=bool(text),
    )
    return web.page(request, "write.html", refresh=False, **values)


def parse_kind_or_journal(value: str) -> str:
    return value if value in KIND_TITLES else EntryKind.JOURNAL.value


@router.post("/write")
async def write(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    text, kind = form.get("text"), form.get("kind", "journal")
    if not web.journal.unlocked:
        return web.page(
            request,
            "unlock.html",
            message=None,
            note=msg.LOCKED_WHILE_WRITING,
            carry=(text, parse_kind_or_journal(kind)) if text.strip() else None,
        )
    context = web.journal.context()
    try:
        entry = JournalService(context).write(text, parse_kind(kind))
    except HoldingspaceError as error:
        values = write_values(text, parse_kind_or_journal(kind), message=str(error))
        return web.page(request, "write.html", 400, refresh=False, **values)
    context.store.set_setting(DRAFT_SETTING, None)
    return redirect(f"/journal/{entry.id}?done=saved")


@router.post("/write/draft")
async def save_draft(request: Request) -> Response:
    """Called by the page's script while the person types: the words, encrypted, in the store."""
    web = web_of(request)
    form = await read_form(request, web.guard)
    text = form.get("text")
    if len(text) > MAX_ENTRY_CHARS:
        return JSONResponse({"saved": False}, status_code=413)
    web.journal.context().store.set_setting(DRAFT_SETTING, text if text.strip() else None)
    return JSONResponse({"saved": True})


@router.get("/journal")
async def journal(request: Request) -> Response:
    web = web_of(request)
    context = web.journal.context()
    params = request.query_params
    problems: list[str] = []
    query = EntryQuery(
        kind=_kind_filter(params.get("kind", ""), problems),
        label=_sign_filter(params.get("sign", ""), problems),
        since=_day_filter(params.get("since", ""), time.min, problems),
        until=_day_filter(params.get("until", ""), time.max, problems),
        search=params.get("q", "").strip() or None,
    )
    page_text = params.get("page", "1")
    page = max(1, int(page_text)) if page_text.isdigit() else 1
    service = JournalService(context)
    total = service.count(query)
    pages = max(1, -(-total // PAGE_SIZE))
    page = min(page, pages)
    found = service.entries(_paged(query, page))
    if wants_json(request):
        listed = [entry_summary(e) for e in found]
        return json_twin({"total": total, "page": page, "pages": pages, "entries": listed})
    filters = {key: params.get(key, "") for key in ("kind", "sign", "since", "until", "q")}
    return web.page(
        request,
        "journal.html",
        400 if problems else 200,
        entries=found,
        beginning=beginning,
        total=total,
        page=page,
        pages=pages,
        filters=filters,
        link_filters={key: value for key, value in filters.items() if value},
        problems=problems,
        kinds=KIND_TITLES,
        labels=LABELS,
    )


def _paged(query: EntryQuery, page: int) -> EntryQuery:
    return EntryQuery(
        kind=query.kind,
        since=query.since,
        until=query.until,
        search=query.search,
        label=query.label,
        limit=PAGE_SIZE,
        offset=(page - 1) * PAGE_SIZE,
    )


def _kind_filter(value: str, problems: list[str]) -> EntryKind | None:
    if not value:
        return None
    try:
        return parse_kind(value)
    except InvalidInput as error:
        problems.append(str(error))
        return None


def _sign_filter(value: str, problems: list[str]) -> str | None:
    if not value:
        return None
    if value not in LABELS:
        problems.append(msg.UNKNOWN_SIGN.format(sign=value))
        return None
    return value


def _day_filter(value: str, at: time, problems: list[str]) -> datetime | None:
    if not value.strip():
        return None
    try:
        return datetime.combine(parse_day(value), at)
    except InvalidInput as error:
        problems.append(str(error))
        return None


@router.get("/journal/{entry_id}")
async def entry_page(request: Request, entry_id: int) -> Response:
    web = web_of(request)
    entry = JournalService(web.journal.context()).get(entry_id)
    if wants_json(request):
        return json_twin({**entry_summary(entry), "text": entry.text})
    analysis = entry.analysis
    crisis = web.crisis_help() if analysis and analysis.crisis else None
    return web.page(
        request,
        "entry.html",
        entry=entry,
        kind_title=KIND_TITLES[entry.kind.value],
        runs=runs(entry.text, analysis),
        signs=heard_signs(entry.text, analysis),
        limited=bool(analysis and analysis.limited),
        analysed=analysis is not None,
        crisis=crisis,
        limited_message=msg.ANALYSIS_LIMITED,
    )


@router.get("/journal/{entry_id}/edit")
async def edit_page(request: Request, entry_id: int) -> Response:
    web = web_of(request)
    entry = JournalService(web.journal.context()).get(entry_id)
    return web.page(
        request,
        "entry_edit.html",
        refresh=False,
        entry_id=entry_id,
        text=entry.text,
        kind=entry.kind.value,
        kinds=KIND_TITLES,
        message=None,
    )


@router.post("/journal/{entry_id}/edit")
async def edit(request: Request, entry_id: int) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    text, kind = form.get("text"), form.get("kind", "journal")
    service = JournalService(web.journal.context())
    try:
        service.edit(entry_id, text, parse_kind(kind))
    except InvalidInput as error:
        return web.page(
            request,
            "entry_edit.html",
            400,
            refresh=False,
            entry_id=entry_id,
            text=text,
            kind=parse_kind_or_journal(kind),
            kinds=KIND_TITLES,
            message=str(error),
        )
    return redirect(f"/journal/{entry_id}?done=saved")


@router.get("/journal/{entry_id}/delete")
async def delete_page(request: Request, entry_id: int) -> Response:
    web = web_of(request)
    entry = JournalService(web.journal.context()).get(entry_id)
    return web.page(
        request,
        "entry_delete.html",
        entry=entry,
        kind_title=KIND_TITLES[entry.kind.value],
        beginning=beginning(entry),
    )


@router.post("/journal/{entry_id}/delete")
async def delete(request: Request, entry_id: int) -> Response:
    web = web_of(request)
    await read_form(request, web.guard)
    JournalService(web.journal.context()).delete(entry_id)
    return redirect("/journal?done=deleted")
