"""Trends: the signs and scores over time, and plain statements read against the calendar.

Sources:
- entries: each week, how many entries carried each sign (entries not yet analysed are left out);
- check-ins, already scored (``ScoredCheckIn``, every number a 0–4 item mean);
- session ratings (four items 0–10, a total out of 40).

The statements compare the share of entries carrying a sign in a window (the week before a
break, the break itself, the three days after a moved or cancelled session) with its share on
the ordinary days in the six weeks around that window, so a slow change over the years is not
mistaken for an effect of the calendar; and they compare entries by days since the last
session. A statement is made only when the numbers behind it are big enough (see the ``MIN_*``
constants); otherwise it says there is too little data yet.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from holdingspace.core import insight_messages as msg
from holdingspace.core.calendar import Break, Session, SessionStatus
from holdingspace.core.entries import Entry
from holdingspace.core.labels import LABEL_TITLES, LABELS
from holdingspace.core.records import Rating

DIMENSIONS: tuple[str, ...] = ("secure", "preoccupied", "avoidant_fearful")
RATING_ITEMS: tuple[str, ...] = ("bond", "goals", "approach", "overall")

BEFORE_BREAK_DAYS = 7
AFTER_CHANGE_DAYS = 3
MIN_WINDOW_ENTRIES = 2
"""A break (or a change) is read only when at least this many entries fall in its window."""
MIN_WINDOWS = 2
"""A calendar statement needs at least this many breaks (or changes) with enough entries."""
NEARBY_DAYS = 42
"""A window is compared with the ordinary days in the six weeks either side of it."""
MIN_NEARBY_ENTRIES = 5
MIN_RISE = 0.1
RISE_RATIO = 1.5
"""A sign 'rose' when its share of entries is 10 points higher and 1.5 times as high."""
MAX_BREAKS_READ = 3
MIN_BUCKET_ENTRIES = 5
DAYS_SINCE_BUCKETS: tuple[tuple[int, int], ...] = ((0, 1), (2, 3), (4, 6), (7, 13))
MAX_SPREAD_STATEMENTS = 2
RECENT_COUNT = 4
"""Change over time compares the last four check-ins (or ratings) with the four before."""
MIN_SCORE_CHANGE = 0.5
MIN_RATING_CHANGE = 3.0


@dataclass(frozen=True, slots=True)
class ScoredCheckIn:
    """A check-in as numbers: per-label scores, the three dimensions and interference (0–4)."""

    taken_at: datetime
    label_scores: Mapping[str, float]
    dimensions: Mapping[str, float]
    interference: float


@dataclass(frozen=True, slots=True)
class Point:
    day: date
    value: float


@dataclass(frozen=True, slots=True)
class Series:
    key: str
    title: str
    points: tuple[Point, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    """One plain statement, with the numbers behind it."""

    key: str
    text: str
    enough_data: bool
    numbers: Mapping[str, float | int | str]


@dataclass(frozen=True, slots=True)
class Trends:
    entries_per_week: Series
    signs: tuple[Series, ...]
    checkin_labels: tuple[Series, ...]
    dimensions: tuple[Series, ...]
    interference: Series
    ratings: Series
    findings: tuple[Finding, ...]

    @property
    def is_empty(self) -> bool:
        return not (self.entries_per_week.points or self.interference.points or self.ratings.points)


@dataclass(frozen=True, slots=True)
class Written:
    """The part of an analysed entry that trends need: the day and the signs it carried."""

    day: date
    at: datetime
    labels: frozenset[str]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def written_from(entries: Iterable[Entry]) -> list[Written]:
    found = [
        Written(e.created_at.date(), e.created_at, frozenset(e.analysis.labels))
        for e in entries
        if e.analysis is not None
    ]
    found.sort(key=lambda w: w.at)
    return found


def rating_total(rating: Rating) -> int | None:
    """The total out of 40, or None when an item is missing."""
    if not all(item in rating.answers for item in RATING_ITEMS):
        return None
    return sum(rating.answers[item] for item in RATING_ITEMS)


def compute_trends(
    entries: Sequence[Entry],
    checkins: Sequence[ScoredCheckIn],
    ratings: Sequence[Rating],
    sessions: Sequence[Session],
    breaks: Sequence[Break],
    today: date,
) -> Trends:
    written = written_from(entries)
    timeline = Timeline(written)
    ordinary = ordinary_days(written, breaks, sessions, today)
    ordered = sorted(checkins, key=lambda c: c.taken_at)
    entries_per_week, signs = _sign_series(written, today)
    findings = (
        *read_before_breaks(timeline, ordinary, breaks, today),
        *read_during_breaks(timeline, ordinary, breaks, today),
        *read_after_changes(timeline, ordinary, sessions, today),
        *read_days_since_session(written, sessions, today),
        *read_checkin_change(ordered),
        *read_rating_change(ratings),
    )
    return Trends(
        entries_per_week=entries_per_week,
        signs=signs,
        checkin_labels=tuple(
            _checkin_series(
                ordered, label, LABEL_TITLES[label], [c.label_scores.get(label) for c in ordered]
            )
            for label in LABELS
        ),
        dimensions=tuple(
            _checkin_series(
                ordered, name, msg.DIMENSION_TITLES[name], [c.dimensions.get(name) for c in ordered]
            )
            for name in DIMENSIONS
        ),
        interference=_checkin_series(
            ordered, "interference", msg.INTERFERENCE_TITLE, [c.interference for c in ordered]
        ),
        ratings=_rating_series(ratings),
        findings=findings,
    )


# --- Series -------------------------------------------------------------------------------


def _sign_series(written: Sequence[Written], today: date) -> tuple[Series, tuple[Series, ...]]:
    if not written:
        return Series("entries", msg.ENTRIES_TITLE, ()), tuple(
            Series(label, LABEL_TITLES[label], ()) for label in LABELS
        )
    first = week_start(written[0].day)
    last = max(week_start(today), week_start(written[-1].day))
    weeks = [first + timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
    index = {week: i for i, week in enumerate(weeks)}
    totals = [0] * len(weeks)
    counts = {label: [0] * len(weeks) for label in LABELS}
    for item in written:
        i = index[week_start(item.day)]
        totals[i] += 1
        for label in item.labels:
            if label in counts:
                counts[label][i] += 1
    total_series = Series(
        "entries", msg.ENTRIES_TITLE, tuple(Point(w, t) for w, t in zip(weeks, totals, strict=True))
    )
    return total_series, tuple(
        Series(
            label,
            LABEL_TITLES[label],
            tuple(Point(w, c) for w, c in zip(weeks, counts[label], strict=True)),
        )
        for label in LABELS
    )


def _checkin_series(
    checkins: Sequence[ScoredCheckIn], key: str, title: str, values: Sequence[float | None]
) -> Series:
    points = tuple(
        Point(checkin.taken_at.date(), round(float(value), 2))
        for checkin, value in zip(checkins, values, strict=True)
        if value is not None
    )
    return Series(key, title, points)


def _rating_series(ratings: Sequence[Rating]) -> Series:
    points = []
    for rating in sorted(ratings, key=lambda r: r.rated_at):
        total = rating_total(rating)
        if total is not None:
            points.append(Point(rating.rated_at.date(), float(total)))
    return Series("ratings", msg.RATINGS_TITLE, tuple(points))


# --- Reading against the calendar ---------------------------------------------------------


def label_name(label: str) -> str:
    """A sign's title as it reads inside a sentence."""
    return LABEL_TITLES[label].lower()


