"""The guard in front of every route: a local app must not trust "it only listens on 127.0.0.1".

Other local users, pages on other local ports and DNS rebinding can all reach a loopback port,
so every request must pass, in order:

1. **Host**: exactly ``127.0.0.1:PORT`` or ``localhost:PORT`` (defeats DNS rebinding).
2. **Fetch metadata**: ``Sec-Fetch-Site`` absent, ``same-origin`` or ``none`` (a page on another
   local port is *same-site*, and is refused too); on POST, ``Origin`` absent or this origin
   (or ``null``, which browsers send under no-referrer, together with ``same-origin``).
3. **Who**: the random per-launch token in the address ``serve`` opens (as Jupyter does) is
   swapped once for an HttpOnly, SameSite=Strict session cookie and dropped from the address
   by a redirect; every later request needs that cookie.
4. **Forms**: every POST carries a CSRF token bound to the session (checked in forms.py).

Every response then gets the security headers: a strict Content-Security-Policy, nosniff,
no-referrer, no framing, and no-store caching.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response

from holdingspace.web import messages as msg

SESSION_COOKIE: Final = "holdingspace_session"
TOKEN_PARAM: Final = "token"  # noqa: S105 - the name of a query parameter
CSRF_FIELD: Final = "csrf"
CSRF_MAX_AGE_SECONDS: Final = 12 * 60 * 60
MAX_BODY_BYTES: Final = 4 * 1024 * 1024
SAFE_METHODS: Final = frozenset({"GET", "HEAD", "OPTIONS"})
ALLOWED_FETCH_SITES: Final = frozenset({"same-origin", "none"})

CONTENT_SECURITY_POLICY: Final = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'"
)
SECURITY_HEADERS: Final[dict[str, str]] = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
    "Cache-Control": "no-store",
}

Handler = Callable[[Request], Awaitable[Response]]


class CsrfCheck:
    VALID = "valid"
    MISSING = "missing"
    STALE = "stale"


@dataclass
class Guard:
    token: str
    port: int
    clock: Callable[[], datetime]
    sessions: set[str] = field(default_factory=set)
    _csrf_key: bytes = field(default_factory=lambda: secrets.token_bytes(32), repr=False)

    @property
    def hosts(self) -> frozenset[str]:
        return frozenset({f"127.0.0.1:{self.port}", f"localhost:{self.port}"})

    @property
    def origins(self) -> frozenset[str]:
        return frozenset(f"http://{host}" for host in self.hosts)

    # --- CSRF ------------------------------------------------------------------------------

    def csrf_token(self, session: str) -> str:
        issued = str(int(self.clock().timestamp()))
        return f"{issued}.{self._sign(session, issued)}"

    def check_csrf(self, session: str, given: str | None) -> str:
        if not given:
            return CsrfCheck.MISSING
        issued, _, signature = given.partition(".")
        if not issued.isdigit() or not hmac.compare_digest(signature, self._sign(session, issued)):
            return CsrfCheck.STALE
        age = self.clock().timestamp() - int(issued)
        return CsrfCheck.VALID if 0 <= age <= CSRF_MAX_AGE_SECONDS else CsrfCheck.STALE

    def _sign(self, session: str, issued: str) -> str:
        message = f"{session}|{issued}".encode()
        return hmac.new(self._csrf_key, message, hashlib.sha256).hexdigest()

    # --- the middleware --------------------------------------------------------------------

    async def __call__(self, request: Request, call_next: Handler) -> Response:
        response = await self._checked(request, call_next)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    async def _checked(self, request: Request, call_next: Handler) -> Response:
        if request.headers.get("host", "") not in self.hosts:
            return refused(msg.WRONG_HOST, 400)
        if not self._same_origin(request):
            return refused(msg.CROSS_SITE)
        length = request.headers.get("content-length", "0")
        if not length.isdigit() or int(length) > MAX_BODY_BYTES:
            return refused(msg.TOO_LARGE.format(limit=MAX_BODY_BYTES // 2**20), 413)
        given = request.query_params.get(TOKEN_PARAM)
        if given is not None:
            return self._exchange(request, given)
        session = request.cookies.get(SESSION_COOKIE, "")
        if session not in self.sessions:
            return refused(msg.REFUSED)
        request.state.session = session
        return await call_next(request)

    def _same_origin(self, request: Request) -> bool:
        site = request.headers.get("sec-fetch-site")
        if site is not None and site not in ALLOWED_FETCH_SITES:
            return False
        origin = request.headers.get("origin")
        if request.method in SAFE_METHODS or origin is None or origin in self.origins:
            return True
        # With Referrer-Policy: no-referrer a browser sends "Origin: null" on its own form posts;
        # then only its Sec-Fetch-Site (which no page can forge) can vouch for them.
        return origin == "null" and site == "same-origin"

    def _exchange(self, request: Request, given: str) -> Response:
        """The launch token, once: a session cookie, and the same address without the token."""
        if request.method != "GET" or not hmac.compare_digest(given, self.token):
            return refused(msg.REFUSED)
        session = secrets.token_urlsafe(32)
        self.sessions.add(session)
        rest = [(k, v) for k, v in request.query_params.multi_items() if k != TOKEN_PARAM]
        target = request.url.path + (f"?{urlencode(rest)}" if rest else "")
        response = RedirectResponse(target, status_code=303)
        response.set_cookie(
            SESSION_COOKIE, session, httponly=True, samesite="strict", path="/", secure=False
        )
        return response


def refused(message: str, status: int = 403) -> Response:
    """A plain refusal: it says why, and carries nothing from the journal."""
    return PlainTextResponse(message, status_code=status)
