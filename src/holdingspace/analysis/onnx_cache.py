"""Keep the built encoder graph in the user cache folder, so it is built once per machine.

The graph is saved with its weights in a separate file beside it: ONNX Runtime maps such a
file into memory instead of parsing and copying it, which makes a new session start in a
fraction of the time.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from holdingspace.analysis.onnx_graph import GRAPH_REVISION

if TYPE_CHECKING:
    from onnx import ModelProto

_PREFIX = "minilm-"
_GRAPH_FILE = "encoder.onnx"
_WEIGHTS_FILE = "encoder.weights"


def cache_folder() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("holdingspace")) / "encoder"


def cached_model(weights: Path, config: Path) -> str | bytes:
    """The cached model's path, building it first when needed.

    The folder name carries the graph revision and the weights file's size and modification
    time, so a new model package or a new graph gets a fresh copy. When the cache folder
    cannot be written, the built model's bytes are returned instead.
    """
    stat = weights.stat()
    root = cache_folder()
    folder = root / f"{_PREFIX}r{GRAPH_REVISION}-{stat.st_size}-{stat.st_mtime_ns}"
    graph = folder / _GRAPH_FILE
    if graph.is_file():
        return str(graph)
    model = build_model(weights, config)
    try:
        _save_into(folder, model)
    except OSError:
        serialised: bytes = model.SerializeToString()
        return serialised
    _remove_stale(root, keep=folder)
    return str(graph)


def build_model(weights: Path, config: Path) -> ModelProto:
    """The encoder as an ``onnx.ModelProto``, built from the package's weights and config."""
    from safetensors.numpy import load_file

    from holdingspace.analysis import onnx_graph

    return onnx_graph.build_model(load_file(str(weights)), onnx_graph.BertShape.from_config(config))


def _save_into(folder: Path, model: ModelProto) -> None:
    """Write both files in a scratch folder, then rename it into place in one step."""
    import onnx

    folder.parent.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(dir=folder.parent, prefix=".building-"))
    try:
        onnx.save_model(
            model,
            str(scratch / _GRAPH_FILE),
            save_as_external_data=True,
            all_tensors_to_one_file=True,
            location=_WEIGHTS_FILE,
        )
        scratch.rename(folder)
    except OSError:
        if not (folder / _GRAPH_FILE).is_file():
            raise
        # Another process finished the same folder first; its copy is as good as ours.
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def _remove_stale(root: Path, keep: Path) -> None:
    for old in root.glob(f"{_PREFIX}*"):
        if old != keep and old.is_dir():
            shutil.rmtree(old, ignore_errors=True)
