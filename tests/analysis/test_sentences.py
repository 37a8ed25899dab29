from __future__ import annotations

import pytest

from holdingspace.analysis.sentences import LONG_PIECE_WORDS, split_sentences


def test_offsets_point_back_at_each_sentence() -> None:
    text = "I saw Dr. K today.  She was late!! I miss my T.\nok"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "I saw Dr. K today.",
        "She was late!!",
        "I miss my T.",
        "ok",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_line_breaks_end_a_sentence() -> None:
    assert [s.text for s in split_sentences("first line\n\nsecond line")] == [
        "first line",
        "second line",
    ]


def test_a_long_run_on_is_cut_at_its_joins() -> None:
    text = (
        "so today was weird i went to session and she said she would be away for two weeks in "
        "august and i just nodded like it was fine but i was not fine at all and then i went "
        "home and cried for hours, and i keep thinking about what she said about my mum"
    )
    sentences = split_sentences(text)
    assert len(sentences) >= 2
    assert all(len(s.text.split()) <= LONG_PIECE_WORDS for s in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)


@pytest.mark.parametrize("text", ["", "   ", "...", "?!"])
def test_text_without_words_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("We talked approx. an hour. Then home.", ["We talked approx. an hour.", "Then home."]),
        ("Saw Dr. Lee. Mr. Lee too.", ["Saw Dr. Lee.", "Mr. Lee too."]),
        ("It was odd.\nDr. Lee was away.", ["It was odd.", "Dr. Lee was away."]),
        ("I was tired e.g. today. Fine.", ["I was tired e.g. today.", "Fine."]),
        ("The colour was ochredr. Then rain.", ["The colour was ochredr.", "Then rain."]),
    ],
)
def test_a_full_stop_after_an_abbreviation_does_not_end_the_sentence(
    text: str, pieces: list[str]
) -> None:
    assert [s.text for s in split_sentences(text)] == pieces
