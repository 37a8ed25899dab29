"""Keep the built encoder graph in the user cache folder, so it is built once per machine.

Beside the graph lie its weights, the word and position tables as NumPy files (mapped into
memory, so only the rows of tokens actually seen are ever read) and, once the runtime has
compiled the graph, its compiled copy, which makes a new process start in a fraction of
the time.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from holdingspace.analysis import onnx_graph
from holdingspace.analysis.onnx_graph import GRAPH_REVISION

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    from onnx import ModelProto

_PREFIX = "minilm-"
_GRAPH_FILE = "encoder.onnx"
_WEIGHTS_FILE = "encoder.weights"
_WORD_TABLE_FILE = "word_table.npy"
_POSITION_TABLE_FILE = "position_table.npy"


@dataclass(frozen=True, slots=True)
class EncoderGraph:
    """What the runtime needs: the graph, its input tables and where to keep a compiled copy."""

    graph: str | bytes
    """The graph file's path, or the graph's bytes when the cache cannot be written."""
    word_table: npt.NDArray[np.float32]
    position_table: npt.NDArray[np.float32]
    folder: Path | None
    """The cache folder, where the runtime may keep its compiled copies; None if unwritable."""


def cache_folder() -> Path:
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("holdingspace")) / "encoder"


def cached_model(weights: Path, config: Path) -> EncoderGraph:
    """The cached graph, building it first when needed.

    The folder name carries the graph revision and the weights file's size and modification
    time, so a new model package or a new graph gets a fresh copy. When the cache folder
    cannot be written, the graph is kept in memory instead.
    """
    import numpy as np

    stat = weights.stat()
    root = cache_folder()
    folder = root / f"{_PREFIX}r{GRAPH_REVISION}-{stat.st_size}-{stat.st_mtime_ns}"
    if not (folder / _GRAPH_FILE).is_file():
        from safetensors.numpy import load_file

        tensors = load_file(str(weights))
        model = build_model(tensors, config)
        tables = onnx_graph.input_tables(tensors)
        try:
            _save_into(folder, model, tables)
        except OSError:
            return EncoderGraph(model.SerializeToString(), *tables, folder=None)
        _remove_stale(root, keep=folder)
    return EncoderGraph(
        str(folder / _GRAPH_FILE),
        np.load(folder / _WORD_TABLE_FILE, mmap_mode="r"),
        np.load(folder / _POSITION_TABLE_FILE),
        folder,
    )


def build_model(tensors: onnx_graph.Weights, config: Path) -> ModelProto:
    """The encoder as an ``onnx.ModelProto``, built from the package's weights and config."""
    return onnx_graph.build_model(tensors, onnx_graph.BertShape.from_config(config))


def _save_into(
    folder: Path,
    model: ModelProto,
    tables: tuple[npt.NDArray[np.float32], npt.NDArray[np.float32]],
) -> None:
    """Write the files in a scratch folder, then rename it into place in one step."""
    import numpy as np
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
        for name, table in zip((_WORD_TABLE_FILE, _POSITION_TABLE_FILE), tables, strict=True):
            np.save(scratch / name, np.ascontiguousarray(table, dtype=np.float32))
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
