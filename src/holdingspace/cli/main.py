"""The `holdingspace` command. Each area registers its commands from its own module."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from holdingspace import __version__
from holdingspace.cli import analyze, calendar, checkins, insights, journal, vault, web
from holdingspace.cli.common import FriendlyGroup, say, state

app = typer.Typer(
    cls=FriendlyGroup,
    name="holdingspace",
    help="A private place to notice, understand and bring up your feelings about your therapist. "
    "Not therapy, and not an emergency service.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"max_content_width": 110},
)


def _version(value: bool) -> None:
    if value:
        say(f"holdingspace {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    home: Annotated[
        Path | None,
        typer.Option("--home", envvar="HOLDINGSPACE_HOME", help="Folder that holds the journal."),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show full error details.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")
    ] = False,
) -> None:
    state.home = home
    state.debug = debug


for area in (vault, journal, calendar, checkins, insights, web, analyze):
    area.register(app)


def main() -> None:
    app()
