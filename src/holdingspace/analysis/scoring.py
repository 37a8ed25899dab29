"""Sentence-level scoring and entry-level aggregation.

Each sentence is scored on its own, so a sign carried by one sentence among many is not
drowned by the rest. The whole text is scored too, from the word-weighted mean of its
sentence embeddings (no second pass through the encoder) and the words of the whole text,
so that a sign spread over two sentences ("She's going away. I feel sick.") is still heard.
An output's score for the text is the highest of these.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from holdingspace.analysis.head import Head, Matrix
from holdingspace.analysis.sentences import Sentence, split_sentences

Encode = Callable[[Sequence[str]], Matrix]


@dataclass(frozen=True)
class TextScores:
    """The scores of one text: per sentence, and aggregated over the text."""

    sentences: list[Sentence]
    sentence_probabilities: Matrix
    """Shape (sentences, outputs)."""
    probabilities: Matrix
    """Shape (outputs,): the highest of the sentence and whole-text probabilities."""


def score_texts(head: Head, encode: Encode, texts: Sequence[str]) -> list[TextScores]:
    """Score many texts, encoding all their sentences in one batched call."""
    split = [split_sentences(text) for text in texts]
    flat = [sentence.text for sentences in split for sentence in sentences]
    embeddings = encode(flat) if flat else np.zeros((0, 0), dtype=np.float32)
    sentence_probabilities = (
        head.probabilities(embeddings, flat)
        if flat
        else np.zeros((0, len(head.outputs)), dtype=np.float32)
    )
    whole_rows: list[Matrix] = []
    whole_texts: list[str] = []
    offset = 0
    for text, sentences in zip(texts, split, strict=True):
        if len(sentences) > 1:
            whole_rows.append(
                _mean_embedding(embeddings[offset : offset + len(sentences)], sentences)
            )
            whole_texts.append(text)
        offset += len(sentences)
    whole_probabilities = (
        head.probabilities(np.vstack(whole_rows), whole_texts)
        if whole_rows
        else np.zeros((0, len(head.outputs)), dtype=np.float32)
    )
    results: list[TextScores] = []
    offset = 0
    whole_index = 0
    for sentences in split:
        rows = sentence_probabilities[offset : offset + len(sentences)]
        offset += len(sentences)
        best = rows.max(axis=0) if sentences else np.zeros(len(head.outputs), dtype=np.float32)
        if len(sentences) > 1:
            best = np.maximum(best, whole_probabilities[whole_index])
            whole_index += 1
        results.append(TextScores(sentences, rows, best))
    return results


def _mean_embedding(rows: Matrix, sentences: list[Sentence]) -> Matrix:
    weights = np.array([max(1, len(s.text.split())) for s in sentences], dtype=np.float32)
    mean = (rows * weights[:, None]).sum(axis=0)
    norm = float(np.linalg.norm(mean))
    unit: Matrix = (mean / norm if norm > 0 else mean)[None, :].astype(np.float32)
    return unit
