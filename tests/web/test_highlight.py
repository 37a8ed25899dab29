"""Evidence spans become marked runs of the text, overlaps included, nothing lost."""

from __future__ import annotations

from holdingspace.core.signs import Analysis, Evidence
from holdingspace.web.highlight import heard_signs, runs


def _analysis(*evidence: Evidence) -> Analysis:
    labels = tuple(dict.fromkeys(e.label for e in evidence))
    return Analysis(labels, {}, False, 0.0, evidence)


def test_runs_cover_the_whole_text_with_overlapping_signs() -> None:
    text = "One two three four."
    analysis = _analysis(Evidence("missing", 0, 13), Evidence("approval", 4, 19))
    found = runs(text, analysis)
    assert "".join(run.text for run in found) == text
    assert [(run.text, run.signs) for run in found] == [
        ("One ", ("missing",)),
        ("two three", ("approval", "missing")),
        (" four.", ("approval",)),
    ]


def test_spans_outside_the_text_are_clipped_and_empty_ones_ignored() -> None:
    found = runs("Short.", _analysis(Evidence("missing", 3, 99), Evidence("loyalty", 2, 2)))
    assert [(run.text, run.signs) for run in found] == [("Sho", ()), ("rt.", ("missing",))]


def test_no_analysis_is_one_plain_run() -> None:
    assert [(r.text, r.signs) for r in runs("Hello.", None)] == [("Hello.", ())]


def test_heard_signs_keep_the_analysers_order_and_sentences() -> None:
    text = "I miss her.  She matters."
    analysis = _analysis(Evidence("warm_feelings", 13, 25), Evidence("missing", 0, 12))
    heard = heard_signs(text, analysis)
    assert [(h.label, h.sentences) for h in heard] == [
        ("warm_feelings", ("She matters.",)),
        ("missing", ("I miss her.",)),
    ]
