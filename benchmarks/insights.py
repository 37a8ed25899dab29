"""How fast trends and the prep note are over a five-year demo journal.

Goals: trends (every series and statement, check-ins scored with the real instrument, read from
the encrypted SQLite store) in at most 200 ms median; the prep note as a PDF (built from the
store and rendered) in at most 1 s median.

Run with ``python -m benchmarks.insights``; ``run()`` returns the figures as a dict.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from benchmarks._timing import median_seconds
from holdingspace.services import vault
from holdingspace.services.demo import create_demo
from holdingspace.services.insights import InsightsService
from holdingspace.store.keys import KdfParams

NOW = datetime(2026, 11, 26, 9, 30)
YEARS = 5
GOALS = {"trends_median_ms": 200.0, "prep_pdf_median_ms": 1000.0}


def _median_ms(action: Callable[[], object], repeats: int) -> float:
    action()  # warm-up
    return round(median_seconds(action, repeats) * 1000, 1)


def run() -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder) / "home"
        cheap = KdfParams(memory_kib=8 * 1024, time_cost=1)
        context = vault.create(home, "benchmark passphrase for the demo", cheap)
        context.clock = lambda: NOW
        try:
            started = time.perf_counter()
            summary = create_demo(context, years=YEARS)
            demo_s = round(time.perf_counter() - started, 2)
            service = InsightsService(context)
            picks = [e.id or 0 for e in context.store.list_entries()[:3]]

            def prep_pdf() -> bytes:
                note = service.prep(picks=picks, say=["Can we plan for the break?"])
                return service.export_prep(note, "pdf")

            figures: dict[str, Any] = {
                "entries": summary.entries,
                "checkins": summary.checkins,
                "sessions": summary.sessions,
                "demo_build_s": demo_s,
                "trends_median_ms": _median_ms(service.trends, 7),
                "overview_median_ms": _median_ms(service.overview, 5),
                "notice_median_ms": _median_ms(service.notice, 5),
                "prep_pdf_median_ms": _median_ms(prep_pdf, 5),
            }
        finally:
            context.close()
    for name, limit in GOALS.items():
        figures[f"{name}_goal_met"] = figures[name] <= limit
    return figures


if __name__ == "__main__":
    for key, value in run().items():
        print(f"{key:<28} {value}")
