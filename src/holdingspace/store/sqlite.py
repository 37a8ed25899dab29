"""The embedded store: one SQLCipher database, read and written through SQLAlchemy Core."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Engine, Table, delete, exists, func, insert, select, text, update
from sqlalchemy.engine import Connection, CursorResult, RowMapping
from sqlalchemy.sql import Select

from holdingspace.core.calendar import Break, BreakReason, Session, SessionStatus
from holdingspace.core.entries import Entry, EntryKind, EntryQuery
from holdingspace.core.errors import NotFound
from holdingspace.core.records import CheckIn, Rating
from holdingspace.core.signs import Analysis, analysis_from_dict, analysis_to_dict
from holdingspace.store.database import make_engine, migrate
from holdingspace.store.tables import (
    BreakRow,
    CheckInRow,
    EntryRow,
    EntrySignRow,
    RatingRow,
    SessionRow,
    SettingRow,
)

entries = cast(Table, EntryRow.__table__)
signs = cast(Table, EntrySignRow.__table__)
sessions = cast(Table, SessionRow.__table__)
breaks = cast(Table, BreakRow.__table__)
checkins = cast(Table, CheckInRow.__table__)
ratings = cast(Table, RatingRow.__table__)
settings = cast(Table, SettingRow.__table__)


def _fts_phrase(words: str) -> str:
    """The person's words as an FTS5 query: every word must appear, each as a prefix."""
    terms = [w.replace('"', '""') for w in words.split() if w.strip('"')]
    return " ".join(f'"{term}"*' for term in terms)


