"""The session-prep note: a one-page note the person builds for their next session.

It holds, in this order:
- what they noticed in the chosen period (the signs in their entries, and how they changed
  against the same length of time before; a clear change in their check-ins);
- passages from their own entries, only the ones they picked (nothing else of what they wrote);
- what they want to say or ask, in their own words;
- two or three opening sentences, chosen from the starter bank for the signs they carried;
- a plan for the break, when their therapist's next break starts within ``BREAK_AHEAD_DAYS``;
- a plan for the last sessions, when a break whose reason is an ending lies ahead.

The starter bank is passed in (``{"<label>": [...], "general": [...], "break": [...],
"ending": [...]}``), so this module stays free of I/O.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from holdingspace.core import insight_messages as msg
from holdingspace.core.calendar import Break, BreakReason, Session, SessionStatus
from holdingspace.core.entries import Entry, EntryKind
from holdingspace.core.labels import LABEL_TITLES, LABELS
from holdingspace.core.trends import DIMENSIONS, MIN_SCORE_CHANGE, ScoredCheckIn

Starters = Mapping[str, Sequence[str]]

BREAK_AHEAD_DAYS = 28
MAX_NOTICED_SIGNS = 4
MAX_STARTERS = 3
MIN_STARTERS = 2
MAX_PASSAGE_CHARS = 700
MAX_TAKEAWAYS = 3
SIGN_CHANGE_RATIO = 1.5
"""A sign came up 'more often' when its share of entries is 1.5 times that of the period before."""

KIND_TITLES: dict[EntryKind, str] = {
    EntryKind.JOURNAL: "Journal",
    EntryKind.LETTER: "Unsent letter",
    EntryKind.TAKEAWAY: "Takeaway",
}


@dataclass(frozen=True, slots=True)
class Passage:
    entry_id: int
    day: date
    heading: str
    text: str
    shortened: bool


@dataclass(frozen=True, slots=True)
class BreakPlan:
    starts_on: date
    ends_on: date
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class EndingPlan:
    ends_on: date
    lines: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PrepNote:
    since: date
    until: date
    next_session: datetime | None
    noticed: tuple[str, ...]
    passages: tuple[Passage, ...]
    to_say: tuple[str, ...]
    starters: tuple[str, ...]
    carried: tuple[str, ...]
    """The signs the period carried, most frequent first (the starters were chosen for these)."""
    break_plan: BreakPlan | None
    ending_plan: EndingPlan | None

    @property
    def title(self) -> str:
        return msg.PREP_TITLE

    @property
    def period(self) -> str:
        return msg.PREP_PERIOD.format(since=_day_text(self.since), until=_day_text(self.until))

    @property
    def next_session_text(self) -> str | None:
        if self.next_session is None:
            return None
        when = self.next_session
        return msg.PREP_NEXT_SESSION.format(when=f"{when:%A} {when.day} {when:%B %Y, %H:%M}")


@dataclass(frozen=True, slots=True)
class PrepInput:
    """Everything the note is built from; the service gathers it from the store."""

    since: date
    now: datetime
    entries: Sequence[Entry]
    """Every entry from the period before ``since`` (of the same length) up to now."""
    picked: Sequence[Entry]
    to_say: Sequence[str]
    checkins: Sequence[ScoredCheckIn]
    sessions: Sequence[Session]
    breaks: Sequence[Break]


def build_prep_note(given: PrepInput, starters: Starters) -> PrepNote:
    today = given.now.date()
    in_period = _between(given.entries, given.since, today)
    length = max((today - given.since).days + 1, 1)
    before = _between(
        given.entries, given.since - timedelta(days=length), given.since - timedelta(days=1)
    )
    carried = _carried(in_period)
    upcoming = _next_break(given.breaks, today)
    ending = _next_ending(given.breaks, today)
    break_plan = _break_plan(upcoming, given.entries, given.picked) if upcoming else None
    return PrepNote(
        since=given.since,
        until=today,
        next_session=_next_session(given.sessions, given.now),
        noticed=tuple(_noticed(in_period, before, carried, given.checkins, given.since)),
        passages=tuple(_passage(e) for e in sorted(given.picked, key=lambda e: e.created_at)),
        to_say=tuple(s.strip() for s in given.to_say if s.strip()),
        starters=choose_starters(
            carried, starters, break_ahead=upcoming is not None, ending_ahead=ending is not None
        ),
        carried=tuple(carried),
        break_plan=break_plan,
        ending_plan=_ending_plan(ending, given.sessions, given.now) if ending else None,
    )


def choose_starters(
    carried: Sequence[str], starters: Starters, *, break_ahead: bool, ending_ahead: bool
) -> tuple[str, ...]:
    """Two or three opening sentences: one per sign carried (most frequent first), then for an
    ending or a break ahead, then general ones to make up at least two."""
    chosen: list[str] = []

    def take(key: str) -> None:
        for sentence in starters.get(key, ()):
            if sentence not in chosen:
                chosen.append(sentence)
                return

    keys = list(carried)
    if ending_ahead:
        keys.insert(0, "ending")
    elif break_ahead:
        keys.insert(0, "break")
    for key in keys:
        if len(chosen) >= MAX_STARTERS:
            break
        take(key)
    for _ in range(MIN_STARTERS):
        if len(chosen) < MIN_STARTERS:
            take("general")
    return tuple(chosen)


def _day_text(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _between(entries: Sequence[Entry], first: date, last: date) -> list[Entry]:
    return [e for e in entries if first <= e.created_at.date() <= last]


def _label_counts(entries: Sequence[Entry]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for entry in entries:
        if entry.analysis is not None:
            counts.update(label for label in entry.analysis.labels if label in LABEL_TITLES)
    return counts


def _carried(entries: Sequence[Entry]) -> list[str]:
    counts = _label_counts(entries)
    return sorted(counts, key=lambda label: (-counts[label], LABELS.index(label)))


def _noticed(
    in_period: Sequence[Entry],
    before: Sequence[Entry],
    carried: Sequence[str],
    checkins: Sequence[ScoredCheckIn],
    since: date,
) -> list[str]:
    if not in_period:
        lines = [msg.PREP_NOTHING_WRITTEN]
    else:
        lines = [
            msg.PREP_ENTRY_COUNT_ONE
            if len(in_period) == 1
            else msg.PREP_ENTRY_COUNT.format(count=len(in_period))
        ]
        counts, earlier = _label_counts(in_period), _label_counts(before)
        for label in carried[:MAX_NOTICED_SIGNS]:
            share = counts[label] / len(in_period)
            earlier_share = earlier[label] / len(before) if before else None
            template = msg.PREP_SIGN_COUNT
            if earlier_share is not None and share >= SIGN_CHANGE_RATIO * earlier_share:
                template = msg.PREP_SIGN_MORE
            elif earlier_share is not None and earlier_share >= SIGN_CHANGE_RATIO * share:
                template = msg.PREP_SIGN_LESS
            lines.append(template.format(label=LABEL_TITLES[label], count=counts[label]))
        if not carried:
            lines.append(msg.PREP_NO_SIGNS)
    lines.extend(_checkin_changes(checkins, since))
    return lines


def _checkin_changes(checkins: Sequence[ScoredCheckIn], since: date) -> list[str]:
    ordered = sorted(checkins, key=lambda c: c.taken_at)
    inside = [c for c in ordered if c.taken_at.date() >= since]
    earlier = [c for c in ordered if c.taken_at.date() < since]
    if not inside or not earlier:
        return []
    first, last = earlier[-1], inside[-1]
    pairs = [
        (msg.DIMENSION_TITLES[name], first.dimensions.get(name), last.dimensions.get(name))
        for name in DIMENSIONS
    ]
    pairs.append((msg.INTERFERENCE_TITLE, first.interference, last.interference))
    return [
        msg.PREP_CHECKIN_CHANGE.format(
            measure=title.lower(), before=round(old, 1), after=round(new, 1)
        )
        for title, old, new in pairs
        if old is not None and new is not None and abs(new - old) >= MIN_SCORE_CHANGE
    ]


def _passage(entry: Entry) -> Passage:
    assert entry.id is not None
    text = entry.text.strip()
    shortened = len(text) > MAX_PASSAGE_CHARS
    if shortened:
        text = text[:MAX_PASSAGE_CHARS].rsplit(" ", 1)[0].rstrip(" ,;:") + " …"
    day = entry.created_at.date()
    heading = msg.PREP_PASSAGE_HEADING.format(kind=KIND_TITLES[entry.kind], day=_day_text(day))
    return Passage(entry.id, day, heading, text, shortened)


def _next_session(sessions: Sequence[Session], now: datetime) -> datetime | None:
    ahead = [
        s.starts_at for s in sessions if s.starts_at >= now and s.status is SessionStatus.SCHEDULED
    ]
    return min(ahead, default=None)


def _next_break(breaks: Sequence[Break], today: date) -> Break | None:
    ahead = [
        b
        for b in breaks
        if b.reason is not BreakReason.ENDING
        and b.ends_on >= today
        and (b.starts_on - today).days <= BREAK_AHEAD_DAYS
    ]
    return min(ahead, key=lambda b: b.starts_on, default=None)


def _next_ending(breaks: Sequence[Break], today: date) -> Break | None:
    ahead = [b for b in breaks if b.reason is BreakReason.ENDING and b.starts_on >= today]
    return min(ahead, key=lambda b: b.starts_on, default=None)


def _break_plan(brk: Break, entries: Sequence[Entry], picked: Sequence[Entry]) -> BreakPlan:
    takeaways = sorted(
        (e for e in [*entries, *picked] if e.kind is EntryKind.TAKEAWAY and e.id is not None),
        key=lambda e: e.created_at,
        reverse=True,
    )
    unique = list({e.id: e for e in takeaways}.values())[:MAX_TAKEAWAYS]
    lines = [
        msg.PREP_BREAK_WHEN.format(starts=_day_text(brk.starts_on), ends=_day_text(brk.ends_on))
    ]
    lines.extend(msg.PREP_BREAK_HELPS)
    if unique:
        refs = ", ".join(
            msg.PREP_TAKEAWAY_REF.format(entry_id=e.id, day=_day_text(e.created_at.date()))
            for e in unique
        )
        lines.append(msg.PREP_BREAK_TAKEAWAYS.format(refs=refs))
    else:
        lines.append(msg.PREP_BREAK_NO_TAKEAWAYS)
    lines.append(
        msg.PREP_BREAK_CHECKINS.format(
            days=", ".join(_day_text(d) for d in break_checkin_days(brk))
        )
    )
    return BreakPlan(brk.starts_on, brk.ends_on, tuple(lines))


def break_checkin_days(brk: Break) -> list[date]:
    """A check-in on the first day of the break, each week after, and on its last day."""
    days = [
        brk.starts_on + timedelta(weeks=i)
        for i in range((brk.ends_on - brk.starts_on).days // 7 + 1)
    ]
    if days[-1] != brk.ends_on:
        days.append(brk.ends_on)
    return days


def _ending_plan(ending: Break, sessions: Sequence[Session], now: datetime) -> EndingPlan:
    left = sum(
        1
        for s in sessions
        if now <= s.starts_at
        and s.starts_at.date() < ending.starts_on
        and s.status is SessionStatus.SCHEDULED
    )
    day = _day_text(ending.starts_on)
    if left == 0:
        first = msg.PREP_ENDING_WHEN_NONE.format(day=day)
    elif left == 1:
        first = msg.PREP_ENDING_WHEN_ONE.format(day=day)
    else:
        first = msg.PREP_ENDING_WHEN.format(day=day, sessions=left)
    return EndingPlan(ending.starts_on, (first, *msg.PREP_ENDING_PLAN))
