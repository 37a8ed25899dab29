"""Small builders for constructed journals, shared by the trends, intensity and prep tests."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta

from holdingspace.core.calendar import Break, BreakReason, Session, SessionStatus
from holdingspace.core.entries import Entry, EntryKind
from holdingspace.core.signs import Analysis
from holdingspace.core.trends import ScoredCheckIn

_ids = iter(range(1, 1_000_000))


def entry(
    when: datetime | date,
    *labels: str,
    text: str = "Some words.",
    kind: EntryKind = EntryKind.JOURNAL,
) -> Entry:
    at = when if isinstance(when, datetime) else datetime.combine(when, time(20, 0))
    analysis = Analysis(labels=labels, scores={}, crisis=False, crisis_score=0.0)
    number = next(_ids)
    return Entry(number, f"e{number}", kind, text, at, at, analysis)


def days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def weekly_sessions(
    first: date, last: date, status: SessionStatus = SessionStatus.HELD
) -> list[Session]:
    return [
        Session(i + 1, f"s{i}", datetime.combine(day, time(10, 0)), status)
        for i, day in enumerate(d for d in days(first, last) if d.weekday() == first.weekday())
    ]


def brk(first: date, last: date, reason: BreakReason = BreakReason.HOLIDAY) -> Break:
    return Break(next(_ids), f"b{first}", first, last, reason)


def checkin(day: date, interference: float, **labels: float) -> ScoredCheckIn:
    return ScoredCheckIn(
        taken_at=datetime.combine(day, time(20, 0)),
        label_scores=labels,
        dimensions={"secure": 2.0, "preoccupied": 1.0, "avoidant_fearful": 1.0},
        interference=interference,
    )
