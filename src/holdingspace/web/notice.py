"""The gentle "too intense" notice for Home, computed from only what the rule reads.

Adapter: ``InsightsService.notice()`` scores every check-in ever taken (about 260 over five
years, most of Home's time budget), while the rule (core/intensity.py) looks only at the
latest few. This scores just those and gives the same answer; tests/web/test_notice.py pins
that it does.
"""

from __future__ import annotations

from datetime import timedelta

from holdingspace.core.entries import EntryQuery
from holdingspace.core.intensity import (
    ENTRY_WINDOW_DAYS,
    HIGH_IN_A_ROW,
    RISING_CHECKINS,
    Notice,
    check_intensity,
)
from holdingspace.services.checkins import WEEKLY_CHECKIN, CheckinService, ScoredCheckIn
from holdingspace.services.context import Context
from holdingspace.services.insights import as_trend_checkin

CHECKINS_READ = max(HIGH_IN_A_ROW, RISING_CHECKINS)


def gentle_notice(context: Context) -> Notice | None:
    now = context.clock()
    weekly = [c for c in context.store.list_checkins() if c.instrument_id == WEEKLY_CHECKIN]
    latest = sorted(weekly, key=lambda c: c.taken_at)[-CHECKINS_READ:]
    instrument = CheckinService(context).instrument(WEEKLY_CHECKIN)
    scored = [
        as_trend_checkin(ScoredCheckIn(c, instrument, instrument.score(c.answers))) for c in latest
    ]
    recent = context.store.list_entries(EntryQuery(since=now - timedelta(days=ENTRY_WINDOW_DAYS)))
    return check_intensity(scored, recent, now.date())
