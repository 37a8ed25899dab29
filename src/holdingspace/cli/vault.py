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
    MD = "md"
    """The same as markdown, as `prep --format md` spells it."""


def new_passphrase(env_name: str = "HOLDINGSPACE_PASSPHRASE") -> str:
    """A new passphrase: from the environment for scripts, else typed twice at a hidden prompt."""
    import os

    from holdingspace.store.keys import check_new_passphrase

    from_env = os.environ.get(env_name)
    if from_env:
        return check_new_passphrase(from_env)
    first = check_new_passphrase(str(typer.prompt(messages.CHOOSE_PASSPHRASE, hide_input=True)))
    if is_weak(first):
        warn(messages.WEAK_PASSPHRASE)
    if str(typer.prompt(messages.REPEAT_PASSPHRASE, hide_input=True)) != first:
        raise InvalidInput(messages.PASSPHRASES_DIFFER)
    return first


def is_weak(passphrase: str) -> bool:
    """zxcvbn's estimate: a score under 3 of 4 is guessable with modest effort."""
    from zxcvbn import zxcvbn

    return int(zxcvbn(passphrase)["score"]) < 3


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
    from holdingspace.services import vault

    home = home_path()
    vault.Home(home).read_key_document()
    old = read_passphrase("Current passphrase")
    new = new_passphrase("HOLDINGSPACE_NEW_PASSPHRASE")
    vault.change_passphrase(home, old, new)
    say(messages.PASSPHRASE_CHANGED)


def export(
    output: Annotated[
        Path | None, typer.Option("-o", "--output", help="File to write (default: the screen).")
    ] = None,
    fmt: Annotated[ExportFormat, typer.Option("--format", help="json or markdown (md).")] = (
        ExportFormat.JSON
    ),
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
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
    _refuse_to_overwrite(output, force)
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
    say(messages.IMPORTED.format(added=messages.items(report.added, "new"), skipped=report.skipped))


def backup(
    output: Annotated[Path, typer.Option("-o", "--output", help="The backup file to write.")],
    force: Annotated[bool, typer.Option("--force", help="Replace an existing file.")] = False,
) -> None:
    """Write one encrypted, authenticated backup file."""
    from holdingspace.services.portability import PortabilityService

    _refuse_to_overwrite(output, force)
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
    say(messages.RESTORED.format(added=messages.items(report.added), skipped=report.skipped))


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


def _refuse_to_overwrite(path: Path, force: bool) -> None:
    if path.exists() and not force:
        raise Refused(messages.FILE_EXISTS.format(path=path))


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
