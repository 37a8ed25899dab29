"""Charts: SVG from pygal with no script, a text alternative, and the numbers as a table."""

from __future__ import annotations

from datetime import date, timedelta

from holdingspace.core.trends import Point, Series, Trends
from holdingspace.web.charts import MAX_X_LABELS, MONTHLY_AFTER_POINTS, line_chart, signs_chart


def weekly(key: str, values: list[float]) -> Series:
    start = date(2026, 1, 5)
    return Series(
        key, key.title(), tuple(Point(start + timedelta(weeks=i), v) for i, v in enumerate(values))
    )


def test_a_chart_is_plain_svg_without_javascript() -> None:
    chart = line_chart("Signs", "entries", [weekly("missing", [1, 3, 2])], "sum")
    assert chart.svg.startswith("<svg")
    assert "<?xml" not in chart.svg
    assert "<script" not in chart.svg
    assert "Missing" in chart.svg


def test_the_numbers_behind_a_chart_are_a_table() -> None:
    chart = line_chart(
        "Signs", "entries", [weekly("missing", [1, 3, 2]), weekly("approval", [0, 1])], "sum"
    )
    assert chart.columns == ("Week of", "Missing", "Approval")
    assert chart.rows == (
        ("2026-01-05", "1", "0"),
        ("2026-01-12", "3", "1"),
        ("2026-01-19", "2", "–"),
    )


def test_the_text_alternative_says_what_the_chart_shows() -> None:
    chart = line_chart("Signs", "entries", [weekly("missing", [1, 3, 2])], "sum")
    assert chart.description == (
        "A line chart of signs (entries), week by week, from 2026-01-05 to 2026-01-19. The table "
        "below holds the same numbers. Missing: from 1 to 2, highest 3 (2026-01-12)."
    )


def test_long_stretches_are_drawn_month_by_month() -> None:
    values = [1.0] * (MONTHLY_AFTER_POINTS + 10)
    summed = line_chart("Signs", "entries", [weekly("missing", values)], "sum")
    averaged = line_chart("Scores", "0-4", [weekly("missing", values)], "mean")
    assert summed.columns[0] == "Month"
    assert summed.rows[0] == ("Jan 2026", "4")
    assert averaged.rows[0] == ("Jan 2026", "1")
    assert "month by month" in summed.description


def test_an_empty_chart_says_there_is_nothing_yet() -> None:
    chart = line_chart("Signs", "entries", [], "sum")
    assert chart.rows == ()
    assert chart.description == "Nothing to draw yet."


def test_long_charts_write_a_few_dates_slanted_so_they_never_run_together() -> None:
    values = [1.0] * (MONTHLY_AFTER_POINTS * 8)
    chart = line_chart("Signs", "entries", [weekly("missing", values)], "sum")

    months = [row[0] for row in chart.rows]
    written = [month for month in months if f">{month}</text>" in chart.svg]
    assert len(months) > MAX_X_LABELS
    assert 2 <= len(written) <= MAX_X_LABELS
    assert "rotate(30" in chart.svg


def test_the_signs_chart_draws_every_sign_that_came_up() -> None:
    keys = ("missing", "approval", "loyalty", "safe_space", "sensitivity_to_change")
    signs = tuple(weekly(key, [float(len(keys) - i), 0.0]) for i, key in enumerate(keys))
    empty = weekly("romantic_feelings", [0.0, 0.0])
    trends = Trends(
        entries_per_week=empty,
        signs=(*signs, empty),
        checkin_labels=(),
        dimensions=(),
        interference=empty,
        ratings=empty,
        findings=(),
    )

    chart = signs_chart(trends)

    assert chart.columns[1:] == tuple(key.title() for key in keys)
    assert "Sensitivity_To_Change" in chart.svg
    assert "Romantic_Feelings" not in chart.columns
