"""Session times read from calendar files: local time, zones, all-day events, bad files."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from holdingspace.core.errors import InvalidInput
from holdingspace.web.ics_import import sessions_from_ics


def _calendar(*events: str) -> bytes:
    body = "".join(
        f"BEGIN:VEVENT\r\nUID:{n}@t\r\nDTSTAMP:20260101T000000Z\r\n{event}\r\nEND:VEVENT\r\n"
        for n, event in enumerate(events)
    )
    return f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n{body}END:VCALENDAR\r\n".encode()


def test_local_times_and_lengths_are_kept_oldest_first() -> None:
    found = sessions_from_ics(
        _calendar(
            "DTSTART:20261210T170000\r\nDTEND:20261210T175000",
            "DTSTART:20261203T090000\r\nDTEND:20261203T103000",
        )
    )
    assert [(s.starts_at, s.duration_minutes) for s in found] == [
        (datetime(2026, 12, 3, 9, 0), 90),
        (datetime(2026, 12, 10, 17, 0), 50),
    ]


def test_a_zoned_time_becomes_this_computers_wall_clock_time() -> None:
    (found,) = sessions_from_ics(_calendar("DTSTART:20261203T100000Z"))
    expected = datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
    assert found.starts_at == expected.astimezone().replace(tzinfo=None)
    assert found.duration_minutes == 50


def test_an_all_day_event_starts_at_nine() -> None:
    (found,) = sessions_from_ics(_calendar("DTSTART;VALUE=DATE:20261203"))
    assert found.starts_at == datetime(2026, 12, 3, 9, 0)


@pytest.mark.parametrize(
    "raw",
    [b"not a calendar", b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", b"\xff\xfe\x00"],
)
def test_bad_or_empty_files_are_refused_plainly(raw: bytes) -> None:
    with pytest.raises(InvalidInput):
        sessions_from_ics(raw)
