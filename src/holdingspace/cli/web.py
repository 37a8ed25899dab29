"""`holdingspace serve`: the local web app, on 127.0.0.1 only."""

from __future__ import annotations

import socket
import tempfile
import threading
import webbrowser
from pathlib import Path
from typing import Annotated

import typer

from holdingspace.cli.common import analyser_factory, home_path, say
from holdingspace.core.errors import InvalidInput

SERVE_STARTED = (
    "holdingspace is open at {url}\n"
    "Only this address works; keep it to yourself. Press Ctrl+C here to stop."
)
PORT_TAKEN = "Port {port} is already in use on 127.0.0.1; try another with --port."
FIRST_START_OFFER = (
    "New here? The page will help you create your journal. To look around a journal filled "
    "with a year of made-up entries first, stop with Ctrl+C and run: make demo"
)
DEMO_READY = (
    "This is a demo journal of made-up entries in a temporary folder ({home}); it is deleted "
    "when you stop. Its passphrase is: {passphrase}"
)
DEMO_PASSPHRASE = "just looking around"  # noqa: S105 - a made-up journal, said aloud


def serve(
    port: Annotated[
        int, typer.Option("--port", min=1024, max=65535, help="Port on 127.0.0.1.")
    ] = 8765,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Print the address without opening a browser.")
    ] = False,
    demo: Annotated[
        bool, typer.Option("--demo", help="Explore a made-up demo journal in a temporary folder.")
    ] = False,
) -> None:
    """Start the app in your browser. It listens on this computer (127.0.0.1) only."""
    from holdingspace.web.server import HOST

    _check_free(HOST, port)
    if not demo:
        home = home_path()
        from holdingspace.services.vault import Home

        if not Home(home).is_initialised():
            say(FIRST_START_OFFER)
        _serve(home, port, no_browser)
        return
    with tempfile.TemporaryDirectory(prefix="holdingspace-demo-") as folder:
        home = Path(folder) / "home"
        _make_demo(home)
        say(DEMO_READY.format(home=home, passphrase=DEMO_PASSPHRASE))
        _serve(home, port, no_browser)


def _make_demo(home: Path) -> None:
    from holdingspace.services import vault
    from holdingspace.services.demo import create_demo

    context = vault.create(home, DEMO_PASSPHRASE, analyser_factory=analyser_factory())
    try:
        create_demo(context, years=1.0)
    finally:
        context.close()


def _serve(home: Path, port: int, no_browser: bool) -> None:
    from holdingspace.web.app import create_app
    from holdingspace.web.server import launch_url, new_token, server_config

    token = new_token()
    app = create_app(home, token=token, port=port, analyser_factory=analyser_factory())
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
