"""Every trend statement on constructed data: a rise, no rise, and too little data."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from tests.core.insight_data import brk, checkin, days, entry, weekly_sessions

from holdingspace.core import insight_messages
from holdingspace.core.calendar import Break, Session, SessionStatus
from holdingspace.core.entries import Entry
from holdingspace.core.records import Rating
from holdingspace.core.trends import Finding, ScoredCheckIn, compute_trends, week_start

TODAY = date(2026, 6, 30)
FIRST = date(2026, 1, 5)  # a Monday
BREAK_ONE = (date(2026, 2, 16), date(2026, 2, 22))
BREAK_TWO = (date(2026, 4, 13), date(2026, 4, 19))


def _week_before(first: date, day: date) -> bool:
    return 1 <= (first - day).days <= 7


def journal(*, rise_before_breaks: bool, missing_during: bool = False) -> list[Entry]:
    """An entry a day; 'sensitivity_to_change' in the week before each break when asked."""
    found = []
    for day in days(FIRST, TODAY - timedelta(days=1)):
        labels = ["warm_feelings"] if day.toordinal() % 3 == 0 else []
        before = any(_week_before(start, day) for start, _ in (BREAK_ONE, BREAK_TWO))
        during = any(start <= day <= end for start, end in (BREAK_ONE, BREAK_TWO))
        if rise_before_breaks and before:
            labels.append("sensitivity_to_change")
        if missing_during and during:
            labels.append("missing")
        found.append(entry(day, *labels))
    return found


def findings(
    entries: Sequence[Entry],
    *,
    checkins: Sequence[ScoredCheckIn] = (),
    ratings: Sequence[Rating] = (),
    sessions: Sequence[Session] | None = None,
    breaks: Sequence[Break] | None = None,
) -> dict[str, list[Finding]]:
    result = compute_trends(
        entries=entries,
        checkins=checkins,
        ratings=ratings,
        sessions=weekly_sessions(FIRST, TODAY) if sessions is None else sessions,
        breaks=[brk(*BREAK_ONE), brk(*BREAK_TWO)] if breaks is None else breaks,
        today=TODAY,
    )
    grouped: dict[str, list[Finding]] = {}
    for finding in result.findings:
        grouped.setdefault(finding.key, []).append(finding)
    return grouped


def test_a_rise_before_each_break_is_stated_with_its_numbers() -> None:
    found = findings(journal(rise_before_breaks=True))
    [rise] = found["before_break_rose"]
    assert rise.numbers["label"] == "sensitivity_to_change"
    assert rise.numbers["rose"] == 2
    assert rise.numbers["considered"] == 2
    assert rise.numbers["window_pct"] == 100
    assert rise.numbers["baseline_pct"] == 0
    assert rise.text.startswith("Sensitivity to changes rose in the week before 2 of your")
    assert "before_break_steady" not in found


def test_breaks_without_a_rise_say_the_writing_looked_the_same() -> None:
    found = findings(journal(rise_before_breaks=False))
    assert "before_break_rose" not in found
    [steady] = found["before_break_steady"]
    assert steady.enough_data
    assert "looked much like it does at other times" in steady.text


def test_one_break_is_too_little_to_say_anything() -> None:
    found = findings(journal(rise_before_breaks=True), breaks=[brk(*BREAK_ONE)])
    [too_little] = found["before_break_too_little"]
    assert not too_little.enough_data
    assert "too little data yet" in too_little.text
    assert "before_break_rose" not in found


def test_an_empty_journal_says_too_little_everywhere() -> None:
    found = findings([], sessions=[], breaks=[])
    keys = set(found)
    assert keys == {
        "before_break_too_little",
        "during_break_too_little",
        "after_change_too_little",
        "days_since_too_little",
        "checkin_too_little",
        "ratings_too_little",
    }
    assert all(not f.enough_data for group in found.values() for f in group)


def test_missing_them_during_breaks_is_stated() -> None:
    found = findings(journal(rise_before_breaks=False, missing_during=True))
    [during] = found["during_break_rose"]
    assert during.numbers["label"] == "missing"
    assert during.numbers["breaks"] == 2
    assert during.numbers["entries"] == 14
    assert "During your therapist's breaks, missing them came up in 100%" in during.text


def test_feelings_after_a_cancelled_session_are_stated() -> None:
    sessions = weekly_sessions(FIRST, TODAY)
    cancelled_days = {date(2026, 3, 2), date(2026, 5, 4), date(2026, 6, 1)}
    sessions = [
        Session(s.id, s.uid, s.starts_at, SessionStatus.CANCELLED_BY_THERAPIST)
        if s.starts_at.date() in cancelled_days
        else s
        for s in sessions
    ]

    def after_cancel(day: date) -> bool:
        return any(0 <= (day - c).days <= 3 for c in cancelled_days)

    entries = [
        entry(day, *(["uncomfortable_feelings"] if after_cancel(day) else []))
        for day in days(FIRST, TODAY)
    ]
    found = findings(entries, sessions=sessions, breaks=[])
    [after] = found["after_change_rose"]
    assert after.numbers["label"] == "uncomfortable_feelings"
    assert after.numbers["changes"] == 3
    assert "moved, cancelled or cut short" in after.text


def test_few_changes_are_too_little() -> None:
    sessions = weekly_sessions(FIRST, TODAY)
    sessions[3] = Session(4, "s3", sessions[3].starts_at, SessionStatus.RESCHEDULED)
    found = findings(journal(rise_before_breaks=False), sessions=sessions, breaks=[])
    assert "after_change_too_little" in found


def test_missing_them_later_in_the_week_is_read_by_days_since_session() -> None:
    sessions = weekly_sessions(FIRST, TODAY)
    entries = [
        entry(day, *(["missing"] if day.weekday() in (4, 5, 6) else []))
        for day in days(FIRST, TODAY)
    ]
    found = findings(entries, sessions=sessions, breaks=[])
    [spread] = found["days_since_spread"]
    assert spread.numbers["label"] == "missing"
    assert spread.numbers["high_days"] == "4–6"
    assert spread.numbers["high_pct"] == 100
    assert spread.numbers["low_pct"] == 0


def test_same_writing_every_day_makes_days_since_steady() -> None:
    entries = [entry(day, "warm_feelings") for day in days(FIRST, TODAY)]
    found = findings(entries, breaks=[])
    assert "days_since_steady" in found


def test_a_rise_in_interference_across_check_ins_is_stated() -> None:
    scores = [0.5] * 4 + [2.0] * 4
    checkins = [checkin(FIRST + timedelta(weeks=i), s) for i, s in enumerate(scores)]
    found = findings([], checkins=checkins, sessions=[], breaks=[])
    [rose] = found["checkin_rose"]
    assert rose.numbers == {"measure": "interference", "before": 0.5, "after": 2.0, "count": 8}
    assert rose.text.startswith("Getting in the way in your check-ins rose from 0.5 to 2.0")


def test_seven_check_ins_are_too_few() -> None:
    checkins = [checkin(FIRST + timedelta(weeks=i), 3.0) for i in range(7)]
    assert "checkin_too_little" in findings([], checkins=checkins, sessions=[], breaks=[])


def _rating(i: int, total_each: int) -> Rating:
    answers = dict.fromkeys(("bond", "goals", "approach", "overall"), total_each)
    return Rating(i, f"r{i}", 1, datetime(2026, 3, 1, 12) + timedelta(weeks=i), answers)


def test_falling_ratings_suggest_mentioning_it() -> None:
    ratings = [_rating(i, 9) for i in range(4)] + [_rating(i + 4, 7) for i in range(4)]
    [fell] = findings([], ratings=ratings, sessions=[], breaks=[])["ratings_fell"]
    assert fell.numbers["before"] == 36.0
    assert fell.numbers["after"] == 28.0
    assert "it can help to mention it" in fell.text


def test_steady_ratings_and_incomplete_ones_left_out() -> None:
    ratings = [_rating(i, 8) for i in range(8)]
    ratings.append(Rating(99, "r99", 1, datetime(2026, 6, 1), {"bond": 1}))
    result = compute_trends([], [], ratings, [], [], TODAY)
    assert len(result.ratings.points) == 8
    assert result.findings[-1].key == "ratings_steady"


def test_sign_series_counts_entries_per_week_with_empty_weeks() -> None:
    entries = [
        entry(date(2026, 6, 1), "missing"),
        entry(date(2026, 6, 3), "missing", "approval"),
        entry(date(2026, 6, 17), "approval"),
    ]
    result = compute_trends(entries, [], [], [], [], TODAY)
    missing = next(s for s in result.signs if s.key == "missing")
    assert [(p.day, p.value) for p in missing.points] == [
        (date(2026, 6, 1), 2),
        (date(2026, 6, 8), 0),
        (date(2026, 6, 15), 0),
        (date(2026, 6, 22), 0),
        (date(2026, 6, 29), 0),
    ]
    assert [p.value for p in result.entries_per_week.points] == [2, 0, 1, 0, 0]
    assert week_start(date(2026, 6, 3)) == date(2026, 6, 1)


def test_check_in_series_keep_scores_dimensions_and_interference() -> None:
    checkins = [checkin(date(2026, 6, 7), 1.25, missing=3.0), checkin(date(2026, 6, 14), 2.5)]
    result = compute_trends([], checkins, [], [], [], TODAY)
    assert [p.value for p in result.interference.points] == [1.25, 2.5]
    missing = next(s for s in result.checkin_labels if s.key == "missing")
    assert [p.value for p in missing.points] == [3.0]
    assert {s.key for s in result.dimensions} == {"secure", "preoccupied", "avoidant_fearful"}


def test_no_sentence_sounds_like_a_diagnosis() -> None:
    words = ("disorder", "symptom", "unhealthy", "abnormal", "patholog", "obsess", "addict")
    for name in dir(insight_messages):
        value = getattr(insight_messages, name)
        texts = value if isinstance(value, tuple) else (value,)
        for text in texts:
            if isinstance(text, str):
                assert not any(word in text.casefold() for word in words), name
