"""What the web tests share: a fake analyser that needs no model, a clock the test moves, and
helpers that fill in a page's CSRF token the way a browser would."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fastapi.testclient import TestClient

from holdingspace.core.signs import Analysis, Evidence

TOKEN = "launch-token-for-tests"
PORT = 8765
BASE_URL = f"http://127.0.0.1:{PORT}"
WEB_PASSPHRASE = "lantern orchard velvet compass"

_CUES: dict[str, tuple[str, ...]] = {
    "missing": ("i miss", "counting the days"),
    "approval": ("think of me", "good client", "disappoint"),
    "wanting_more_contact": ("email her", "text her", "extra session"),
    "interference": ("can't focus", "cannot focus"),
    "sensitivity_to_change": ("holiday", "cancelled"),
}
_CRISIS_CUES = ("want to die", "not wake up", "end my life")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


class FakeAnalyser:
    """Finds signs by fixed phrases, sentence by sentence, with real evidence offsets."""

    version = "fake-1"
    limited = False

    def analyse(self, text: str) -> Analysis:
        evidence: list[Evidence] = []
        crisis = False
        for match in _SENTENCE.finditer(text):
            sentence = match.group().lower()
            crisis = crisis or any(cue in sentence for cue in _CRISIS_CUES)
            for label, cues in _CUES.items():
                if any(cue in sentence for cue in cues):
                    start = match.start() + (len(match.group()) - len(match.group().lstrip()))
                    evidence.append(Evidence(label, start, match.end()))
        labels = tuple(dict.fromkeys(e.label for e in evidence))
        return Analysis(
            labels=labels,
            scores={label: 0.9 for label in labels},
            crisis=crisis,
            crisis_score=0.95 if crisis else 0.01,
            evidence=tuple(evidence),
            model_version=self.version,
        )

    def analyse_many(self, texts: list[str]) -> list[Analysis]:
        return [self.analyse(text) for text in texts]


_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def csrf_of(html: str) -> str:
    found = _CSRF.search(html)
    assert found, "the page has no form with a CSRF token"
    return found.group(1)


def submit(
    client: TestClient,
    page: str,
    action: str,
    data: Mapping[str, str | list[str]] | None = None,
    files: dict[str, tuple[str, bytes, str]] | None = None,
) -> Any:
    """Open ``page``, take its CSRF token, and post ``data`` to ``action`` like its form does."""
    token = csrf_of(client.get(page).text)
    return client.post(action, data={**(data or {}), "csrf": token}, files=files)
