"""Timing helpers the benchmarks share."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping


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
