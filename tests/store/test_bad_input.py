"""Bad input gets one clear line, a non-zero exit, and leaves the journal exactly as it was."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from tests.support import Run


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


@pytest.fixture
def written(cli: Run, journal_home: Path) -> Path:
    assert cli("write", "--text", "something worth keeping").exit_code == 0
    assert cli("session", "add", "2026-11-20T10:00").exit_code == 0
    return journal_home


def one_line_error(output: str) -> str:
    lines = [line for line in output.strip().splitlines() if line.strip()]
    assert "Traceback" not in output
    assert lines and lines[-1].startswith("Error: ")
    return lines[-1]


def test_wrong_passphrase_is_refused_and_changes_nothing(cli: Run, written: Path) -> None:
    before = fingerprint(written)
    result = cli("list", env={"HOLDINGSPACE_PASSPHRASE": "definitely wrong"})
    assert result.exit_code == 4
    assert "does not open this journal" in one_line_error(result.output)
    assert fingerprint(written) == before


def test_a_corrupt_database_is_detected_and_not_overwritten(cli: Run, written: Path) -> None:
    db = written / "journal.db"
    damaged = bytearray(db.read_bytes())
    damaged[:4096] = bytes(4096)  # wipe the first page: salt and header
    db.write_bytes(bytes(damaged))
    before = fingerprint(written)
    result = cli("list")
    assert result.exit_code == 6
    assert "damaged" in one_line_error(result.output)
    assert cli("write", "--text", "more").exit_code == 6
    assert fingerprint(written) == before


def test_a_corrupt_key_file_is_detected(cli: Run, written: Path) -> None:
    (written / "holdingspace.key").write_text("{not json")
    result = cli("list")
    assert result.exit_code == 6
    assert "key file is damaged" in one_line_error(result.output)


def test_a_truncated_or_altered_backup_restores_nothing(
    cli: Run, written: Path, tmp_path: Path
) -> None:
    blob = tmp_path / "b.hsbackup"
    cli("backup", "-o", str(blob))
    whole = blob.read_bytes()
    target = {"HOLDINGSPACE_HOME": str(tmp_path / "target")}
    for damaged in (whole[: len(whole) // 2], whole[:-1], whole[:-5] + b"\x00" * 5, b"hello"):
        blob.write_bytes(damaged)
        result = cli("restore", str(blob), env=target)
        assert result.exit_code == 6, result.output
        one_line_error(result.output)
        assert not (tmp_path / "target").exists()
    before = fingerprint(written)
    blob.write_bytes(whole[:-3])
    merged = cli("restore", str(blob))
    assert merged.exit_code == 6
    assert fingerprint(written) == before


@pytest.mark.parametrize(
    "document",
    [
        "not json at all",
        json.dumps([1, 2, 3]),
        json.dumps({"format": "something-else", "version": 1}),
        json.dumps(
            {
                "format": "holdingspace-export",
                "version": 1,
                "entries": [{"uid": "x1", "kind": "journal"}],
            }
        ),
        json.dumps(
            {
                "format": "holdingspace-export",
                "version": 1,
                "entries": [
                    {
                        "uid": "x1",
                        "kind": "poem",
                        "text": "hi",
                        "created_at": "2026-01-01T00:00:00",
                        "updated_at": "2026-01-01T00:00:00",
                    }
                ],
            }
        ),
        json.dumps(
            {
                "format": "holdingspace-export",
                "version": 1,
                "breaks": [
                    {
                        "uid": "b1",
                        "starts_on": "2026-02-01",
                        "ends_on": "2026-01-01",
                        "reason": "holiday",
                    }
                ],
            }
        ),
    ],
)
def test_a_malformed_import_adds_nothing(
    cli: Run, written: Path, tmp_path: Path, document: str
) -> None:
    before_entries = cli("list", "--json").output
    path = tmp_path / "import.json"
    path.write_text(document)
    result = cli("import", str(path))
    assert result.exit_code == 6
    assert "nothing was imported" in one_line_error(result.output).lower()
    assert cli("list", "--json").output == before_entries


def test_an_unknown_id_is_one_line(cli: Run, written: Path) -> None:
    for args in (
        ["show", "99"],
        ["delete", "99"],
        ["session", "delete", "99"],
        ["break", "delete", "99"],
        ["edit", "99", "--text", "x"],
    ):
        result = cli(*args)
        assert result.exit_code == 5, args
        assert "no " in one_line_error(result.output)
