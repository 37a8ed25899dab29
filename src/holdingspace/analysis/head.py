"""The trained classification head: small NumPy weights over embedding and word features.

`scripts/train.py` writes two files into `analysis/model/`: `head.json` (version, output
order, vocabulary, thresholds, cross-validated metrics) and `head.npz` (the weights of a
logistic regression per output and of a one-hidden-layer network, averaged as an
ensemble). Only NumPy is needed to use them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from pathlib import Path
from typing import Any, Final

import numpy as np
from numpy.typing import NDArray

from holdingspace.analysis.lexical_features import LexicalFeatures

CRISIS_OUTPUT: Final = "crisis"
HEAD_JSON: Final = "head.json"
HEAD_WEIGHTS: Final = "head.npz"

Matrix = NDArray[np.float32]


@dataclass(frozen=True)
class Head:
    """A trained head: turns embeddings and word features into a probability per output."""

    version: str
    outputs: tuple[str, ...]
    lexical: LexicalFeatures
    lexical_weight: float
    thresholds: Matrix
    weights: dict[str, Matrix]
    metadata: dict[str, Any]

    def features(self, embeddings: Matrix, texts: list[str]) -> Matrix:
        """Embedding and weighted word features side by side, one row per text (for training)."""
        words = self.lexical.transform(texts) * np.float32(self.lexical_weight)
        return np.hstack([embeddings.astype(np.float32), words])

    def probabilities(self, embeddings: Matrix, texts: list[str]) -> Matrix:
        """A probability per output (columns in `outputs` order), one row per text."""
        return self.probabilities_of(embeddings, self.lexical.columns(texts))

    def probabilities_of(self, embeddings: Matrix, word_columns: Sequence[Sequence[int]]) -> Matrix:
        """`probabilities`, given the vocabulary columns present in each text.

        The same arithmetic as `features(...) @ weights`, done without large BLAS calls:
        the embedding part with einsum, the word part by summing the rows of the words
        present. On two cores, BLAS threads left spinning after a large product slow the
        encoder that runs next to a crawl.
        """
        dimension = embeddings.shape[1]
        first, bias = self._first_layer
        dense = np.einsum("nd,dk->nk", embeddings.astype(np.float32), first[:dimension])
        words = _word_sums(self._word_rows, word_columns, self.lexical_weight)
        before = dense + words + bias
        outputs = len(self.outputs)
        linear = _sigmoid(before[:, :outputs])
        hidden = np.maximum(before[:, outputs:], 0.0)
        network = _sigmoid(
            np.einsum("nh,hk->nk", hidden, self.weights["mlp_w2"]) + self.weights["mlp_b2"]
        )
        blend = np.float32(self.metadata.get("network_share", 0.5))
        return ((1.0 - blend) * linear + blend * network).astype(np.float32)

    @cached_property
    def _first_layer(self) -> tuple[Matrix, Matrix]:
        """Both models' input weights side by side, and their biases."""
        first = np.hstack([self.weights["lr_w"], self.weights["mlp_w1"]])
        return first, np.concatenate([self.weights["lr_b"], self.weights["mlp_b1"]])

    @cached_property
    def _word_rows(self) -> Matrix:
        """The first layer's rows for the vocabulary, and a row of zeros after them."""
        first, _ = self._first_layer
        words = first[first.shape[0] - self.lexical.size :]
        return np.vstack([words, np.zeros((1, words.shape[1]), dtype=np.float32)])

    def threshold(self, output: str) -> float:
        return float(self.thresholds[self.outputs.index(output)])


def calibrate(probability: float, threshold: float) -> float:
    """Map a probability onto 0..1 so that the output's own threshold lands on 0.5."""
    if probability < threshold:
        return 0.5 * probability / threshold if threshold > 0 else 0.0
    return 0.5 + 0.5 * (probability - threshold) / (1.0 - threshold) if threshold < 1 else 1.0


def model_folder() -> Path:
    return Path(str(resources.files("holdingspace.analysis").joinpath("model")))


def load_head(folder: Path | None = None) -> Head | None:
    """The shipped head, or None when its files are missing or unreadable."""
    place = folder or model_folder()
    try:
        metadata = json.loads((place / HEAD_JSON).read_text(encoding="utf-8"))
        with np.load(place / HEAD_WEIGHTS) as archive:
            weights = {name: archive[name].astype(np.float32) for name in archive.files}
    except (OSError, ValueError, KeyError):
        return None
    outputs = tuple(metadata["outputs"])
    return Head(
        version=str(metadata["version"]),
        outputs=outputs,
        lexical=LexicalFeatures(metadata["vocabulary"]),
        lexical_weight=float(metadata["lexical_weight"]),
        thresholds=np.array([metadata["thresholds"][o] for o in outputs], dtype=np.float32),
        weights=weights,
        metadata=metadata,
    )


_ROWS_PER_BLOCK: Final = 16


def _word_sums(word_rows: Matrix, word_columns: Sequence[Sequence[int]], weight: float) -> Matrix:
    """Per text, the sum of the word rows of its columns times weight / sqrt(their number).

    Texts are summed in blocks of similar length, each padded with the zero row (the last
    of `word_rows`), and a block is summed over its leading axis so that every text's rows
    are added one after another in column order: the same float32 result, to the bit, as
    summing each text on its own.
    """
    sums = np.zeros((len(word_columns), word_rows.shape[1]), dtype=np.float32)
    counts = np.array([len(columns) for columns in word_columns], dtype=np.intp)
    order = [int(row) for row in np.argsort(counts, kind="stable") if counts[row]]
    zero_row = word_rows.shape[0] - 1
    for start in range(0, len(order), _ROWS_PER_BLOCK):
        block = order[start : start + _ROWS_PER_BLOCK]
        padded = np.full((int(counts[block[-1]]), len(block)), zero_row, dtype=np.intp)
        for position, row in enumerate(block):
            padded[: counts[row], position] = word_columns[row]
        sums[block] = word_rows[padded].sum(axis=0)
    scales = (weight / np.sqrt(np.maximum(counts, 1))).astype(np.float32)
    scaled: Matrix = sums * scales[:, None]
    return scaled


def _sigmoid(values: Matrix) -> Matrix:
    return (1.0 / (1.0 + np.exp(-np.clip(values, -30.0, 30.0)))).astype(np.float32)
