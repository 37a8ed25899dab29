"""Without the model package the analyser falls back to word patterns and says so."""

from __future__ import annotations

import pytest

from holdingspace.analysis import analyser as analyser_module
from holdingspace.analysis import encoder as encoder_module
from holdingspace.analysis.lexical import LexicalAnalyser


@pytest.fixture
def without_model(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoder_module, "load_encoder", lambda: None)


@pytest.mark.usefixtures("without_model")
def test_the_fallback_answers_and_says_it_is_limited() -> None:
    fallback = analyser_module.load_analyser()
    assert isinstance(fallback, LexicalAnalyser)
    analysis = fallback.analyse("My therapist is on holiday for three weeks and I miss her.")
    assert analysis.limited
    assert "missing" in analysis.labels
    assert "sensitivity_to_change" in analysis.labels


@pytest.mark.usefixtures("without_model")
def test_the_crisis_flag_works_without_the_model() -> None:
    fallback = analyser_module.load_analyser()
    assert fallback.analyse("I keep thinking about killing myself.").crisis
    assert not fallback.analyse("This commute is killing me.").crisis


@pytest.mark.usefixtures("without_model")
def test_the_fallback_stays_silent_about_other_people() -> None:
    analysis = analyser_module.load_analyser().analyse("I miss my sister so much since she moved.")
    assert analysis.labels == ()
