"""A small head with seeded random weights, for tests of the head's and scoring's arithmetic."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from holdingspace.analysis.head import Head
from holdingspace.analysis.lexical_features import LexicalFeatures

OUTPUTS = ("a", "b", "crisis")
HIDDEN = 5


def random_head(
    vocabulary: Sequence[str],
    dimension: int,
    lexical_weight: float,
    metadata: Mapping[str, Any],
) -> Head:
    rng = np.random.default_rng(3)

    def weights(*shape: int) -> np.ndarray:
        return rng.standard_normal(shape).astype(np.float32)

    size = dimension + len(vocabulary)
    return Head(
        version="test",
        outputs=OUTPUTS,
        lexical=LexicalFeatures(list(vocabulary)),
        lexical_weight=lexical_weight,
        thresholds=np.full(len(OUTPUTS), 0.5, dtype=np.float32),
        weights={
            "lr_w": weights(size, len(OUTPUTS)),
            "lr_b": weights(len(OUTPUTS)),
            "mlp_w1": weights(size, HIDDEN),
            "mlp_b1": weights(HIDDEN),
            "mlp_w2": weights(HIDDEN, len(OUTPUTS)),
            "mlp_b2": weights(len(OUTPUTS)),
        },
        metadata=dict(metadata),
    )
