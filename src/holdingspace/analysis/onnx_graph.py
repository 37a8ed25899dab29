"""Build the MiniLM sentence encoder as an ONNX graph, straight from its safetensors weights.

The graph is the transformer of a BERT encoder (the layout of Hugging Face's ``BertModel``),
from the embeddings' layer normalisation to the last layer's token states. The steps either
side are cheap and done by the caller in NumPy (see ``encoder``): looking up each token's
word and position rows before, mean pooling and unit length after. That lets the caller
pack several sentences into one sequence, each attending only to itself through
``attention_bias``, so a batch costs what its real tokens cost, and the runtime sees only a
few distinct input shapes. Only ``onnx`` and ``numpy`` are needed to build it, and it uses
standard operators only (the application runs it with OpenVINO, which fuses the attention
steps itself).

Inputs: ``token_vectors``, float32 (batch, sequence, hidden): each token's word row plus its
position row (see ``input_tables``); ``attention_bias``, float32 (batch, 1, sequence,
sequence): 0 where a token may attend to another, ``-PADDING_PENALTY`` where it may not.
Output: ``token_states``, float32 (batch, sequence, hidden).
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from onnx import ModelProto

    Weights = dict[str, npt.NDArray[np.float32]]

GRAPH_REVISION = 5
"""Raised whenever the graph built here changes, so cached copies are rebuilt."""

_OPSET = 20
PADDING_PENALTY = 10000.0
"""How far below the allowed scores a masked one sits, as in BERT's own extended mask."""


@dataclass(frozen=True, slots=True)
class BertShape:
    hidden: int
    heads: int
    layers: int
    layer_norm_eps: float

    @classmethod
    def from_config(cls, config_path: Path) -> BertShape:
        config = json.loads(config_path.read_text(encoding="utf-8"))
        if config.get("hidden_act") != "gelu":
            raise ValueError(f"unsupported activation {config.get('hidden_act')!r}")
        return cls(
            hidden=int(config["hidden_size"]),
            heads=int(config["num_attention_heads"]),
            layers=int(config["num_hidden_layers"]),
            layer_norm_eps=float(config["layer_norm_eps"]),
        )


class _GraphWriter:
    """Collects nodes and initialisers with unique names while the graph is laid out."""

    def __init__(self) -> None:
        self.nodes: list[Any] = []
        self.initializers: list[Any] = []
        self._count = 0

    def constant(self, name: str, value: npt.ArrayLike, dtype: Any = None) -> str:
        import numpy as np
        from onnx import numpy_helper

        array = np.ascontiguousarray(np.asarray(value, dtype=dtype))
        self.initializers.append(numpy_helper.from_array(array, name))
        return name

    def op(self, op_type: str, *inputs: str, **attributes: Any) -> str:
        return self.op_multi(op_type, inputs, 1, **attributes)[0]

    def op_multi(
        self, op_type: str, inputs: Sequence[str], outputs: int, **attributes: Any
    ) -> list[str]:
        from onnx import helper

        self._count += 1
        names = [f"{op_type.lower()}_{self._count}_{n}" for n in range(outputs)]
        self.nodes.append(helper.make_node(op_type, list(inputs), names, **attributes))
        return names


def input_tables(weights: Weights) -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]]:
    """The word table and the position table the caller adds up into ``token_vectors``.

    Every token type id is 0, so that row of the token type table is folded into positions.
    """
    word = weights["embeddings.word_embeddings.weight"]
    position = (
        weights["embeddings.position_embeddings.weight"]
        + weights["embeddings.token_type_embeddings.weight"][0]
    )
    return word, position


