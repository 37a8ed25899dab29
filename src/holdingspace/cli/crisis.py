"""Crisis help, shown before anything else wherever risk appears: the region's lines, then the
person's own safety plan."""

from __future__ import annotations

from holdingspace.services.context import Context


def show_crisis_help(context: Context | None) -> None:
    from holdingspace.cli.checkins import show_crisis
    from holdingspace.services.checkins import CheckinService, crisis_help_without_journal

    help_now = (
        crisis_help_without_journal() if context is None else CheckinService(context).crisis_help()
    )
    show_crisis(help_now)