def sentence(text: str) -> str:
    return text[:1].upper() + text[1:]


def _percent(share: float) -> int:
    return round(share * 100)


def _share(items: Sequence[Written], label: str) -> float:
    return sum(1 for w in items if label in w.labels) / len(items) if items else 0.0


class Timeline:
    """Entries in time order, to take the ones written between two days quickly."""

    def __init__(self, written: Sequence[Written]) -> None:
        self.items = list(written)
        self.days = [w.day for w in self.items]

    def between(self, first: date, last: date) -> list[Written]:
        """The entries written from ``first`` to ``last``, both inclusive."""
        start = bisect.bisect_left(self.days, first)
        return self.items[start : bisect.bisect_right(self.days, last, lo=start)]


def _disruptions(sessions: Sequence[Session], today: date) -> list[date]:
    return sorted(
        s.starts_at.date()
        for s in sessions
        if s.status.is_disruption and s.starts_at.date() <= today
    )


def _unusual_days(
    breaks: Sequence[Break], sessions: Sequence[Session], today: date
) -> list[tuple[date, date]]:
    spans = [(b.starts_on - timedelta(days=BEFORE_BREAK_DAYS), b.ends_on) for b in breaks]
    spans += [(d, d + timedelta(days=AFTER_CHANGE_DAYS)) for d in _disruptions(sessions, today)]
    return spans


