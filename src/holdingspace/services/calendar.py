"""The therapy calendar: sessions and the therapist's breaks."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from holdingspace.core.calendar import Break, BreakReason, Session, SessionStatus
from holdingspace.services.context import Context, new_uid


class CalendarService:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.store = context.store

    def add_session(
        self,
        starts_at: datetime,
        status: SessionStatus = SessionStatus.SCHEDULED,
        duration_minutes: int = 50,
        note: str = "",
    ) -> Session:
        return self.store.add_session(
            Session(None, new_uid(), starts_at, status, duration_minutes, note)
        )

    def edit_session(
        self,
        session_id: int,
        *,
        starts_at: datetime | None = None,
        status: SessionStatus | None = None,
        note: str | None = None,
    ) -> Session:
        session = self.store.get_session(session_id)
        if starts_at is not None:
            session = replace(session, starts_at=starts_at)
        if status is not None:
            session = replace(session, status=status)
        if note is not None:
            session = replace(session, note=note)
        return self.store.update_session(session)

    def delete_session(self, session_id: int) -> None:
        self.store.delete_session(session_id)

    def sessions(self) -> list[Session]:
        return self.store.list_sessions()

    def next_session(self) -> Session | None:
        now = self.context.clock()
        upcoming = [
            s
            for s in self.store.list_sessions()
            if s.starts_at >= now and s.status == SessionStatus.SCHEDULED
        ]
        return upcoming[0] if upcoming else None

    def add_break(
        self,
        starts_on: date,
        ends_on: date,
        reason: BreakReason = BreakReason.HOLIDAY,
        note: str = "",
    ) -> Break:
        return self.store.add_break(Break(None, new_uid(), starts_on, ends_on, reason, note))

    def edit_break(
        self,
        break_id: int,
        *,
        starts_on: date | None = None,
        ends_on: date | None = None,
        reason: BreakReason | None = None,
    ) -> Break:
        brk = self.store.get_break(break_id)
        changed = Break(
            brk.id,
            brk.uid,
            starts_on or brk.starts_on,
            ends_on or brk.ends_on,
            reason or brk.reason,
            brk.note,
        )
        return self.store.update_break(changed)

    def delete_break(self, break_id: int) -> None:
        self.store.delete_break(break_id)

    def breaks(self) -> list[Break]:
        return self.store.list_breaks()

    def next_break(self) -> Break | None:
        today = self.context.clock().date()
        ahead = [b for b in self.store.list_breaks() if b.ends_on >= today]
        return ahead[0] if ahead else None
