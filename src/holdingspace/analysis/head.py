"""The trained classification head: small NumPy weights over embedding and word features.

`scripts/train.py` writes two files into `analysis/model/`: `head.json` (version, output
order, vocabulary, thresholds, cross-validated metrics) and `head.npz` (the weights of a
logistic regression per output and of a one-hidden-layer network, averaged as an
ensemble). Only NumPy is needed to use them.
"""

from __future__ import annotations

import json
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
        """A probability per output (columns in `outputs` order), one row per text.

        The same arithmetic as `features(...) @ weights`, done without large BLAS calls:
        the embedding part with einsum, the word part by summing the rows of the words
        present. On two cores, BLAS threads left spinning after a large product slow the
        encoder that runs next to a crawl.
        """
        dimension = embeddings.shape[1]
        first, bias = self._first_layer
        dense = np.einsum("nd,dk->nk", embeddings.astype(np.float32), first[:dimension])
        word_rows = first[dimension:]
        words = np.zeros_like(dense)
        for row, columns in enumerate(self.lexical.columns(texts)):
            if columns:
                scale = self.lexical_weight / np.sqrt(len(columns))
                words[row] = word_rows[columns].sum(axis=0) * np.float32(scale)
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


def _sigmoid(values: Matrix) -> Matrix:
    return (1.0 / (1.0 + np.exp(-np.clip(values, -30.0, 30.0)))).astype(np.float32)
