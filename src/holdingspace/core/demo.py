"""A made-up but realistic journal, so a new user can see every screen filled in.

Deterministic: the same seed, clock and length give the same journal. The story it tells:
weekly sessions on one weekday (a few moved, cancelled or cut short), the therapist's summer,
winter and spring breaks, one longer leave, a holiday starting in a few weeks (and, only when
asked, an ending), an entry most days, a check-in most weeks and a rating after most sessions.
Over the years the writing moves from shame and longing towards safety and warmth; the signs
rise before and during breaks, after a change, and as the days since a session add up; the
last three weeks grow more intense, so the gentle notice has something to show.

Entries carry an Analysis made here (``model_version="demo"``), with the evidence spans of the
sentences that carry each sign, so no model is needed to build or read the demo.
"""

from __future__ import annotations

import bisect
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from holdingspace.core import demo_texts as texts
from holdingspace.core.calendar import Break, BreakReason, Session, SessionStatus
from holdingspace.core.entries import Entry, EntryKind
from holdingspace.core.labels import LABELS
from holdingspace.core.records import CheckIn
from holdingspace.core.signs import Analysis, Evidence
from holdingspace.core.trends import RATING_ITEMS

MODEL_VERSION = "demo"
SESSIONS_AHEAD_WEEKS = 8
INTENSE_DAYS = 21
MAX_SIGNS_PER_ENTRY = 3
GENERAL = "general"
"""What a check-in item measures when it belongs to no label and is not about interference."""

_PAST_STATUSES = (
    (SessionStatus.HELD, 0.895),
    (SessionStatus.RESCHEDULED, 0.04),
    (SessionStatus.CANCELLED_BY_THERAPIST, 0.025),
    (SessionStatus.CANCELLED_BY_ME, 0.015),
    (SessionStatus.ENDED_EARLY, 0.02),
    (SessionStatus.MISSED, 0.005),
)


@dataclass(frozen=True, slots=True)
class DemoItem:
    """A check-in question as the demo needs it: what it measures and its scale."""

    id: str
    measures: str
    lowest: int = 0
    highest: int = 4
    reverse: bool = False


@dataclass(frozen=True, slots=True)
class DemoRating:
    session_index: int
    """Where the rated session sits in ``DemoJournal.sessions`` (its id is known once stored)."""
    rated_at: datetime
    answers: dict[str, int]
    uid: str


@dataclass
class DemoJournal:
    entries: list[Entry] = field(default_factory=list)
    sessions: list[Session] = field(default_factory=list)
    breaks: list[Break] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    ratings: list[DemoRating] = field(default_factory=list)


def generate_demo(
    seed: int,
    now: datetime,
    years: float,
    items: Sequence[DemoItem],
    instrument_id: str,
    *,
    ending: bool = False,
) -> DemoJournal:
    return _Builder(random.Random(seed), now.replace(microsecond=0), years, ending).build(
        items, instrument_id
    )


