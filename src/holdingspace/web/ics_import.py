"""Read session times from a calendar file (.ics), parsed by the icalendar library."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Final

from holdingspace.core.errors import InvalidInput
from holdingspace.web import messages as msg

DEFAULT_MINUTES: Final = 50
MAX_MINUTES: Final = 24 * 60
DATE_ONLY_HOUR: Final = 9


@dataclass(frozen=True, slots=True)
class ImportedSession:
    starts_at: datetime
    duration_minutes: int


def sessions_from_ics(raw: bytes) -> list[ImportedSession]:
    """Every event with a start time, in local wall-clock time, oldest first."""
    from icalendar import Calendar

    try:
        calendar = Calendar.from_ical(raw)
        events = [event for event in calendar.walk("VEVENT") if event.get("DTSTART") is not None]
        found = [_session(event) for event in events]
    except (ValueError, KeyError, TypeError, AttributeError, IndexError):
        raise InvalidInput(msg.BAD_ICS) from None
    if not found:
        raise InvalidInput(msg.ICS_EMPTY)
    return sorted(found, key=lambda s: s.starts_at)


def _session(event: object) -> ImportedSession:
    start = _local(event.get("DTSTART").dt)  # type: ignore[attr-defined]
    end_field = event.get("DTEND")  # type: ignore[attr-defined]
    minutes = DEFAULT_MINUTES
    if end_field is not None:
        length = _local(end_field.dt) - start
        whole = int(length / timedelta(minutes=1))
        if 0 < whole <= MAX_MINUTES:
            minutes = whole
    return ImportedSession(start, minutes)


def _local(value: date | datetime) -> datetime:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone()
        return value.replace(tzinfo=None, second=0, microsecond=0)
    return datetime.combine(value, time(DATE_ONLY_HOUR))
