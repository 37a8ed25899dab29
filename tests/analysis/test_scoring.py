"""Evidence selection: the strongest sentence, and others only while they clear the threshold."""

from __future__ import annotations

import numpy as np

from holdingspace.analysis.scoring import evidence_sentences


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
