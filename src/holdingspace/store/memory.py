"""An in-memory Store: the test double, held to the same contract tests as the SQLite store."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import replace
from typing import Any, TypeVar

from holdingspace.core.calendar import Break, Session
from holdingspace.core.entries import Entry, EntryQuery
from holdingspace.core.errors import NotFound
from holdingspace.core.records import CheckIn, Rating
from holdingspace.core.signs import Analysis
from holdingspace.store.query import matches_query

R = TypeVar("R", Entry, Session, Break, CheckIn, Rating)


class _Table(dict[int, R]):
    def __init__(self, noun: str) -> None:
        super().__init__()
        self.noun = noun
        self.next_id = 1

    def add(self, record: R) -> R:
        stored = replace(record, id=self.next_id)
        self[self.next_id] = stored
        self.next_id += 1
        return stored

    def fetch(self, record_id: int) -> R:
        try:
            return self[record_id]
        except KeyError:
            raise NotFound(f"There is no {self.noun} with id {record_id}.") from None

    def put(self, record: R) -> R:
        assert record.id is not None
        self.fetch(record.id)
        self[record.id] = record
        return record

    def remove(self, record_id: int) -> None:
        self.fetch(record_id)
        del self[record_id]


class MemoryStore:
    def __init__(self) -> None:
        self.entries: _Table[Entry] = _Table("entry")
        self.sessions: _Table[Session] = _Table("session")
        self.breaks: _Table[Break] = _Table("break")
        self.checkins: _Table[CheckIn] = _Table("check-in")
        self.ratings: _Table[Rating] = _Table("rating")
        self.settings: dict[str, Any] = {}

    def add_entry(self, entry: Entry) -> Entry:
        return self.entries.add(entry)

    def get_entry(self, entry_id: int) -> Entry:
        return self.entries.fetch(entry_id)

    def update_entry(self, entry: Entry) -> Entry:
        return self.entries.put(entry)

    def delete_entry(self, entry_id: int) -> None:
        self.entries.remove(entry_id)

    def list_entries(self, query: EntryQuery = EntryQuery()) -> list[Entry]:
        found = [e for e in self.entries.values() if matches_query(e, query)]
        found.sort(key=lambda e: (e.created_at, e.id or 0), reverse=True)
        end = None if query.limit is None else query.offset + query.limit
        return found[query.offset : end]

    def count_entries(self, query: EntryQuery = EntryQuery()) -> int:
        return sum(1 for e in self.entries.values() if matches_query(e, query))

    def save_analysis(self, entry_id: int, analysis: Analysis) -> None:
        entry = self.entries.fetch(entry_id)
        self.entries[entry_id] = replace(entry, analysis=analysis)

    def add_session(self, session: Session) -> Session:
        return self.sessions.add(session)

    def get_session(self, session_id: int) -> Session:
        return self.sessions.fetch(session_id)

    def update_session(self, session: Session) -> Session:
        return self.sessions.put(session)

    def delete_session(self, session_id: int) -> None:
        self.sessions.remove(session_id)
        for rating in [r for r in self.ratings.values() if r.session_id == session_id]:
            assert rating.id is not None
            self.ratings.remove(rating.id)

    def list_sessions(self) -> list[Session]:
        return sorted(self.sessions.values(), key=lambda s: (s.starts_at, s.id or 0))

    def add_break(self, brk: Break) -> Break:
        return self.breaks.add(brk)

    def get_break(self, break_id: int) -> Break:
        return self.breaks.fetch(break_id)

    def update_break(self, brk: Break) -> Break:
        return self.breaks.put(brk)

    def delete_break(self, break_id: int) -> None:
        self.breaks.remove(break_id)

    def list_breaks(self) -> list[Break]:
        return sorted(self.breaks.values(), key=lambda b: (b.starts_on, b.id or 0))

    def add_checkin(self, checkin: CheckIn) -> CheckIn:
        return self.checkins.add(checkin)

    def list_checkins(self) -> list[CheckIn]:
        return sorted(self.checkins.values(), key=lambda c: (c.taken_at, c.id or 0))

    def add_rating(self, rating: Rating) -> Rating:
        self.sessions.fetch(rating.session_id)
        return self.ratings.add(rating)

    def list_ratings(self) -> list[Rating]:
        return sorted(self.ratings.values(), key=lambda r: (r.rated_at, r.id or 0))

    def get_setting(self, key: str) -> Any:
        return copy.deepcopy(self.settings.get(key))

    def set_setting(self, key: str, value: Any) -> None:
        self.settings[key] = copy.deepcopy(value)

    def known_uids(self) -> set[str]:
        tables = (self.entries, self.sessions, self.breaks, self.checkins, self.ratings)
        return {record.uid for table in tables for record in table.values()}

    def bulk_add(self, records: Sequence[Entry | Session | Break | CheckIn | Rating]) -> int:
        for record in records:
            match record:
                case Entry():
                    self.add_entry(record)
                case Session():
                    self.add_session(record)
                case Break():
                    self.add_break(record)
                case CheckIn():
                    self.add_checkin(record)
                case Rating():
                    self.add_rating(record)
        return len(records)

    def close(self) -> None:
        pass