def ordinary_days(
    written: Sequence[Written], breaks: Sequence[Break], sessions: Sequence[Session], today: date
) -> Timeline:
    """Entries written away from breaks, the week before them and the days after a change."""
    unusual: set[date] = set()
    for first, last in _unusual_days(breaks, sessions, today):
        unusual.update(first + timedelta(days=i) for i in range((last - first).days + 1))
    return Timeline([w for w in written if w.day not in unusual])


@dataclass(frozen=True, slots=True)
class _Window:
    """The entries written in one window, and the ordinary entries in the weeks around it."""

    inside: list[Written]
    nearby: list[Written]


def _windows(
    written: Timeline, ordinary: Timeline, spans: Iterable[tuple[date, date]]
) -> list[_Window]:
    found = []
    around = timedelta(days=NEARBY_DAYS)
    for first, last in spans:
        inside = written.between(first, last)
        nearby = ordinary.between(first - around, last + around)
        if len(inside) >= MIN_WINDOW_ENTRIES and len(nearby) >= MIN_NEARBY_ENTRIES:
            found.append(_Window(inside, nearby))
    return found


def rose(inside: float, usual: float) -> bool:
    """A share 'rose' when it is both ``MIN_RISE`` higher and ``RISE_RATIO`` times as high."""
    return inside - usual >= MIN_RISE and inside >= RISE_RATIO * usual


def _pooled(windows: Sequence[_Window], label: str) -> tuple[float, float]:
    inside = [w for window in windows for w in window.inside]
    nearby = [w for window in windows for w in window.nearby]
    return _share(inside, label), _share(nearby, label)


def read_before_breaks(
    written: Timeline, ordinary: Timeline, breaks: Sequence[Break], today: date
) -> list[Finding]:
    spans = [
        (b.starts_on - timedelta(days=BEFORE_BREAK_DAYS), b.starts_on - timedelta(days=1))
        for b in sorted(breaks, key=lambda b: b.starts_on)
        if b.starts_on <= today
    ]
    windows = _windows(written, ordinary, spans)[-MAX_BREAKS_READ:]
    if len(windows) < MIN_WINDOWS:
        found = {"breaks": len(windows)}
        return [Finding("before_break_too_little", msg.BEFORE_BREAK_TOO_LITTLE, False, found)]
    considered = len(windows)
    findings = []
    for label in LABELS:
        rose_in = sum(1 for w in windows if rose(_share(w.inside, label), _share(w.nearby, label)))
        inside, usual = _pooled(windows, label)
        if rose_in >= MIN_WINDOWS and rose_in * 2 > considered and rose(inside, usual):
            numbers: dict[str, float | int | str] = {
                "label": label,
                "rose": rose_in,
                "considered": considered,
                "window_pct": _percent(inside),
                "baseline_pct": _percent(usual),
            }
            text = sentence(msg.BEFORE_BREAK_ROSE.format(**{**numbers, "label": label_name(label)}))
            findings.append(Finding("before_break_rose", text, True, numbers))
    if not findings:
        text = msg.BEFORE_BREAK_STEADY.format(considered=considered)
        findings.append(Finding("before_break_steady", text, True, {"considered": considered}))
    return findings


