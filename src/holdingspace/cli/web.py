"""`holdingspace serve`: the local web app, on 127.0.0.1 only."""

from __future__ import annotations

import socket
import threading
import webbrowser
from typing import Annotated

import typer

from holdingspace.cli.common import analyser_factory, home_path, say
from holdingspace.core.errors import InvalidInput

SERVE_STARTED = (
    "holdingspace is open at {url}\n"
    "Only this address works; keep it to yourself. Press Ctrl+C here to stop."
)
PORT_TAKEN = "Port {port} is already in use on 127.0.0.1; try another with --port."


def serve(
    port: Annotated[
        int, typer.Option("--port", min=1024, max=65535, help="Port on 127.0.0.1.")
    ] = 8765,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Print the address without opening a browser.")
    ] = False,
) -> None:
    """Start the app in your browser. It listens on this computer (127.0.0.1) only."""
    from holdingspace.web.app import create_app
    from holdingspace.web.server import HOST, launch_url, new_token, server_config

    _check_free(HOST, port)
    token = new_token()
    app = create_app(home_path(), token=token, port=port, analyser_factory=analyser_factory())
    url = launch_url(port, token)
    say(SERVE_STARTED.format(url=url))
    if not no_browser:
        threading.Timer(0.8, webbrowser.open, args=(url,)).start()
    import uvicorn

    uvicorn.Server(server_config(app, port)).run()


def _check_free(host: str, port: int) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        try:
            probe.bind((host, port))
        except OSError:
            raise InvalidInput(PORT_TAKEN.format(port=port)) from None


def register(app: typer.Typer) -> None:
    app.command()(serve)
