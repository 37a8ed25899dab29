"""The trained analyser: the obvious case of each sign, silence on hard negatives, evidence."""

from __future__ import annotations

import pytest

from holdingspace.core.labels import LABELS
from holdingspace.core.signs import Analyser

OBVIOUS = {
    "approval": (
        "I really want my therapist to be proud of me, I need her to think I'm a good client."
    ),
    "sensitivity_to_change": (
        "My counsellor just cancelled next week's session and I feel sick about it."
    ),
    "wanting_more_contact": (
        "I wish I could text my therapist between sessions, once a week isn't enough."
    ),
    "embarrassment": "It's so pathetic how attached I am to my therapist, I'm a grown adult.",
    "loyalty": "I'd never want to start over with a new therapist, I trust mine completely.",
    "missing": "I miss my therapist so much, I'm counting the days until Thursday.",
    "safe_space": "My therapist's room is the only place where I feel truly safe to be myself.",
    "warm_feelings": "I feel so much warmth and gratitude towards my therapist, she really cares.",
    "uncomfortable_feelings": "I'm terrified my therapist will get tired of me and give up on me.",
    "romantic_feelings": "I think I have a crush on my therapist, I keep imagining dating him.",
    "interference": "I spent all night looking my therapist up online and couldn't focus at work.",
}


HARD_NEGATIVES = [
    "Therapy today was about my sleep routine; we set a goal to stop scrolling at night.",
    "I miss my sister so much since she moved to Canada.",
    "My boss's approval matters far too much to me.",
    "My physio cancelled my appointment again, annoying.",
    "Made pasta, watched a film and went to bed early.",
    "This deadline is killing me.",
]


@pytest.mark.parametrize(("label", "text"), OBVIOUS.items())
def test_the_obvious_case_of_each_label_is_found(analyser: Analyser, label: str, text: str) -> None:
    analysis = analyser.analyse(text)
    assert label in analysis.labels
    assert analysis.scores[label] >= 0.5
    assert not analysis.crisis


@pytest.mark.parametrize(
    "text",
    [
        *HARD_NEGATIVES,
        "My best friend is the only person I feel safe with.",
        "I could die of embarrassment after that meeting.",
    ],
)
def test_hard_negatives_and_figures_of_speech_stay_silent(analyser: Analyser, text: str) -> None:
    analysis = analyser.analyse(text)
    assert analysis.labels == ()
    assert not analysis.crisis


@pytest.mark.parametrize(
    "text",
    [
        "I wish I could go to sleep and never wake up.",
        "Since she left for her holiday I've been thinking about ending my life.",
        "I cut myself again last night.",
    ],
)
def test_the_obvious_crisis_is_flagged(analyser: Analyser, text: str) -> None:
    analysis = analyser.analyse(text)
    assert analysis.crisis
    assert analysis.crisis_score >= 0.5


def test_evidence_points_at_the_sentence_that_carries_the_sign(analyser: Analyser) -> None:
    sign = "I keep counting the days until I see my therapist again, I miss her so much."
    text = f"Work was long today. I made soup for dinner. {sign} Then I went to bed."
    analysis = analyser.analyse(text)
    assert "missing" in analysis.labels
    spans = [e for e in analysis.evidence if e.label == "missing"]
    assert spans
    assert all(text[e.start : e.end] == sign for e in spans)


def test_scores_cover_all_eleven_labels_and_record_the_model(analyser: Analyser) -> None:
    analysis = analyser.analyse("Just a quiet day.")
    assert set(analysis.scores) == set(LABELS)
    assert analysis.model_version == analyser.version
    assert not analysis.limited


def test_many_texts_match_one_at_a_time(analyser: Analyser) -> None:
    texts = [OBVIOUS["missing"], HARD_NEGATIVES[0], ""]
    together = analyser.analyse_many(texts)
    alone = [analyser.analyse(t) for t in texts]
    assert [a.labels for a in together] == [a.labels for a in alone]
    assert together[2].labels == ()
