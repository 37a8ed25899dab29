"""The head's arithmetic: many texts in one call give each text's own result, to the bit."""

from __future__ import annotations

import numpy as np

from holdingspace.analysis.head import Head
from holdingspace.analysis.lexical_features import LexicalFeatures

DIMENSION = 8
VOCABULARY = [f"word{i}" for i in range(50)]


def _head() -> Head:
    rng = np.random.default_rng(3)
    outputs = ("a", "b", "crisis")
    hidden = 5

    def weights(*shape: int) -> np.ndarray:
        return rng.standard_normal(shape).astype(np.float32)

    return Head(
        version="test",
        outputs=outputs,
        lexical=LexicalFeatures(VOCABULARY),
        lexical_weight=0.7,
        thresholds=np.full(len(outputs), 0.5, dtype=np.float32),
        weights={
            "lr_w": weights(DIMENSION + len(VOCABULARY), len(outputs)),
            "lr_b": weights(len(outputs)),
            "mlp_w1": weights(DIMENSION + len(VOCABULARY), hidden),
            "mlp_b1": weights(hidden),
            "mlp_w2": weights(hidden, len(outputs)),
            "mlp_b2": weights(len(outputs)),
        },
        metadata={"network_share": 0.5},
    )


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
