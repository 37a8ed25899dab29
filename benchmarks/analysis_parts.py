"""How long the analyser takes besides the encoder: sentences, words, head, crisis, evidence.

The encoder is swapped for a stand-in that hands back fixed unit vectors at no cost, so the
figures are what `ModelAnalyser.analyse` spends around the encoder. The whole analysis may
take 5 ms for a 20-word sentence and 20 ms for a 150-word entry (benchmarks/analysis.py) and
the encoder needs most of that, so the goals here are 1 ms and 3 ms.

Needs the trained head (analysis/model/head.*), not the model package. Timings on the 2-core
machine move with its load, so the figures carry the load average from before and after.

Run with ``python -m benchmarks.analysis_parts``; ``run()`` returns the figures as a dict.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any

import numpy as np

from benchmarks._timing import goals_met, median_seconds
from benchmarks.analysis import entry_of, sentence_of

GOALS = {
    "sentence_20_words_ms": ("<=", 1.0),
    "entry_150_words_ms": ("<=", 3.0),
}

_DIMENSION = 384


class _FixedEncoder:
    """Stands in for the sentence encoder: the same unit vector for every sentence."""

    version = "fixed"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.full((len(texts), _DIMENSION), _DIMENSION**-0.5, dtype=np.float32)


def run() -> dict[str, Any]:
    from holdingspace.analysis.analyser import ModelAnalyser
    from holdingspace.analysis.head import load_head

    head = load_head()
    if head is None:
        return {"skipped": "the trained head (analysis/model/head.*) is missing"}
    analyser = ModelAnalyser(_FixedEncoder(), head)  # type: ignore[arg-type]
    sentence = sentence_of(20, seed=1)
    entry = entry_of(150, seed=2)
    bulk = [sentence_of(5 + i % 35, i) for i in range(1000)]
    for _ in range(100):  # warm-up
        analyser.analyse(sentence)
        analyser.analyse(entry)
    figures: dict[str, Any] = {
        "load_average_1min_before": round(os.getloadavg()[0], 2),
        "sentence_20_words_ms": 1000 * median_seconds(lambda: analyser.analyse(sentence), 1000),
        "entry_150_words_ms": 1000 * median_seconds(lambda: analyser.analyse(entry), 500),
        "bulk_sentences_per_s": len(bulk) / median_seconds(lambda: analyser.analyse_many(bulk), 5),
        "load_average_1min_after": round(os.getloadavg()[0], 2),
    }
    figures["goals_met"] = goals_met(figures, GOALS)
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
