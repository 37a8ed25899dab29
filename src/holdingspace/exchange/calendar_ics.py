"""The therapy calendar as an iCalendar file, for reminders that fire without holdingspace.

It holds the sessions (cancelled ones marked so), the therapist's breaks as all-day events
(with an alarm a week before one that is still ahead) and a weekly check-in reminder with an
alarm. Times are floating local times, as in the journal. Titles are plain and private notes
are left out, because calendar apps often sync to other services.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from holdingspace.core import insight_messages as msg
from holdingspace.core.calendar import Break, BreakReason, Session, SessionStatus

PRODUCT_ID = "-//holdingspace//calendar export//EN"
UID_DOMAIN = "holdingspace.local"
CHECKIN_UID = f"weekly-checkin@{UID_DOMAIN}"
CHECKIN_WEEKDAY = 6
"""Sunday (Monday is 0)."""
CHECKIN_TIME = time(19, 0)
CHECKIN_MINUTES = 10
_CANCELLED = frozenset(
    {SessionStatus.CANCELLED_BY_ME, SessionStatus.CANCELLED_BY_THERAPIST, SessionStatus.RESCHEDULED}
)


def _alarm(description: str, before: timedelta) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", description)
    alarm.add("trigger", -before)
    return alarm


def _session_event(session: Session, now: datetime, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"{session.uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", session.starts_at)
    event.add("dtend", session.starts_at + timedelta(minutes=session.duration_minutes))
    cancelled = session.status in _CANCELLED
    if session.status is SessionStatus.RESCHEDULED:
        summary = msg.ICS_SESSION_MOVED
    else:
        summary = msg.ICS_SESSION_CANCELLED if cancelled else msg.ICS_SESSION
    event.add("summary", summary)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if session.status is SessionStatus.SCHEDULED and session.starts_at > now:
        event.add_component(_alarm(msg.ICS_SESSION_ALARM, timedelta(days=1)))
    return event


def _break_event(brk: Break, today: date, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", f"{brk.uid}@{UID_DOMAIN}")
    event.add("dtstamp", stamp)
    event.add("dtstart", brk.starts_on)
    event.add("dtend", brk.ends_on + timedelta(days=1))
    event.add("summary", msg.ICS_ENDING if brk.reason is BreakReason.ENDING else msg.ICS_BREAK)
    event.add("transp", "TRANSPARENT")
    if brk.starts_on > today:
        event.add_component(_alarm(msg.ICS_BREAK_ALARM, timedelta(days=7)))
    return event


def next_checkin(now: datetime) -> datetime:
    """The first weekly check-in time after ``now``."""
    days = (CHECKIN_WEEKDAY - now.weekday()) % 7
    first = datetime.combine(now.date() + timedelta(days=days), CHECKIN_TIME)
    return first if first > now else first + timedelta(weeks=1)


def _checkin_event(now: datetime, stamp: datetime) -> Event:
    event = Event()
    starts = next_checkin(now)
    event.add("uid", CHECKIN_UID)
    event.add("dtstamp", stamp)
    event.add("dtstart", starts)
    event.add("dtend", starts + timedelta(minutes=CHECKIN_MINUTES))
    event.add("summary", msg.ICS_CHECKIN)
    event.add("rrule", {"freq": "weekly"})
    event.add("transp", "TRANSPARENT")
    event.add_component(_alarm(msg.ICS_CHECKIN_ALARM, timedelta(0)))
    return event


def render_ics(sessions: Sequence[Session], breaks: Sequence[Break], now: datetime) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    stamp = now.astimezone(UTC).replace(microsecond=0)
    for session in sessions:
        calendar.add_component(_session_event(session, now, stamp))
    for brk in breaks:
        calendar.add_component(_break_event(brk, now.date(), stamp))
    calendar.add_component(_checkin_event(now, stamp))
    return bytes(calendar.to_ical())
