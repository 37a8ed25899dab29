"""Scoring: a text scores the best of its sentences, pairs and whole; evidence selection."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from tests.analysis.random_head import random_head

from holdingspace.analysis.head import Head
from holdingspace.analysis.scoring import Encode, evidence_sentences, score_texts
from holdingspace.analysis.sentences import split_sentences


def test_the_strongest_sentence_is_evidence_even_under_the_threshold() -> None:
    column = np.array([0.1, 0.3, 0.2], dtype=np.float32)
    assert evidence_sentences(column, threshold=0.5, limit=2) == [1]


def test_a_second_sentence_is_added_only_when_it_clears_the_threshold() -> None:
    column = np.array([0.7, 0.1, 0.9, 0.4], dtype=np.float32)
    assert evidence_sentences(column, threshold=0.5, limit=2) == [0, 2]
    assert evidence_sentences(column, threshold=0.8, limit=2) == [2]


def test_evidence_never_exceeds_the_limit() -> None:
    column = np.array([0.9, 0.8, 0.95], dtype=np.float32)
    assert evidence_sentences(column, threshold=0.5, limit=1) == [2]


def test_a_text_scores_the_best_of_its_sentences_pairs_and_whole() -> None:
    head = _head()
    text = "word1 word2. word3 word4 word5!\nword6 and word7 word1. word40"
    sentences = split_sentences(text)
    encode = _fake_encoder()
    embeddings = encode([s.text for s in sentences])
    weights = np.array([len(s.text.split()) for s in sentences], dtype=np.float32)[:, None]

    def unit(rows: slice) -> np.ndarray:
        mean = (embeddings[rows] * weights[rows]).sum(axis=0)
        row: np.ndarray = (mean / np.linalg.norm(mean))[None, :].astype(np.float32)
        return row

    spans = [slice(0, len(sentences))] + [slice(i - 1, i + 1) for i in range(1, len(sentences))]
    units = [
        (unit(rows), text[sentences[rows.start].start : sentences[rows.stop - 1].end])
        for rows in spans
    ]
    expected = np.vstack(
        [head.probabilities(embeddings, [s.text for s in sentences])]
        + [head.probabilities(row, [words]) for row, words in units]
    ).max(axis=0)
    (scores,) = score_texts(head, encode, [text])
    assert scores.probabilities.tobytes() == expected.tobytes()
    assert scores.sentences == sentences


def test_texts_scored_together_score_as_they_do_alone() -> None:
    head = _head()
    texts = ["word1 word2. word3 word4.", "", "word5", "word6! word7? word8 word9. word1"]
    together = score_texts(head, _fake_encoder(), texts)
    alone = [score_texts(head, _fake_encoder(), [text])[0] for text in texts]
    for one, other in zip(together, alone, strict=True):
        assert one.sentences == other.sentences
        assert one.probabilities.tobytes() == other.probabilities.tobytes()
        assert one.sentence_probabilities.tobytes() == other.sentence_probabilities.tobytes()


def _fake_encoder() -> Encode:
    """Fixed unit vectors per sentence, from a hash of its text."""

    def encode(texts: Sequence[str]) -> np.ndarray:
        rows = []
        for text in texts:
            seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "little")
            row = np.random.default_rng(seed).standard_normal(DIMENSION).astype(np.float32)
            rows.append(row / np.linalg.norm(row))
        return np.array(rows, dtype=np.float32).reshape(len(texts), DIMENSION)

    return encode


def _head() -> Head:
    vocabulary = [f"word{i}" for i in range(50)] + ["word1 word2", "word4 word5"]
    return random_head(vocabulary, DIMENSION, 1.0, {"network_share": 0.5, "context_pairs": True})


DIMENSION = 8
