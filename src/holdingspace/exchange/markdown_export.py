"""The journal as one readable Markdown document (a plain export, only when asked for)."""

from __future__ import annotations

from collections.abc import Iterable

from holdingspace.core.entries import Entry, EntryKind

_HEADINGS = {
    EntryKind.JOURNAL: "Journal entry",
    EntryKind.LETTER: "Unsent letter",
    EntryKind.TAKEAWAY: "Takeaway",
}


def journal_markdown(entries: Iterable[Entry]) -> str:
    parts = ["# My holdingspace journal\n"]
    for entry in sorted(entries, key=lambda e: e.created_at):
        when = entry.created_at.strftime("%A %d %B %Y, %H:%M")
        parts.append(f"## {_HEADINGS[entry.kind]} — {when}\n")
        if entry.analysis and entry.analysis.labels:
            parts.append("*Signs noticed: " + ", ".join(entry.analysis.labels) + "*\n")
        parts.append(entry.text.rstrip() + "\n")
    return "\n".join(parts)
