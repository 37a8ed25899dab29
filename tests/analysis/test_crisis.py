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
        "some nights i just want to disappear and never wake",
        "I can't stop thinking about hurting myself.",
        "I've been saving up my tablets in a sock drawer.",
        "Wrote goodbye letters to my kids last week.",
        "Burned my arm with the lighter again.",
        "My flatmate found the cuts on my legs this morning.",
        "Since the news I keep thinking that there's no point in me being here.",
        "I'm not sure I can keep myself safe this weekend.",
        "Lately I keep wishing I was dead.",
        "I wonder if anyone would notice if I was gone.",
        "He's on leave till March and the thoughts about ending it are louder.",
        "Some days I hope the biopsy comes back bad so it'll be over.",
        "I'd like to fall asleep and never have to come back up.",
        "Got in from work and cut.",
    ],
)
def test_indirect_wording_of_current_risk_is_flagged(sentence: str) -> None:
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
        "I wish I could disappear to a cabin for a week with no phone.",
        "Burned my hand on the oven making toast.",
        "She said her brother can't stop thinking about hurting himself.",
        "Two years self-harm free as of today.",
        "Reading that book made me think about death and how short life is.",
        "This queue makes me want to walk into the river, honestly.",
    ],
)
def test_figures_of_speech_past_history_and_other_people_are_not(sentence: str) -> None:
    assert not crisis_pattern(sentence)
