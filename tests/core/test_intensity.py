"""The "too intense" rule: it fires on each of its three conditions, and not otherwise."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from tests.core.insight_data import checkin, entry

from holdingspace.core import intensity
from holdingspace.core.intensity import check_intensity
from holdingspace.core.trends import ScoredCheckIn

TODAY = date(2026, 6, 30)


def weekly(*scores: float, last: date = TODAY) -> list[ScoredCheckIn]:
    return [checkin(last - timedelta(weeks=len(scores) - 1 - i), s) for i, s in enumerate(scores)]


def test_two_high_check_ins_in_a_row_raise_the_notice() -> None:
    notice = check_intensity(weekly(1.0, 2.5, 3.0), [], TODAY)
    assert notice is not None
    assert notice.reasons == (
        "In your last 2 check-ins, the feelings getting in the way scored 2.5 or more out of 4.",
    )
    assert notice.topic == "too-intense"
    assert "next session" in notice.body


def test_one_high_check_in_is_not_enough() -> None:
    assert check_intensity(weekly(3.5, 1.0, 3.5), [], TODAY) is None


def test_old_check_ins_never_raise_a_notice_today() -> None:
    stale = weekly(3.0, 3.5, 4.0, last=TODAY - timedelta(days=30))
    assert check_intensity(stale, [], TODAY) is None


def test_a_steady_rise_over_three_weeks_raises_the_notice() -> None:
    notice = check_intensity(weekly(0.5, 1.0, 1.0, 1.75), [], TODAY)
    assert notice is not None
    assert notice.reasons == (
        "Over your last 3 weeks of check-ins, the feelings getting in the way rose from 0.5 to "
        "1.8 out of 4.",
    )


def test_a_rise_that_dips_or_stays_low_is_not_enough() -> None:
    assert check_intensity(weekly(0.5, 1.5, 1.0, 1.75), [], TODAY) is None
    assert check_intensity(weekly(0.0, 0.25, 0.5, 1.25), [], TODAY) is None


def test_three_entries_in_two_weeks_raise_the_notice() -> None:
    entries = [entry(TODAY - timedelta(days=d), "interference") for d in (0, 6, 13)]
    notice = check_intensity([], entries, TODAY)
    assert notice is not None
    assert notice.reasons == (
        "In the last 14 days, 3 of your entries said the feelings were getting in the way.",
    )


def test_entries_spread_wider_or_with_other_signs_are_not_enough() -> None:
    spread = [entry(TODAY - timedelta(days=d), "interference") for d in (0, 6, 14)]
    other = [entry(TODAY - timedelta(days=d), "missing") for d in (0, 1, 2)]
    assert check_intensity([], spread + other, TODAY) is None


def test_several_reasons_are_all_named() -> None:
    entries = [entry(TODAY - timedelta(days=d), "interference") for d in (1, 2, 3)]
    notice = check_intensity(weekly(2.5, 2.5), entries, TODAY)
    assert notice is not None
    assert len(notice.reasons) == 2


def test_the_notice_is_gentle() -> None:
    notice = check_intensity(weekly(4.0, 4.0), [], TODAY)
    assert notice is not None
    words = " ".join((notice.title, notice.body, *notice.reasons)).casefold()
    for alarming in ("warning", "danger", "urgent", "emergency", "must", "!"):
        assert alarming not in words


def test_the_rule_is_documented_with_its_thresholds() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "too-intense.md").read_text(encoding="utf-8")
    for number in (
        intensity.HIGH_INTERFERENCE,
        intensity.ENTRIES_WITH_SIGN,
        intensity.ENTRY_WINDOW_DAYS,
        intensity.RISING_BY,
    ):
        assert str(number) in doc
    assert "too-intense" in doc
