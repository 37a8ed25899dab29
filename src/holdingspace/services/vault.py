"""The journal's home folder: create it, unlock it, change its passphrase, delete it.

HOME/holdingspace.key   the wrapped data key (store/keys.py)
HOME/journal.db         the SQLCipher database (plus its -wal and -shm while open)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from holdingspace.core.errors import AlreadyInitialised, CorruptData, NotInitialised
from holdingspace.core.signs import Analyser
from holdingspace.services.context import Context
from holdingspace.store import keys
from holdingspace.store.files import atomic_write, ensure_private_dir

KEY_FILE = "holdingspace.key"
DB_FILE = "journal.db"
_DB_COMPANIONS = ("-wal", "-shm", "-journal")


def default_home() -> Path:
    from platformdirs import user_data_dir

    return Path(os.environ.get("HOLDINGSPACE_HOME") or user_data_dir("holdingspace", False))


@dataclass(frozen=True)
class Home:
    path: Path

    @property
    def key_file(self) -> Path:
        return self.path / KEY_FILE

    @property
    def db_file(self) -> Path:
        return self.path / DB_FILE

    def is_initialised(self) -> bool:
        return self.key_file.exists()

    def read_key_document(self) -> dict[str, object]:
        if not self.is_initialised():
            raise NotInitialised(
                f"There is no journal in {self.path} yet; `holdingspace init` creates one."
            )
        return keys.loads(self.key_file.read_bytes())

    def data_key(self, passphrase: str) -> bytes:
        return keys.unwrap(self.read_key_document(), passphrase)


def create(
    home: Path,
    passphrase: str,
    kdf: keys.KdfParams = keys.KdfParams(),
    *,
    key_document: dict[str, object] | None = None,
    analyser_factory: Callable[[], Analyser] | None = None,
) -> Context:
    """Create a new journal; with ``key_document`` (from a backup) reuse that wrapped key."""
    place = Home(home)
    if place.is_initialised():
        raise AlreadyInitialised(f"There is already a journal in {home}.")
    ensure_private_dir(home)
    for leftover in _database_files(place):
        # A database without its key file (an earlier create that was cut short) can never be
        # opened by anyone, so it holds nothing to keep.
        leftover.unlink()
    if key_document is None:
        keys.check_new_passphrase(passphrase)
        data_key = keys.new_data_key()
        key_document = keys.wrap(data_key, passphrase, kdf)
    else:
        data_key = keys.unwrap(key_document, passphrase)
    context = _open_store(place, data_key, analyser_factory)
    atomic_write(place.key_file, keys.dumps(key_document))
    return context


def unlock(
    home: Path, passphrase: str, analyser_factory: Callable[[], Analyser] | None = None
) -> Context:
    place = Home(home)
    data_key = place.data_key(passphrase)
    if not place.db_file.exists():
        raise CorruptData(f"The journal database in {home} is missing; nothing was changed.")
    return _open_store(place, data_key, analyser_factory)


def _open_store(
    place: Home, data_key: bytes, analyser_factory: Callable[[], Analyser] | None
) -> Context:
    from holdingspace.store.sqlite import SQLiteStore

    store = SQLiteStore.open(place.db_file, data_key)
    for path in _database_files(place):
        os.chmod(path, 0o600)
    return Context(
        store=store, home=place.path, analyser_factory=analyser_factory, data_key=data_key
    )


def _database_files(place: Home) -> list[Path]:
    candidates = [place.db_file, *(Path(f"{place.db_file}{s}") for s in _DB_COMPANIONS)]
    return [path for path in candidates if path.exists()]


def change_passphrase(home: Path, old: str, new: str) -> None:
    """Rewrap the data key under the new passphrase in one atomic write; nothing is re-encrypted."""
    place = Home(home)
    data_key = place.data_key(old)
    keys.check_new_passphrase(new)
    atomic_write(place.key_file, keys.dumps(keys.wrap(data_key, new)))


def delete_everything(home: Path, passphrase: str) -> None:
    """Remove the key file first (without it the database can never be read), then the rest."""
    place = Home(home)
    place.data_key(passphrase)
    place.key_file.unlink()
    for path in _database_files(place):
        path.unlink()
