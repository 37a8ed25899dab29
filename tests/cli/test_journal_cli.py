"""Round trips through the CLI for the journal, the calendar and the vault, in a temporary home."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.support import PASSPHRASE, Run


def ids(result_output: str) -> list[int]:
    return [item["id"] for item in json.loads(result_output)]


def test_init_creates_a_private_home(cli: Run, home: Path) -> None:
    result = cli("init")
    assert result.exit_code == 0, result.output
    assert "encrypted" in result.output
    assert home.stat().st_mode & 0o777 == 0o700
    for path in home.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600, path
    again = cli("init")
    assert again.exit_code != 0
    assert "already a journal" in again.output


def test_commands_before_init_say_so(cli: Run) -> None:
    result = cli("list")
    assert result.exit_code == 3
    assert "holdingspace init" in result.output
    assert "Traceback" not in result.output


def test_write_list_show_edit_delete(cli: Run, journal_home: Path, tmp_path: Path) -> None:
    assert cli("write", "--text", "Session felt short today.").exit_code == 0
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear R, thank you for last week.", encoding="utf-8")
    assert cli("write", str(letter), "--kind", "letter").exit_code == 0
    assert cli("write", "-", "--kind", "takeaway", input="You are allowed to rest.").exit_code == 0

    listed = json.loads(cli("list", "--json").output)
    assert [e["kind"] for e in listed] == ["takeaway", "letter", "journal"]
    letters = json.loads(cli("list", "--kind", "letter", "--json").output)
    assert [e["text"] for e in letters] == ["Dear R, thank you for last week."]

    first = listed[-1]["id"]
    shown = json.loads(cli("show", str(first), "--json").output)
    assert shown["text"] == "Session felt short today."
    assert cli("edit", str(first), "--text", "Session felt long today.").exit_code == 0
    assert json.loads(cli("show", str(first), "--json").output)["text"] == (
        "Session felt long today."
    )
    assert cli("delete", str(first)).exit_code == 0
    missing = cli("show", str(first))
    assert missing.exit_code == 5
    assert f"no entry with id {first}" in missing.output


def test_list_filters_by_date(cli: Run, journal_home: Path) -> None:
    cli("write", "--text", "today's words")
    assert ids(cli("list", "--since", "2999-01-01", "--json").output) == []
    assert len(ids(cli("list", "--since", "2000-01-01", "--json").output)) == 1
    bad = cli("list", "--since", "yesterday")
    assert bad.exit_code == 2
    assert "not a date" in bad.output


def test_search_finds_words_inside_entries(cli: Run, journal_home: Path) -> None:
    cli("write", "--text", "The waiting room smelled of lavender.")
    cli("write", "--text", "Work was busy.")
    found = json.loads(cli("search", "lavender", "--json").output)
    assert [e["text"] for e in found] == ["The waiting room smelled of lavender."]
    assert json.loads(cli("search", "lav", "--json").output)  # prefixes match too
    assert json.loads(cli("search", "nowhere-to-be-found", "--json").output) == []


def test_empty_entry_is_refused(cli: Run, journal_home: Path) -> None:
    result = cli("write", "--text", "   ")
    assert result.exit_code == 2
    assert "needs some words" in result.output


def test_editor_that_fails_keeps_a_draft(
    cli: Run, journal_home: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor = tmp_path / "crashing-editor"
    editor.write_text('#!/bin/sh\nprintf "words I must not lose" > "$1"\nexit 3\n')
    editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(editor))
    failed = cli("write", "--editor")
    assert failed.exit_code == 1
    assert "draft" in failed.output
    assert json.loads(cli("list", "--json").output) == []

    kind_editor = tmp_path / "kind-editor"
    kind_editor.write_text('#!/bin/sh\nprintf " and now they are safe" >> "$1"\n')
    kind_editor.chmod(0o755)
    monkeypatch.setenv("EDITOR", str(kind_editor))
    assert cli("write", "--resume").exit_code == 0
    texts = [e["text"] for e in json.loads(cli("list", "--json").output)]
    assert texts == ["words I must not lose and now they are safe"]


def test_sessions_round_trip(cli: Run, journal_home: Path) -> None:
    added = json.loads(cli("session", "add", "2026-11-20T10:00", "--json").output)
    assert added["starts_at"] == "2026-11-20T10:00" and added["status"] == "scheduled"
    cli("session", "add", "2026-11-27T10:00", "--status", "cancelled-by-therapist")
    edited = cli("session", "edit", str(added["id"]), "--status", "held", "--json")
    assert json.loads(edited.output)["status"] == "held"
    listed = json.loads(cli("session", "list", "--json").output)
    assert [s["status"] for s in listed] == ["held", "cancelled-by-therapist"]
    assert cli("session", "delete", str(added["id"])).exit_code == 0
    assert len(json.loads(cli("session", "list", "--json").output)) == 1
    bad = cli("session", "add", "next tuesday")
    assert bad.exit_code == 2 and "2026-11-20T10:00" in bad.output
    assert cli("session", "add", "2026-11-20T10:00", "--status", "maybe").exit_code == 2


def test_breaks_round_trip(cli: Run, journal_home: Path) -> None:
    made = json.loads(cli("break", "add", "2026-12-20", "2027-01-04", "--json").output)
    assert made["reason"] == "holiday"
    cli("break", "add", "2027-03-01", "2027-03-01", "--reason", "ending")
    listed = json.loads(cli("break", "list", "--json").output)
    assert [b["reason"] for b in listed] == ["holiday", "ending"]
    assert cli("break", "edit", str(made["id"]), "--to", "2027-01-05").exit_code == 0
    assert json.loads(cli("break", "list", "--json").output)[0]["ends_on"] == "2027-01-05"
    backwards = cli("break", "add", "2027-02-10", "2027-02-01")
    assert backwards.exit_code == 2
    assert "cannot end" in backwards.output
    assert cli("break", "delete", str(made["id"])).exit_code == 0
    assert len(json.loads(cli("break", "list", "--json").output)) == 1


def test_export_import_is_idempotent(cli: Run, journal_home: Path, tmp_path: Path) -> None:
    cli("write", "--text", "one")
    cli("session", "add", "2026-11-20T10:00")
    cli("break", "add", "2026-12-20", "2027-01-04")
    out = tmp_path / "export.json"
    exported = cli("export", "-o", str(out))
    assert exported.exit_code == 0 and "not encrypted" in exported.output
    document = json.loads(out.read_text())
    assert [e["text"] for e in document["entries"]] == ["one"]
    again = cli("import", str(out))
    assert again.exit_code == 0 and "Imported 0 new" in again.output
    assert len(json.loads(cli("list", "--json").output)) == 1

    markdown = tmp_path / "journal.md"
    assert cli("export", "--format", "markdown", "-o", str(markdown)).exit_code == 0
    assert "one" in markdown.read_text()


def test_import_into_another_journal_adds_once(
    cli: Run, journal_home: Path, tmp_path: Path
) -> None:
    cli("write", "--text", "carried over")
    out = tmp_path / "export.json"
    cli("export", "-o", str(out))
    other = {"HOLDINGSPACE_HOME": str(tmp_path / "other")}
    assert cli("init", env=other).exit_code == 0
    assert "Imported 1 new" in cli("import", str(out), env=other).output
    assert "Imported 0 new" in cli("import", str(out), env=other).output


def test_backup_and_restore_into_a_new_home(cli: Run, journal_home: Path, tmp_path: Path) -> None:
    cli("write", "--text", "kept safe")
    cli("session", "add", "2026-11-20T10:00")
    blob = tmp_path / "journal.hsbackup"
    assert cli("backup", "-o", str(blob)).exit_code == 0
    elsewhere = {"HOLDINGSPACE_HOME": str(tmp_path / "restored")}
    restored = cli("restore", str(blob), env=elsewhere)
    assert restored.exit_code == 0, restored.output
    texts = [e["text"] for e in json.loads(cli("list", "--json", env=elsewhere).output)]
    assert texts == ["kept safe"]
    assert len(json.loads(cli("session", "list", "--json", env=elsewhere).output)) == 1


def test_change_passphrase(cli: Run, journal_home: Path) -> None:
    cli("write", "--text", "still here")
    changed = cli("passphrase", env={"HOLDINGSPACE_NEW_PASSPHRASE": "a brand new passphrase"})
    assert changed.exit_code == 0
    assert cli("list", "--json").exit_code == 4  # the old one no longer opens it
    fresh = {"HOLDINGSPACE_PASSPHRASE": "a brand new passphrase"}
    assert json.loads(cli("list", "--json", env=fresh).output)[0]["text"] == "still here"


def test_delete_all_needs_the_typed_confirmation(cli: Run, journal_home: Path) -> None:
    cli("write", "--text", "precious")
    kept = cli("delete-all", input="no thanks\n")
    assert kept.exit_code == 7 and "Nothing was deleted" in kept.output
    assert json.loads(cli("list", "--json").output)
    gone = cli("delete-all", input="delete everything\n")
    assert gone.exit_code == 0
    assert list(journal_home.iterdir()) == []


def test_wrong_passphrase_for_delete_all_deletes_nothing(cli: Run, journal_home: Path) -> None:
    result = cli(
        "delete-all",
        input="delete everything\n",
        env={"HOLDINGSPACE_PASSPHRASE": "not the passphrase"},
    )
    assert result.exit_code == 4
    assert (journal_home / "journal.db").exists()
    assert PASSPHRASE  # the right one still works:
    assert cli("list").exit_code == 0


def test_every_command_has_help(cli: Run) -> None:
    import typer.main
    from typer.core import TyperGroup

    from holdingspace.cli.main import app

    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    for name, command in group.commands.items():
        assert command.help, f"{name} has no help"
        assert cli(name, "--help").exit_code == 0


def test_an_editor_that_cannot_start_says_so(
    cli: Run, journal_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    result = cli("write", "--editor")
    assert result.exit_code == 1
    assert "closed with an error before anything was written" in result.output
    assert json.loads(cli("list", "--json").output) == []


def test_search_without_matches_says_nothing_matched(cli: Run, journal_home: Path) -> None:
    cli("write", "--text", "an ordinary day")
    assert "No entry matched" in cli("search", "zzzz").output
    assert "Nothing here yet" in cli("list", "--since", "2999-01-01").output


def test_exports_never_replace_a_file_unasked(cli: Run, journal_home: Path, tmp_path: Path) -> None:
    cli("write", "--text", "kept")
    target = tmp_path / "journal.md"
    target.write_text("something else entirely")
    refused = cli("export", "--format", "md", "-o", str(target))
    assert refused.exit_code == 7
    assert "already exists" in refused.output
    assert target.read_text() == "something else entirely"
    assert cli("export", "--format", "md", "-o", str(target), "--force").exit_code == 0
    assert "kept" in target.read_text()
    blob = tmp_path / "b.hsbackup"
    blob.write_bytes(b"precious")
    assert cli("backup", "-o", str(blob)).exit_code == 7
    assert blob.read_bytes() == b"precious"


def test_restore_with_the_wrong_passphrase_names_the_backup(
    cli: Run, journal_home: Path, tmp_path: Path
) -> None:
    blob = tmp_path / "b.hsbackup"
    cli("backup", "-o", str(blob))
    result = cli(
        "restore",
        str(blob),
        env={
            "HOLDINGSPACE_PASSPHRASE": "not the right one",
            "HOLDINGSPACE_HOME": str(tmp_path / "new"),
        },
    )
    assert result.exit_code == 4
    assert "does not open this backup" in result.output


def test_a_short_passphrase_is_refused_before_anything_is_created(cli: Run, home: Path) -> None:
    result = cli("init", env={"HOLDINGSPACE_PASSPHRASE": "short"})
    assert result.exit_code == 2
    assert "at least 8 characters" in result.output
    assert not (home / "holdingspace.key").exists()
