"""Timing helpers the benchmarks share."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping
from typing import Any


def median_seconds(action: Callable[[], object], repeats: int) -> float:
    """The median wall time of `repeats` calls (warm the action up first where it matters)."""
    timings = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return statistics.median(timings)


def number_from_child(code: str, environment: Mapping[str, str]) -> float:
    """Run `code` in a fresh interpreter and read the number it prints last."""
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=environment
    )
    return float(result.stdout.strip().splitlines()[-1])


Goals = Mapping[str, tuple[str, float]]
"""Each figure's name to its sense ("<=" or ">=") and limit."""


def goals_met(figures: Mapping[str, Any], goals: Goals) -> dict[str, bool]:
    """Whether each figure named in `goals` is on the right side of its limit."""
    met = {}
    for name, (sense, limit) in goals.items():
        value = float(figures[name])
        met[name] = value <= limit if sense == "<=" else value >= limit
    return met
