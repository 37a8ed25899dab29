"""Build the MiniLM sentence encoder as an ONNX graph, straight from its safetensors weights.

The graph is a BERT encoder (the layout of Hugging Face's ``BertModel``) followed by
mean pooling over the attention mask and L2 normalisation, so one run turns token ids
into finished sentence embeddings. Only ``onnx`` and ``numpy`` are needed to build it;
running it needs ONNX Runtime, since attention is its fused ``com.microsoft.Attention``
operator (on two cores it is a few per cent faster than the same steps as plain operators).

Inputs: ``input_ids`` and ``attention_mask``, both int64 of shape (batch, sequence).
Output: ``embeddings``, float32 of shape (batch, hidden), each row of unit length.
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

GRAPH_REVISION = 2
"""Raised whenever the graph built here changes, so cached copies are rebuilt."""

_OPSET = 20
_CONTRIB_DOMAIN = "com.microsoft"
_PADDING_PENALTY = 10000.0
_POOLING_FLOOR = 1e-9
_NORM_FLOOR = 1e-12


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


def build_model(weights: Weights, shape: BertShape) -> ModelProto:
    """Return an ``onnx.ModelProto`` for the encoder described by ``weights`` and ``shape``."""
    import numpy as np
    from onnx import TensorProto, helper

    g = _GraphWriter()
    hidden, heads = shape.hidden, shape.heads
    head_size = hidden // heads

    input_ids = helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "seq"])
    attention_mask = helper.make_tensor_value_info(
        "attention_mask", TensorProto.INT64, ["batch", "seq"]
    )
    embeddings = helper.make_tensor_value_info("embeddings", TensorProto.FLOAT, ["batch", hidden])

    def layer_norm(x: str, prefix: str) -> str:
        scale = g.constant(f"{prefix}.weight", weights[f"{prefix}.weight"])
        bias = g.constant(f"{prefix}.bias", weights[f"{prefix}.bias"])
        return g.op("LayerNormalization", x, scale, bias, axis=-1, epsilon=shape.layer_norm_eps)

    def dense(x: str, prefix: str) -> str:
        # Torch stores linear weights as (out, in); ONNX MatMul wants (in, out).
        weight = g.constant(f"{prefix}.weight", weights[f"{prefix}.weight"].T)
        bias = g.constant(f"{prefix}.bias", weights[f"{prefix}.bias"])
        return g.op("Add", g.op("MatMul", x, weight), bias)

    # Embeddings: every token type id is 0, so its row is folded into the positions.
    word_table = g.constant("word_embeddings", weights["embeddings.word_embeddings.weight"])
    position_table = g.constant(
        "position_embeddings",
        weights["embeddings.position_embeddings.weight"]
        + weights["embeddings.token_type_embeddings.weight"][0],
    )
    seq_len = g.op(
        "Slice",
        g.op("Shape", "input_ids"),
        g.constant("one", [1], np.int64),
        g.constant("two", [2], np.int64),
    )
    zero = g.constant("zero", [0], np.int64)
    positions = g.op("Slice", position_table, zero, seq_len, zero)
    x = g.op("Add", g.op("Gather", word_table, "input_ids"), positions)
    x = layer_norm(x, "embeddings.LayerNorm")

    # ONNX Runtime's fused attention (a contrib operator): one node per layer does the joint
    # query/key/value product, the masked softmax and the context, and gives padding positions
    # the same -10000 score the plain operators did.
    mask = g.op("Cast", "attention_mask", to=TensorProto.FLOAT)
    mask_index = g.op("Cast", "attention_mask", to=TensorProto.INT32)
    scale = 1.0 / math.sqrt(head_size)

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
        context = g.op_multi(
            "Attention",
            [
                x,
                g.constant(f"{attn}.qkv.weight", qkv_weight),
                g.constant(f"{attn}.qkv.bias", qkv_bias),
                mask_index,
            ],
            1,
            domain=_CONTRIB_DOMAIN,
            num_heads=heads,
            scale=1.0,
            mask_filter_value=-_PADDING_PENALTY,
        )[0]
        attended = dense(context, f"{prefix}.attention.output.dense")
        x = layer_norm(g.op("Add", attended, x), f"{prefix}.attention.output.LayerNorm")

        inner = g.op("Gelu", dense(x, f"{prefix}.intermediate.dense"), approximate="none")
        out = dense(inner, f"{prefix}.output.dense")
        x = layer_norm(g.op("Add", out, x), f"{prefix}.output.LayerNorm")

    # Mean over the real tokens, then scale each row to unit length.
    token_weights = g.op("Unsqueeze", mask, g.constant("last_axis", [-1], np.int64))
    seq_axis = g.constant("seq_axis", [1], np.int64)
    summed = g.op("ReduceSum", g.op("Mul", x, token_weights), seq_axis, keepdims=0)
    counts = g.op("ReduceSum", token_weights, seq_axis, keepdims=0)
    counts = g.op("Max", counts, g.constant("pooling_floor", _POOLING_FLOOR, np.float32))
    pooled = g.op("Div", summed, counts)
    norms = g.op("ReduceL2", pooled, g.constant("hidden_axis", [-1], np.int64), keepdims=1)
    norms = g.op("Max", norms, g.constant("norm_floor", _NORM_FLOOR, np.float32))
    g.nodes.append(helper.make_node("Div", [pooled, norms], ["embeddings"]))

    graph = helper.make_graph(
        g.nodes,
        "minilm_sentence_encoder",
        [input_ids, attention_mask],
        [embeddings],
        initializer=g.initializers,
    )
    return helper.make_model(
        graph,
        opset_imports=[
            helper.make_opsetid("", _OPSET),
            helper.make_opsetid(_CONTRIB_DOMAIN, 1),
        ],
        producer_name="holdingspace",
    )