def _pooled_statement(
    key: str, windows: Sequence[_Window], templates: tuple[str, str, str], count_name: str
) -> list[Finding]:
    rose_text, steady_text, too_little_text = templates
    if len(windows) < MIN_WINDOWS:
        return [Finding(f"{key}_too_little", too_little_text, False, {count_name: len(windows)})]
    findings = []
    entries = sum(len(w.inside) for w in windows)
    for label in LABELS:
        inside, usual = _pooled(windows, label)
        if not rose(inside, usual):
            continue
        numbers: dict[str, float | int | str] = {
            "label": label,
            count_name: len(windows),
            "entries": entries,
            "window_pct": _percent(inside),
            "baseline_pct": _percent(usual),
        }
        text = sentence(rose_text.format(**{**numbers, "label": label_name(label)}))
        findings.append(Finding(f"{key}_rose", text, True, numbers))
    if not findings:
        text = steady_text.format(**{count_name: len(windows)})
        findings.append(Finding(f"{key}_steady", text, True, {count_name: len(windows)}))
    return findings


def read_during_breaks(
    written: Timeline, ordinary: Timeline, breaks: Sequence[Break], today: date
) -> list[Finding]:
    spans = [(b.starts_on, min(b.ends_on, today)) for b in breaks if b.starts_on <= today]
    templates = (msg.DURING_BREAK_ROSE, msg.DURING_BREAK_STEADY, msg.DURING_BREAK_TOO_LITTLE)
    return _pooled_statement(
        "during_break", _windows(written, ordinary, spans), templates, "breaks"
    )


def read_after_changes(
    written: Timeline, ordinary: Timeline, sessions: Sequence[Session], today: date
) -> list[Finding]:
    spans = [(d, d + timedelta(days=AFTER_CHANGE_DAYS)) for d in _disruptions(sessions, today)]
    templates = (msg.AFTER_CHANGE_ROSE, msg.AFTER_CHANGE_STEADY, msg.AFTER_CHANGE_TOO_LITTLE)
    return _pooled_statement(
        "after_change", _windows(written, ordinary, spans), templates, "changes"
    )


_MET = frozenset({SessionStatus.HELD, SessionStatus.ENDED_EARLY, SessionStatus.SCHEDULED})


def read_days_since_session(
    written: Sequence[Written], sessions: Sequence[Session], today: date
) -> list[Finding]:
    met = sorted(s.starts_at for s in sessions if s.status in _MET and s.starts_at.date() <= today)
    buckets: list[list[Written]] = [[] for _ in DAYS_SINCE_BUCKETS]
    for item in written:
        i = bisect.bisect_right(met, item.at)
        if i == 0:
            continue
        gap = (item.day - met[i - 1].date()).days
        for bucket, (low, high) in zip(buckets, DAYS_SINCE_BUCKETS, strict=True):
            if low <= gap <= high:
                bucket.append(item)
    usable = [
        (span, bucket)
        for span, bucket in zip(DAYS_SINCE_BUCKETS, buckets, strict=True)
        if len(bucket) >= MIN_BUCKET_ENTRIES
    ]
    if len(usable) < 2:
        return [
            Finding(
                "days_since_too_little", msg.DAYS_SINCE_TOO_LITTLE, False, {"buckets": len(usable)}
            )
        ]
    spreads = []
    for label in LABELS:
        shares = [(_share(bucket, label), span) for span, bucket in usable]
        (low_share, low_span), (high_share, high_span) = min(shares), max(shares)
        if rose(high_share, low_share):
            spreads.append(
                (high_share - low_share, label, high_share, high_span, low_share, low_span)
            )
    spreads.sort(reverse=True)
    findings = []
    for _, label, high_share, high_span, low_share, low_span in spreads[:MAX_SPREAD_STATEMENTS]:
        numbers: dict[str, float | int | str] = {
            "label": label,
            "high_days": _span_text(high_span),
            "high_pct": _percent(high_share),
            "low_days": _span_text(low_span),
            "low_pct": _percent(low_share),
        }
        text = sentence(msg.DAYS_SINCE_SPREAD.format(**{**numbers, "label": label_name(label)}))
        findings.append(Finding("days_since_spread", text, True, numbers))
    if not findings:
        findings.append(Finding("days_since_steady", msg.DAYS_SINCE_STEADY, True, {}))
    return findings


