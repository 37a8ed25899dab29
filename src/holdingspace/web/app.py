"""The app factory: one FastAPI app over one journal, guarded, with every page registered."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.staticfiles import StaticFiles

from holdingspace.core.errors import (
    HoldingspaceError,
    Locked,
    NotFound,
    NotInitialised,
)
from holdingspace.core.signs import Analyser
from holdingspace.services.context import local_now
from holdingspace.store.keys import KdfParams
from holdingspace.web import messages as msg
from holdingspace.web.forms import FormRefused, StaleForm
from holdingspace.web.pages import Web, redirect, wants_json, web_of
from holdingspace.web.routes import (
    calendar,
    checkins,
    entries,
    help,
    home,
    insights,
    library,
    safety,
    settings,
    unlock,
)
from holdingspace.web.security import Guard, Handler, refused

DEFAULT_PORT = 8765
STATIC = Path(__file__).parent / "static"
_log = logging.getLogger("holdingspace.web")


def create_app(
    home_path: Path,
    *,
    token: str,
    port: int = DEFAULT_PORT,
    clock: Callable[[], datetime] = local_now,
    analyser_factory: Callable[[], Analyser] | None = None,
    kdf: KdfParams = KdfParams(),
) -> FastAPI:
    """The web app for the journal in ``home_path``; only ``token`` opens it, on ``port``."""
    from holdingspace.web.state import Journal

    app = FastAPI(docs_url=None, redoc_url=None, openapi_url=None)
    journal = Journal(home_path, clock, analyser_factory, kdf)
    guard = Guard(token, port, clock)
    app.state.web = Web.build(journal, guard)
    app.middleware("http")(_inside_guard)
    app.middleware("http")(guard)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    for area in (unlock, home, entries, checkins, calendar, library, safety, settings, help):
        app.include_router(area.router)
    app.include_router(insights.router)
    _handle_errors(app)
    return app


async def _inside_guard(request: Request, call_next: Handler) -> Response:
    """Runs after the guard let the request in: the idle lock, then a last net for errors."""
    web = web_of(request)
    web.journal.seen()
    try:
        return await call_next(request)
    except Exception as error:
        _log.error("unexpected %s on %s %s", type(error).__name__, request.method, request.url.path)
        message = msg.UNEXPECTED.format(kind=type(error).__name__)
        return web.page(request, "error.html", 500, message=message)


def _handle_errors(app: FastAPI) -> None:
    """The one place where an error becomes a page: it says what happened, never a traceback."""

    @app.exception_handler(FormRefused)
    async def form_refused(request: Request, error: FormRefused) -> Response:
        return refused(msg.FORM_CHECK_MISSING)

    @app.exception_handler(StaleForm)
    async def stale(request: Request, error: StaleForm) -> Response:
        return web_of(request).page(
            request,
            "stale.html",
            400,
            refresh=False,
            action=error.action,
            fields=error.fields,
            had_file=error.had_file,
        )

    @app.exception_handler(Locked)
    async def locked(request: Request, error: Locked) -> Response:
        return redirect("/unlock")

    @app.exception_handler(NotInitialised)
    async def not_initialised(request: Request, error: NotInitialised) -> Response:
        return redirect("/welcome")

    @app.exception_handler(HoldingspaceError)
    async def known(request: Request, error: HoldingspaceError) -> Response:
        status = 404 if isinstance(error, NotFound) else 400
        return web_of(request).page(request, "error.html", status, message=str(error))

    @app.exception_handler(RequestValidationError)
    async def unreadable(request: Request, error: RequestValidationError) -> Response:
        status, message = unreadable_request(error)
        if wants_json(request):
            return JSONResponse({"error": message}, status_code=status)
        return web_of(request).page(request, "error.html", status, message=message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException) -> Response:
        message = msg.NOT_FOUND if error.status_code == 404 else str(error.detail)
        return web_of(request).page(request, "error.html", error.status_code, message=message)


def unreadable_request(error: RequestValidationError) -> tuple[int, str]:
    """A part of the address that did not fit: a page that is not there (404) when it was the
    path, a request that could not be read (400) otherwise; one plain line either way."""
    problems = error.errors()
    first = problems[0] if problems else {}
    where = first.get("loc", ("query",))[0]
    value = first.get("input")
    if where == "path":
        return 404, msg.NOT_A_NUMBER.format(value=value) if value else msg.NOT_FOUND
    return 400, msg.UNREADABLE_REQUEST
