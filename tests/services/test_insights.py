"""The insights and demo services over an in-memory store, with the real check-in instrument."""

from __future__ import annotations

import io
from datetime import datetime, timedelta

import pytest
from pypdf import PdfReader
from tests.support import FIXED_NOW, Clock

from holdingspace.core.entries import Entry, EntryKind
from holdingspace.core.errors import InvalidInput, NotFound, Refused
from holdingspace.services.context import Context
from holdingspace.services.demo import create_demo
from holdingspace.services.insights import InsightsService, built_in_starters
from holdingspace.store.memory import MemoryStore

NOW = datetime(2026, 11, 26, 9, 30)


@pytest.fixture(scope="module")
def demo_context() -> Context:
    context = Context(MemoryStore(), clock=lambda: NOW)
    create_demo(context, years=1)
    return context


def test_the_demo_refuses_a_journal_that_holds_entries() -> None:
    store = MemoryStore()
    store.add_entry(Entry(None, "u1", EntryKind.JOURNAL, "Mine.", NOW, NOW))
    with pytest.raises(Refused, match="already holds entries"):
        create_demo(Context(store, clock=lambda: NOW))
    assert store.count_entries() == 1


def test_demo_check_ins_are_scored_into_trends(demo_context: Context) -> None:
    service = InsightsService(demo_context)
    scored = service.scored_checkins()
    assert len(scored) >= 50
    assert set(scored[0].label_scores) >= {"missing", "approval", "interference"}
    assert set(scored[0].dimensions) == {"secure", "preoccupied", "avoidant_fearful"}
    assert all(0 <= c.interference <= 4 for c in scored)
    found, notice = service.overview()
    assert len(found.interference.points) == len(scored)
    assert found.ratings.points
    assert any(f.enough_data for f in found.findings)
    assert notice is not None  # the demo's last weeks are written to be intense


def test_prep_over_the_store_quotes_only_picks(demo_context: Context) -> None:
    service = InsightsService(demo_context)
    entries = demo_context.store.list_entries()
    picked = entries[3]
    note = service.prep(picks=[picked.id or 0, picked.id or 0], say=["Can we plan the break?"])
    assert [p.entry_id for p in note.passages] == [picked.id]
    assert (NOW.date() - note.since).days >= 7
    assert note.break_plan is not None
    markdown = service.export_prep(note, "md").decode("utf-8")
    assert "Can we plan the break?" in markdown
    assert entries[0].text not in markdown or entries[0].id == picked.id
    pdf = PdfReader(io.BytesIO(service.export_prep(note, "pdf", "letter")))
    assert "What I want to say or ask" in pdf.pages[0].extract_text()


def test_prep_rejects_unknown_picks_formats_and_future_periods(demo_context: Context) -> None:
    service = InsightsService(demo_context)
    with pytest.raises(NotFound):
        service.prep(picks=[999_999])
    with pytest.raises(InvalidInput):
        service.prep(since=NOW.date() + timedelta(days=1))
    note = service.prep()
    with pytest.raises(InvalidInput):
        service.export_prep(note, "docx")


def test_the_built_in_starters_cover_every_sign() -> None:
    starters = built_in_starters()
    for key in ("general", "break", "ending", "missing", "interference"):
        assert len(starters[key]) >= 2


def test_the_calendar_file_holds_the_demo_sessions(demo_context: Context) -> None:
    data = InsightsService(demo_context).calendar_file()
    assert data.count(b"BEGIN:VEVENT") == (
        len(demo_context.store.list_sessions()) + len(demo_context.store.list_breaks()) + 1
    )


@pytest.mark.parametrize("days_later", [0, 3, 10, 20, 40])
def test_the_notice_reads_only_the_latest_check_ins_and_agrees_with_all(days_later: int) -> None:
    clock = Clock(FIXED_NOW)
    context = Context(store=MemoryStore(), clock=clock)
    create_demo(context, years=0.5)
    clock.advance(days=days_later)
    service = InsightsService(context)
    assert service.notice() == service.notice(service.scored_checkins())


def test_the_demo_ends_intense_enough_for_a_notice() -> None:
    clock = Clock(FIXED_NOW)
    context = Context(store=MemoryStore(), clock=clock)
    create_demo(context, years=0.5)
    assert InsightsService(context).notice() is not None
    clock.advance(days=60)
    assert InsightsService(context).notice() is None
