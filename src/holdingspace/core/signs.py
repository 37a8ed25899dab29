"""What the analyser finds in a piece of writing, and the protocol it meets."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol


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

    @property
    def limited(self) -> bool:
        """True for the word-pattern fallback, whose results are weaker than the model's."""
        ...

    def analyse(self, text: str) -> Analysis: ...

    def analyse_many(self, texts: list[str]) -> list[Analysis]: ...


def analysis_to_dict(analysis: Analysis) -> dict[str, object]:
    return {
        "labels": list(analysis.labels),
        "scores": dict(analysis.scores),
        "crisis": analysis.crisis,
        "crisis_score": analysis.crisis_score,
        "evidence": [{"label": e.label, "start": e.start, "end": e.end} for e in analysis.evidence],
        "model_version": analysis.model_version,
        "limited": analysis.limited,
    }


def analysis_from_dict(data: dict[str, Any]) -> Analysis:
    return Analysis(
        labels=tuple(str(label) for label in data["labels"]),
        scores={str(k): float(v) for k, v in data["scores"].items()},
        crisis=bool(data["crisis"]),
        crisis_score=float(data["crisis_score"]),
        evidence=tuple(
            Evidence(str(e["label"]), int(e["start"]), int(e["end"]))
            for e in data.get("evidence", ())
        ),
        model_version=str(data.get("model_version", "")),
        limited=bool(data.get("limited", False)),
    )
