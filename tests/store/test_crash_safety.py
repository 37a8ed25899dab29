"""Killing a writer at random moments loses nothing whose write had returned.

Each trial starts a process that writes entries through the real service and prints each
entry's uid only after `write` has returned; the test kills it with SIGKILL at a random moment,
then reopens the journal and checks every acknowledged entry and SQLite's integrity check.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from holdingspace.core.entries import EntryQuery
from holdingspace.services import vault
from holdingspace.store.database import integrity_ok
from holdingspace.store.sqlite import SQLiteStore

TRIALS = 50
PASSPHRASE = "kill me softly please"

WRITER = textwrap.dedent(
    """
    import sys
    from holdingspace.core.entries import EntryKind
    from holdingspace.services import vault
    from holdingspace.services.journal import JournalService

    context = vault.unlock(__import__("pathlib").Path(sys.argv[1]), sys.argv[2])
    journal = JournalService(context)
    print("ready", flush=True)
    n = 0
    while True:
        n += 1
        entry = journal.write(f"entry number {n} " + "words " * (n % 40), EntryKind.JOURNAL)
        print(entry.uid, flush=True)
    """
)


@pytest.mark.slow
def test_sigkill_during_writes_loses_no_acknowledged_entry(tmp_path: Path) -> None:
    home = tmp_path / "home"
    vault.create(home, PASSPHRASE).close()
    rng = random.Random(20261126)
    acknowledged: set[str] = set()
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    for _ in range(TRIALS):
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(home), PASSPHRASE],
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + rng.uniform(0.0, 0.25)
        while time.monotonic() < deadline:
            line = writer.stdout.readline().strip()
            if line:
                acknowledged.add(line)
        os.kill(writer.pid, signal.SIGKILL)
        rest, _ = writer.communicate()
        acknowledged.update(line for line in rest.split() if line)

        store = SQLiteStore.open(home / "journal.db", vault.Home(home).data_key(PASSPHRASE))
        try:
            assert integrity_ok(store.engine)
            present = {e.uid for e in store.list_entries(EntryQuery())}
        finally:
            store.close()
        missing = acknowledged - present
        assert not missing, f"{len(missing)} acknowledged entries were lost"
    assert len(acknowledged) > TRIALS  # the writers really were writing when killed
