"""Reading a posted form: the CSRF token first, then the fields as plain strings.

A form without its token is refused outright. A form whose token is no longer valid (the page
sat open too long) is a *stale* form: nothing is saved, and every field the person typed is
sent back to them on a page that posts it again with a fresh token.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from starlette.datastructures import UploadFile
from starlette.requests import Request

from holdingspace.web.security import CSRF_FIELD, MAX_BODY_BYTES, CsrfCheck, Guard

MAX_FIELDS = 400


class FormRefused(Exception):
    """A POST without its CSRF token."""


class StaleForm(Exception):
    def __init__(self, action: str, fields: list[tuple[str, str]], had_file: bool) -> None:
        super().__init__("stale form")
        self.action = action
        self.fields = fields
        self.had_file = had_file


@dataclass
class Form:
    fields: list[tuple[str, str]]
    files: dict[str, bytes] = field(default_factory=dict)
    """Uploaded files, read whole (the body is capped by the guard) and closed at once."""

    def get(self, name: str, default: str = "") -> str:
        return next((value for key, value in self.fields if key == name), default)

    def all(self, name: str) -> list[str]:
        return [value for key, value in self.fields if key == name]

    def has(self, name: str) -> bool:
        return any(key == name for key, _ in self.fields)


async def read_form(request: Request, guard: Guard) -> Form:
    fields: list[tuple[str, str]] = []
    files: dict[str, bytes] = {}
    async with request.form(
        max_files=2, max_fields=MAX_FIELDS, max_part_size=MAX_BODY_BYTES
    ) as data:
        for key, value in data.multi_items():
            if isinstance(value, UploadFile):
                files[key] = await value.read()
            elif key != CSRF_FIELD:
                fields.append((key, value))
        given = data.get(CSRF_FIELD)
    check = guard.check_csrf(request.state.session, given if isinstance(given, str) else None)
    if check == CsrfCheck.MISSING:
        raise FormRefused
    if check == CsrfCheck.STALE:
        kept = [(key, value) for key, value in fields if "passphrase" not in key]
        raise StaleForm(request.url.path, kept, had_file=any(files.values()))
    return Form(fields, files)
