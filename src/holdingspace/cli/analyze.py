"""`holdingspace analyze [FILE|-]`: JSON lines in, one JSON line of analysis out per line.

Needs no journal and no passphrase. Standard output carries only JSON lines; the progress
bar and the "analysis is limited" notice go to standard error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Final

import typer

from holdingspace import messages
from holdingspace.cli.common import err_console, warn
from holdingspace.core.errors import InvalidInput

PROGRESS_FROM_LINES: Final = 200
"""Inputs with more lines than this show a progress bar on standard error."""


def register(app: typer.Typer) -> None:
    """Add the `analyze` command to the application."""

    @app.command("analyze")
    def analyze(
        source: str = typer.Argument(
            "-",
            metavar="[FILE|-]",
            help='JSON lines, each {"id": ..., "text": ...}; - reads stdin.',
        ),
    ) -> None:
        """Analyse texts for attachment signs and crisis; writes one JSON line per input line."""
        from holdingspace.analysis.analyser import load_analyser
        from holdingspace.analysis.lexical import LexicalAnalyser
        from holdingspace.analysis.stream import analyse_lines

        lines = _read_lines(source)
        analyser = load_analyser()
        if isinstance(analyser, LexicalAnalyser):
            warn(messages.ANALYSIS_LIMITED)
        total = sum(1 for line in lines if line.strip())
        if total <= PROGRESS_FROM_LINES:
            for output in analyse_lines(lines, analyser):
                sys.stdout.write(output + "\n")
            return
        from rich.progress import Progress

        with Progress(console=err_console, transient=True) as progress:
            task = progress.add_task("Analysing", total=total)
            for output in analyse_lines(
                lines, analyser, on_progress=lambda done: progress.advance(task, done)
            ):
                sys.stdout.write(output + "\n")
        sys.stdout.flush()


def _read_lines(source: str) -> list[str]:
    if source == "-":
        return sys.stdin.read().splitlines()
    try:
        return Path(source).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidInput(f"Could not read {source}: {error.__class__.__name__}.") from error
