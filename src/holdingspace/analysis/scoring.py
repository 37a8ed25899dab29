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
from holdingspace.analysis.lexical_features import LexicalFeatures, SentenceTerms
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
    so a sign that takes its meaning from the sentence before is heard. These combined
    units reuse the sentences' embeddings and words, and everything goes through the head
    in one call.
    """
    split = [split_sentences(text) for text in texts]
    flat = [sentence.text for sentences in split for sentence in sentences]
    outputs = len(head.outputs)
    if not flat:
        empty = np.zeros((0, outputs), dtype=np.float32)
        return [TextScores([], empty, np.zeros(outputs, dtype=np.float32)) for _ in texts]
    embeddings = encode(flat)
    words = [head.lexical.sentence_terms(sentence) for sentence in flat]
    pairs = bool(head.metadata.get("context_pairs", False))
    # Per text, the rows of its combined units (whole text, pairs) after the sentence rows.
    spans: list[tuple[int, int]] = []
    unit_embeddings: list[Matrix] = []
    unit_columns: list[list[int]] = []
    offset = 0
    for sentences in split:
        first = len(unit_columns)
        if len(sentences) > 1:
            end = offset + len(sentences)
            with_pairs = pairs and len(sentences) > 2
            unit_embeddings.append(_unit_embeddings(embeddings[offset:end], sentences, with_pairs))
            unit_columns.extend(_unit_columns(head.lexical, words[offset:end], with_pairs))
        spans.append((first, len(unit_columns)))
        offset += len(sentences)
    probabilities = head.probabilities_of(
        np.concatenate([embeddings, *unit_embeddings]),
        [sorted(sentence.columns) for sentence in words] + unit_columns,
    )
    sentence_probabilities = probabilities[: len(flat)]
    unit_probabilities = probabilities[len(flat) :]
    results: list[TextScores] = []
    offset = 0
    for sentences, (first, last) in zip(split, spans, strict=True):
        rows = sentence_probabilities[offset : offset + len(sentences)]
        offset += len(sentences)
        if not sentences:
            results.append(TextScores(sentences, rows, np.zeros(outputs, dtype=np.float32)))
            continue
        best = rows.max(axis=0)
        if last > first:
            best = np.maximum(best, unit_probabilities[first:last].max(axis=0))
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


def _unit_embeddings(rows: Matrix, sentences: list[Sentence], with_pairs: bool) -> Matrix:
    """Unit-length word-weighted means of sentence embeddings: the whole text, then each pair."""
    weights = np.array([max(1, len(s.text.split())) for s in sentences], dtype=np.float32)
    weighted = rows * weights[:, None]
    sums = weighted.sum(axis=0)[None, :]
    if with_pairs:
        sums = np.concatenate([sums, weighted[:-1] + weighted[1:]])
    norms = np.array([np.sqrt(row.dot(row)) for row in sums], dtype=np.float32)
    units: Matrix = (sums / np.where(norms > 0, norms, 1)[:, None]).astype(np.float32)
    return units


def _unit_columns(
    lexical: LexicalFeatures, words: list[SentenceTerms], with_pairs: bool
) -> list[list[int]]:
    """The vocabulary columns of the whole text, then of each pair of sentences."""
    columns = [lexical.joined_columns(words)]
    if with_pairs:
        columns.extend(lexical.joined_columns(words[i - 1 : i + 1]) for i in range(1, len(words)))
    return columns
