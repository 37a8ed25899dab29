"""The therapy calendar: sessions and the therapist's breaks."""

from __future__ import annotations

from typing import Annotated, Any

import typer
from rich.table import Table

from holdingspace import messages
from holdingspace.cli.common import FriendlyGroup, console, open_context, print_json, say
from holdingspace.core.calendar import (
    Break,
    Session,
    parse_day,
    parse_reason,
    parse_status,
    parse_when,
)
from holdingspace.services.calendar import CalendarService

session_app = typer.Typer(cls=FriendlyGroup, help="Your therapy sessions.", no_args_is_help=True)
break_app = typer.Typer(cls=FriendlyGroup, help="Your therapist's breaks.", no_args_is_help=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for scripts.")]
STATUS_HELP = (
    "scheduled, held, rescheduled, cancelled-by-me, cancelled-by-therapist, ended-early, missed"
)


def session_json(session: Session) -> dict[str, Any]:
    return {
        "id": session.id,
        "starts_at": session.starts_at.isoformat(timespec="minutes"),
        "status": session.status.value,
        "duration_minutes": session.duration_minutes,
        "note": session.note,
    }


def break_json(brk: Break) -> dict[str, Any]:
    return {
        "id": brk.id,
        "starts_on": brk.starts_on.isoformat(),
        "ends_on": brk.ends_on.isoformat(),
        "reason": brk.reason.value,
        "note": brk.note,
    }


@session_app.command("add")
def session_add(
    when: Annotated[str, typer.Argument(help="Date and time, e.g. 2026-11-20T10:00.")],
    status: Annotated[str, typer.Option(help=STATUS_HELP)] = "scheduled",
    duration: Annotated[int, typer.Option(help="Length in minutes.")] = 50,
    note: Annotated[str, typer.Option(help="A private note.")] = "",
    as_json: JsonOption = False,
) -> None:
    """Add a session."""
    starts_at, parsed_status = parse_when(when), parse_status(status)
    context = open_context()
    try:
        session = CalendarService(context).add_session(starts_at, parsed_status, duration, note)
    finally:
        context.close()
    if as_json:
        print_json(session_json(session))
    else:
        say(f"Added session {session.id} on {session.starts_at:%A %d %B %Y at %H:%M}.")


@session_app.command("list")
def session_list(as_json: JsonOption = False) -> None:
    """List sessions, oldest first."""
    context = open_context()
    try:
        found = CalendarService(context).sessions()
    finally:
        context.close()
    if as_json:
        print_json([session_json(s) for s in found])
        return
    if not found:
        say(messages.NOTHING_FOUND)
        return
    table = Table()
    for column in ("ID", "When", "Status", "Minutes"):
        table.add_column(column)
    for s in found:
        table.add_row(
            str(s.id), f"{s.starts_at:%a %Y-%m-%d %H:%M}", s.status.value, str(s.duration_minutes)
        )
    console.print(table)


@session_app.command("edit")
def session_edit(
    session_id: Annotated[int, typer.Argument(help="The session's id.")],
    when: Annotated[str | None, typer.Option("--when", help="New date and time.")] = None,
    status: Annotated[str | None, typer.Option(help=STATUS_HELP)] = None,
    note: Annotated[str | None, typer.Option(help="A private note.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Change a session's time, status or note."""
    starts_at = None if when is None else parse_when(when)
    new_status = None if status is None else parse_status(status)
    context = open_context()
    try:
        session = CalendarService(context).edit_session(
            session_id, starts_at=starts_at, status=new_status, note=note
        )
    finally:
        context.close()
    if as_json:
        print_json(session_json(session))
    else:
        say(
            f"Updated session {session.id}: {session.starts_at:%Y-%m-%d %H:%M}, "
            f"{session.status.value}."
        )


@session_app.command("delete")
def session_delete(session_id: Annotated[int, typer.Argument(help="The session's id.")]) -> None:
    """Delete a session (and its rating)."""
    context = open_context()
    try:
        CalendarService(context).delete_session(session_id)
    finally:
        context.close()
    say(messages.DELETED.format(noun="session", id=session_id))


@break_app.command("add")
def break_add(
    start: Annotated[str, typer.Argument(metavar="FROM", help="First day away (2026-12-20).")],
    end: Annotated[str, typer.Argument(metavar="TO", help="Last day away (2027-01-04).")],
    reason: Annotated[str, typer.Option(help="holiday, leave, ending or other.")] = "holiday",
    note: Annotated[str, typer.Option(help="A private note.")] = "",
    as_json: JsonOption = False,
) -> None:
    """Add a break in your therapy."""
    starts_on, ends_on, why = parse_day(start), parse_day(end), parse_reason(reason)
    context = open_context()
    try:
        brk = CalendarService(context).add_break(starts_on, ends_on, why, note)
    finally:
        context.close()
    if as_json:
        print_json(break_json(brk))
    else:
        say(
            f"Added break {brk.id}: {brk.starts_on:%d %B %Y} to {brk.ends_on:%d %B %Y} "
            f"({brk.reason.value})."
        )


@break_app.command("list")
def break_list(as_json: JsonOption = False) -> None:
    """List breaks, earliest first."""
    context = open_context()
    try:
        found = CalendarService(context).breaks()
    finally:
        context.close()
    if as_json:
        print_json([break_json(b) for b in found])
        return
    if not found:
        say(messages.NOTHING_FOUND)
        return
    table = Table()
    for column in ("ID", "From", "To", "Reason"):
        table.add_column(column)
    for b in found:
        table.add_row(str(b.id), b.starts_on.isoformat(), b.ends_on.isoformat(), b.reason.value)
    console.print(table)


@break_app.command("edit")
def break_edit(
    break_id: Annotated[int, typer.Argument(help="The break's id.")],
    start: Annotated[str | None, typer.Option("--from", help="New first day.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="New last day.")] = None,
    reason: Annotated[str | None, typer.Option(help="holiday, leave, ending or other.")] = None,
) -> None:
    """Change a break's days or reason."""
    context = open_context()
    try:
        brk = CalendarService(context).edit_break(
            break_id,
            starts_on=None if start is None else parse_day(start),
            ends_on=None if end is None else parse_day(end),
            reason=None if reason is None else parse_reason(reason),
        )
    finally:
        context.close()
    say(f"Updated break {brk.id}: {brk.starts_on} to {brk.ends_on} ({brk.reason.value}).")


@break_app.command("delete")
def break_delete(break_id: Annotated[int, typer.Argument(help="The break's id.")]) -> None:
    """Delete a break."""
    context = open_context()
    try:
        CalendarService(context).delete_break(break_id)
    finally:
        context.close()
    say(messages.DELETED.format(noun="break", id=break_id))


def register(app: typer.Typer) -> None:
    app.add_typer(session_app, name="session")
    app.add_typer(break_app, name="break")
