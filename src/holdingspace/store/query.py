"""Entry filtering shared by the stores, so both read a query the same way."""

from __future__ import annotations

from holdingspace.core.entries import Entry, EntryQuery


def matches_query(entry: Entry, query: EntryQuery) -> bool:
    if query.kind is not None and entry.kind != query.kind:
        return False
    if query.since is not None and entry.created_at < query.since:
        return False
    if query.until is not None and entry.created_at > query.until:
        return False
    if query.label is not None and (
        entry.analysis is None or query.label not in entry.analysis.labels
    ):
        return False
    if query.search:
        words = query.search.casefold().split()
        haystack = entry.text.casefold()
        return all(word in haystack for word in words)
    return True
