"""What every command shares: the home folder, the passphrase, consoles, JSON output, errors."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.text import Text
from typer.core import TyperGroup

from holdingspace import messages
from holdingspace.core.errors import HoldingspaceError, InvalidInput, WrongPassphrase
from holdingspace.services.context import Context

console = Console(highlight=False)
err_console = Console(stderr=True, highlight=False)


@dataclass
class State:
    home: Path | None = None
    debug: bool = False


state = State()


def home_path(home: Path | None = None) -> Path:
    from holdingspace.services.vault import default_home

    return home or state.home or default_home()


def read_passphrase(prompt: str = messages.PASSPHRASE_PROMPT) -> str:
    """From HOLDINGSPACE_PASSPHRASE (for scripts) or a hidden prompt."""
    from_env = os.environ.get("HOLDINGSPACE_PASSPHRASE")
    if from_env:
        return from_env
    if not sys.stdin.isatty() and os.environ.get("HOLDINGSPACE_PROMPT_FROM_STDIN") != "1":
        # Reading a secret from a pipe would swallow the text the person is piping in.
        raise InvalidInput("No passphrase: set HOLDINGSPACE_PASSPHRASE, or run this in a terminal.")
    return str(typer.prompt(prompt, hide_input=True))


def analyser_factory() -> Callable[[], Any]:
    from holdingspace.services.analysis import default_analyser

    return default_analyser


PASSPHRASE_TRIES = 3


def open_context(home: Path | None = None) -> Context:
    """Unlock the journal in the home folder, asking for the passphrase (three tries at a
    prompt; one from the environment)."""
    from holdingspace.services import vault

    place = vault.Home(home_path(home))
    place.read_key_document()  # says "no journal yet" before asking for a passphrase
    prompted = not os.environ.get("HOLDINGSPACE_PASSPHRASE")
    for attempt in range(1, PASSPHRASE_TRIES + 1):
        try:
            return vault.unlock(place.path, read_passphrase(), analyser_factory())
        except WrongPassphrase:
            if not prompted or attempt == PASSPHRASE_TRIES:
                raise
            warn(messages.WRONG_PASSPHRASE_TRY_AGAIN)
    raise AssertionError("unreachable")


def print_json(data: Any) -> None:
    """One JSON document on standard output, nothing else."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def say(message: str) -> None:
    """A plain sentence; left to the terminal to wrap, so addresses stay whole for copying."""
    console.print(Text(message), soft_wrap=True)


def warn(message: str) -> None:
    err_console.print(Text(message, style="yellow"), soft_wrap=True)


def fail_line(message: str) -> None:
    err_console.print(Text.assemble(("Error: ", "bold red"), message), soft_wrap=True)


class FriendlyGroup(TyperGroup):
    """Turns every error into one clear line and an exit code; a traceback only with --debug."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except HoldingspaceError as error:
            if state.debug:
                raise
            fail_line(str(error))
            raise typer.Exit(error.exit_code) from None
        except (typer.Exit, typer.Abort, typer.TyperException):
            raise
        except KeyboardInterrupt:
            err_console.print()
            raise typer.Exit(130) from None
        except EOFError:
            fail_line(messages.NO_TERMINAL_INPUT)
            raise typer.Exit(InvalidInput.exit_code) from None
        except Exception as error:
            if state.debug:
                raise
            fail_line(messages.UNEXPECTED.format(kind=type(error).__name__))
            raise typer.Exit(70) from None


def write_output(path: Path, data: bytes) -> None:
    from holdingspace.store.files import atomic_write

    atomic_write(path.expanduser().resolve(), data)
