"""Stored answers: weekly check-ins and session ratings.

Scoring lives with the instruments (core/instruments.py); these records keep only what the
person answered, so a better scoring rule can be applied to old answers later.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True, slots=True)
class CheckIn:
    id: int | None
    uid: str
    taken_at: datetime
    instrument_id: str
    answers: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class Rating:
    """How a session felt, answered afterwards (the alliance items, 0–10 each)."""

    id: int | None
    uid: str
    session_id: int
    rated_at: datetime
    answers: dict[str, int] = field(default_factory=dict)
