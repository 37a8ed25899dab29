"""The demo journal: deterministic, realistic in size and variety, and honest about its signs."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest

from holdingspace.core.calendar import BreakReason, SessionStatus
from holdingspace.core.demo import DemoItem, DemoJournal, generate_demo
from holdingspace.core.demo_texts import SIGN_SENTENCES
from holdingspace.core.entries import EntryKind
from holdingspace.core.labels import LABELS

NOW = datetime(2026, 11, 26, 9, 30)
ITEMS = [DemoItem(f"q-{label}", label) for label in LABELS] + [
    DemoItem("q-life", "interference"),
    DemoItem("q-open", "general", reverse=True),
]


@pytest.fixture(scope="module")
def five_years() -> DemoJournal:
    return generate_demo(7, NOW, 5, ITEMS, "weekly-checkin")


def test_the_same_seed_gives_the_same_journal() -> None:
    first = generate_demo(3, NOW, 0.5, ITEMS, "weekly-checkin")
    again = generate_demo(3, NOW, 0.5, ITEMS, "weekly-checkin")
    other = generate_demo(4, NOW, 0.5, ITEMS, "weekly-checkin")
    assert [e.text for e in first.entries] == [e.text for e in again.entries]
    assert [e.uid for e in first.entries] == [e.uid for e in again.entries]
    assert [e.text for e in first.entries] != [e.text for e in other.entries]


def test_five_years_are_about_the_size_the_web_issue_expects(five_years: DemoJournal) -> None:
    assert 1600 <= len(five_years.entries) <= 2000
    assert 240 <= len(five_years.checkins) <= 265
    assert 225 <= len(five_years.sessions) <= 275
    assert len(five_years.ratings) >= 150
    assert all(e.created_at <= NOW for e in five_years.entries)
    assert all(c.taken_at <= NOW for c in five_years.checkins)


def test_entries_are_varied_and_not_all_carry_signs(five_years: DemoJournal) -> None:
    texts = [e.text for e in five_years.entries]
    assert len(set(texts)) / len(texts) > 0.9
    kinds = Counter(e.kind for e in five_years.entries)
    assert set(kinds) == set(EntryKind)
    without = [e for e in five_years.entries if e.analysis and not e.analysis.labels]
    assert 0.15 < len(without) / len(texts) < 0.6
    carried = Counter(
        label for e in five_years.entries if e.analysis for label in e.analysis.labels
    )
    assert set(carried) == set(LABELS)


def test_evidence_points_at_a_sentence_written_for_that_sign(five_years: DemoJournal) -> None:
    for entry in five_years.entries[:300]:
        assert entry.analysis is not None
        assert not entry.analysis.crisis
        for evidence in entry.analysis.evidence:
            sentence = entry.text[evidence.start : evidence.end]
            assert sentence[:1].isupper()
            assert sentence.endswith((".", "?", "!"))
            assert evidence.label in entry.analysis.labels
            assert evidence.label in SIGN_SENTENCES


def test_the_calendar_has_changes_breaks_and_no_ending_unless_asked(
    five_years: DemoJournal,
) -> None:
    statuses = Counter(s.status for s in five_years.sessions)
    for status in (
        SessionStatus.HELD,
        SessionStatus.RESCHEDULED,
        SessionStatus.ENDED_EARLY,
        SessionStatus.SCHEDULED,
    ):
        assert statuses[status] > 0
    assert (
        statuses[SessionStatus.CANCELLED_BY_ME] + statuses[SessionStatus.CANCELLED_BY_THERAPIST] > 0
    )
    reasons = Counter(b.reason for b in five_years.breaks)
    assert reasons[BreakReason.HOLIDAY] >= 8
    assert reasons[BreakReason.LEAVE] == 1
    assert reasons[BreakReason.ENDING] == 0
    assert any(b.starts_on > NOW.date() for b in five_years.breaks)
    for brk in five_years.breaks:
        assert not any(brk.covers(s.starts_at.date()) for s in five_years.sessions)


def test_an_ending_comes_only_when_asked() -> None:
    journal = generate_demo(7, NOW, 1, ITEMS, "weekly-checkin", ending=True)
    [ending] = [b for b in journal.breaks if b.reason is BreakReason.ENDING]
    assert all(s.starts_at.date() < ending.starts_on for s in journal.sessions)


def test_check_in_answers_fit_each_item_and_ratings_fit_their_scale(
    five_years: DemoJournal,
) -> None:
    for checkin in five_years.checkins:
        assert set(checkin.answers) == {item.id for item in ITEMS}
        assert all(0 <= value <= 4 for value in checkin.answers.values())
        assert checkin.instrument_id == "weekly-checkin"
    for rating in five_years.ratings:
        assert set(rating.answers) == {"bond", "goals", "approach", "overall"}
        assert all(0 <= value <= 10 for value in rating.answers.values())
        session = five_years.sessions[rating.session_index]
        assert session.status in (SessionStatus.HELD, SessionStatus.ENDED_EARLY)
        assert rating.rated_at > session.starts_at
