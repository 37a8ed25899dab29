"""Shared fixtures: a temporary home, a clean environment, a fixed clock, and a network guard
that fails any test in which something connects anywhere but this machine's loopback."""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from tests.support import FIXED_NOW, PASSPHRASE, NetworkUsed, Run

_ENV_TO_CLEAR = (
    "HOLDINGSPACE_HOME",
    "HOLDINGSPACE_PASSPHRASE",
    "HOLDINGSPACE_NEW_PASSPHRASE",
    "EDITOR",
    "VISUAL",
)


def _is_loopback(address: Any) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str):
        return False
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex

    def guarded(method: Callable[..., Any]) -> Callable[..., Any]:
        def connect(self: socket.socket, address: Any) -> Any:
            if self.family in (socket.AF_INET, socket.AF_INET6) and not _is_loopback(address):
                raise NetworkUsed(f"a test tried to connect to {address!r}")
            return method(self, address)

        return connect

    monkeypatch.setattr(socket.socket, "connect", guarded(real_connect))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(real_connect_ex))


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _ENV_TO_CLEAR:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture
def fixed_clock() -> Callable[[], datetime]:
    return lambda: FIXED_NOW


@pytest.fixture
def cli(home: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    """Run the real CLI in-process against the temporary home, passphrase from the environment."""
    from holdingspace.cli.main import app

    monkeypatch.setenv("HOLDINGSPACE_HOME", str(home))
    monkeypatch.setenv("HOLDINGSPACE_PASSPHRASE", PASSPHRASE)
    runner = CliRunner()

    def run(*args: str, input: str | None = None, env: dict[str, str] | None = None) -> Result:
        return runner.invoke(app, list(args), input=input, env=env, catch_exceptions=False)

    return run


@pytest.fixture
def journal_home(cli: Run, home: Path) -> Path:
    """A home with a fresh journal in it."""
    result = cli("init")
    assert result.exit_code == 0, result.output
    return home
