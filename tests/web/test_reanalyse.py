"""The settings section for re-reading entries that an earlier version of the analysis read."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.support import Clock
from tests.web.web_support import FakeAnalyser, csrf_of, submit

SECTION = 'action="/settings/reanalyse"'
TWO_STALE = "2 entries were read by an earlier version of the analysis"


def write(client: TestClient, clock: Clock, text: str) -> None:
    clock.advance(minutes=1)
    assert submit(client, "/write", "/write", {"text": text, "kind": "journal"}).status_code == 200


def listed(client: TestClient) -> list[dict[str, object]]:
    entries = client.get("/journal?format=json").json()["entries"]
    assert isinstance(entries, list)
    return entries


@pytest.fixture
def two_stale(unlocked: TestClient, clock: Clock, monkeypatch: pytest.MonkeyPatch) -> TestClient:
    """Two entries read by fake-1, one by fake-2, and fake-2 now the current version."""
    write(unlocked, clock, "I miss her so much this week.")
    write(unlocked, clock, "The holiday break starts soon.")
    monkeypatch.setattr(FakeAnalyser, "version", "fake-2")
    write(unlocked, clock, "An ordinary day at work.")
    return unlocked


def test_the_section_shows_only_when_some_entries_are_stale(
    unlocked: TestClient, clock: Clock, monkeypatch: pytest.MonkeyPatch
) -> None:
    write(unlocked, clock, "I miss her so much this week.")
    assert SECTION not in unlocked.get("/settings").text
    monkeypatch.setattr(FakeAnalyser, "version", "fake-2")
    page = unlocked.get("/settings").text
    assert SECTION in page
    assert "One entry was read by an earlier version of the analysis" in page


def test_stale_entries_are_counted_and_reread(two_stale: TestClient) -> None:
    page = two_stale.get("/settings").text
    assert SECTION in page
    assert TWO_STALE in page
    before = listed(two_stale)

    done = submit(two_stale, "/settings", "/settings/reanalyse")

    assert done.url.path == "/settings"
    assert "re-read with the current version of the analysis" in done.text
    assert SECTION not in done.text
    assert listed(two_stale) == before  # the same dates and signs


def test_rereading_needs_the_form_token(two_stale: TestClient) -> None:
    refused = two_stale.post("/settings/reanalyse", data={})
    assert refused.status_code == 403
    forged = two_stale.post("/settings/reanalyse", data={"csrf": "1700000000.0000"})
    assert forged.status_code == 400
    assert TWO_STALE in two_stale.get("/settings").text


def test_the_lexical_fallback_hides_the_section_and_refuses_a_post(
    two_stale: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    token = csrf_of(two_stale.get("/settings").text)
    monkeypatch.setattr(FakeAnalyser, "limited", True)

    assert SECTION not in two_stale.get("/settings").text
    refused = two_stale.post("/settings/reanalyse", data={"csrf": token})
    assert refused.status_code == 400
    assert "Re-reading needs the on-device language model" in refused.text
