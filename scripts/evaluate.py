"""Measure the analyser and two baselines on the held-out evaluation sets (data/eval, data/eval2).

    .venv/bin/python scripts/evaluate.py            # print the tables
    .venv/bin/python scripts/evaluate.py --write    # also put them into docs/analysis.md

Figures per label (precision, recall, F1), macro-F1, crisis recall and false-alarm rate, and
on the entries the evidence precision: the share of correctly found labels whose evidence
spans all fall on sentences annotated with that label. The baselines are measured the same
way: the keyword matcher (the lexical fallback) and zero-shot cosine similarity to the label
descriptions of the label contract, with per-label thresholds chosen on data/train.
The evaluation sets only measure; nothing here is fitted on them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from holdingspace.analysis.analyser import load_analyser
from holdingspace.analysis.crisis import crisis_pattern
from holdingspace.analysis.encoder import Encoder, load_encoder
from holdingspace.analysis.lexical import LexicalAnalyser
from holdingspace.analysis.sentences import split_sentences
from holdingspace.core.labels import LABELS
from holdingspace.core.signs import Analyser, Analysis, Evidence

ROOT = Path(__file__).resolve().parent.parent
LABEL_CONTRACT = ROOT.parent / "shared" / "labels.md"
DOC = ROOT / "docs" / "analysis.md"
START, END = "<!-- evaluation:start -->", "<!-- evaluation:end -->"
EVALUATION_SETS = (("eval", "eval"), ("eval2", "eval2"))
"""Two held-out sets written apart from each other and from data/train: (name, folder)."""


@dataclass(frozen=True)
class Item:
    text: str
    labels: frozenset[str]
    crisis: bool
    spans: tuple[tuple[int, int, frozenset[str]], ...] = ()
    """For entries: each sentence's offsets and labels."""


def load_short(path: Path) -> list[Item]:
    return [
        Item(r["text"], frozenset(r["labels"]), bool(r["crisis"]))
        for r in map(json.loads, filter(str.strip, path.read_text(encoding="utf-8").splitlines()))
    ]


def load_entries(path: Path) -> list[Item]:
    items = []
    for line in filter(str.strip, path.read_text(encoding="utf-8").splitlines()):
        record = json.loads(line)
        spans, position = [], 0
        for sentence in record["sentences"]:
            spans.append(
                (position, position + len(sentence["text"]), frozenset(sentence["labels"]))
            )
            position += len(sentence["text"]) + 1
        text = " ".join(s["text"] for s in record["sentences"])
        labels = frozenset().union(*(s["labels"] for s in record["sentences"]))
        crisis = any(s["crisis"] for s in record["sentences"])
        items.append(Item(text, labels, crisis, tuple(spans)))
    return items


def load_train(folder: Path) -> list[Item]:
    return [item for path in sorted(folder.glob("*.jsonl")) for item in load_short(path)]


class ZeroShot:
    """Cosine similarity of each sentence (and the whole text) to each label's description."""

    def __init__(self, encoder: Encoder, descriptions: dict[str, str]) -> None:
        self.encoder = encoder
        names = [*LABELS, "crisis"]
        self.names = names
        self.anchors = encoder.encode([descriptions[n] for n in names])
        self.thresholds = np.full(len(names), 0.5)

    def similarities(self, texts: Sequence[str]) -> list[tuple[np.ndarray, np.ndarray]]:
        """Per text: the best similarity per output, and the per-sentence similarities."""
        split = [split_sentences(t) or [] for t in texts]
        flat = [s.text for ss in split for s in ss]
        vectors = self.encoder.encode(flat + list(texts))
        sentence_rows, whole_rows = vectors[: len(flat)], vectors[len(flat) :]
        out, offset = [], 0
        for index, sentences in enumerate(split):
            rows = sentence_rows[offset : offset + len(sentences)] @ self.anchors.T
            offset += len(sentences)
            whole = whole_rows[index] @ self.anchors.T
            best = np.maximum(rows.max(axis=0), whole) if len(sentences) else whole
            out.append((best, rows))
        return out

    def fit(self, items: Sequence[Item]) -> None:
        best = np.vstack([b for b, _ in self.similarities([i.text for i in items])])
        for column, name in enumerate(self.names):
            truth = np.array([(i.crisis if name == "crisis" else name in i.labels) for i in items])
            candidates = np.unique(np.round(best[:, column], 3))
            scores = [_f1(best[:, column] >= c, truth) for c in candidates]
            self.thresholds[column] = candidates[int(np.argmax(scores))]

    @property
    def version(self) -> str:
        return "zero-shot"

    def analyse(self, text: str) -> Analysis:
        return self.analyse_many([text])[0]

    def analyse_many(self, texts: list[str]) -> list[Analysis]:
        results = []
        for text, (best, rows) in zip(texts, self.similarities(texts), strict=True):
            sentences = split_sentences(text)
            labels = [n for c, n in enumerate(LABELS) if best[c] >= self.thresholds[c]]
            evidence = tuple(
                Evidence(n, sentences[i].start, sentences[i].end)
                for n in labels
                if sentences
                for i in [int(np.argmax(rows[:, LABELS.index(n)]))]
            )
            crisis = bool(best[-1] >= self.thresholds[-1])
            results.append(
                Analysis(tuple(labels), {}, crisis, float(best[-1]), evidence, self.version)
            )
        return results


