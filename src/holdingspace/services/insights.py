"""Trends, the gentle notice, the prep note and the calendar export, over a Context."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from functools import cache
from importlib import resources

from holdingspace.core.entries import EntryQuery
from holdingspace.core.errors import InvalidInput
from holdingspace.core.intensity import (
    CHECKINS_READ,
    ENTRY_WINDOW_DAYS,
    Notice,
    check_intensity,
)
from holdingspace.core.prep import PrepInput, PrepNote, Starters, build_prep_note
from holdingspace.core.trends import DIMENSIONS, ScoredCheckIn, Trends, compute_trends
from holdingspace.exchange import calendar_ics, prep_markdown, prep_pdf
from holdingspace.services.checkins import WEEKLY_CHECKIN, CheckinService
from holdingspace.services.checkins import ScoredCheckIn as StoredScore
from holdingspace.services.context import Context

MIN_PREP_DAYS = 7
"""Without ``since``, the note covers the days since the last session, and at least a week."""
LABEL_GROUP = "labels"
INTERFERENCE_INDEX = "interference_index"


def as_trend_checkin(done: StoredScore) -> ScoredCheckIn:
    """A scored weekly check-in as the plain numbers trends and the notice read."""
    groups = done.score.groups()
    others = {
        sid: score.value
        for group, scores in groups.items()
        if group != LABEL_GROUP
        for sid, score in scores.items()
    }
    return ScoredCheckIn(
        taken_at=done.checkin.taken_at,
        label_scores={sid: s.value for sid, s in groups.get(LABEL_GROUP, {}).items()},
        dimensions={name: others[name] for name in DIMENSIONS if name in others},
        interference=others.get(INTERFERENCE_INDEX, 0.0),
    )


@cache
def built_in_starters() -> Starters:
    source = resources.files("holdingspace.library").joinpath("starters.json")
    data = json.loads(source.read_text(encoding="utf-8"))
    return {str(key): tuple(str(s) for s in values) for key, values in data.items()}


class InsightsService:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.store = context.store

    def scored_checkins(self) -> list[ScoredCheckIn]:
        history = CheckinService(self.context).history(WEEKLY_CHECKIN)
        return [as_trend_checkin(done) for done in history]

    def trends(self, checkins: Sequence[ScoredCheckIn] | None = None) -> Trends:
        return compute_trends(
            entries=self.store.list_entries(),
            checkins=self.scored_checkins() if checkins is None else checkins,
            ratings=self.store.list_ratings(),
            sessions=self.store.list_sessions(),
            breaks=self.store.list_breaks(),
            today=self.context.clock().date(),
        )

    def notice(self, checkins: Sequence[ScoredCheckIn] | None = None) -> Notice | None:
        """The gentle "too intense" notice, or None. Crisis help is separate and comes first."""
        now = self.context.clock()
        since = now - timedelta(days=ENTRY_WINDOW_DAYS)
        recent = self.store.list_entries(EntryQuery(since=since))
        scored = self._latest_scored_checkins() if checkins is None else checkins
        return check_intensity(scored, recent, now.date())

    def _latest_scored_checkins(self) -> list[ScoredCheckIn]:
        """Only the check-ins the rule reads: scoring years of them would slow every Home."""
        weekly = [c for c in self.store.list_checkins() if c.instrument_id == WEEKLY_CHECKIN]
        latest = sorted(weekly, key=lambda c: c.taken_at)[-CHECKINS_READ:]
        instrument = CheckinService(self.context).instrument(WEEKLY_CHECKIN)
        return [
            as_trend_checkin(StoredScore(c, instrument, instrument.score(c.answers)))
            for c in latest
        ]

    def overview(self) -> tuple[Trends, Notice | None]:
        """Trends and the notice together, scoring the check-ins once."""
        scored = self.scored_checkins()
        return self.trends(scored), self.notice(scored)

    def default_since(self) -> date:
        """The day of the last session so far, or a week ago if that is sooner."""
        now = self.context.clock()
        week_ago = now.date() - timedelta(days=MIN_PREP_DAYS)
        started = [s.starts_at.date() for s in self.store.list_sessions() if s.starts_at <= now]
        return min(max(started, default=week_ago), week_ago)

    def prep(
        self,
        since: date | None = None,
        picks: Sequence[int] = (),
        say: Sequence[str] = (),
        starters: Starters | None = None,
    ) -> PrepNote:
        now = self.context.clock()
        start = since or self.default_since()
        if start > now.date():
            raise InvalidInput(f"The period cannot start in the future ({start}).")
        length = (now.date() - start).days + 1
        from_day = start - timedelta(days=length)
        entries = self.store.list_entries(EntryQuery(since=_midnight(from_day)))
        picked = [self.store.get_entry(entry_id) for entry_id in dict.fromkeys(picks)]
        given = PrepInput(
            since=start,
            now=now,
            entries=entries,
            picked=picked,
            to_say=say,
            checkins=self.scored_checkins(),
            sessions=self.store.list_sessions(),
            breaks=self.store.list_breaks(),
        )
        return build_prep_note(given, starters if starters is not None else built_in_starters())

    def export_prep(self, note: PrepNote, fmt: str, paper: str = "A4") -> bytes:
        """The note as Markdown (``md``) or PDF (``pdf``, on ``A4`` or ``Letter`` paper)."""
        if fmt == "md":
            return prep_markdown.render_markdown(note).encode("utf-8")
        if fmt != "pdf":
            raise InvalidInput(f"Unknown format {fmt!r}: choose md or pdf.")
        if paper.casefold() not in ("a4", "letter"):
            raise InvalidInput(f"Unknown paper {paper!r}: choose A4 or Letter.")
        return prep_pdf.render_pdf(note, "Letter" if paper.casefold() == "letter" else "A4")

    def calendar_file(self) -> bytes:
        return calendar_ics.render_ics(
            self.store.list_sessions(), self.store.list_breaks(), self.context.clock()
        )


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time())
