"""The guard: launch token, session cookie, Host, fetch metadata, CSRF, headers, and a locked
app that shows nothing personal anywhere."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from starlette.routing import BaseRoute, Mount
from tests.support import Clock
from tests.web.web_support import BASE_URL, TOKEN, csrf_of, submit

from holdingspace.web.security import CONTENT_SECURITY_POLICY, SESSION_COOKIE

SAMPLE_PARAMS = {"entry_id": "1", "session_id": "1", "break_id": "1", "topic_id": "missing"}
MARKER = "zebra-quince-4417"


def _flattened(routes: Sequence[BaseRoute]) -> Iterator[BaseRoute]:
    """Routes, with included routers opened up (newer FastAPI keeps them as one wrapper)."""
    for route in routes:
        inner = getattr(route, "original_router", None)
        if inner is not None:
            yield from _flattened(inner.routes)
        else:
            yield route


def every_route(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) for every route the app serves, with sample values for path parameters."""
    found: list[tuple[str, str]] = []
    for route in _flattened(app.routes):
        if isinstance(route, APIRoute):
            path = route.path
            for name, value in SAMPLE_PARAMS.items():
                path = path.replace("{" + name + "}", value)
            assert "{" not in path, f"no sample value for a parameter of {route.path}"
            found.extend((method, path) for method in sorted(route.methods or ()))
        elif isinstance(route, Mount):
            found.append(("GET", route.path + "/style.css"))
    return found


def get_routes(app: FastAPI) -> list[str]:
    return [path for method, path in every_route(app) if method == "GET"]


def post_routes(app: FastAPI) -> list[str]:
    return [path for method, path in every_route(app) if method == "POST"]


def test_the_walk_covers_the_app(web_app: FastAPI) -> None:
    assert len(get_routes(web_app)) >= 20
    assert len(post_routes(web_app)) >= 20


def test_every_route_refuses_a_request_without_the_launch_token_or_session(
    web_app: FastAPI, stranger: TestClient
) -> None:
    for method, path in every_route(web_app):
        response = stranger.request(method, path, data={"text": "hello"})
        assert response.status_code == 403, (method, path)
        assert "holdingspace serve" in response.text


def test_a_wrong_launch_token_or_forged_cookie_is_refused(stranger: TestClient) -> None:
    assert stranger.get("/?token=guess").status_code == 403
    stranger.cookies.set(SESSION_COOKIE, "made-up")
    assert stranger.get("/").status_code == 403


def test_the_token_becomes_a_strict_http_only_cookie_and_leaves_the_address(
    stranger: TestClient,
) -> None:
    response = stranger.get(f"/library?q=missing&token={TOKEN}")
    assert response.status_code == 303
    assert response.headers["location"] == "/library?q=missing"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie
    assert "samesite=strict" in cookie
    assert "path=/" in cookie
    assert TOKEN.lower() not in cookie
    assert stranger.get("/library").status_code == 200


@pytest.mark.parametrize(
    "host", ["evil.example:8765", "127.0.0.1:9999", "localhost", "127.0.0.1", "[::1]:8765"]
)
def test_a_wrong_host_header_is_refused(browser: TestClient, host: str) -> None:
    response = browser.get("/library", headers={"host": host})
    assert response.status_code == 400
    assert "Library" not in response.text


def test_localhost_with_the_right_port_is_accepted(browser: TestClient) -> None:
    assert browser.get("/library", headers={"host": "localhost:8765"}).status_code == 200


def test_a_cross_site_form_post_from_another_local_port_is_refused(
    unlocked: TestClient,
) -> None:
    token = csrf_of(unlocked.get("/write").text)
    attack = {"text": f"planted {MARKER}", "kind": "journal", "csrf": token}
    for headers in (
        {"origin": "http://127.0.0.1:9000", "sec-fetch-site": "same-site"},
        {"origin": "http://127.0.0.1:9000"},
        {"sec-fetch-site": "cross-site"},
        {"origin": "null"},
        {"origin": "null", "sec-fetch-site": "cross-site"},
    ):
        response = unlocked.post("/write", data=attack, headers=headers)
        assert response.status_code == 403, headers
    assert MARKER not in unlocked.get("/journal?q=planted").text
    assert "0 entries" in unlocked.get("/journal").text


@pytest.mark.parametrize("origin", [BASE_URL, "null"])
def test_a_same_origin_post_with_browser_headers_is_accepted(
    unlocked: TestClient, origin: str
) -> None:
    """Under no-referrer, Chromium sends "Origin: null" with its own same-origin form posts."""
    token = csrf_of(unlocked.get("/write").text)
    response = unlocked.post(
        "/write",
        data={"text": "An ordinary day.", "kind": "journal", "csrf": token},
        headers={"origin": origin, "sec-fetch-site": "same-origin"},
    )
    assert response.status_code == 200
    assert "An ordinary day." in response.text


def test_a_cross_site_navigation_is_refused(browser: TestClient) -> None:
    assert browser.get("/", headers={"sec-fetch-site": "cross-site"}).status_code == 403


def test_every_form_post_without_its_csrf_token_is_refused(
    web_app: FastAPI, unlocked: TestClient
) -> None:
    for path in post_routes(web_app):
        response = unlocked.post(path, data={"text": f"no token {MARKER}", "confirm": "x"})
        assert response.status_code == 403, path
    assert "0 entries" in unlocked.get("/journal").text


