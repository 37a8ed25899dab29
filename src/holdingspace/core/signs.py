"""What the analyser finds in a piece of writing, and the protocol it meets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Evidence:
    """A span of the analysed text (character offsets, end exclusive) that carries a label."""

    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Analysis:
    labels: tuple[str, ...]
    scores: dict[str, float]
    crisis: bool
    crisis_score: float
    evidence: tuple[Evidence, ...] = ()
    model_version: str = ""
    limited: bool = field(default=False)
    """True when the full model was unavailable and the lexical fallback answered."""


class Analyser(Protocol):
    """Anything that turns a text into an Analysis: the on-device model, or a test double."""

    @property
    def version(self) -> str: ...

    def analyse(self, text: str) -> Analysis: ...

    def analyse_many(self, texts: list[str]) -> list[Analysis]: ...
