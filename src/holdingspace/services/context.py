"""What every service needs: an unlocked store, the clock, and (lazily) the analyser."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from holdingspace.core.signs import Analyser
from holdingspace.store.base import Store


def local_now() -> datetime:
    """The wall-clock time where the person is, without a zone (the app is local)."""
    return datetime.now().replace(microsecond=0)


def new_uid() -> str:
    return uuid.uuid4().hex


@dataclass
class Context:
    store: Store
    clock: Callable[[], datetime] = local_now
    home: Path | None = None
    analyser_factory: Callable[[], Analyser] | None = None
    data_key: bytes = field(default=b"", repr=False)
    """The unwrapped data key, kept only in memory, for sealing backups."""
    _analyser: Analyser | None = field(default=None, init=False, repr=False)

    @property
    def analyser(self) -> Analyser | None:
        if self._analyser is None and self.analyser_factory is not None:
            self._analyser = self.analyser_factory()
        return self._analyser

    def close(self) -> None:
        self.store.close()