def label_descriptions(path: Path) -> dict[str, str]:
    """The "what it covers" column of the label contract's tables, by label."""
    rows = re.findall(r"^\| `(\w+)` \| (.+?) \|$", path.read_text(encoding="utf-8"), re.MULTILINE)
    return dict(rows)


def _f1(predicted: np.ndarray, truth: np.ndarray) -> float:
    tp = float((predicted & truth).sum())
    return (
        2
        * tp
        / (2 * tp + float((predicted & ~truth).sum()) + float((~predicted & truth).sum()) or 1)
    )


def measure(analyser: Analyser, items: Sequence[Item]) -> dict[str, object]:
    analyses = analyser.analyse_many([i.text for i in items])
    per_label = {}
    for label in LABELS:
        predicted = np.array([label in a.labels for a in analyses])
        truth = np.array([label in i.labels for i in items])
        tp = float((predicted & truth).sum())
        precision = tp / predicted.sum() if predicted.sum() else 0.0
        recall = tp / truth.sum() if truth.sum() else 0.0
        per_label[label] = (precision, recall, _f1(predicted, truth))
    flagged = np.array([a.crisis for a in analyses])
    truth = np.array([i.crisis for i in items])
    result: dict[str, object] = {
        "per_label": per_label,
        "macro_f1": float(np.mean([f for _, _, f in per_label.values()])),
        "crisis_recall": float(flagged[truth].mean()) if truth.any() else float("nan"),
        "crisis_false_alarms": float(flagged[~truth].mean()) if (~truth).any() else float("nan"),
    }
    if items and items[0].spans:
        found = correct = 0
        for item, analysis in zip(items, analyses, strict=True):
            for label in set(analysis.labels) & item.labels:
                found += 1
                spans = [e for e in analysis.evidence if e.label == label]
                correct += bool(spans) and all(
                    any(s < e.end and e.start < t and label in ls for s, t, ls in item.spans)
                    for e in spans
                )
        result["evidence_precision"] = correct / found if found else float("nan")
    return result


def pattern_recall(items: Sequence[Item]) -> float:
    """Crisis recall of the explicit patterns alone, without the model."""
    flagged = [
        any(crisis_pattern(s.text) for s in split_sentences(i.text)) for i in items if i.crisis
    ]
    return float(np.mean(flagged)) if flagged else float("nan")


def table(results: dict[str, dict[str, dict[str, object]]]) -> str:
    lines = [
        "| set | analyser | macro-F1 | crisis recall | crisis false alarms | evidence |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for dataset, by_analyser in results.items():
        for name, r in by_analyser.items():
            evidence = r.get("evidence_precision")
            lines.append(
                f"| {dataset} | {name} | {r['macro_f1']:.3f} | {r['crisis_recall']:.3f} | "
                f"{r['crisis_false_alarms']:.3f} | "
                f"{'' if evidence is None else f'{evidence:.3f}'} |"
            )
    lines += ["", "Per label (precision / recall / F1):", ""]
    header = "| label | " + " | ".join(f"{d} {n}" for d, b in results.items() for n in b) + " |"
    lines += [header, "| --- |" + " --- |" * (header.count("|") - 2)]
    for label in LABELS:
        cells = []
        for by_analyser in results.values():
            for r in by_analyser.values():
                p, rc, f = r["per_label"][label]  # type: ignore[index]
                cells.append(f"{p:.2f} / {rc:.2f} / {f:.2f}")
        lines.append(f"| `{label}` | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="update docs/analysis.md")
    args = parser.parse_args(argv)
    sets = [
        (
            name,
            load_short(ROOT / "data" / folder / "short.jsonl"),
            load_entries(ROOT / "data" / folder / "entries.jsonl"),
        )
        for name, folder in EVALUATION_SETS
    ]
    analysers: dict[str, Analyser] = {"model": load_analyser(), "keywords": LexicalAnalyser()}
    encoder = load_encoder()
    if encoder is not None and LABEL_CONTRACT.exists():
        zero_shot = ZeroShot(encoder, label_descriptions(LABEL_CONTRACT))
        zero_shot.fit(load_train(ROOT / "data" / "train"))
        analysers["zero-shot"] = zero_shot
    results: dict[str, dict[str, dict[str, object]]] = {}
    patterns_only: dict[str, float] = {}
    for name, short, entries in sets:
        for kind, items in ((f"{name} short", short), (f"{name} entries", entries)):
            results[f"{kind} ({len(items)})"] = {n: measure(a, items) for n, a in analysers.items()}
            patterns_only[kind] = pattern_recall(items)
    rendered = table(results) + (
        "\n\nCrisis recall of the explicit patterns alone (no model): "
        + ", ".join(f"{k} {v:.3f}" for k, v in patterns_only.items())
    )
    print(rendered)
    if args.write:
        document = DOC.read_text(encoding="utf-8")
        head, rest = document.split(START, 1)
        _, tail = rest.split(END, 1)
        DOC.write_text(f"{head}{START}\n{rendered}\n{END}{tail}", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
