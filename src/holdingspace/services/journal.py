"""Writing, reading, searching and analysing journal entries."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from holdingspace.core.entries import Entry, EntryKind, EntryQuery, check_text
from holdingspace.core.signs import Analysis
from holdingspace.services.context import Context, new_uid


class JournalService:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.store = context.store

    def write(
        self, text: str, kind: EntryKind = EntryKind.JOURNAL, when: datetime | None = None
    ) -> Entry:
        """Save first, analyse second: the words are safe on disk before any model runs."""
        now = when or self.context.clock()
        entry = self.store.add_entry(Entry(None, new_uid(), kind, check_text(text), now, now))
        return self._analysed(entry)

    def edit(self, entry_id: int, text: str, kind: EntryKind | None = None) -> Entry:
        entry = self.store.get_entry(entry_id).with_text(text, self.context.clock())
        if kind is not None:
            entry = replace(entry, kind=kind)
        return self._analysed(self.store.update_entry(entry))

    def get(self, entry_id: int) -> Entry:
        return self.store.get_entry(entry_id)

    def delete(self, entry_id: int) -> None:
        self.store.delete_entry(entry_id)

    def entries(self, query: EntryQuery = EntryQuery()) -> list[Entry]:
        return self.store.list_entries(query)

    def count(self, query: EntryQuery = EntryQuery()) -> int:
        return self.store.count_entries(query)

    def search(self, words: str, limit: int | None = None) -> list[Entry]:
        return self.store.list_entries(EntryQuery(search=words, limit=limit))

    def analyse_text(self, text: str) -> Analysis | None:
        analyser = self.context.analyser
        return None if analyser is None else analyser.analyse(text)

    def _analysed(self, entry: Entry) -> Entry:
        analysis = self.analyse_text(entry.text)
        if analysis is None or entry.id is None:
            return entry
        self.store.save_analysis(entry.id, analysis)
        return replace(entry, analysis=analysis)
