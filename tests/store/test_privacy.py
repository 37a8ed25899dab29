"""Nothing the person wrote is readable from any file on disk, nor from the backup."""

from __future__ import annotations

import json
from pathlib import Path

from tests.support import Run

MARKER = "zebra-lantern-7731"


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()]


def contains(path: Path, needle: str) -> bool:
    data = path.read_bytes()
    return any(form in data for form in (needle.encode("utf-8"), needle.encode("utf-16-le")))


def test_marker_is_in_no_file_under_home_or_in_the_backup(
    cli: Run, journal_home: Path, tmp_path: Path
) -> None:
    for kind in ("journal", "letter", "takeaway"):
        assert cli("write", "--kind", kind, "--text", f"{kind}: {MARKER} dear T").exit_code == 0
    cli("session", "add", "2026-11-20T10:00", "--note", MARKER)
    cli("break", "add", "2026-12-20", "2027-01-04", "--note", MARKER)
    listed = json.loads(cli("search", MARKER, "--json").output)
    assert len(listed) == 3  # the words really are stored, and searchable

    backup = tmp_path / "backup.hsbackup"
    assert cli("backup", "-o", str(backup)).exit_code == 0

    on_disk = files_under(journal_home)
    assert {p.name for p in on_disk} >= {"journal.db", "holdingspace.key"}
    for path in [*on_disk, backup]:
        assert not contains(path, MARKER), f"{path.name} holds readable text"
        assert not contains(path, "dear T"), f"{path.name} holds readable text"


def test_the_plain_export_is_plain_only_when_asked(
    cli: Run, journal_home: Path, tmp_path: Path
) -> None:
    cli("write", "--text", MARKER)
    out = tmp_path / "plain.json"
    cli("export", "-o", str(out))
    assert contains(out, MARKER)
    assert out.stat().st_mode & 0o777 == 0o600
    assert not any(contains(p, MARKER) for p in files_under(journal_home))
