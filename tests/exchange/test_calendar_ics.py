"""The calendar export: sessions, breaks and a weekly check-in reminder with alarms."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from icalendar import Calendar

from holdingspace.core.calendar import Break, BreakReason, Session, SessionStatus
from holdingspace.exchange.calendar_ics import next_checkin, render_ics

NOW = datetime(2026, 11, 26, 9, 30)  # a Thursday
SESSIONS = [
    Session(1, "past", datetime(2026, 11, 19, 10), SessionStatus.HELD, note="PRIVATE note"),
    Session(2, "gone", datetime(2026, 11, 24, 10), SessionStatus.CANCELLED_BY_THERAPIST),
    Session(3, "next", datetime(2026, 12, 1, 10), SessionStatus.SCHEDULED, 50),
]
BREAKS = [Break(1, "away", date(2026, 12, 21), date(2027, 1, 3), BreakReason.HOLIDAY, "PRIVATE")]


def events() -> dict[str, object]:
    calendar = Calendar.from_ical(render_ics(SESSIONS, BREAKS, NOW))
    return {str(e["UID"]).split("@")[0]: e for e in calendar.walk("VEVENT")}


def test_sessions_are_exported_with_times_status_and_an_alarm_ahead() -> None:
    found = events()
    upcoming = found["next"]
    assert upcoming.decoded("DTSTART") == datetime(2026, 12, 1, 10)  # type: ignore[attr-defined]
    assert upcoming.decoded("DTEND") == datetime(2026, 12, 1, 10, 50)  # type: ignore[attr-defined]
    [alarm] = upcoming.walk("VALARM")  # type: ignore[attr-defined]
    assert alarm.decoded("TRIGGER") == -timedelta(days=1)
    assert str(found["gone"]["STATUS"]) == "CANCELLED"  # type: ignore[index]
    assert found["past"].walk("VALARM") == []  # type: ignore[attr-defined]


def test_breaks_are_all_day_with_an_exclusive_end_and_a_week_of_warning() -> None:
    away = events()["away"]
    assert away.decoded("DTSTART") == date(2026, 12, 21)  # type: ignore[attr-defined]
    assert away.decoded("DTEND") == date(2027, 1, 4)  # type: ignore[attr-defined]
    [alarm] = away.walk("VALARM")  # type: ignore[attr-defined]
    assert alarm.decoded("TRIGGER") == -timedelta(days=7)


def test_the_weekly_check_in_repeats_and_alarms() -> None:
    reminder = events()["weekly-checkin"]
    assert reminder.decoded("DTSTART") == datetime(2026, 11, 29, 19, 0)  # type: ignore[attr-defined]
    assert reminder["RRULE"]["FREQ"] == ["WEEKLY"]  # type: ignore[index]
    [alarm] = reminder.walk("VALARM")  # type: ignore[attr-defined]
    assert str(alarm["ACTION"]) == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(0)


def test_the_next_check_in_is_always_ahead() -> None:
    assert next_checkin(datetime(2026, 11, 29, 18, 59)) == datetime(2026, 11, 29, 19, 0)
    assert next_checkin(datetime(2026, 11, 29, 19, 0)) == datetime(2026, 12, 6, 19, 0)


def test_private_notes_stay_out_of_the_file() -> None:
    data = render_ics(SESSIONS, BREAKS, NOW)
    assert b"PRIVATE" not in data
    assert b"therap" not in data.lower()
