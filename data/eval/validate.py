"""Check the held-out evaluation set: JSON shape, valid labels, sizes and per-label counts.

Run from the repository root: .venv/bin/python data/eval/validate.py
"""

import json
import sys
from collections import Counter
from pathlib import Path

from holdingspace.core.labels import LABELS

HERE = Path(__file__).parent
STYLES = {"journal", "letter", "messy", "flat"}
MIN_PER_LABEL = 40


def check_item(where: str, item: dict[str, object], problems: list[str]) -> None:
    text, labels, crisis = item.get("text"), item.get("labels"), item.get("crisis")
    if not isinstance(text, str) or not text.strip():
        problems.append(f"{where}: empty or missing text")
    if not isinstance(labels, list) or any(label not in LABELS for label in labels):
        problems.append(f"{where}: invalid labels {labels!r}")
    elif len(set(labels)) != len(labels):
        problems.append(f"{where}: repeated label")
    if not isinstance(crisis, bool):
        problems.append(f"{where}: crisis must be true or false")


def check_short(problems: list[str]) -> tuple[int, Counter[str], int, int]:
    counts: Counter[str] = Counter()
    rows = [json.loads(line) for line in (HERE / "short.jsonl").read_text().splitlines()]
    texts = [row["text"] for row in rows]
    if len(set(texts)) != len(texts):
        problems.append("short: duplicate texts")
    for number, row in enumerate(rows, start=1):
        if row.get("id") != f"s{number:04d}":
            problems.append(f"short line {number}: id {row.get('id')!r} out of sequence")
        check_item(str(row.get("id")), row, problems)
        counts.update(row["labels"])
    no_label = sum(1 for row in rows if not row["labels"])
    crisis = sum(1 for row in rows if row["crisis"])
    if len(rows) < 500:
        problems.append(f"short: only {len(rows)} texts")
    if crisis < 40:
        problems.append(f"short: only {crisis} crisis texts")
    for label in LABELS:
        if counts[label] < MIN_PER_LABEL:
            problems.append(f"short: {label} positive in only {counts[label]} texts")
    return len(rows), counts, no_label, crisis


def check_entries(problems: list[str]) -> tuple[int, Counter[str], int, int, Counter[str]]:
    counts: Counter[str] = Counter()
    styles: Counter[str] = Counter()
    no_sign = crisis = 0
    lines = (HERE / "entries.jsonl").read_text().splitlines()
    for number, line in enumerate(lines, start=1):
        entry = json.loads(line)
        where = str(entry.get("id"))
        if entry.get("id") != f"e{number:03d}":
            problems.append(f"entries line {number}: id {where!r} out of sequence")
        if entry.get("style") not in STYLES:
            problems.append(f"{where}: unknown style {entry.get('style')!r}")
        styles[entry["style"]] += 1
        sentences = entry.get("sentences", [])
        if not 4 <= len(sentences) <= 12:
            problems.append(f"{where}: {len(sentences)} sentences")
        union: set[str] = set()
        for index, sentence in enumerate(sentences):
            check_item(f"{where}[{index}]", sentence, problems)
            union.update(sentence["labels"])
        counts.update(union)
        no_sign += not union
        crisis += any(sentence["crisis"] for sentence in sentences)
    if len(lines) < 150:
        problems.append(f"entries: only {len(lines)} entries")
    return len(lines), counts, no_sign, crisis, styles


def main() -> int:
    problems: list[str] = []
    total, counts, no_label, crisis = check_short(problems)
    print(f"short.jsonl: {total} texts, {no_label} with no label, {crisis} crisis")
    entries, entry_counts, no_sign, entry_crisis, styles = check_entries(problems)
    print(f"entries.jsonl: {entries} entries, {no_sign} with no sign, {entry_crisis} with crisis")
    print(f"styles: {dict(sorted(styles.items()))}")
    print(f"{'label':<24}{'short':>7}{'entries':>9}")
    for label in LABELS:
        print(f"{label:<24}{counts[label]:>7}{entry_counts[label]:>9}")
    for problem in problems:
        print("PROBLEM:", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
