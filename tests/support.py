"""Constants and types the tests share (imported by conftest.py and by test modules)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from typer.testing import Result

PASSPHRASE = "a quiet harbour at dusk"
FIXED_NOW = datetime(2026, 11, 26, 9, 30)

Run = Callable[..., Result]


class NetworkUsed(AssertionError):
    """Raised by the network guard when a test connects beyond loopback."""
