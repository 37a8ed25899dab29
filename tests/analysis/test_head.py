"""The head's arithmetic: many texts in one call give each text's own result, to the bit."""

from __future__ import annotations

import numpy as np
from tests.analysis.random_head import random_head

from holdingspace.analysis.head import Head

DIMENSION = 8
VOCABULARY = [f"word{i}" for i in range(50)]


def _head() -> Head:
    return random_head(VOCABULARY, DIMENSION, 0.7, {"network_share": 0.5})


def test_texts_scored_together_score_as_they_do_alone() -> None:
    head = _head()
    rng = np.random.default_rng(4)
    texts = [" ".join(rng.choice(VOCABULARY, size=int(rng.integers(0, 40)))) for _ in range(40)]
    embeddings = rng.standard_normal((len(texts), DIMENSION)).astype(np.float32)
    together = head.probabilities(embeddings, texts)
    alone = np.vstack([head.probabilities(embeddings[i : i + 1], [t]) for i, t in enumerate(texts)])
    assert together.tobytes() == alone.tobytes()


def test_the_word_part_is_the_features_times_the_weights() -> None:
    head = _head()
    texts = ["word1 word2 word3", "", "word7 word7 word40"]
    embeddings = np.random.default_rng(5).standard_normal((3, DIMENSION)).astype(np.float32)
    features = head.features(embeddings, texts).astype(np.float64)
    linear = features @ head.weights["lr_w"] + head.weights["lr_b"]
    hidden = np.maximum(features @ head.weights["mlp_w1"] + head.weights["mlp_b1"], 0)
    network = hidden @ head.weights["mlp_w2"] + head.weights["mlp_b2"]
    expected = 0.5 / (1 + np.exp(-linear)) + 0.5 / (1 + np.exp(-network))
    assert np.allclose(head.probabilities(embeddings, texts), expected, atol=1e-5)