class _Builder:
    def __init__(self, rng: random.Random, now: datetime, years: float, ending: bool) -> None:
        self.rng = rng
        self.now = now
        self.today = now.date()
        self.start = self.today - timedelta(days=max(int(years * 365), 28))
        self.ending = ending
        self.name = rng.choice(texts.THERAPIST_NAMES)
        self.journal = DemoJournal()
        self.session_weekday = rng.choice((0, 1, 2, 3))
        self.session_time = time(rng.choice((9, 10, 14, 17, 18)), 0)
        self.reference = self.name

    def uid(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"

    def build(self, items: Sequence[DemoItem], instrument_id: str) -> DemoJournal:
        self._breaks()
        self._sessions()
        self.met = sorted(
            s.starts_at
            for s in self.journal.sessions
            if s.status in (SessionStatus.HELD, SessionStatus.ENDED_EARLY)
        )
        self.changes = [s.starts_at.date() for s in self.journal.sessions if s.status.is_disruption]
        self._entries()
        self._checkins(items, instrument_id)
        self._ratings()
        return self.journal

    # --- calendar --------------------------------------------------------------------------

    def _add_break(self, starts: date, days: int, reason: BreakReason) -> None:
        ends = starts + timedelta(days=days - 1)
        if any(b.starts_on <= ends and starts <= b.ends_on for b in self.journal.breaks):
            return
        self.journal.breaks.append(Break(None, self.uid(), starts, ends, reason))

    def _breaks(self) -> None:
        rng = self.rng
        for year in range(self.start.year, self.today.year + 1):
            summer = date(year, 7, 28) + timedelta(days=rng.randint(0, 14))
            winter = date(year, 12, 21) + timedelta(days=rng.randint(0, 2))
            spring = date(year, 4, 1) + timedelta(days=rng.randint(0, 14))
            candidates = [(summer, rng.choice((14, 17, 21)), BreakReason.HOLIDAY)]
            candidates.append((winter, rng.choice((11, 12, 14)), BreakReason.HOLIDAY))
            if rng.random() < 0.5:
                candidates.append((spring, rng.choice((7, 9)), BreakReason.HOLIDAY))
            for starts, days, reason in candidates:
                if self.start < starts and starts + timedelta(days=days) < self.today:
                    self._add_break(starts, days, reason)
        leave_start = self.start + timedelta(days=int((self.today - self.start).days * 0.45))
        self._add_break(leave_start, rng.choice((28, 35, 42)), BreakReason.LEAVE)
        upcoming = self.today + timedelta(days=rng.randint(12, 20))
        self._add_break(upcoming, rng.choice((10, 14)), BreakReason.HOLIDAY)
        if self.ending:
            last = self.today + timedelta(weeks=SESSIONS_AHEAD_WEEKS - 1)
            self.journal.breaks.append(Break(None, self.uid(), last, last, BreakReason.ENDING))
        self.journal.breaks.sort(key=lambda b: b.starts_on)

    def _on_break(self, day: date) -> bool:
        return any(
            b.covers(day) or (b.reason is BreakReason.ENDING and day >= b.starts_on)
            for b in self.journal.breaks
        )

    def _sessions(self) -> None:
        rng = self.rng
        first = self.start + timedelta(days=(self.session_weekday - self.start.weekday()) % 7)
        last = self.today + timedelta(weeks=SESSIONS_AHEAD_WEEKS)
        day = first
        while day <= last:
            starts = datetime.combine(day, self.session_time)
            if not self._on_break(day):
                if starts >= self.now:
                    self._add_session(starts, SessionStatus.SCHEDULED)
                else:
                    status = rng.choices(*zip(*_PAST_STATUSES, strict=True))[0]
                    self._add_session(starts, status)
                    if status is SessionStatus.RESCHEDULED:
                        moved = starts + timedelta(
                            days=rng.choice((1, 2, 3)), hours=rng.choice((-2, 3, 7))
                        )
                        if moved < self.now:
                            self._add_session(moved, SessionStatus.HELD)
            day += timedelta(weeks=1)
        self.journal.sessions.sort(key=lambda s: s.starts_at)

    def _add_session(self, starts: datetime, status: SessionStatus) -> None:
        minutes = 50 if status is not SessionStatus.ENDED_EARLY else self.rng.choice((30, 35, 40))
        self.journal.sessions.append(Session(None, self.uid(), starts, status, minutes))

    # --- how the signs move ----------------------------------------------------------------

    def _progress(self, day: date) -> float:
        span = max((self.today - self.start).days, 1)
        return min(max((day - self.start).days / span, 0.0), 1.0)

    def _days_since_session(self, at: datetime) -> int:
        i = bisect.bisect_right(self.met, at)
        return (at.date() - self.met[i - 1].date()).days if i else 7

    def _near(self, day: date) -> tuple[bool, bool, bool]:
        """Whether ``day`` is in the week before a break, inside one, or just after a change."""
        before = any(0 < (b.starts_on - day).days <= 7 for b in self.journal.breaks)
        during = any(b.covers(day) for b in self.journal.breaks)
        after = any(0 <= (day - c).days <= 3 for c in self.changes)
        return before, during, after

    def chances(self, at: datetime) -> dict[str, float]:
        """How likely an entry written at ``at`` is to carry each sign."""
        day = at.date()
        p = self._progress(day)
        before, during, after = self._near(day)
        since = self._days_since_session(at)
        intense = (self.today - day).days < INTENSE_DAYS
        chance = {
            "approval": 0.35 - 0.2 * p,
            "sensitivity_to_change": 0.08 + 0.45 * before + 0.45 * during + 0.4 * after,
            "wanting_more_contact": 0.22 - 0.12 * p + 0.15 * during + 0.1 * intense,
            "embarrassment": 0.32 - 0.25 * p,
            "loyalty": 0.08 + 0.12 * p,
            "missing": 0.7 if during else min(0.06 + 0.05 * since, 0.4),
            "safe_space": 0.12 + 0.25 * p,
            "warm_feelings": 0.18 + 0.18 * p,
            "uncomfortable_feelings": 0.14 - 0.06 * p + 0.2 * after + 0.1 * before,
            "romantic_feelings": 0.12 if p < 0.2 else 0.03,
            "interference": 0.12 - 0.1 * p + 0.3 * intense,
        }
        return {label: min(max(value, 0.0), 0.9) for label, value in chance.items()}

    # --- entries ---------------------------------------------------------------------------

    def _entries(self) -> None:
        rng = self.rng
        day = self.start
        while day <= self.today:
            for _ in range(rng.choices((0, 1, 2), (0.25, 0.55, 0.2))[0]):
                at = datetime.combine(day, time(rng.randint(7, 22), rng.randint(0, 59)))
                if at <= self.now:
                    self.journal.entries.append(self._entry(at))
            day += timedelta(days=1)
        self.journal.entries.sort(key=lambda e: e.created_at)

    def _fill(self, template: str) -> str:
        rng = self.rng
        therapist = self.reference
        possessive = "your" if therapist == "you" else f"{therapist}'s"
        text = template.format(
            T=therapist,
            Ts=possessive,
            day=texts.WEEKDAYS[self.session_weekday],
            when=rng.choice(texts.WHEN),
            topic=rng.choice(texts.TOPICS),
        )
        return text[0].upper() + text[1:]

    def _entry(self, at: datetime) -> Entry:
        rng = self.rng
        kind = rng.choices(list(EntryKind), (0.75, 0.1, 0.15))[0]
        letter = kind is EntryKind.LETTER
        signs: list[str] = []
        parts: list[tuple[str, str | None]] = []
        self.reference = "you" if letter else rng.choice((self.name, self.name, "my therapist"))
        if kind is EntryKind.TAKEAWAY:
            parts.append((self._fill(rng.choice(texts.TAKEAWAY_SENTENCES)), None))
            if rng.random() < 0.3:
                signs.append(rng.choice(("safe_space", "warm_feelings")))
        else:
            chances = self.chances(at)
            signs = [label for label in LABELS if rng.random() < chances[label]]
            rng.shuffle(signs)
            signs = signs[:MAX_SIGNS_PER_ENTRY]
        parts += [(self._fill(rng.choice(texts.SIGN_SENTENCES[s])), s) for s in signs]
        if not letter:
            for _ in range(rng.choice((1, 1, 2)) if signs else rng.choice((2, 3))):
                position = rng.randint(0, len(parts))
                parts.insert(position, (self._fill(rng.choice(texts.NEUTRAL_SENTENCES)), None))
        return self._assemble(kind, at, parts, letter=letter)

    def _assemble(
        self, kind: EntryKind, at: datetime, parts: list[tuple[str, str | None]], *, letter: bool
    ) -> Entry:
        rng = self.rng
        prefix = rng.choice(texts.LETTER_OPENINGS).format(name=self.name) + "\n\n" if letter else ""
        text, evidence = prefix, []
        for sentence, sign in parts:
            if text and not text.endswith("\n"):
                text += " "
            if sign is not None:
                evidence.append(Evidence(sign, len(text), len(text) + len(sentence)))
            text += sentence
        if letter:
            text += "\n\n" + rng.choice(texts.LETTER_CLOSINGS)
        labels = tuple(label for label in LABELS if any(e.label == label for e in evidence))
        scores = {
            label: round(rng.uniform(0.7, 0.97) if label in labels else rng.uniform(0.01, 0.2), 3)
            for label in LABELS
        }
        analysis = Analysis(
            labels=labels,
            scores=scores,
            crisis=False,
            crisis_score=round(rng.uniform(0.0, 0.02), 3),
            evidence=tuple(evidence),
            model_version=MODEL_VERSION,
        )
        return Entry(None, self.uid(), kind, text, at, at, analysis)

    # --- check-ins and ratings -------------------------------------------------------------

    def _checkins(self, items: Sequence[DemoItem], instrument_id: str) -> None:
        rng = self.rng
        day = self.start + timedelta(days=(6 - self.start.weekday()) % 7 + 7)
        while day <= self.today:
            at = datetime.combine(day, time(rng.choice((19, 20, 21)), rng.randint(0, 59)))
            if at <= self.now and rng.random() > 0.02:
                week = [self.chances(at - timedelta(days=d)) for d in range(7)]
                mean = {label: sum(w[label] for w in week) / 7 for label in LABELS}
                answers = {item.id: self._answer(item, mean) for item in items}
                self.journal.checkins.append(CheckIn(None, self.uid(), at, instrument_id, answers))
            day += timedelta(weeks=1)

    def _answer(self, item: DemoItem, mean: dict[str, float]) -> int:
        if item.measures in mean:
            level = mean[item.measures] * (10 if item.measures == "interference" else 6)
        else:
            level = 1.5
        value = round(level + self.rng.gauss(0, 0.6))
        value = min(max(value, item.lowest), item.highest)
        return item.lowest + item.highest - value if item.reverse else value

    def _ratings(self) -> None:
        rng = self.rng
        for index, session in enumerate(self.journal.sessions):
            if session.status not in (SessionStatus.HELD, SessionStatus.ENDED_EARLY):
                continue
            rated_at = session.starts_at + timedelta(hours=rng.randint(1, 6))
            if rated_at > self.now or rng.random() > 0.85:
                continue
            base = 7.0 + 1.5 * self._progress(session.starts_at.date())
            if session.status is SessionStatus.ENDED_EARLY:
                base -= 2.5
            if any(
                0 <= (session.starts_at.date() - b.ends_on).days <= 7 for b in self.journal.breaks
            ):
                base -= 1.5
            answers = {
                item: min(max(round(base + rng.gauss(0, 0.9)), 0), 10) for item in RATING_ITEMS
            }
            self.journal.ratings.append(DemoRating(index, rated_at, answers, self.uid()))
