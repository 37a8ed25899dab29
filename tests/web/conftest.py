"""Fixtures for the web app, built in-process: no socket, a cheap key derivation, a fake model."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from tests.support import FIXED_NOW, Clock
from tests.web.web_support import BASE_URL, PORT, TOKEN, WEB_PASSPHRASE, FakeAnalyser

from holdingspace.store.keys import KdfParams
from holdingspace.web.app import create_app

FAST_KDF = KdfParams(memory_kib=1024, time_cost=1)
"""Tests only: the real default (64 MiB, 3 passes) is exercised by the store's own tests."""


@pytest.fixture
def clock() -> Clock:
    return Clock(FIXED_NOW)


@pytest.fixture
def web_app(home: Path, clock: Clock) -> FastAPI:
    return create_app(
        home, token=TOKEN, port=PORT, clock=clock, analyser_factory=FakeAnalyser, kdf=FAST_KDF
    )


@pytest.fixture
def stranger(web_app: FastAPI) -> Iterator[TestClient]:
    """A client that never opened the launch address."""
    with TestClient(web_app, base_url=BASE_URL, follow_redirects=False) as client:
        yield client


@pytest.fixture
def browser(web_app: FastAPI) -> Iterator[TestClient]:
    """A client that opened the launch address, so it holds the session cookie."""
    with TestClient(web_app, base_url=BASE_URL, follow_redirects=True) as client:
        assert client.get(f"/?token={TOKEN}").status_code == 200
        yield client


@pytest.fixture
def unlocked(browser: TestClient) -> TestClient:
    """A client with a newly created, unlocked journal."""
    from tests.web.web_support import submit

    created = submit(
        browser,
        "/welcome",
        "/welcome",
        {"passphrase": WEB_PASSPHRASE, "repeat": WEB_PASSPHRASE},
    )
    assert created.status_code == 200, created.text
    assert "Welcome to your journal" in created.text
    return browser