def _span_text(span: tuple[int, int]) -> str:
    return f"{span[0]}–{span[1]}"


# --- Change over time ---------------------------------------------------------------------


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def read_checkin_change(checkins: Sequence[ScoredCheckIn]) -> list[Finding]:
    if len(checkins) < 2 * RECENT_COUNT:
        return [
            Finding(
                "checkin_too_little", msg.CHECKIN_TOO_LITTLE, False, {"checkins": len(checkins)}
            )
        ]
    before, after = checkins[-2 * RECENT_COUNT : -RECENT_COUNT], checkins[-RECENT_COUNT:]
    measures: list[tuple[str, str, list[float], list[float]]] = [
        (
            name,
            msg.DIMENSION_TITLES[name],
            [c.dimensions[name] for c in before if name in c.dimensions],
            [c.dimensions[name] for c in after if name in c.dimensions],
        )
        for name in DIMENSIONS
    ]
    measures.append(
        (
            "interference",
            msg.INTERFERENCE_TITLE,
            [c.interference for c in before],
            [c.interference for c in after],
        )
    )
    findings = []
    for key, title, old, new in measures:
        if not old or not new:
            continue
        first, last = _mean(old), _mean(new)
        if abs(last - first) < MIN_SCORE_CHANGE:
            continue
        template = msg.CHECKIN_ROSE if last > first else msg.CHECKIN_EASED
        numbers: dict[str, float | int | str] = {
            "measure": key,
            "before": round(first, 1),
            "after": round(last, 1),
            "count": 2 * RECENT_COUNT,
        }
        text = sentence(template.format(**{**numbers, "measure": title.lower()}))
        findings.append(
            Finding("checkin_rose" if last > first else "checkin_eased", text, True, numbers)
        )
    return findings or [Finding("checkin_steady", msg.CHECKIN_STEADY, True, {})]


def read_rating_change(ratings: Sequence[Rating]) -> list[Finding]:
    totals = [
        float(t)
        for r in sorted(ratings, key=lambda r: r.rated_at)
        if (t := rating_total(r)) is not None
    ]
    if len(totals) < 2 * RECENT_COUNT:
        return [
            Finding("ratings_too_little", msg.RATINGS_TOO_LITTLE, False, {"ratings": len(totals)})
        ]
    first = _mean(totals[-2 * RECENT_COUNT : -RECENT_COUNT])
    last = _mean(totals[-RECENT_COUNT:])
    numbers: dict[str, float | int | str] = {
        "before": round(first, 1),
        "after": round(last, 1),
        "count": 2 * RECENT_COUNT,
    }
    if last - first >= MIN_RATING_CHANGE:
        return [Finding("ratings_rose", msg.RATINGS_ROSE.format(**numbers), True, numbers)]
    if first - last >= MIN_RATING_CHANGE:
        return [Finding("ratings_fell", msg.RATINGS_FELL.format(**numbers), True, numbers)]
    return [Finding("ratings_steady", msg.RATINGS_STEADY, True, numbers)]
