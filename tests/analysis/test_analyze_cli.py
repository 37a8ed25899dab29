"""`holdingspace analyze`: JSON lines in and out, through the real command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from holdingspace.analysis import encoder as encoder_module
from holdingspace.cli.analyze import register
from holdingspace.core.labels import LABELS


def app() -> typer.Typer:
    application = typer.Typer()
    register(application)

    @application.callback()
    def main() -> None:
        """holdingspace."""

    return application


@pytest.fixture(autouse=True)
def without_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """The contract does not depend on the model: the fallback keeps these tests fast."""
    monkeypatch.setattr(encoder_module, "load_encoder", lambda: None)


def test_reads_standard_input_and_writes_one_line_per_input() -> None:
    lines = [
        {"id": 1, "text": "I miss my therapist."},
        {"id": "two", "text": "Je pense à elle tous les jours et ça me fait peur."},
        {"id": 3, "text": "word " * 20000},
    ]
    stdin = "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n\nnot json\n"
    result = CliRunner().invoke(app(), ["analyze", "-"], input=stdin)
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, "two", 3, None]
    assert set(out[1]["scores"]) == set(LABELS)
    assert out[3] == {"id": None, "error": "not valid JSON"}


def test_reads_a_file_and_says_once_that_analysis_is_limited(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "hello"}\n{"id": 2, "text": "again"}\n', encoding="utf-8")
    result = CliRunner().invoke(app(), ["analyze", str(source)])
    assert result.exit_code == 0
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr.count("Analysis is limited") == 1


def test_empty_input_writes_nothing() -> None:
    result = CliRunner().invoke(app(), ["analyze"], input="")
    assert result.exit_code == 0
    assert result.stdout == ""