def test_a_stale_form_says_so_and_gives_the_words_back(unlocked: TestClient) -> None:
    words = "Words typed before the page went stale <and kept>."
    response = unlocked.post(
        "/write", data={"text": words, "kind": "letter", "csrf": "1700000000.0000"}
    )
    assert response.status_code == 400
    assert "still here" in response.text
    assert "Words typed before the page went stale &lt;and kept&gt;." in response.text
    assert 'name="kind" value="letter"' in response.text
    again = unlocked.post(
        "/write", data={"text": words, "kind": "letter", "csrf": csrf_of(response.text)}
    )
    assert again.status_code == 200
    assert "Unsent letter" in again.text


def test_a_csrf_token_expires(web_app: FastAPI, clock: Clock) -> None:
    guard = web_app.state.web.guard
    token = guard.csrf_token("session-a")
    assert guard.check_csrf("session-a", token) == "valid"
    assert guard.check_csrf("session-b", token) == "stale"
    clock.advance(hours=13)
    assert guard.check_csrf("session-a", token) == "stale"


def test_pages_carry_the_security_headers(
    web_app: FastAPI, unlocked: TestClient, stranger: TestClient
) -> None:
    responses = [unlocked.get(path, follow_redirects=False) for path in get_routes(web_app)]
    responses.append(stranger.get("/"))
    for response in responses:
        headers = response.headers
        assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["cache-control"] == "no-store"
        assert headers["x-frame-options"] == "DENY"


def test_nothing_loads_from_anywhere_but_the_app(web_app: FastAPI, unlocked: TestClient) -> None:
    attribute = re.compile(r'<(?:script|link|img|iframe)[^>]*?(?:src|href)="([^"]+)"')
    for path in get_routes(web_app):
        for address in attribute.findall(unlocked.get(path).text):
            assert address.startswith(("/", "data:")), (path, address)


def _fill_journal(client: TestClient) -> None:
    submit(client, "/write", "/write", {"text": f"I miss her. {MARKER}", "kind": "journal"})
    submit(client, "/write", "/write/draft", {"text": f"draft {MARKER}"})
    submit(
        client,
        "/calendar",
        "/calendar/sessions",
        {"when": "2026-11-20T10:00", "status": "held", "note": MARKER},
    )
    submit(
        client,
        "/calendar",
        "/calendar/breaks",
        {"from": "2026-12-20", "to": "2027-01-04", "reason": "holiday", "note": MARKER},
    )
    submit(client, "/safety-plan/edit", "/safety-plan/edit", {"reasons_for_living": MARKER})
    submit(client, "/settings", "/settings/region", {"region": "GB"})


def test_a_locked_app_serves_no_personal_data_on_any_route(
    web_app: FastAPI, unlocked: TestClient
) -> None:
    _fill_journal(unlocked)
    assert MARKER in unlocked.get("/journal/1").text
    assert MARKER in unlocked.get("/help").text
    assert "Samaritans" in unlocked.get("/help").text
    lock_token = csrf_of(unlocked.get("/").text)
    assert unlocked.post("/lock", data={"csrf": lock_token}).url.path == "/unlock"
    token = csrf_of(unlocked.get("/unlock").text)
    for path in get_routes(web_app):
        for suffix in ("", "?format=json"):
            response = unlocked.get(path + suffix)
            assert MARKER not in response.text, path
            assert "Samaritans" not in response.text, path
    for path in post_routes(web_app):
        if path in {"/unlock", "/welcome"}:
            continue
        response = unlocked.post(path, data={"csrf": token, "format": "json"})
        assert MARKER not in response.text, path
        assert response.headers.get("content-disposition") is None, path


def test_the_idle_lock_drops_the_journal(unlocked: TestClient, clock: Clock) -> None:
    submit(unlocked, "/write", "/write", {"text": f"kept safe {MARKER}", "kind": "journal"})
    clock.advance(minutes=16)
    response = unlocked.get("/journal/1")
    assert response.url.path == "/unlock"
    assert "locked itself" in response.text
    assert MARKER not in response.text


def test_pages_left_open_refresh_after_the_idle_time(unlocked: TestClient) -> None:
    home = unlocked.get("/").text
    assert f'data-idle-seconds="{15 * 60 + 5}"' in home
    assert '<script src="/static/idle.js"' in home
    assert "data-idle-seconds" not in unlocked.get("/write").text


def test_the_server_listens_on_loopback_without_an_access_log(web_app: FastAPI) -> None:
    from holdingspace.web.server import server_config

    config = server_config(web_app, 8123)
    assert config.host == "127.0.0.1"
    assert config.access_log is False


def test_serve_offers_no_host_option() -> None:
    import typer
    from typer.testing import CliRunner

    from holdingspace.cli import web

    app = typer.Typer()
    web.register(app)

    @app.command()
    def other() -> None:
        """Keeps typer from flattening the single command."""

    result = CliRunner().invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output
    assert "--no-browser" in result.output
    assert "--host" not in result.output


def test_serve_says_plainly_when_the_port_is_taken() -> None:
    import socket

    from holdingspace.cli.web import _check_free
    from holdingspace.core.errors import InvalidInput

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(InvalidInput, match="already in use"):
            _check_free("127.0.0.1", port)
