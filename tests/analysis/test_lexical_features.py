"""Word features: folding, terms, and the columns of sentences read together."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from holdingspace.analysis.lexical_features import LexicalFeatures, terms, tokens
from holdingspace.analysis.sentences import split_sentences


def test_names_for_the_therapist_and_for_others_are_folded() -> None:
    folded, away = tokens("My T’s room, my counsellor and my mum's car. The T was late.")
    assert folded == [
        "my", "<ther>'s", "room", "my", "<ther>", "and", "my", "<other>'s", "car",
        "the", "<ther>", "was", "late",
    ]  # fmt: skip
    assert away == ["t's", "counsellor", "mum's", "t"]


def test_a_letter_t_not_after_my_our_or_the_stays_a_letter() -> None:
    assert tokens("a t shirt")[0] == ["a", "t", "shirt"]


def test_terms_are_words_then_pairs_then_the_words_folded_away() -> None:
    assert terms("miss my therapist") == [
        "miss", "my", "<ther>", "miss my", "my <ther>", "therapist",
    ]  # fmt: skip


_PIECES = st.sampled_from(
    [" ", "  ", "\n", ".", "!", "?", "…", "'", "’", ",", ";", " and ", " but ", " - ", "Dr.",
     "my", "our", "the", "t", "T's", "therapist", "mum's", "word", "İ", "0", "ok", "then"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=60).map("".join))
def test_columns_of_sentences_together_match_the_text_they_make(text: str) -> None:
    sentences = split_sentences(text)
    runs = [(0, len(sentences))] + [(i - 1, i + 1) for i in range(1, len(sentences))]
    spans = [text[sentences[a].start : sentences[b - 1].end] for a, b in runs if b > a]
    vocabulary = sorted({term for span in [text, *spans] for term in terms(span)})
    features = LexicalFeatures(vocabulary)
    words = [features.sentence_terms(sentence.text) for sentence in sentences]
    joined = [features.joined_columns(words[a:b]) for a, b in runs if b > a]
    assert joined == features.columns(spans)
    assert [sorted(w.columns) for w in words] == features.columns(s.text for s in sentences)
