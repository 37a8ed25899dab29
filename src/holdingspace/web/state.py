"""The journal as the web app holds it: locked, or unlocked with its Context in memory only.

Locking closes the store and drops the Context (and with it the data key). The app locks
itself after ``idle_lock_minutes`` without a request; the setting lives in the encrypted
store and is remembered here only while the journal is unlocked.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Final

from holdingspace.core.errors import InvalidInput, Locked
from holdingspace.core.signs import Analyser
from holdingspace.services import vault
from holdingspace.services.context import Context
from holdingspace.store.keys import KdfParams
from holdingspace.web import messages as msg

IDLE_SETTING: Final = "idle_lock_minutes"
IDLE_DEFAULT: Final = 15
IDLE_RANGE: Final = (1, 240)


def check_idle_minutes(value: object) -> int:
    low, high = IDLE_RANGE
    try:
        minutes = int(str(value).strip())
    except ValueError:
        raise InvalidInput(msg.IDLE_RANGE.format(low=low, high=high)) from None
    if not low <= minutes <= high:
        raise InvalidInput(msg.IDLE_RANGE.format(low=low, high=high))
    return minutes


@dataclass
class Journal:
    home: Path
    clock: Callable[[], datetime]
    analyser_factory: Callable[[], Analyser] | None = None
    kdf: KdfParams = KdfParams()
    _context: Context | None = None
    _idle_minutes: int = IDLE_DEFAULT
    _last_seen: datetime | None = None
    locked_by_idle: bool = False

    @property
    def initialised(self) -> bool:
        return vault.Home(self.home).is_initialised()

    @property
    def unlocked(self) -> bool:
        return self._context is not None

    @property
    def idle_minutes(self) -> int:
        return self._idle_minutes

    def context(self) -> Context:
        if self._context is None:
            raise Locked(msg.LOCKED)
        return self._context

    def create(self, passphrase: str) -> None:
        self.lock()
        context = vault.create(
            self.home, passphrase, self.kdf, analyser_factory=self.analyser_factory
        )
        self._opened(context)

    def unlock(self, passphrase: str) -> None:
        self.lock()
        self._opened(vault.unlock(self.home, passphrase, self.analyser_factory))

    def _opened(self, context: Context) -> None:
        context.clock = self.clock
        self._context = context
        stored = context.store.get_setting(IDLE_SETTING)
        self._idle_minutes = IDLE_DEFAULT if stored is None else check_idle_minutes(stored)
        self._last_seen = self.clock()
        self.locked_by_idle = False

    def set_idle_minutes(self, value: object) -> int:
        minutes = check_idle_minutes(value)
        self.context().store.set_setting(IDLE_SETTING, minutes)
        self._idle_minutes = minutes
        return minutes

    def lock(self) -> None:
        context, self._context = self._context, None
        self._last_seen = None
        if context is not None:
            context.data_key = b""
            context.close()

    def seen(self) -> None:
        """A request arrived: lock first if the journal sat idle too long, then note the time."""
        if self._context is None or self._last_seen is None:
            return
        now = self.clock()
        if now - self._last_seen > timedelta(minutes=self._idle_minutes):
            self.lock()
            self.locked_by_idle = True
            return
        self._last_seen = now

    def delete_everything(self, passphrase: str) -> None:
        vault.Home(self.home).data_key(passphrase)  # a wrong passphrase changes nothing
        self.lock()
        vault.delete_everything(self.home, passphrase)
