"""The "too intense" rule: when to show a gentle notice suggesting to bring it up in session.

The notice is shown when any one of these holds (docs/too-intense.md explains why):

1. **High and staying high**: the interference index (0–4) was at least ``HIGH_INTERFERENCE``
   (2.5) on each of the last ``HIGH_IN_A_ROW`` (2) check-ins.
2. **Rising**: over the last ``RISING_CHECKINS`` (4) check-ins, spanning at least three weeks,
   the interference index never fell, rose by at least ``RISING_BY`` (1.0) in all, and ended
   at ``RISING_TO`` (1.5) or more.
3. **In the writing**: at least ``ENTRIES_WITH_SIGN`` (3) entries carrying the
   ``interference`` sign in the last ``ENTRY_WINDOW_DAYS`` (14) days.

Check-ins count only while they are recent: the latest must be at most ``STALE_AFTER_DAYS``
(14) old, so an old stretch never raises a notice today.

The notice is an invitation, never an alarm and never a diagnosis: it names what was noticed,
suggests bringing it up in session and links the library topic ``too-intense``. Crisis is
separate (the safety response, shown before anything else) and is not decided here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import pairwise

from holdingspace.core import insight_messages as msg
from holdingspace.core.entries import Entry
from holdingspace.core.trends import ScoredCheckIn

TOPIC = "too-intense"
HIGH_INTERFERENCE = 2.5
HIGH_IN_A_ROW = 2
RISING_CHECKINS = 4
CHECKINS_READ = max(HIGH_IN_A_ROW, RISING_CHECKINS)
"""The rule never looks further back than this many check-ins."""
RISING_MIN_DAYS = 21
RISING_BY = 1.0
RISING_TO = 1.5
ENTRIES_WITH_SIGN = 3
ENTRY_WINDOW_DAYS = 14
STALE_AFTER_DAYS = 14
SIGN = "interference"


@dataclass(frozen=True, slots=True)
class Notice:
    title: str
    body: str
    reasons: tuple[str, ...]
    topic: str = TOPIC
    link_text: str = msg.NOTICE_LINK


def check_intensity(
    checkins: Sequence[ScoredCheckIn], entries: Sequence[Entry], today: date
) -> Notice | None:
    """The gentle notice, or None when none of the three rules holds."""
    ordered = sorted(checkins, key=lambda c: c.taken_at)
    recent = bool(ordered) and (today - ordered[-1].taken_at.date()).days <= STALE_AFTER_DAYS
    reasons = [
        reason
        for reason in (
            _high(ordered) if recent else None,
            _rising(ordered) if recent else None,
            _in_writing(entries, today),
        )
        if reason is not None
    ]
    if not reasons:
        return None
    return Notice(msg.NOTICE_TITLE, msg.NOTICE_BODY, tuple(reasons))


def _high(checkins: Sequence[ScoredCheckIn]) -> str | None:
    last = checkins[-HIGH_IN_A_ROW:]
    if len(last) < HIGH_IN_A_ROW or any(c.interference < HIGH_INTERFERENCE for c in last):
        return None
    return msg.NOTICE_REASON_HIGH.format(count=len(last), lowest=HIGH_INTERFERENCE)


def _rising(checkins: Sequence[ScoredCheckIn]) -> str | None:
    last = checkins[-RISING_CHECKINS:]
    if len(last) < RISING_CHECKINS:
        return None
    span = (last[-1].taken_at - last[0].taken_at).days
    values = [c.interference for c in last]
    never_fell = all(b >= a for a, b in pairwise(values))
    if (
        span >= RISING_MIN_DAYS
        and never_fell
        and values[-1] - values[0] >= RISING_BY
        and values[-1] >= RISING_TO
    ):
        return msg.NOTICE_REASON_RISING.format(
            weeks=round(span / 7), first=round(values[0], 1), last=round(values[-1], 1)
        )
    return None


def _in_writing(entries: Sequence[Entry], today: date) -> str | None:
    since = today - timedelta(days=ENTRY_WINDOW_DAYS - 1)
    count = sum(
        1
        for e in entries
        if e.analysis is not None
        and SIGN in e.analysis.labels
        and since <= e.created_at.date() <= today
    )
    if count < ENTRIES_WITH_SIGN:
        return None
    return msg.NOTICE_REASON_ENTRIES.format(days=ENTRY_WINDOW_DAYS, count=count)
