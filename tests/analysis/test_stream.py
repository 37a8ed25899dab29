"""The `analyze` contract, through the pure stream function, with a stand-in analyser."""

from __future__ import annotations

import json

from holdingspace.analysis.lexical import LexicalAnalyser
from holdingspace.analysis.stream import NO_TEXT, NOT_JSON, analyse_lines
from holdingspace.core.labels import LABELS

KEYS = {"id", "labels", "scores", "crisis", "crisis_score", "evidence"}


def run(lines: list[str], batch_size: int = 64) -> list[dict[str, object]]:
    return [json.loads(o) for o in analyse_lines(lines, LexicalAnalyser(), batch_size=batch_size)]


def test_each_valid_line_gets_one_record_with_all_eleven_scores() -> None:
    out = run([json.dumps({"id": 7, "text": "I miss my therapist so much."})])
    assert len(out) == 1
    assert set(out[0]) == KEYS
    assert out[0]["id"] == 7
    scores = out[0]["scores"]
    assert isinstance(scores, dict)
    assert set(scores) == set(LABELS)
    assert all(0.0 <= float(v) <= 1.0 for v in scores.values())


def test_invalid_lines_get_an_error_and_the_run_goes_on_in_order() -> None:
    lines = [
        '{"id": "a", "text": "hello"}',
        "{not json",
        '{"id": "c"}',
        '{"id": "d", "text": 5}',
        "[1, 2]",
        '{"id": "f", "text": "ok"}',
    ]
    out = run(lines, batch_size=2)
    assert [o.get("id") for o in out] == ["a", None, "c", "d", None, "f"]
    assert out[1] == {"id": None, "error": NOT_JSON}
    assert out[2] == {"id": "c", "error": NO_TEXT}
    assert "error" in out[4]
    assert set(out[5]) == KEYS


def test_blank_lines_are_skipped_and_empty_input_gives_nothing() -> None:
    assert run([]) == []
    assert run(["", "   ", "\t"]) == []
    assert len(run(["", '{"id": 1, "text": "x"}', ""])) == 1


def test_order_is_kept_across_batches() -> None:
    lines = [json.dumps({"id": i, "text": f"sentence number {i}"}) for i in range(150)]
    assert [o["id"] for o in run(lines, batch_size=16)] == list(range(150))


def test_evidence_offsets_fall_inside_the_text() -> None:
    text = "Work was long. I googled my therapist again last night. Then I slept."
    out = run([json.dumps({"id": 1, "text": text})])[0]
    evidence = out["evidence"]
    assert isinstance(evidence, list) and evidence
    for item in evidence:
        assert text[item["start"] : item["end"]] == "I googled my therapist again last night."
