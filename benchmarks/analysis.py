"""How fast the full analyser is (encoder, head, crisis patterns, evidence), against the goals.

Goals on the 2-core machine, after warm-up: a 20-word sentence in at most 5 ms, a 150-word
entry in at most 20 ms, at least 400 sentences a second in bulk (through analyse_many), a
fresh process to its first analysis in at most 0.5 s, and a peak memory of at most 300 MB.
The encoder dominates every figure; benchmarks/encoder.py measures it alone.

Timings on a 2-core machine are only as good as its idleness: another process on one core
slows every figure here by half or more, so the figures carry the load average from before
and after the run; quote a run whose load was near zero, or the median of several.

Run with ``python -m benchmarks.analysis``; ``run()`` returns the figures as a dict.
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
    "entry_150_words_ms": ("<=", 20.0),
    "bulk_sentences_per_s": (">=", 400.0),
    "fresh_process_s": ("<=", 0.5),
    "peak_rss_mb": ("<=", 300.0),
}

_SENTENCES = (
    "I keep thinking about what my therapist said on Tuesday and wish I could text her now.",
    "Work was slow today and I left early to beat the traffic home.",
    "She is going on holiday for three weeks and I already feel sick about it.",
    "Made pasta, watched half a film and fell asleep on the sofa.",
    "I trust him more than anyone and I would never want to start again with someone new.",
    "The session felt short and I spent the bus ride replaying every word.",
    "My sister called about the wedding plans and we talked for an hour.",
    "I feel so embarrassed that a fifty-minute hour matters this much to me.",
)


def sentence_of(words: int, seed: int) -> str:
    pool = " ".join(_SENTENCES).replace(".", "").split()
    return " ".join(random.Random(seed).choices(pool, k=words)).capitalize() + "."


def entry_of(words: int, seed: int) -> str:
    """Whole sentences from the pool until the entry has about ``words`` words."""
    rng = random.Random(seed)
    parts: list[str] = []
    while sum(len(p.split()) for p in parts) < words:
        parts.append(rng.choice(_SENTENCES))
    return " ".join(parts)


_FRESH_PROCESS = """
import time
start = time.perf_counter()
from holdingspace.analysis.analyser import load_analyser
load_analyser().analyse("A first sentence, to see how long a cold start takes.")
print(time.perf_counter() - start)
"""

_PEAK_MEMORY = """
import resource, sys
sys.path.insert(0, {here!r})
from analysis import sentence_of, entry_of
from holdingspace.analysis.analyser import load_analyser
analyser = load_analyser()
analyser.analyse_many([sentence_of(5 + i % 35, i) for i in range(1000)])
analyser.analyse_many([entry_of(400, i) for i in range(64)])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
"""


def _in_child(code: str) -> float:
    environment = dict(os.environ)
    environment.pop("OPENBLAS_CORETYPE", None)
    return number_from_child(code, environment)


def run() -> dict[str, Any]:
    from holdingspace.analysis.analyser import ModelAnalyser, load_analyser

    analyser = load_analyser()
    sentence = sentence_of(20, seed=1)
    entry = entry_of(150, seed=2)
    bulk = [sentence_of(5 + i % 35, i) for i in range(1000)]
    analyser.analyse_many(bulk[:64])  # warm-up
    figures: dict[str, Any] = {
        "analyser_version": analyser.version,
        "load_average_1min_before": round(os.getloadavg()[0], 2),
        "full_model": isinstance(analyser, ModelAnalyser),
        "sentence_20_words_ms": 1000 * median_seconds(lambda: analyser.analyse(sentence), 50),
        "entry_150_words_ms": 1000 * median_seconds(lambda: analyser.analyse(entry), 30),
        "bulk_sentences_per_s": len(bulk) / median_seconds(lambda: analyser.analyse_many(bulk), 3),
    }
    here = os.path.dirname(os.path.abspath(__file__))
    starts = []
    for _ in range(5):
        start = time.perf_counter()
        _in_child(_FRESH_PROCESS)
        starts.append(time.perf_counter() - start)
    figures["fresh_process_s"] = statistics.median(starts)
    figures["peak_rss_mb"] = _in_child(_PEAK_MEMORY.format(here=here))
    figures["load_average_1min_after"] = round(os.getloadavg()[0], 2)
    figures["goals_met"] = goals_met(figures, GOALS)
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
