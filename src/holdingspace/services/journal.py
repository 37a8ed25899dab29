"""Writing, reading, searching and analysing journal entries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import Final

from holdingspace import messages
from holdingspace.core.entries import Entry, EntryKind, EntryQuery, check_text
from holdingspace.core.errors import Refused
from holdingspace.core.signs import Analyser, Analysis
from holdingspace.services.context import Context, new_uid

REANALYSE_BATCH: Final = 32
"""Entries re-read per call to the analyser: enough for the encoder to run efficiently."""

Progress = Callable[[int], None]
"""Told how many more entries were re-read, after each batch."""


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

    def stale_count(self) -> int:
        """Entries with no analysis, or one from another version of the analysis.

        Refused under the lexical fallback, which never replaces the model's results.
        """
        analyser = self.context.analyser
        if analyser is None:
            return 0
        if analyser.limited:
            raise Refused(messages.REANALYSE_NEEDS_MODEL)
        return len(self._stale_entries(analyser))

    def reanalyse(self, progress: Progress | None = None) -> int:
        """Re-read the stale entries with the current analyser; returns how many were re-read.

        Only each entry's analysis changes, one entry at a time, so an interrupted run leaves
        every entry with either its old or its new analysis. The lexical fallback is refused
        before anything is saved: it would replace the model's results with weaker ones.
        """
        analyser = self.context.analyser
        if analyser is None:
            return 0
        if analyser.limited:
            raise Refused(messages.REANALYSE_NEEDS_MODEL)
        stale = self._stale_entries(analyser)
        for start in range(0, len(stale), REANALYSE_BATCH):
            batch = stale[start : start + REANALYSE_BATCH]
            analyses = analyser.analyse_many([entry.text for entry in batch])
            for entry, analysis in zip(batch, analyses, strict=True):
                assert entry.id is not None
                self.store.save_analysis(entry.id, analysis)
            if progress is not None:
                progress(len(batch))
        return len(stale)

    def _stale_entries(self, analyser: Analyser) -> list[Entry]:
        version = analyser.version
        return [
            entry
            for entry in self.store.list_entries()
            if entry.analysis is None or entry.analysis.model_version != version
        ]

    def _analysed(self, entry: Entry) -> Entry:
        analysis = self.analyse_text(entry.text)
        if analysis is None or entry.id is None:
            return entry
        self.store.save_analysis(entry.id, analysis)
        return replace(entry, analysis=analysis)
