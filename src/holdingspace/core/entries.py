"""Journal entries: what the person writes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum

from holdingspace.core.errors import InvalidInput
from holdingspace.core.signs import Analysis

MAX_ENTRY_CHARS = 100_000


class EntryKind(StrEnum):
    JOURNAL = "journal"
    LETTER = "letter"
    """An unsent letter to the therapist."""
    TAKEAWAY = "takeaway"
    """Something the therapist said that helped, to re-read between sessions."""


@dataclass(frozen=True, slots=True)
class Entry:
    id: int | None
    uid: str
    kind: EntryKind
    text: str
    created_at: datetime
    updated_at: datetime
    analysis: Analysis | None = None

    def with_text(self, text: str, now: datetime) -> Entry:
        return replace(self, text=check_text(text), updated_at=now, analysis=None)


def check_text(text: str) -> str:
    if not text.strip():
        raise InvalidInput("An entry needs some words; nothing was saved.")
    if len(text) > MAX_ENTRY_CHARS:
        raise InvalidInput(
            f"That entry is longer than {MAX_ENTRY_CHARS:,} characters; please split it in two."
        )
    return text


def parse_kind(value: str) -> EntryKind:
    try:
        return EntryKind(value.strip().lower())
    except ValueError:
        choices = ", ".join(k.value for k in EntryKind)
        raise InvalidInput(f"Unknown kind {value!r}: choose one of {choices}.") from None


@dataclass(frozen=True, slots=True)
class EntryQuery:
    kind: EntryKind | None = None
    since: datetime | None = None
    until: datetime | None = None
    search: str | None = None
    label: str | None = None
    limit: int | None = None
    offset: int = 0