def build_model(weights: Weights, shape: BertShape) -> ModelProto:
    """Return an ``onnx.ModelProto`` for the encoder described by ``weights`` and ``shape``."""
    import numpy as np
    from onnx import TensorProto, helper

    g = _GraphWriter()
    hidden, heads = shape.hidden, shape.heads
    head_size = hidden // heads

    token_vectors = helper.make_tensor_value_info(
        "token_vectors", TensorProto.FLOAT, ["batch", "seq", hidden]
    )
    attention_bias = helper.make_tensor_value_info(
        "attention_bias", TensorProto.FLOAT, ["batch", 1, "seq", "seq"]
    )
    token_states = helper.make_tensor_value_info(
        "token_states", TensorProto.FLOAT, ["batch", "seq", hidden]
    )

    def layer_norm(x: str, prefix: str) -> str:
        scale = g.constant(f"{prefix}.weight", weights[f"{prefix}.weight"])
        bias = g.constant(f"{prefix}.bias", weights[f"{prefix}.bias"])
        return g.op("LayerNormalization", x, scale, bias, axis=-1, epsilon=shape.layer_norm_eps)

    def dense(x: str, prefix: str) -> str:
        # Torch stores linear weights as (out, in); ONNX MatMul wants (in, out).
        weight = g.constant(f"{prefix}.weight", weights[f"{prefix}.weight"].T)
        bias = g.constant(f"{prefix}.bias", weights[f"{prefix}.bias"])
        return g.op("Add", g.op("MatMul", x, weight), bias)

    split_heads = g.constant("split_heads", [0, 0, heads, head_size], np.int64)
    merge_heads = g.constant("merge_heads", [0, 0, hidden], np.int64)
    qkv_sizes = g.constant("qkv_sizes", [hidden, hidden, hidden], np.int64)
    scale = 1.0 / math.sqrt(head_size)

    def by_head(states: str) -> str:
        """(batch, seq, hidden) -> (batch, heads, seq, head_size)."""
        return g.op("Transpose", g.op("Reshape", states, split_heads), perm=[0, 2, 1, 3])

    x = layer_norm("token_vectors", "embeddings.LayerNorm")
    for index in range(shape.layers):
        prefix = f"encoder.layer.{index}"
        attn = f"{prefix}.attention.self"
        # One matrix product for query, key and value; the score scale is folded into the query.
        qkv_weight = np.concatenate(
            [
                weights[f"{attn}.query.weight"].T * scale,
                weights[f"{attn}.key.weight"].T,
                weights[f"{attn}.value.weight"].T,
            ],
            axis=1,
        )
        qkv_bias = np.concatenate(
            [
                weights[f"{attn}.query.bias"] * scale,
                weights[f"{attn}.key.bias"],
                weights[f"{attn}.value.bias"],
            ]
        )
        qkv = g.op(
            "Add",
            g.op("MatMul", x, g.constant(f"{attn}.qkv.weight", qkv_weight)),
            g.constant(f"{attn}.qkv.bias", qkv_bias),
        )
        query, key, value = (
            by_head(part) for part in g.op_multi("Split", [qkv, qkv_sizes], 3, axis=-1)
        )
        scores = g.op("MatMul", query, g.op("Transpose", key, perm=[0, 1, 3, 2]))
        attention = g.op("Softmax", g.op("Add", scores, "attention_bias"), axis=-1)
        context = g.op("MatMul", attention, value)
        context = g.op("Reshape", g.op("Transpose", context, perm=[0, 2, 1, 3]), merge_heads)
        attended = dense(context, f"{prefix}.attention.output.dense")
        x = layer_norm(g.op("Add", attended, x), f"{prefix}.attention.output.LayerNorm")

        inner = g.op("Gelu", dense(x, f"{prefix}.intermediate.dense"), approximate="none")
        out = dense(inner, f"{prefix}.output.dense")
        x = layer_norm(g.op("Add", out, x), f"{prefix}.output.LayerNorm")
    g.nodes.append(helper.make_node("Identity", [x], ["token_states"]))

    graph = helper.make_graph(
        g.nodes,
        "minilm_transformer",
        [token_vectors, attention_bias],
        [token_states],
        initializer=g.initializers,
    )
    return helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", _OPSET)],
        producer_name="holdingspace",
    )
