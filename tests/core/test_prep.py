"""The prep note: its sections, only the chosen passages, starters that match the signs."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from tests.core.insight_data import brk, checkin, entry

from holdingspace.core.calendar import BreakReason, Session, SessionStatus
from holdingspace.core.entries import EntryKind
from holdingspace.core.prep import PrepInput, build_prep_note, choose_starters
from holdingspace.exchange.prep_markdown import render_markdown

NOW = datetime(2026, 6, 30, 18, 0)
SINCE = date(2026, 6, 23)
STARTERS = {
    "missing": ["START-missing-1", "START-missing-2"],
    "approval": ["START-approval-1"],
    "interference": ["START-interference-1"],
    "general": ["START-general-1", "START-general-2"],
    "break": ["START-break-1"],
    "ending": ["START-ending-1"],
}


def given(**changes: object) -> PrepInput:
    entries = [
        entry(date(2026, 6, 24), "missing", text="PRIVATE first entry"),
        entry(date(2026, 6, 25), "missing", "approval", text="PRIVATE second entry"),
        entry(date(2026, 6, 27), "missing", text="CHOSEN passage about the gap"),
        entry(date(2026, 6, 20), "approval", text="PRIVATE older entry"),
    ]
    values: dict[str, object] = {
        "since": SINCE,
        "now": NOW,
        "entries": entries,
        "picked": [entries[2]],
        "to_say": ["Can we talk about the summer?", "  "],
        "checkins": [checkin(date(2026, 6, 21), 0.5), checkin(date(2026, 6, 28), 2.0)],
        "sessions": [Session(1, "s1", datetime(2026, 7, 7, 10), SessionStatus.SCHEDULED)],
        "breaks": [],
    }
    values.update(changes)
    return PrepInput(**values)  # type: ignore[arg-type]


def test_the_note_has_every_section_in_plain_words() -> None:
    note = build_prep_note(given(), STARTERS)
    assert note.noticed[0] == "I wrote 3 entries in this period."
    assert "Missing them came up in 3 of them, more often than in the weeks before." in note.noticed
    assert (
        "Wanting their approval came up in 1 of them, less often than in the weeks before."
        in note.noticed
    )
    assert "In my check-ins, getting in the way went from 0.5 to 2.0 out of 4." in note.noticed
    assert note.to_say == ("Can we talk about the summer?",)
    assert note.next_session_text == "Next session: Tuesday 7 July 2026, 10:00"
    assert note.break_plan is None
    assert note.ending_plan is None
    markdown = render_markdown(note)
    for heading in (
        "# Notes for my next session",
        "## What I noticed",
        "## From my journal",
        "## What I want to say or ask",
        "## Ways I could start",
    ):
        assert heading in markdown
    assert "## Planning for the break" not in markdown


def test_only_the_chosen_passages_are_included() -> None:
    note = build_prep_note(given(), STARTERS)
    assert [p.text for p in note.passages] == ["CHOSEN passage about the gap"]
    markdown = render_markdown(note)
    assert "> CHOSEN passage about the gap" in markdown
    assert "PRIVATE" not in markdown


def test_nothing_is_quoted_without_a_choice() -> None:
    note = build_prep_note(given(picked=[]), STARTERS)
    assert note.passages == ()
    markdown = render_markdown(note)
    assert "I did not pick any passages this time." in markdown
    assert "CHOSEN" not in markdown and "PRIVATE" not in markdown


def test_a_long_passage_is_shortened_at_a_word() -> None:
    long = entry(date(2026, 6, 26), text="word " * 400)
    note = build_prep_note(given(picked=[long]), STARTERS)
    [passage] = note.passages
    assert passage.shortened
    assert len(passage.text) <= 702
    assert passage.text.endswith("word …")


def test_starters_follow_the_signs_carried_most() -> None:
    note = build_prep_note(given(), STARTERS)
    assert note.carried == ("missing", "approval")
    assert note.starters == ("START-missing-1", "START-approval-1")


def test_starters_are_made_up_from_general_ones_when_few_signs() -> None:
    assert choose_starters([], STARTERS, break_ahead=False, ending_ahead=False) == (
        "START-general-1",
        "START-general-2",
    )
    assert choose_starters(
        ["missing", "approval", "interference"], STARTERS, break_ahead=True, ending_ahead=False
    ) == ("START-break-1", "START-missing-1", "START-approval-1")


def test_a_break_ahead_brings_a_break_plan() -> None:
    takeaway = entry(date(2026, 6, 22), text="Rest is allowed.", kind=EntryKind.TAKEAWAY)
    away = brk(date(2026, 7, 13), date(2026, 7, 26))
    note = build_prep_note(given(breaks=[away], entries=[*given().entries, takeaway]), STARTERS)
    assert note.break_plan is not None
    lines = note.break_plan.lines
    assert lines[0] == "My therapist is away from 13 July 2026 to 26 July 2026."
    assert f"Takeaways to re-read: #{takeaway.id} (22 June 2026)." in lines
    assert lines[-1] == "Check in with myself on: 13 July 2026, 20 July 2026, 26 July 2026."
    assert note.starters[0] == "START-break-1"
    assert "Rest is allowed." not in render_markdown(note)


def test_a_break_far_ahead_brings_no_plan() -> None:
    away = brk(NOW.date() + timedelta(days=60), NOW.date() + timedelta(days=70))
    assert build_prep_note(given(breaks=[away]), STARTERS).break_plan is None


def test_an_ending_brings_a_plan_for_the_last_sessions() -> None:
    sessions = [
        Session(i, f"s{i}", datetime(2026, 7, 7, 10) + timedelta(weeks=i), SessionStatus.SCHEDULED)
        for i in range(4)
    ]
    ending = brk(date(2026, 7, 24), date(2026, 7, 24), BreakReason.ENDING)
    note = build_prep_note(given(breaks=[ending], sessions=sessions), STARTERS)
    assert note.ending_plan is not None
    assert (
        note.ending_plan.lines[0]
        == "My therapy is due to end on 24 July 2026; 3 sessions are left."
    )
    assert any("goodbye" in line for line in note.ending_plan.lines)
    assert note.starters[0] == "START-ending-1"
    assert note.break_plan is None
    assert "## Planning for the ending" in render_markdown(note)


def test_an_empty_period_says_so() -> None:
    note = build_prep_note(given(entries=[], picked=[], checkins=[]), STARTERS)
    assert note.noticed == ("I did not write anything in this period.",)
    assert note.starters == ("START-general-1", "START-general-2")
