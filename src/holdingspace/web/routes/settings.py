"""Settings: region, idle lock, passphrase, export, backup, re-reading older entries, and
deleting everything."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response

from holdingspace import messages as cli_messages
from holdingspace.core.errors import InvalidInput, Refused, WrongPassphrase
from holdingspace.library import topics as library
from holdingspace.services import vault
from holdingspace.services.journal import JournalService
from holdingspace.services.portability import PortabilityService
from holdingspace.web import messages as msg
from holdingspace.web.forms import read_form
from holdingspace.web.pages import REGION_SETTING, redirect, web_of
from holdingspace.web.state import IDLE_RANGE

router = APIRouter()
EXPORTS = {
    "json": ("holdingspace-export.json", "application/json"),
    "markdown": ("holdingspace-journal.md", "text/markdown; charset=utf-8"),
}


def _values(request: Request, **messages: str | None) -> dict[str, Any]:
    web = web_of(request)
    context = web.journal.context()
    region = context.store.get_setting(REGION_SETTING)
    return {
        "region": region if region in library.region_codes() else "",
        "regions": [(c, library.crisis_lines(c).name) for c in library.region_codes()],
        "idle": web.journal.idle_minutes,
        "idle_range": IDLE_RANGE,
        "delete_phrase": cli_messages.DELETE_ALL_PHRASE,
        "stale": 0
        if context.analyser is None or context.analyser.limited
        else JournalService(context).stale_count(),
        "message": None,
        "message_for": None,
        **messages,
    }


def _settings_page(request: Request, status: int, section: str, message: str) -> Response:
    values = _values(request, message=message, message_for=section)
    return web_of(request).page(request, "settings.html", status, refresh=False, **values)


@router.get("/settings")
async def settings_page(request: Request) -> Response:
    return web_of(request).page(request, "settings.html", **_values(request))


@router.post("/settings/region")
async def set_region(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    code = form.get("region").upper()
    if code not in library.region_codes():
        return _settings_page(request, 400, "region", msg.UNKNOWN_REGION)
    web.journal.context().store.set_setting(REGION_SETTING, code)
    return redirect("/settings?done=region")


@router.post("/settings/idle")
async def set_idle(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    try:
        web.journal.set_idle_minutes(form.get("minutes"))
    except InvalidInput as error:
        return _settings_page(request, 400, "idle", str(error))
    return redirect("/settings?done=idle")


@router.post("/settings/passphrase")
async def change_passphrase(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    web.journal.context()
    new = form.get("new_passphrase")
    if new != form.get("repeat_passphrase"):
        return _settings_page(request, 400, "passphrase", msg.PASSPHRASES_DIFFER)
    try:
        vault.change_passphrase(web.journal.home, form.get("passphrase"), new)
    except WrongPassphrase:
        return _settings_page(request, 400, "passphrase", msg.UNLOCK_FAILED)
    except InvalidInput as error:
        return _settings_page(request, 400, "passphrase", str(error))
    return redirect("/settings?done=passphrase")


@router.post("/settings/export")
async def export(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    chosen = form.get("format", "json")
    filename, media_type = EXPORTS.get(chosen, EXPORTS["json"])
    service = PortabilityService(web.journal.context())
    text = service.export_markdown() if chosen == "markdown" else service.export_json()
    return _download(text.encode("utf-8"), filename, media_type)


@router.post("/settings/backup")
async def backup(request: Request) -> Response:
    web = web_of(request)
    await read_form(request, web.guard)
    blob = PortabilityService(web.journal.context()).backup()
    return _download(blob, "holdingspace-backup.hsbackup", "application/octet-stream")


@router.post("/settings/reanalyse")
async def reanalyse(request: Request) -> Response:
    web = web_of(request)
    await read_form(request, web.guard)
    try:
        JournalService(web.journal.context()).reanalyse()
    except Refused as error:
        return _settings_page(request, 400, "reanalyse", str(error))
    return redirect("/settings?done=reanalysed")


def _download(data: bytes, filename: str, media_type: str) -> Response:
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.post("/settings/delete")
async def delete_everything(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    web.journal.context()
    if form.get("confirm").strip().lower() != cli_messages.DELETE_ALL_PHRASE:
        return _settings_page(request, 400, "delete", msg.DELETE_PHRASE_MISMATCH)
    try:
        web.journal.delete_everything(form.get("passphrase"))
    except WrongPassphrase:
        return _settings_page(request, 400, "delete", msg.UNLOCK_FAILED)
    return redirect("/welcome?done=deleted-all")
