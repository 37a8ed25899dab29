"""`make bench`: run every benchmark module's run() and print what it measured.

Each module under benchmarks/ exposes `run() -> dict` of named figures. Results are also written
to build/bench.json so a closing note can quote them exactly.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import time
from pathlib import Path

HERE = Path(__file__).parent


def main(selected: list[str]) -> int:
    names = [m.name for m in pkgutil.iter_modules([str(HERE)]) if not m.name.startswith("_")]
    results: dict[str, object] = {}
    failed = False
    for name in sorted(names):
        if selected and name not in selected:
            continue
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        try:
            figures = importlib.import_module(f"benchmarks.{name}").run()
        except Exception as error:  # a broken benchmark is reported, and the others still run
            print(f"   failed: {type(error).__name__}: {error}", flush=True)
            failed = True
            continue
        results[name] = figures
        for key, value in figures.items():
            print(f"   {key:<44} {value}", flush=True)
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    out = Path("build") / "bench.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(f"wrote {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
