"""`serve --demo` builds a filled-in journal that opens with the passphrase it prints."""

from __future__ import annotations

from pathlib import Path

from holdingspace.cli.web import DEMO_PASSPHRASE, _make_demo
from holdingspace.services import vault


def test_the_demo_home_is_filled_and_opens_with_the_printed_passphrase(tmp_path: Path) -> None:
    home = tmp_path / "demo"
    _make_demo(home)
    context = vault.unlock(home, DEMO_PASSPHRASE)
    try:
        assert context.store.count_entries() > 50
        assert context.store.list_sessions()
        assert context.store.list_checkins()
    finally:
        context.close()
