"""Constants and types the tests share (imported by conftest.py and by test modules)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from typer.testing import Result

PASSPHRASE = "a quiet harbour at dusk"
FIXED_NOW = datetime(2026, 11, 26, 9, 30)

Run = Callable[..., Result]


class NetworkUsed(AssertionError):
    """Raised by the network guard when a test connects beyond loopback."""


@dataclass
class Clock:
    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)
