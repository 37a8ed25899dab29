"""Charts for the trends page: drawn by pygal on the server, as SVG without any JavaScript.

Each chart comes with a text alternative (what it shows, in words) and the numbers behind it
as a table, so nothing is only visible in the picture. Long stretches are drawn month by month
(sums for entry counts, means for scores) to stay readable.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import pygal
from pygal.style import Style

from holdingspace.core import insight_messages as msg
from holdingspace.core.trends import Series, Trends

MONTHLY_AFTER_POINTS = 30
MAX_X_LABELS = 6
"""At most this many dates are written under a chart, so they never run together."""
X_LABEL_ROTATION = 30
PALETTE = (
    "#3f6c8f",
    "#b5654a",
    "#5b8a5a",
    "#8a6bb0",
    "#b08d2f",
    "#4f8f8f",
    "#a4506f",
    "#6b7a2f",
    "#c07a2c",
    "#2f4f7f",
    "#7a5a45",
)
"""One calm colour per sign, so all eleven can be told apart."""
Combine = Literal["sum", "mean"]


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    svg: str
    description: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _style() -> Style:
    return Style(
        background="transparent",
        plot_background="transparent",
        foreground="#2d2d35",
        foreground_strong="#2d2d35",
        foreground_subtle="#c9ccd4",
        colors=PALETTE,
        font_family="system-ui, sans-serif",
        label_font_size=13,
        major_label_font_size=13,
        legend_font_size=13,
        title_font_size=16,
    )


def _config(title: str, y_max: float | None) -> pygal.Config:
    config = pygal.Config()
    config.js = []
    config.disable_xml_declaration = True
    config.no_prefix = True
    config.title = title
    config.style = _style()
    config.width = 800
    config.height = 360
    config.show_minor_x_labels = False
    config.x_label_rotation = X_LABEL_ROTATION
    config.legend_at_bottom = True
    config.dots_size = 2.5
    config.truncate_legend = -1
    config.truncate_label = -1
    config.no_data_text = msg.CHART_NO_DATA
    if y_max is not None:
        config.range = (0, y_max)
    return config


def _without_scripts(root: Any) -> Any:
    """pygal writes its settings into a <script> even with no scripts asked for: drop it."""
    for parent in list(root.iter()):
        for child in list(parent):
            if str(child.tag).endswith("script"):
                parent.remove(child)
    return root


def _month(day: date) -> date:
    return day.replace(day=1)


def _binned(series: Series, combine: Combine, monthly: bool) -> dict[date, float]:
    if not monthly:
        return {p.day: p.value for p in series.points}
    groups: dict[date, list[float]] = {}
    for point in series.points:
        groups.setdefault(_month(point.day), []).append(point.value)
    if combine == "sum":
        return {month: sum(values) for month, values in groups.items()}
    return {month: round(sum(values) / len(values), 2) for month, values in groups.items()}


def _label(day: date, monthly: bool) -> str:
    return f"{day:%b %Y}" if monthly else day.isoformat()


def _number(value: float | None) -> str:
    return "–" if value is None else f"{value:g}"


def line_chart(
    title: str,
    unit: str,
    series: Sequence[Series],
    combine: Combine,
    *,
    y_max: float | None = None,
    weekly: bool = True,
) -> Chart:
    longest = max((len(s.points) for s in series), default=0)
    monthly = longest > MONTHLY_AFTER_POINTS
    binned = [_binned(s, combine, monthly) for s in series]
    days = sorted({day for values in binned for day in values})
    chart = pygal.Line(_config(title, y_max))
    chart.add_xml_filter(_without_scripts)
    chart.x_labels = [_label(day, monthly) for day in days]
    chart.x_labels_major = chart.x_labels[:: max(math.ceil(len(days) / MAX_X_LABELS), 1)]
    for one, values in zip(series, binned, strict=True):
        chart.add(one.title, [values.get(day) for day in days])
    period = msg.CHART_PERIOD_MONTH if monthly else msg.CHART_PERIOD_WEEK
    rows = tuple(
        (_label(day, monthly), *(_number(values.get(day)) for values in binned)) for day in days
    )
    return Chart(
        title=title,
        svg=chart.render(is_unicode=True),
        description=_describe(title, unit, series, binned, days, monthly, weekly),
        columns=(period, *(s.title for s in series)),
        rows=rows,
    )


def _describe(
    title: str,
    unit: str,
    series: Sequence[Series],
    binned: Sequence[dict[date, float]],
    days: Sequence[date],
    monthly: bool,
    weekly: bool,
) -> str:
    if not days:
        return msg.CHART_NO_DATA
    per = msg.CHART_PER_MONTH if monthly else msg.CHART_PER_WEEK if weekly else msg.CHART_PER_POINT
    parts = [
        msg.CHART_DESCRIBE.format(
            title=title.lower(),
            unit=unit,
            per=per,
            first=_label(days[0], monthly),
            last=_label(days[-1], monthly),
        )
    ]
    for one, values in zip(series, binned, strict=True):
        if not values:
            continue
        ordered = sorted(values.items())
        high_day, high = max(ordered, key=lambda item: item[1])
        parts.append(
            msg.CHART_DESCRIBE_SERIES.format(
                name=one.title,
                first=f"{ordered[0][1]:g}",
                last=f"{ordered[-1][1]:g}",
                high=f"{high:g}",
                when=_label(high_day, monthly),
            )
        )
    return " ".join(parts)


def signs_with_data(trends: Trends) -> list[Series]:
    """Every sign that came up at all, the most frequent first: none is left out."""
    carried = [s for s in trends.signs if sum(p.value for p in s.points) > 0]
    carried.sort(key=lambda s: -sum(p.value for p in s.points))
    return carried


def signs_chart(trends: Trends, labels: Sequence[str] | None = None) -> Chart:
    chosen = (
        signs_with_data(trends) if labels is None else [s for s in trends.signs if s.key in labels]
    )
    return line_chart(msg.CHART_SIGNS_TITLE, msg.CHART_SIGNS_UNIT, chosen, "sum")


def checkin_chart(trends: Trends) -> Chart:
    series = [*trends.dimensions, trends.interference]
    return line_chart(
        msg.CHART_CHECKIN_TITLE, msg.CHART_CHECKIN_UNIT, series, "mean", y_max=4, weekly=True
    )


def ratings_chart(trends: Trends) -> Chart:
    return line_chart(
        msg.CHART_RATINGS_TITLE,
        msg.CHART_RATINGS_UNIT,
        [trends.ratings],
        "mean",
        y_max=40,
        weekly=False,
    )
