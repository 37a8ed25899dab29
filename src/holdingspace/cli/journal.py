"""Writing and reading the journal."""

from __future__ import annotations

import contextlib
import os
import shlex
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table
from rich.text import Text

from holdingspace import messages
from holdingspace.cli.common import FriendlyGroup, console, open_context, print_json, say, warn
from holdingspace.core.calendar import parse_day
from holdingspace.core.entries import Entry, EntryKind, EntryQuery
from holdingspace.core.errors import InvalidInput
from holdingspace.core.labels import LABEL_TITLES
from holdingspace.core.signs import Analysis
from holdingspace.services.context import Context
from holdingspace.services.journal import JournalService

DRAFT_SETTING = "draft"

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
KindOption = Annotated[
    EntryKind | None, typer.Option("--kind", help="journal, letter or takeaway.")
]

journal_app = typer.Typer(
    cls=FriendlyGroup, no_args_is_help=True, help="Looking after the journal as a whole."
)


def entry_json(entry: Entry) -> dict[str, Any]:
    analysis = entry.analysis
    return {
        "id": entry.id,
        "kind": entry.kind.value,
        "text": entry.text,
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
        "signs": list(analysis.labels) if analysis else [],
        "crisis": analysis.crisis if analysis else False,
        "evidence": [{"label": e.label, "start": e.start, "end": e.end} for e in analysis.evidence]
        if analysis
        else [],
    }


