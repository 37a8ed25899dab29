"""Trends, the session-prep note, the calendar export and the demo journal."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from holdingspace.cli.common import (
    FriendlyGroup,
    console,
    home_path,
    open_context,
    print_json,
    say,
    write_output,
)
from holdingspace.core import insight_messages as msg
from holdingspace.core.calendar import parse_day
from holdingspace.core.errors import InvalidInput
from holdingspace.core.intensity import Notice
from holdingspace.core.trends import Series, Trends

calendar_app = typer.Typer(
    cls=FriendlyGroup, help="Your therapy calendar in other apps.", no_args_is_help=True
)
RECENT_WEEKS = 4


class PrepFormat(StrEnum):
    MD = "md"
    PDF = "pdf"


class PaperSize(StrEnum):
    A4 = "A4"
    LETTER = "Letter"


def _series_json(series: Series) -> dict[str, Any]:
    return {
        "key": series.key,
        "title": series.title,
        "points": [{"day": p.day.isoformat(), "value": p.value} for p in series.points],
    }


def _notice_json(notice: Notice | None) -> dict[str, Any] | None:
    if notice is None:
        return None
    return {
        "title": notice.title,
        "body": notice.body,
        "reasons": list(notice.reasons),
        "topic": notice.topic,
    }


def trends_json(found: Trends, notice: Notice | None) -> dict[str, Any]:
    return {
        "notice": _notice_json(notice),
        "findings": [
            {"key": f.key, "text": f.text, "enough_data": f.enough_data, "numbers": dict(f.numbers)}
            for f in found.findings
        ],
        "entries_per_week": _series_json(found.entries_per_week),
        "signs": {s.key: _series_json(s) for s in found.signs},
        "checkin_labels": {s.key: _series_json(s) for s in found.checkin_labels},
        "dimensions": {s.key: _series_json(s) for s in found.dimensions},
        "interference": _series_json(found.interference),
        "ratings": _series_json(found.ratings),
    }


def _recent_table(found: Trends) -> Table:
    table = Table(title="The last four weeks", title_justify="left", show_edge=False)
    table.add_column("Sign")
    table.add_column("Entries carrying it", justify="right")
    table.add_column("Latest check-in (0–4)", justify="right")
    latest = {s.key: s.points[-1].value for s in found.checkin_labels if s.points}
    for series in found.signs:
        count = sum(p.value for p in series.points[-RECENT_WEEKS:])
        score = latest.get(series.key)
        table.add_row(series.title, f"{count:g}", "–" if score is None else f"{score:.1f}")
    return table


def trends(as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False) -> None:
    """Your signs, check-ins and ratings over time, read against your therapy calendar."""
    from holdingspace.services.insights import InsightsService

    context = open_context()
    try:
        found, notice = InsightsService(context).overview()
    finally:
        context.close()
    if as_json:
        print_json(trends_json(found, notice))
        return
    if notice is not None:
        console.print(Text(notice.title, style="bold"))
        console.print(Text(notice.body))
        for reason in notice.reasons:
            console.print(Text(f"  • {reason}"))
        console.print(Text(f"{notice.link_text}: holdingspace learn {notice.topic}", style="dim"))
        console.print()
    if found.is_empty:
        say(msg.TRENDS_EMPTY)
        return
    console.print(Text(msg.TRENDS_INTRO, style="dim"))
    console.print()
    for finding in found.findings:
        console.print(Text(f"• {finding.text}", style="" if finding.enough_data else "dim"))
    console.print()
    console.print(_recent_table(found))


def prep(
    fmt: Annotated[PrepFormat, typer.Option("--format", help="md or pdf.")] = PrepFormat.MD,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="File to write.")] = None,
    since: Annotated[
        str | None, typer.Option(help="First day of the period (default: your last session).")
    ] = None,
    pick: Annotated[
        list[int] | None, typer.Option("--pick", help="An entry id to quote (repeatable).")
    ] = None,
    say_text: Annotated[
        list[str] | None,
        typer.Option("--say", help="Something you want to say or ask (repeatable)."),
    ] = None,
    paper: Annotated[PaperSize, typer.Option(help="A4 or Letter (PDF).")] = PaperSize.A4,
) -> None:
    """Build a one-page note for your next session (Markdown or PDF)."""
    from holdingspace.services.insights import InsightsService

    first_day = parse_day(since) if since else None
    if fmt is PrepFormat.PDF and output is None:
        raise InvalidInput("A PDF needs a file to go into: add -o note.pdf.")
    context = open_context()
    try:
        service = InsightsService(context)
        note = service.prep(first_day, pick or (), say_text or ())
        data = service.export_prep(note, fmt.value, paper.value)
    finally:
        context.close()
    if output is None:
        console.print(Text(data.decode("utf-8")))
        return
    write_output(output, data)
    say(f"Wrote your note to {output}.")


@calendar_app.command("export")
def calendar_export(
    output: Annotated[Path, typer.Option("-o", "--output", help="The .ics file to write.")],
) -> None:
    """Write your sessions, breaks and a weekly check-in reminder to an .ics file."""
    from holdingspace.services.insights import InsightsService

    context = open_context()
    try:
        data = InsightsService(context).calendar_file()
    finally:
        context.close()
    write_output(output, data)
    say(f"Wrote your calendar to {output}. Open it with your calendar app to add the reminders.")


def demo(
    years: Annotated[float, typer.Option(help="How many years of made-up history.")] = 1.0,
    ending: Annotated[bool, typer.Option(help="Include a therapy ending ahead.")] = False,
    seed: Annotated[int, typer.Option(help="Another seed gives another demo.")] = 20240611,
) -> None:
    """Fill a new, empty journal with made-up entries, check-ins, sessions and breaks."""
    from holdingspace.cli.vault import new_passphrase
    from holdingspace.services import vault
    from holdingspace.services.demo import create_demo

    home = home_path()
    if vault.Home(home).is_initialised():
        context = open_context()
    else:
        context = vault.create(home, new_passphrase())
    try:
        summary = create_demo(context, years=years, seed=seed, ending=ending)
    finally:
        context.close()
    say(summary.message)


def register(app: typer.Typer) -> None:
    app.command()(trends)
    app.command()(prep)
    app.command()(demo)
    app.add_typer(calendar_app, name="calendar")
