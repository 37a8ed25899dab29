"""`holdingspace journal reanalyse` in a temporary home, with a fake analyser that changes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.support import Run, VersionedAnalyser

from holdingspace.cli import common

PRIVATE = "I miss her and some nights I want to die"
"""Words (crisis language included) that the command must never print."""


@pytest.fixture
def analyser(monkeypatch: pytest.MonkeyPatch) -> VersionedAnalyser:
    fake = VersionedAnalyser()
    monkeypatch.setattr(common, "analyser_factory", lambda: lambda: fake)
    return fake


def listed(cli: Run) -> list[dict[str, object]]:
    entries = json.loads(cli("list", "--json").output)
    assert isinstance(entries, list)
    return entries


def test_with_nothing_stale_it_says_so(
    cli: Run, journal_home: Path, analyser: VersionedAnalyser
) -> None:
    cli("write", "--text", PRIVATE)
    result = cli("journal", "reanalyse")
    assert result.exit_code == 0, result.output
    assert result.output.strip() == (
        "Every entry was read by the current version of the analysis, so there is nothing to "
        "re-read."
    )


def test_stale_entries_are_reread_without_showing_their_words(
    cli: Run, journal_home: Path, analyser: VersionedAnalyser
) -> None:
    for number in range(2):
        cli("write", "--text", f"{PRIVATE}, {number}.")
    analyser.version = "model-2"
    cli("write", "--text", "A calm week.")
    before = listed(cli)
    analyser.batches.clear()

    result = cli("journal", "reanalyse")

    assert result.exit_code == 0, result.output
    assert "An earlier version of the analysis read 2 entries." in result.output
    assert result.output.strip().endswith("Re-read 2 entries with the current model.")
    assert "miss her" not in result.output
    assert "want to die" not in result.output
    assert analyser.batches == [2]
    assert listed(cli) == before  # the same words, dates and signs
    again = cli("journal", "reanalyse")
    assert "nothing to re-read" in again.output


def test_one_stale_entry_is_counted_in_the_singular(
    cli: Run, journal_home: Path, analyser: VersionedAnalyser
) -> None:
    cli("write", "--text", "A calm week.")
    analyser.version = "model-2"
    result = cli("journal", "reanalyse")
    assert "read 1 entry." in result.output
    assert "Re-read 1 entry with the current model." in result.output


def test_the_lexical_fallback_is_refused_in_one_line(
    cli: Run, journal_home: Path, analyser: VersionedAnalyser
) -> None:
    cli("write", "--text", PRIVATE)
    analyser.version, analyser.limited = "lexical-1", True
    result = cli("journal", "reanalyse")
    assert result.exit_code == 7
    assert "Error: Re-reading needs the on-device language model" in result.output
    assert "Traceback" not in result.output
    assert "Re-read 1" not in result.output
    analyser.version, analyser.limited = "model-1", False
    assert "nothing to re-read" in cli("journal", "reanalyse").output


def test_the_journal_group_has_help(cli: Run) -> None:
    result = cli("journal", "reanalyse", "--help")
    assert result.exit_code == 0
    assert "earlier version of the analysis" in result.output