def write(
    file: Annotated[
        Path | None, typer.Argument(help="Read the entry from this file ('-' for standard input).")
    ] = None,
    text: Annotated[str | None, typer.Option("--text", "-t", help="The entry itself.")] = None,
    kind: Annotated[
        EntryKind, typer.Option("--kind", help="journal, letter or takeaway.")
    ] = EntryKind.JOURNAL,
    resume: Annotated[
        bool, typer.Option("--resume", help="Continue the kept draft in your $EDITOR.")
    ] = False,
    editor: Annotated[bool, typer.Option("--editor", help="Open your $EDITOR.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Write an entry: from --text, a file, standard input, or your $EDITOR."""
    context = open_context()
    try:
        body = _entry_text(context, file, text, use_editor=resume or editor, resume=resume)
        if body is None:
            return
        entry = JournalService(context).write(body, kind)
        if resume:
            context.store.set_setting(DRAFT_SETTING, None)
        if as_json:
            print_json(entry_json(entry))
            return
        _show_analysis(context, entry)
        say(messages.SAVED_ENTRY.format(id=entry.id))
    finally:
        context.close()


def _entry_text(
    context: Context, file: Path | None, text: str | None, *, use_editor: bool, resume: bool
) -> str | None:
    if text is not None:
        return text
    if file is not None and str(file) != "-":
        try:
            return file.expanduser().read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise InvalidInput(f"Could not read {file} as text: {error}.") from None
    if not use_editor and ((file is not None and str(file) == "-") or not sys.stdin.isatty()):
        return sys.stdin.read()
    start = ""
    if resume:
        start = context.store.get_setting(DRAFT_SETTING) or ""
        if not start:
            say(messages.DRAFT_NONE)
    return edit_in_editor(context, start)


def edit_in_editor(context: Context, start: str) -> str | None:
    """Open $EDITOR on a private temporary file. The words never outlive this call on disk:
    if the editor fails, they are kept as an encrypted draft instead of being lost."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "nano"
    # Memory-backed when the system has it, so the words never reach a disk while editing.
    shm = Path("/dev/shm")  # noqa: S108 - a private mkstemp file inside it, mode 0600
    folder = shm if shm.is_dir() else None
    fd, name = tempfile.mkstemp(prefix="holdingspace-", suffix=".md", dir=folder)
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(start)
        try:
            code = subprocess.call([*shlex.split(editor), str(path)])
        except OSError:
            code = 127
        body = path.read_text(encoding="utf-8")
    finally:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    if code != 0:
        if body.strip():
            context.store.set_setting(DRAFT_SETTING, body)
            warn(messages.EDITOR_FAILED_DRAFT_KEPT)
        else:
            warn(messages.EDITOR_FAILED_EMPTY.format(editor=editor))
        raise typer.Exit(1)
    if not body.strip():
        say(messages.EDITOR_EMPTY)
        return None
    return body


def _show_analysis(context: Context, entry: Entry) -> None:
    analysis = entry.analysis
    if analysis is None:
        return
    if analysis.crisis:
        from holdingspace.cli.crisis import show_crisis_help

        show_crisis_help(context)
    if analysis.limited:
        warn(messages.ANALYSIS_LIMITED)
    if not analysis.labels:
        say(messages.NO_SIGNS_HEARD)
        return
    say(messages.SIGNS_HEARD)
    for label in analysis.labels:
        console.print(Text.assemble(("• ", "cyan"), (LABEL_TITLES[label], "bold")))
        for sentence in evidence_sentences(entry.text, analysis, label):
            console.print(Text(f"    “{sentence}”", style="italic"))
        console.print(
            Text("    " + messages.WHY_MIGHT_I_FEEL_THIS.format(topic=topic_id(label)), style="dim")
        )


def topic_id(label: str) -> str:
    return label.replace("_", "-")


def evidence_sentences(text: str, analysis: Analysis, label: str) -> list[str]:
    return [text[e.start : e.end].strip() for e in analysis.evidence if e.label == label]


def list_entries(
    kind: KindOption = None,
    since: Annotated[str | None, typer.Option(help="From this date (2026-11-01).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this date, inclusive.")] = None,
    sign: Annotated[str | None, typer.Option("--sign", help="Only entries with this sign.")] = None,
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """List entries, newest first."""
    query = EntryQuery(
        kind=kind,
        since=_day_start(since),
        until=_day_end(until),
        label=_known_label(sign),
        limit=limit,
    )
    context = open_context()
    try:
        found = JournalService(context).entries(query)
    finally:
        context.close()
    _render_list(found, as_json)


def _known_label(label: str | None) -> str | None:
    if label is not None and label not in LABEL_TITLES:
        raise InvalidInput(f"Unknown sign {label!r}: choose one of {', '.join(LABEL_TITLES)}.")
    return label


def _day_start(value: str | None) -> datetime | None:
    return None if value is None else datetime.combine(parse_day(value), datetime.min.time())


def _day_end(value: str | None) -> datetime | None:
    return None if value is None else datetime.combine(parse_day(value), datetime.max.time())


def _render_list(found: list[Entry], as_json: bool, empty: str = messages.NOTHING_FOUND) -> None:
    if as_json:
        print_json([entry_json(e) for e in found])
        return
    if not found:
        say(empty)
        return
    table = Table(show_lines=False, expand=False)
    for column in ("ID", "When", "Kind", "Beginning", "Signs"):
        table.add_column(column)
    for entry in found:
        first_line = entry.text.strip().splitlines()[0] if entry.text.strip() else ""
        signs = ", ".join(LABEL_TITLES[s] for s in entry.analysis.labels) if entry.analysis else ""
        table.add_row(
            str(entry.id),
            entry.created_at.strftime("%Y-%m-%d %H:%M"),
            entry.kind.value,
            Text(first_line[:60] + ("…" if len(first_line) > 60 else "")),
            signs,
        )
    console.print(table)


def show(
    entry_id: Annotated[int, typer.Argument(help="The entry's id.")], as_json: JsonOption = False
) -> None:
    """Show one entry in full, with the signs heard in it."""
    context = open_context()
    try:
        entry = JournalService(context).get(entry_id)
        if as_json:
            print_json(entry_json(entry))
            return
        console.rule(Text(f"{entry.kind.value} · {entry.created_at:%A %d %B %Y, %H:%M}"))
        console.print(Text(entry.text))
        console.rule()
        _show_analysis(context, entry)
    finally:
        context.close()


def edit(
    entry_id: Annotated[int, typer.Argument(help="The entry's id.")],
    text: Annotated[str | None, typer.Option("--text", "-t", help="The new text.")] = None,
    kind: KindOption = None,
) -> None:
    """Change an entry's text (in your $EDITOR unless --text is given) or its kind."""
    context = open_context()
    try:
        service = JournalService(context)
        current = service.get(entry_id)
        body = text if text is not None else edit_in_editor(context, current.text)
        if body is None:
            return
        entry = service.edit(entry_id, body, kind)
        _show_analysis(context, entry)
        say(messages.UPDATED_ENTRY.format(id=entry.id))
    finally:
        context.close()


def delete(entry_id: Annotated[int, typer.Argument(help="The entry's id.")]) -> None:
    """Delete one entry."""
    context = open_context()
    try:
        JournalService(context).delete(entry_id)
    finally:
        context.close()
    say(messages.DELETED.format(noun="entry", id=entry_id))


def search(
    query: Annotated[str, typer.Argument(help="Words to look for (all must appear).")],
    limit: Annotated[int, typer.Option(help="At most this many.")] = 50,
    as_json: JsonOption = False,
) -> None:
    """Search every entry's text."""
    context = open_context()
    try:
        found = JournalService(context).search(query, limit)
    finally:
        context.close()
    _render_list(found, as_json, messages.NOTHING_MATCHED)


@journal_app.command()
def reanalyse() -> None:
    """Re-read entries that an earlier version of the analysis read, with the current model.

    Only what the analysis heard changes; no entry's words are shown or changed."""
    from rich.progress import Progress

    context = open_context()
    try:
        service = JournalService(context)
        stale = service.stale_count()
        if not stale:
            say(messages.REANALYSE_NOTHING_STALE)
            return
        say(messages.REANALYSE_STALE.format(entries=messages.entries(stale)))
        with Progress(console=console, transient=True) as progress:
            task = progress.add_task(messages.REANALYSE_PROGRESS, total=stale)
            done = service.reanalyse(lambda count: progress.advance(task, count))
    finally:
        context.close()
    say(messages.REANALYSED.format(entries=messages.entries(done)))


def register(app: typer.Typer) -> None:
    app.command()(write)
    app.command("list")(list_entries)
    app.command()(show)
    app.command()(edit)
    app.command()(delete)
    app.command()(search)
    app.add_typer(journal_app, name="journal")
