"""One contract, two stores: the in-memory double must behave exactly like the SQLite store."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from holdingspace.core.calendar import Break, BreakReason, Session, SessionStatus
from holdingspace.core.entries import Entry, EntryKind, EntryQuery
from holdingspace.core.errors import NotFound
from holdingspace.core.records import CheckIn, Rating
from holdingspace.core.signs import Analysis, Evidence
from holdingspace.store.base import Store
from holdingspace.store.memory import MemoryStore
from holdingspace.store.sqlite import SQLiteStore

T0 = datetime(2026, 10, 1, 20, 0)


@pytest.fixture(params=["memory", "sqlite"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    made: Store = (
        MemoryStore()
        if request.param == "memory"
        else SQLiteStore.open(tmp_path / "j.db", os.urandom(32))
    )
    yield made
    made.close()


def entry(text: str, days: int = 0, kind: EntryKind = EntryKind.JOURNAL, uid: str = "") -> Entry:
    when = T0 + timedelta(days=days)
    return Entry(None, uid or f"u{days}{kind.value}{len(text)}", kind, text, when, when)


def test_entries_round_trip_and_order(store: Store) -> None:
    first = store.add_entry(entry("first words", 0))
    second = store.add_entry(entry("second words", 1, EntryKind.LETTER))
    assert first.id is not None and second.id is not None and first.id != second.id
    assert store.get_entry(first.id) == first
    assert [e.text for e in store.list_entries()] == ["second words", "first words"]
    assert [e.text for e in store.list_entries(EntryQuery(kind=EntryKind.LETTER))] == [
        "second words"
    ]
    assert store.count_entries() == 2


def test_entry_filters_by_date_search_and_page(store: Store) -> None:
    for day in range(5):
        store.add_entry(entry(f"day {day} with my counsellor" if day % 2 else f"day {day}", day))
    since = EntryQuery(since=T0 + timedelta(days=3))
    assert [e.text for e in store.list_entries(since)] == ["day 4", "day 3 with my counsellor"]
    found = store.list_entries(EntryQuery(search="counsellor"))
    assert sorted(e.text for e in found) == ["day 1 with my counsellor", "day 3 with my counsellor"]
    assert store.count_entries(EntryQuery(search="counsellor day")) == 2
    assert len(store.list_entries(EntryQuery(limit=2, offset=1))) == 2


def test_analysis_is_kept_and_filterable_by_sign(store: Store) -> None:
    saved = store.add_entry(entry("I miss her"))
    assert saved.id is not None
    analysis = Analysis(
        ("missing",), {"missing": 0.9}, False, 0.01, (Evidence("missing", 0, 10),), "test-1"
    )
    store.save_analysis(saved.id, analysis)
    assert store.get_entry(saved.id).analysis == analysis
    assert [e.id for e in store.list_entries(EntryQuery(label="missing"))] == [saved.id]
    assert store.list_entries(EntryQuery(label="approval")) == []


def test_update_and_delete_entry(store: Store) -> None:
    saved = store.add_entry(entry("draft"))
    changed = saved.with_text("final", T0 + timedelta(hours=1))
    store.update_entry(changed)
    assert store.get_entry(changed.id or 0).text == "final"
    store.delete_entry(changed.id or 0)
    with pytest.raises(NotFound):
        store.get_entry(changed.id or 0)
    with pytest.raises(NotFound):
        store.delete_entry(999)


def test_sessions_breaks_and_ratings(store: Store) -> None:
    session = store.add_session(Session(None, "s1", T0, SessionStatus.HELD))
    assert session.id is not None
    store.update_session(replace(session, status=SessionStatus.ENDED_EARLY))
    assert store.get_session(session.id).status is SessionStatus.ENDED_EARLY
    brk = store.add_break(
        Break(None, "b1", date(2026, 12, 20), date(2027, 1, 3), BreakReason.HOLIDAY)
    )
    assert store.list_breaks() == [brk]
    rating = store.add_rating(Rating(None, "r1", session.id, T0, {"bond": 8}))
    assert store.list_ratings() == [rating]
    with pytest.raises(NotFound):
        store.add_rating(Rating(None, "r2", 999, T0, {}))
    store.delete_session(session.id)
    assert store.list_ratings() == []


def test_checkins_settings_and_uids(store: Store) -> None:
    checkin = store.add_checkin(CheckIn(None, "c1", T0, "weekly", {"q1": 2}))
    assert store.list_checkins() == [checkin]
    store.set_setting("region", "GB")
    store.set_setting("region", "IE")
    store.set_setting("safety_plan", {"reasons": ["my cat"]})
    assert store.get_setting("region") == "IE"
    assert store.get_setting("safety_plan") == {"reasons": ["my cat"]}
    assert store.get_setting("missing") is None
    assert store.known_uids() == {"c1"}


def test_bulk_add_adds_everything(store: Store) -> None:
    added = store.bulk_add(
        [entry("a", 0, uid="e1"), Session(None, "s1", T0), CheckIn(None, "c1", T0, "weekly", {})]
    )
    assert added == 3
    assert store.known_uids() == {"e1", "s1", "c1"}
