"""Export, import, backup and restore: the person's data leaves or returns whole."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from holdingspace.core.calendar import Break, Session
from holdingspace.core.entries import Entry
from holdingspace.core.errors import WrongPassphrase
from holdingspace.core.records import CheckIn
from holdingspace.exchange import backup, json_export
from holdingspace.exchange.markdown_export import journal_markdown
from holdingspace.messages import BACKUP_WRONG_PASSPHRASE
from holdingspace.services import vault
from holdingspace.services.checkins import CUSTOM_INDEX
from holdingspace.services.context import Context
from holdingspace.store import keys

_SETTINGS_EXPORTED = ("region", "safety_plan", "idle_lock_minutes")


@dataclass(frozen=True)
class ImportReport:
    added: int
    skipped: int


class PortabilityService:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.store = context.store

    def bundle(self) -> json_export.Bundle:
        sessions = self.store.list_sessions()
        uid_of = {s.id: s.uid for s in sessions}
        settings = {
            key: value
            for key in self._setting_keys()
            if (value := self.store.get_setting(key)) is not None
        }
        return json_export.Bundle(
            entries=sorted(self.store.list_entries(), key=lambda e: (e.created_at, e.id or 0)),
            sessions=sessions,
            breaks=self.store.list_breaks(),
            checkins=self.store.list_checkins(),
            ratings=[(uid_of[r.session_id], r) for r in self.store.list_ratings()],
            settings=settings,
        )

    def _setting_keys(self) -> list[str]:
        custom = self.store.get_setting(CUSTOM_INDEX) or []
        return [*_SETTINGS_EXPORTED, CUSTOM_INDEX, *(f"instrument:{i}" for i in custom)]

    def export_json(self) -> str:
        return json_export.dumps(self.bundle(), self.context.clock())

    def export_markdown(self) -> str:
        return journal_markdown(self.store.list_entries())

    def import_json(self, raw: str | bytes) -> ImportReport:
        """Add what is new (by uid); importing the same file twice adds nothing."""
        bundle = json_export.loads(raw)
        known = self.store.known_uids()
        candidates: list[Entry | Session | Break | CheckIn] = [
            *bundle.entries,
            *bundle.sessions,
            *bundle.breaks,
            *bundle.checkins,
        ]
        fresh = [record for record in candidates if record.uid not in known]
        self.store.bulk_add(fresh)
        session_ids = {s.uid: s.id for s in self.store.list_sessions()}
        new_ratings = [
            replace(rating, session_id=session_id)
            for session_uid, rating in bundle.ratings
            if rating.uid not in known and (session_id := session_ids.get(session_uid))
        ]
        self.store.bulk_add(new_ratings)
        for key, value in bundle.settings.items():
            if self.store.get_setting(key) is None:
                self.store.set_setting(key, value)
        added = len(fresh) + len(new_ratings)
        total = len(candidates) + len(bundle.ratings)
        return ImportReport(added=added, skipped=total - added)

    def backup(self) -> bytes:
        assert self.context.home is not None
        document = vault.Home(self.context.home).read_key_document()
        return backup.seal(self.export_json(), self.context.data_key, document)


def restore(home: Path, blob: bytes, passphrase: str) -> tuple[Context, ImportReport]:
    """Restore a backup: into a new journal (same passphrase as then) or merged into this one.

    Everything is decrypted and checked before the home folder is touched.
    """
    header = backup.read_header(blob)
    try:
        data_key = keys.unwrap(header["key"], passphrase)
    except WrongPassphrase:
        raise WrongPassphrase(BACKUP_WRONG_PASSPHRASE) from None
    export = backup.open_sealed(blob, data_key)
    json_export.loads(export)
    place = vault.Home(home)
    if place.is_initialised():
        context = vault.unlock(home, passphrase)
    else:
        context = vault.create(home, passphrase, key_document=header["key"])
    return context, PortabilityService(context).import_json(export)
