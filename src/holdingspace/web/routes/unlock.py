"""First run, unlock and lock."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.requests import Request
from starlette.responses import Response
from zxcvbn import zxcvbn

from holdingspace.core.entries import EntryKind
from holdingspace.core.errors import InvalidInput, WrongPassphrase
from holdingspace.library import topics as library
from holdingspace.web import messages as msg
from holdingspace.web.forms import read_form
from holdingspace.web.pages import REGION_SETTING, redirect, web_of
from holdingspace.web.routes.entries import write_values

router = APIRouter()
STRONG_ENOUGH = 3
"""zxcvbn scores 0–4; below 3 the person is told, and may still go ahead."""
DEFAULT_REGION = "INTL"
"""Preselected on the welcome page: the lines for anywhere, until the person chooses."""


def strength(passphrase: str) -> int:
    score = zxcvbn(passphrase[:128], user_inputs=["holdingspace", "therapy", "therapist"])["score"]
    return int(score)


@router.get("/welcome")
async def welcome(request: Request) -> Response:
    web = web_of(request)
    if web.journal.initialised:
        return redirect("/unlock")
    return web.page(
        request,
        "welcome.html",
        refresh=False,
        message=None,
        strength=None,
        regions=web.regions(),
        region=DEFAULT_REGION,
    )


@router.post("/welcome")
async def create(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    if web.journal.initialised:
        return redirect("/unlock")
    passphrase, repeat = form.get("passphrase"), form.get("repeat")
    region = form.get("region", DEFAULT_REGION).upper()
    message, score = None, None
    if region not in library.region_codes():
        message, region = msg.UNKNOWN_REGION, DEFAULT_REGION
    elif passphrase != repeat:
        message = msg.PASSPHRASES_DIFFER
    else:
        score = strength(passphrase)
        if score < STRONG_ENOUGH and not form.has("accept_weak"):
            message = msg.EASY_TO_GUESS
    if message is None:
        try:
            web.journal.create(passphrase)
        except InvalidInput as error:
            message = str(error)
    if message is not None:
        words = None if score is None else msg.STRENGTH_WORDS[score]
        return web.page(
            request,
            "welcome.html",
            400,
            refresh=False,
            message=message,
            strength=words,
            regions=web.regions(),
            region=region,
        )
    web.journal.context().store.set_setting(REGION_SETTING, region)
    return redirect("/?done=created")


@router.get("/unlock")
async def unlock_page(request: Request) -> Response:
    web = web_of(request)
    if not web.journal.initialised:
        return redirect("/welcome")
    if web.journal.unlocked:
        return redirect("/")
    note = msg.LOCKED_AFTER_IDLE if web.journal.locked_by_idle else None
    return web.page(request, "unlock.html", message=None, note=note, carry=None)


@router.post("/unlock")
async def unlock(request: Request) -> Response:
    web = web_of(request)
    form = await read_form(request, web.guard)
    if not web.journal.initialised:
        return redirect("/welcome")
    carry = carried_writing(form.get("carry_text"), form.get("carry_kind"))
    try:
        web.journal.unlock(form.get("passphrase"))
    except WrongPassphrase:
        return web.page(
            request,
            "unlock.html",
            400,
            message=msg.UNLOCK_FAILED,
            note=msg.LOCKED_WHILE_WRITING if carry else None,
            carry=carry,
        )
    if carry:
        return web.page(request, "write.html", refresh=False, **write_values(carry[0], carry[1]))
    return redirect("/")


@router.post("/lock")
async def lock(request: Request) -> Response:
    web = web_of(request)
    await read_form(request, web.guard)
    web.journal.lock()
    return redirect("/unlock")


def carried_writing(text: str, kind: str) -> tuple[str, str] | None:
    """Words posted to Write while the journal was locked, kept only in this one response."""
    if not text.strip():
        return None
    return text, kind if kind in {k.value for k in EntryKind} else EntryKind.JOURNAL.value
