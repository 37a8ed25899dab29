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
    """Shape (outputs,): the highest of the sentence, pair and whole-text probabilities."""


def score_texts(head: Head, encode: Encode, texts: Sequence[str]) -> list[TextScores]:
    """Score many texts, encoding all their sentences in one batched call.

    Besides each sentence, the head scores the whole text and, when the head was trained
    for it (`context_pairs` in its metadata), each sentence together with the one before,
    so a sign that takes its meaning from the sentence before is heard.
    """
    split = [split_sentences(text) for text in texts]
    flat = [sentence.text for sentences in split for sentence in sentences]
    outputs = len(head.outputs)
    embeddings = encode(flat) if flat else np.zeros((0, 0), dtype=np.float32)
    sentence_probabilities = (
        head.probabilities(embeddings, flat) if flat else np.zeros((0, outputs), dtype=np.float32)
    )
    pairs = bool(head.metadata.get("context_pairs", False))
    # Per text, the rows of its combined units (whole text, pairs) among `unit_rows`.
    spans: list[tuple[int, int]] = []
    unit_rows: list[Matrix] = []
    unit_texts: list[str] = []
    offset = 0
    for text, sentences in zip(texts, split, strict=True):
        rows = embeddings[offset : offset + len(sentences)]
        first = len(unit_rows)
        if len(sentences) > 1:
            unit_rows.append(_mean_embedding(rows, sentences))
            unit_texts.append(text)
        if pairs and len(sentences) > 2:
            for i in range(1, len(sentences)):
                unit_rows.append(_mean_embedding(rows[i - 1 : i + 1], sentences[i - 1 : i + 1]))
                unit_texts.append(text[sentences[i - 1].start : sentences[i].end])
        spans.append((first, len(unit_rows)))
        offset += len(sentences)
    unit_probabilities = (
        head.probabilities(np.vstack(unit_rows), unit_texts)
        if unit_rows
        else np.zeros((0, outputs), dtype=np.float32)
    )
    results: list[TextScores] = []
    offset = 0
    for sentences, (first, last) in zip(split, spans, strict=True):
        rows = sentence_probabilities[offset : offset + len(sentences)]
        offset += len(sentences)
        best = (
            np.vstack([rows, unit_probabilities[first:last]]).max(axis=0)
            if sentences
            else (np.zeros(outputs, dtype=np.float32))
        )
        results.append(TextScores(sentences, rows, best))
    return results


def evidence_sentences(column: Matrix, threshold: float, limit: int) -> list[int]:
    """The sentences (indices, in text order) that carry an output best.

    The strongest sentence always; the next ones only while they clear the output's own
    threshold, so evidence points at the sentences that carry the sign, not at their
    neutral neighbours.
    """
    by_strength = sorted(range(len(column)), key=lambda i: -float(column[i]))
    chosen = by_strength[:1] + [i for i in by_strength[1:limit] if column[i] >= threshold]
    return sorted(chosen)


def _mean_embedding(rows: Matrix, sentences: list[Sentence]) -> Matrix:
    weights = np.array([max(1, len(s.text.split())) for s in sentences], dtype=np.float32)
    mean = (rows * weights[:, None]).sum(axis=0)
    norm = float(np.linalg.norm(mean))
    unit: Matrix = (mean / norm if norm > 0 else mean)[None, :].astype(np.float32)
    return unit
