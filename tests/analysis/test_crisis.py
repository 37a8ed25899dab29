from __future__ import annotations

import pytest

from holdingspace.analysis.crisis import crisis_pattern


@pytest.mark.parametrize(
    "sentence",
    [
        "i wish i could just go to sleep and not wake up",
        "I've been having thoughts about killing myself since Friday.",
        "I have a plan and I've picked a date.",
        "The urge to hurt myself is really loud tonight.",
        "cut again last night, first time in months",
        "I don't want to be here anymore.",
        "Everyone would be better off without me.",
    ],
)
def test_current_risk_is_flagged(sentence: str) -> None:
    assert crisis_pattern(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "This deadline is killing me.",
        "I could die of embarrassment.",
        "I'm dying to know what she thought of my letter.",
        "My friend told me she wants to die and I don't know how to help her.",
        "Ten years ago I was suicidal, and now I'm in a good place.",
        "When I was a teenager I self-harmed, but I haven't in fifteen years.",
        "I'm not suicidal, just very sad that she's leaving.",
        "We made a plan for the summer break.",
        "I ended things with him after the holiday.",
    ],
)
def test_figures_of_speech_past_history_and_other_people_are_not(sentence: str) -> None:
    assert not crisis_pattern(sentence)
