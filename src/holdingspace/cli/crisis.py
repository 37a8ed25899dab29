"""Crisis help, shown before anything else wherever risk appears."""

from __future__ import annotations

from rich.panel import Panel
from rich.text import Text

from holdingspace.cli.common import console
from holdingspace.services.context import Context

_FALLBACK = (
    "If you might not be safe right now, please reach out: call your local emergency number "
    "(911 in the US and Canada, 999 or 112 in the UK and Ireland, 000 in Australia, 111 in New "
    "Zealand, 112 across the EU and in India), or find a free, confidential helpline for your "
    "country at https://findahelpline.com."
)


def show_crisis_help(context: Context | None) -> None:
    console.print(Panel(Text(_FALLBACK), title="Need help now?", border_style="red"))