class SQLiteStore:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    @classmethod
    def open(cls, path: Path, data_key: bytes) -> SQLiteStore:
        engine = make_engine(path, data_key)
        migrate(engine)
        return cls(engine)

    # entries

    def add_entry(self, entry: Entry) -> Entry:
        with self.engine.begin() as conn:
            return self._insert_entry(conn, entry)

    def _insert_entry(self, conn: Connection, entry: Entry) -> Entry:
        values = {
            "uid": entry.uid,
            "kind": entry.kind.value,
            "text": entry.text,
            "created_at": entry.created_at,
            "updated_at": entry.updated_at,
            "analysis": None if entry.analysis is None else analysis_to_dict(entry.analysis),
        }
        new_id = _new_id(conn.execute(insert(entries).values(values)))
        if entry.analysis is not None:
            self._write_signs(conn, new_id, entry.analysis)
        return Entry(
            new_id,
            entry.uid,
            entry.kind,
            entry.text,
            entry.created_at,
            entry.updated_at,
            entry.analysis,
        )

    def get_entry(self, entry_id: int) -> Entry:
        with self.engine.connect() as conn:
            row = conn.execute(select(entries).where(entries.c.id == entry_id)).mappings().first()
        if row is None:
            raise NotFound(f"There is no entry with id {entry_id}.")
        return _entry(row)

    def update_entry(self, entry: Entry) -> Entry:
        values = {
            "kind": entry.kind.value,
            "text": entry.text,
            "updated_at": entry.updated_at,
            "analysis": None if entry.analysis is None else analysis_to_dict(entry.analysis),
        }
        with self.engine.begin() as conn:
            done = conn.execute(update(entries).where(entries.c.id == entry.id).values(values))
            if done.rowcount == 0:
                raise NotFound(f"There is no entry with id {entry.id}.")
            assert entry.id is not None
            conn.execute(delete(signs).where(signs.c.entry_id == entry.id))
            if entry.analysis is not None:
                self._write_signs(conn, entry.id, entry.analysis)
        return entry

    def delete_entry(self, entry_id: int) -> None:
        with self.engine.begin() as conn:
            if conn.execute(delete(entries).where(entries.c.id == entry_id)).rowcount == 0:
                raise NotFound(f"There is no entry with id {entry_id}.")

    def _filtered(self, query: EntryQuery, columns: Select[Any]) -> Select[Any]:
        stmt = columns
        if query.kind is not None:
            stmt = stmt.where(entries.c.kind == query.kind.value)
        if query.since is not None:
            stmt = stmt.where(entries.c.created_at >= query.since)
        if query.until is not None:
            stmt = stmt.where(entries.c.created_at <= query.until)
        if query.label is not None:
            stmt = stmt.where(
                exists().where(signs.c.entry_id == entries.c.id, signs.c.label == query.label)
            )
        if query.search and (phrase := _fts_phrase(query.search)):
            matching = text("SELECT rowid FROM entries_fts WHERE entries_fts MATCH :phrase")
            stmt = stmt.where(entries.c.id.in_(matching.bindparams(phrase=phrase)))
        return stmt

    def list_entries(self, query: EntryQuery = EntryQuery()) -> list[Entry]:
        stmt = self._filtered(query, select(entries)).order_by(
            entries.c.created_at.desc(), entries.c.id.desc()
        )
        if query.limit is not None:
            stmt = stmt.limit(query.limit)
        if query.offset:
            stmt = stmt.offset(query.offset)
        with self.engine.connect() as conn:
            return [_entry(row) for row in conn.execute(stmt).mappings()]

    def count_entries(self, query: EntryQuery = EntryQuery()) -> int:
        stmt = self._filtered(query, select(func.count()).select_from(entries))
        with self.engine.connect() as conn:
            return int(conn.execute(stmt).scalar_one())

    def save_analysis(self, entry_id: int, analysis: Analysis) -> None:
        with self.engine.begin() as conn:
            done = conn.execute(
                update(entries)
                .where(entries.c.id == entry_id)
                .values(analysis=analysis_to_dict(analysis))
            )
            if done.rowcount == 0:
                raise NotFound(f"There is no entry with id {entry_id}.")
            conn.execute(delete(signs).where(signs.c.entry_id == entry_id))
            self._write_signs(conn, entry_id, analysis)

    @staticmethod
    def _write_signs(conn: Connection, entry_id: int, analysis: Analysis) -> None:
        if analysis.labels:
            conn.execute(
                insert(signs), [{"entry_id": entry_id, "label": lab} for lab in analysis.labels]
            )

    # sessions

    def add_session(self, session: Session) -> Session:
        with self.engine.begin() as conn:
            return self._insert_session(conn, session)

    def _insert_session(self, conn: Connection, session: Session) -> Session:
        values = _session_values(session)
        new_id = _new_id(conn.execute(insert(sessions).values(values)))
        return Session(
            new_id,
            session.uid,
            session.starts_at,
            session.status,
            session.duration_minutes,
            session.note,
        )

    def get_session(self, session_id: int) -> Session:
        with self.engine.connect() as conn:
            row = (
                conn.execute(select(sessions).where(sessions.c.id == session_id)).mappings().first()
            )
        if row is None:
            raise NotFound(f"There is no session with id {session_id}.")
        return _session(row)

    def update_session(self, session: Session) -> Session:
        with self.engine.begin() as conn:
            stmt = update(sessions).where(sessions.c.id == session.id)
            if conn.execute(stmt.values(_session_values(session))).rowcount == 0:
                raise NotFound(f"There is no session with id {session.id}.")
        return session

    def delete_session(self, session_id: int) -> None:
        with self.engine.begin() as conn:
            if conn.execute(delete(sessions).where(sessions.c.id == session_id)).rowcount == 0:
                raise NotFound(f"There is no session with id {session_id}.")

    def list_sessions(self) -> list[Session]:
        stmt = select(sessions).order_by(sessions.c.starts_at, sessions.c.id)
        with self.engine.connect() as conn:
            return [_session(row) for row in conn.execute(stmt).mappings()]

    # breaks

    def add_break(self, brk: Break) -> Break:
        with self.engine.begin() as conn:
            return self._insert_break(conn, brk)

    def _insert_break(self, conn: Connection, brk: Break) -> Break:
        new_id = _new_id(conn.execute(insert(breaks).values(_break_values(brk))))
        return Break(new_id, brk.uid, brk.starts_on, brk.ends_on, brk.reason, brk.note)

    def get_break(self, break_id: int) -> Break:
        with self.engine.connect() as conn:
            row = conn.execute(select(breaks).where(breaks.c.id == break_id)).mappings().first()
        if row is None:
            raise NotFound(f"There is no break with id {break_id}.")
        return _break(row)

    def update_break(self, brk: Break) -> Break:
        with self.engine.begin() as conn:
            stmt = update(breaks).where(breaks.c.id == brk.id).values(_break_values(brk))
            if conn.execute(stmt).rowcount == 0:
                raise NotFound(f"There is no break with id {brk.id}.")
        return brk

    def delete_break(self, break_id: int) -> None:
        with self.engine.begin() as conn:
            if conn.execute(delete(breaks).where(breaks.c.id == break_id)).rowcount == 0:
                raise NotFound(f"There is no break with id {break_id}.")

    def list_breaks(self) -> list[Break]:
        stmt = select(breaks).order_by(breaks.c.starts_on, breaks.c.id)
        with self.engine.connect() as conn:
            return [_break(row) for row in conn.execute(stmt).mappings()]

    # check-ins and ratings

    def add_checkin(self, checkin: CheckIn) -> CheckIn:
        with self.engine.begin() as conn:
            return self._insert_checkin(conn, checkin)

    def _insert_checkin(self, conn: Connection, checkin: CheckIn) -> CheckIn:
        values = {
            "uid": checkin.uid,
            "taken_at": checkin.taken_at,
            "instrument_id": checkin.instrument_id,
            "answers": dict(checkin.answers),
        }
        new_id = _new_id(conn.execute(insert(checkins).values(values)))
        return CheckIn(
            new_id, checkin.uid, checkin.taken_at, checkin.instrument_id, dict(checkin.answers)
        )

    def list_checkins(self) -> list[CheckIn]:
        stmt = select(checkins).order_by(checkins.c.taken_at, checkins.c.id)
        with self.engine.connect() as conn:
            return [
                CheckIn(r["id"], r["uid"], r["taken_at"], r["instrument_id"], dict(r["answers"]))
                for r in conn.execute(stmt).mappings()
            ]

    def add_rating(self, rating: Rating) -> Rating:
        with self.engine.begin() as conn:
            return self._insert_rating(conn, rating)

    def _insert_rating(self, conn: Connection, rating: Rating) -> Rating:
        found = conn.execute(select(sessions.c.id).where(sessions.c.id == rating.session_id))
        if found.first() is None:
            raise NotFound(f"There is no session with id {rating.session_id}.")
        values = {
            "uid": rating.uid,
            "session_id": rating.session_id,
            "rated_at": rating.rated_at,
            "answers": dict(rating.answers),
        }
        new_id = _new_id(conn.execute(insert(ratings).values(values)))
        return Rating(new_id, rating.uid, rating.session_id, rating.rated_at, dict(rating.answers))

    def list_ratings(self) -> list[Rating]:
        stmt = select(ratings).order_by(ratings.c.rated_at, ratings.c.id)
        with self.engine.connect() as conn:
            return [
                Rating(r["id"], r["uid"], r["session_id"], r["rated_at"], dict(r["answers"]))
                for r in conn.execute(stmt).mappings()
            ]

    def get_setting(self, key: str) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar()

    def set_setting(self, key: str, value: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(settings).where(settings.c.key == key))
            conn.execute(insert(settings).values(key=key, value=value))

    def known_uids(self) -> set[str]:
        with self.engine.connect() as conn:
            found: set[str] = set()
            for table in (entries, sessions, breaks, checkins, ratings):
                found.update(conn.execute(select(table.c.uid)).scalars())
            return found

    def bulk_add(self, records: Sequence[Entry | Session | Break | CheckIn | Rating]) -> int:
        """Add many records in one transaction: all of them, or (on any error) none."""
        with self.engine.begin() as conn:
            for record in records:
                match record:
                    case Entry():
                        self._insert_entry(conn, record)
                    case Session():
                        self._insert_session(conn, record)
                    case Break():
                        self._insert_break(conn, record)
                    case CheckIn():
                        self._insert_checkin(conn, record)
                    case Rating():
                        self._insert_rating(conn, record)
        return len(records)

    def close(self) -> None:
        self.engine.dispose()


def _new_id(result: CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _entry(row: RowMapping) -> Entry:
    analysis = row["analysis"]
    return Entry(
        id=row["id"],
        uid=row["uid"],
        kind=EntryKind(row["kind"]),
        text=row["text"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        analysis=None if analysis is None else analysis_from_dict(analysis),
    )


def _session_values(session: Session) -> dict[str, Any]:
    return {
        "uid": session.uid,
        "starts_at": session.starts_at,
        "status": session.status.value,
        "duration_minutes": session.duration_minutes,
        "note": session.note,
    }


def _session(row: RowMapping) -> Session:
    return Session(
        row["id"],
        row["uid"],
        row["starts_at"],
        SessionStatus(row["status"]),
        row["duration_minutes"],
        row["note"],
    )


def _break_values(brk: Break) -> dict[str, Any]:
    return {
        "uid": brk.uid,
        "starts_on": brk.starts_on,
        "ends_on": brk.ends_on,
        "reason": brk.reason.value,
        "note": brk.note,
    }


def _break(row: RowMapping) -> Break:
    return Break(
        row["id"],
        row["uid"],
        row["starts_on"],
        row["ends_on"],
        BreakReason(row["reason"]),
        row["note"],
    )
