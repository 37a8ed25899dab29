"""The therapy calendar: sessions and the therapist's breaks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from holdingspace.core.errors import InvalidInput


class SessionStatus(StrEnum):
    SCHEDULED = "scheduled"
    HELD = "held"
    RESCHEDULED = "rescheduled"
    CANCELLED_BY_ME = "cancelled-by-me"
    CANCELLED_BY_THERAPIST = "cancelled-by-therapist"
    ENDED_EARLY = "ended-early"
    MISSED = "missed"

    @property
    def is_disruption(self) -> bool:
        """A change to the frame that the person may feel (see labels.md: sensitivity_to_change)."""
        return self in _DISRUPTIONS


_DISRUPTIONS = frozenset(
    {
        SessionStatus.RESCHEDULED,
        SessionStatus.CANCELLED_BY_ME,
        SessionStatus.CANCELLED_BY_THERAPIST,
        SessionStatus.ENDED_EARLY,
        SessionStatus.MISSED,
    }
)


class BreakReason(StrEnum):
    HOLIDAY = "holiday"
    LEAVE = "leave"
    ENDING = "ending"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Session:
    id: int | None
    uid: str
    starts_at: datetime
    status: SessionStatus = SessionStatus.SCHEDULED
    duration_minutes: int = 50
    note: str = ""


@dataclass(frozen=True, slots=True)
class Break:
    """A stretch of days (both inclusive) when the therapist is away."""

    id: int | None
    uid: str
    starts_on: date
    ends_on: date
    reason: BreakReason = BreakReason.HOLIDAY
    note: str = ""

    def __post_init__(self) -> None:
        if self.ends_on < self.starts_on:
            raise InvalidInput(
                f"A break cannot end ({self.ends_on}) before it starts ({self.starts_on})."
            )

    def covers(self, day: date) -> bool:
        return self.starts_on <= day <= self.ends_on


def parse_when(value: str) -> datetime:
    """An ISO date and time such as 2026-11-20T10:00 (a date alone means 09:00)."""
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(
            f"{value!r} is not a date and time; use the form 2026-11-20T10:00."
        ) from None
    if len(value.strip()) == 10:
        parsed = parsed.replace(hour=9)
    return parsed.replace(tzinfo=None)


def parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise InvalidInput(f"{value!r} is not a date; use the form 2026-12-24.") from None


def parse_status(value: str) -> SessionStatus:
    try:
        return SessionStatus(value.strip().lower().replace("_", "-"))
    except ValueError:
        choices = ", ".join(s.value for s in SessionStatus)
        raise InvalidInput(f"Unknown status {value!r}: choose one of {choices}.") from None


def parse_reason(value: str) -> BreakReason:
    try:
        return BreakReason(value.strip().lower())
    except ValueError:
        choices = ", ".join(r.value for r in BreakReason)
        raise InvalidInput(f"Unknown reason {value!r}: choose one of {choices}.") from None
