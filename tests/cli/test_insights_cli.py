"""trends, prep, calendar export and demo through the CLI, in a temporary home."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
import typer
from pypdf import PdfReader
from tests.support import PASSPHRASE
from typer.testing import CliRunner, Result

from holdingspace.cli import insights
from holdingspace.cli.common import FriendlyGroup


@pytest.fixture
def run(home: Path, monkeypatch: pytest.MonkeyPatch) -> typer.Typer:
    monkeypatch.setenv("HOLDINGSPACE_HOME", str(home))
    monkeypatch.setenv("HOLDINGSPACE_PASSPHRASE", PASSPHRASE)
    app = typer.Typer(cls=FriendlyGroup)
    insights.register(app)
    return app


def invoke(app: typer.Typer, *args: str) -> Result:
    return CliRunner().invoke(app, list(args), catch_exceptions=False)


def test_demo_then_trends_prep_and_calendar(run: typer.Typer, tmp_path: Path) -> None:
    made = invoke(run, "demo", "--years", "0.5")
    assert made.exit_code == 0, made.output
    assert "Everything in it is made up." in made.output
    again = invoke(run, "demo")
    assert again.exit_code == 7
    assert "already holds entries" in again.output

    found = json.loads(invoke(run, "trends", "--json").output)
    assert set(found["signs"]) >= {"missing", "interference"}
    assert found["interference"]["points"]
    assert all({"key", "text", "enough_data"} <= set(f) for f in found["findings"])
    shown = invoke(run, "trends")
    assert "not a diagnosis" in shown.output
    assert "The last four weeks" in shown.output

    note = tmp_path / "note.pdf"
    made_pdf = invoke(run, "prep", "--format", "pdf", "-o", str(note), "--say", "Plan the break")
    assert made_pdf.exit_code == 0, made_pdf.output
    text = PdfReader(io.BytesIO(note.read_bytes())).pages[0].extract_text()
    assert "Plan the break" in text
    assert not list(tmp_path.glob(".note.pdf.*"))  # no temporary file left behind
    markdown = invoke(run, "prep", "--since", "2020-01-01")
    assert "## What I noticed" in markdown.output

    ics = tmp_path / "sessions.ics"
    assert invoke(run, "calendar", "export", "-o", str(ics)).exit_code == 0
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_a_pdf_needs_a_file(run: typer.Typer) -> None:
    result = invoke(run, "prep", "--format", "pdf")
    assert result.exit_code == 2
    assert "-o note.pdf" in result.output
