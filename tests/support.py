"""Constants and types the tests share (imported by conftest.py and by test modules)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from typer.testing import Result

from holdingspace.core.signs import Analysis

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


@dataclass
class VersionedAnalyser:
    """A fast analyser whose version (and fallback state) a test sets; it hears `missing`
    in any text with "miss" in it, and remembers the size of every batch it was given."""

    version: str = "model-1"
    limited: bool = False
    batches: list[int] = field(default_factory=list)

    def analyse(self, text: str) -> Analysis:
        return self.analyse_many([text])[0]

    def analyse_many(self, texts: list[str]) -> list[Analysis]:
        self.batches.append(len(texts))
        return [self._analysis("miss" in text.lower()) for text in texts]

    def _analysis(self, heard: bool) -> Analysis:
        return Analysis(
            labels=("missing",) if heard else (),
            scores={"missing": 0.9 if heard else 0.1},
            crisis=False,
            crisis_score=0.0,
            model_version=self.version,
            limited=self.limited,
        )
