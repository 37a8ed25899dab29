"""Creating, protecting, moving and deleting the journal."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from holdingspace import messages
from holdingspace.cli.common import (
    home_path,
    open_context,
    read_passphrase,
    say,
    warn,
    write_output,
)
from holdingspace.core.errors import InvalidInput, Refused


class ExportFormat(StrEnum):
    JSON = "json"
    MARKDOWN = "markdown"


def new_passphrase() -> str:
    import os

    from_env = os.environ.get("HOLDINGSPACE_PASSPHRASE")
    if from_env:
        return from_env
    first = read_passphrase(messages.CHOOSE_PASSPHRASE)
    if read_passphrase(messages.REPEAT_PASSPHRASE) != first:
        raise InvalidInput(messages.PASSPHRASES_DIFFER)
    return first


def init() -> None:
    """Create a new encrypted journal."""
    from holdingspace.services import vault

    home = home_path()
    if vault.Home(home).is_initialised():
        vault.create(home, "")  # raises AlreadyInitialised with its one line
    context = vault.create(home, new_passphrase())
    context.close()
    say(messages.CREATED.format(home=home))
    say(messages.NO_RECOVERY)
    say(messages.REGION_HINT)
    say(messages.NOT_AN_EMERGENCY_SERVICE)


def passphrase() -> None:
    """Change the passphrase (nothing is re-encrypted, so it is instant)."""
    import os

    from holdingspace.services import vault

    home = home_path()
    vault.Home(home).read_key_document()
    old = read_passphrase("Current passphrase")
    new = os.environ.get("HOLDINGSPACE_NEW_PASSPHRASE") or _confirmed_new()
    vault.change_passphrase(home, old, new)
    say(messages.PASSPHRASE_CHANGED)


def _confirmed_new() -> str:
    import typer as _typer

    first = str(_typer.prompt("New passphrase", hide_input=True))
    if str(_typer.prompt(messages.REPEAT_PASSPHRASE, hide_input=True)) != first:
        raise InvalidInput(messages.PASSPHRASES_DIFFER)
    return first


def export(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: the screen).")
    ] = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="json or markdown.")] = (
        ExportFormat.JSON
    ),
) -> None:
    """Export everything as JSON, or the journal as Markdown. Not encrypted: you asked for it."""
    from holdingspace.services.portability import PortabilityService

    context = open_context()
    try:
        service = PortabilityService(context)
        text = service.export_json() if fmt is ExportFormat.JSON else service.export_markdown()
    finally:
        context.close()
    if output is None:
        sys.stdout.write(text)
        return
    write_output(output, text.encode("utf-8"))
    warn(messages.PLAIN_EXPORT_WARNING.format(path=output))
    say(messages.EXPORTED.format(path=output))


def import_(file: Annotated[Path, typer.Argument(help="A JSON export from holdingspace.")]) -> None:
    """Import a JSON export. Importing the same file twice adds nothing."""
    from holdingspace.services.portability import PortabilityService

    raw = _read_file(file)
    context = open_context()
    try:
        report = PortabilityService(context).import_json(raw)
    finally:
        context.close()
    say(messages.IMPORTED.format(added=report.added, skipped=report.skipped))


def backup(
    output: Annotated[Path, typer.Option("-o", "--output", help="The backup file to write.")],
) -> None:
    """Write one encrypted, authenticated backup file."""
    from holdingspace.services.portability import PortabilityService

    context = open_context()
    try:
        blob = PortabilityService(context).backup()
    finally:
        context.close()
    write_output(output, blob)
    say(messages.BACKED_UP.format(path=output))


def restore(file: Annotated[Path, typer.Argument(help="A holdingspace backup file.")]) -> None:
    """Restore a backup into a new journal, or merge it into this one."""
    from holdingspace.services.portability import restore as restore_backup

    blob = _read_file(file)
    context, report = restore_backup(home_path(), blob, read_passphrase())
    context.close()
    say(messages.RESTORED.format(added=report.added, skipped=report.skipped))


def delete_all() -> None:
    """Delete the whole journal, after the passphrase and a typed confirmation."""
    from holdingspace.services import vault

    home = home_path()
    vault.Home(home).read_key_document()
    warn(messages.DELETE_ALL_WARNING.format(home=home))
    secret = read_passphrase()
    vault.Home(home).data_key(secret)
    typed = str(typer.prompt(messages.DELETE_ALL_CONFIRM_PROMPT, default="", show_default=False))
    if typed.strip().lower() != messages.DELETE_ALL_PHRASE:
        raise Refused(messages.DELETE_ALL_CANCELLED)
    vault.delete_everything(home, secret)
    say(messages.DELETED_ALL)


def _read_file(path: Path) -> bytes:
    try:
        return path.expanduser().read_bytes()
    except OSError as error:
        raise InvalidInput(f"Could not read {path}: {error.strerror}.") from None


def register(app: typer.Typer) -> None:
    app.command()(init)
    app.command()(passphrase)
    app.command()(export)
    app.command("import")(import_)
    app.command()(backup)
    app.command()(restore)
    app.command("delete-all")(delete_all)
