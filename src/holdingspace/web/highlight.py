"""Turn an entry's evidence spans into runs of text, each with the signs that cover it."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from holdingspace.core.signs import Analysis


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    signs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class HeardSign:
    label: str
    sentences: tuple[str, ...]


def runs(text: str, analysis: Analysis | None) -> list[Run]:
    """The whole text in order; runs inside evidence carry its labels (spans may overlap)."""
    spans = [
        (max(0, e.start), min(len(text), e.end), e.label)
        for e in (analysis.evidence if analysis else ())
        if e.start < e.end
    ]
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    result = []
    for start, end in pairwise(cuts):
        covering = tuple(sorted({label for s, e, label in spans if s <= start and end <= e}))
        result.append(Run(text[start:end], covering))
    return result


def heard_signs(text: str, analysis: Analysis | None) -> list[HeardSign]:
    """Each sign found, in the analyser's order, with the sentences that carry it."""
    if analysis is None:
        return []
    return [
        HeardSign(
            label,
            tuple(
                text[e.start : e.end].strip()
                for e in analysis.evidence
                if e.label == label and text[e.start : e.end].strip()
            ),
        )
        for label in analysis.labels
    ]
