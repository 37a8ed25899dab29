"""Web app speed over a five-year demo journal: the home page and the journal list.

Goal (issue 5): each renders in at most 100 ms median on this machine. The app is driven
in-process (FastAPI's TestClient), through the real guard, templates and encrypted store; the
demo journal comes from services/demo.py (about 1,800 entries with ready-made analyses, so no
model runs). Run: .venv/bin/python -m benchmarks.web
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from holdingspace.services.demo import create_demo
from holdingspace.store.keys import KdfParams
from holdingspace.web.app import create_app

YEARS = 5
REPEATS = 30
GOAL_MS = 100.0
PAGES = {
    "home": "/",
    "journal_list": "/journal",
    "journal_list_page_40": "/journal?page=40",
    "journal_list_filtered": "/journal?sign=missing&since=2024-01-01",
    "journal_search": "/journal?q=session",
}
TOKEN = "bench-token"
PASSPHRASE = "bench passphrase kept long enough"


def _median_ms(client: TestClient, path: str) -> float:
    client.get(path)  # warm: templates compiled, connections opened
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        response = client.get(path)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (path, response.status_code)
    return round(statistics.median(times), 1)


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            Path(folder) / "home", token=TOKEN, kdf=KdfParams(memory_kib=8192, time_cost=1)
        )
        with TestClient(app, base_url="http://127.0.0.1:8765") as client:
            client.get(f"/?token={TOKEN}")
            page = client.get("/welcome").text
            csrf = page.split('name="csrf" value="')[1].split('"')[0]
            client.post(
                "/welcome", data={"passphrase": PASSPHRASE, "repeat": PASSPHRASE, "csrf": csrf}
            )
            summary = create_demo(app.state.web.journal.context(), years=YEARS)
            figures: dict[str, object] = {
                "entries": summary.entries,
                "checkins": summary.checkins,
                "sessions": summary.sessions,
            }
            for name, path in PAGES.items():
                figures[f"{name}_median_ms"] = _median_ms(client, path)
    figures["goal_ms"] = GOAL_MS
    figures["home_and_list_within_goal"] = (
        float(figures["home_median_ms"]) <= GOAL_MS  # type: ignore[arg-type]
        and float(figures["journal_list_median_ms"]) <= GOAL_MS  # type: ignore[arg-type]
    )
    return figures


if __name__ == "__main__":
    print(json.dumps(run(), indent=2))
