"""The `analyze` contract as a pure function: JSON lines in, JSON lines out, in order.

Each input line is `{"id": ..., "text": ...}`; each output line is
`{"id", "labels", "scores" (all eleven), "crisis", "crisis_score", "evidence"}`, or
`{"id", "error"}` for a line that is not valid JSON or has no text (id null when unknown).
Blank lines are skipped. Texts are analysed in batches so the encoder runs efficiently.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Final

from holdingspace.core.signs import Analyser, Analysis

BATCH_SIZE: Final = 64
NOT_JSON: Final = "not valid JSON"
NOT_AN_OBJECT: Final = "not a JSON object"
NO_TEXT: Final = 'no "text" string'

Progress = Callable[[int], None]


def analyse_lines(
    lines: Iterable[str],
    analyser: Analyser,
    *,
    batch_size: int = BATCH_SIZE,
    on_progress: Progress | None = None,
) -> Iterator[str]:
    """One output line (without newline) per non-blank input line, in input order."""
    pending: list[dict[str, Any] | tuple[Any, str]] = []
    for line in lines:
        if not line.strip():
            continue
        pending.append(_parse(line))
        if sum(isinstance(item, tuple) for item in pending) >= batch_size:
            yield from _flush(pending, analyser, on_progress)
            pending = []
    yield from _flush(pending, analyser, on_progress)


def analysis_record(identifier: Any, analysis: Analysis) -> dict[str, Any]:
    return {
        "id": identifier,
        "labels": list(analysis.labels),
        "scores": {label: float(score) for label, score in analysis.scores.items()},
        "crisis": analysis.crisis,
        "crisis_score": float(analysis.crisis_score),
        "evidence": [{"label": e.label, "start": e.start, "end": e.end} for e in analysis.evidence],
    }


def _parse(line: str) -> dict[str, Any] | tuple[Any, str]:
    """A ready error record, or (id, text) to analyse."""
    try:
        record = json.loads(line)
    except ValueError:
        return {"id": None, "error": NOT_JSON}
    if not isinstance(record, dict):
        return {"id": None, "error": NOT_AN_OBJECT}
    identifier = record.get("id")
    text = record.get("text")
    if not isinstance(text, str):
        return {"id": identifier, "error": NO_TEXT}
    return identifier, text


def _flush(
    pending: list[dict[str, Any] | tuple[Any, str]],
    analyser: Analyser,
    on_progress: Progress | None,
) -> Iterator[str]:
    texts = [item[1] for item in pending if isinstance(item, tuple)]
    analyses = iter(analyser.analyse_many(texts) if texts else [])
    for item in pending:
        record = analysis_record(item[0], next(analyses)) if isinstance(item, tuple) else item
        yield json.dumps(record, ensure_ascii=False)
    if on_progress is not None and pending:
        on_progress(len(pending))
