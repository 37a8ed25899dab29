"""The analyser the application uses: the trained model when it is installed, else the fallback.

    load_analyser() -> Analyser
        ModelAnalyser     encoder (all-MiniLM-L6-v2) + trained head + crisis patterns
        LexicalAnalyser   word patterns + crisis patterns; every Analysis says limited=True

The encoder and the head load once, on first use; importing this module is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from holdingspace.analysis.crisis import crisis_pattern
from holdingspace.analysis.head import CRISIS_OUTPUT, Head, calibrate, load_head
from holdingspace.analysis.lexical import LexicalAnalyser
from holdingspace.analysis.scoring import TextScores, evidence_sentences, score_texts
from holdingspace.core.labels import LABELS
from holdingspace.core.signs import Analyser, Analysis, Evidence

if TYPE_CHECKING:
    from holdingspace.analysis.encoder import Encoder

MAX_EVIDENCE_PER_LABEL: Final = 1
"""One sentence per label: in cross-validation, a second one more often points at a neighbour."""
PATTERN_CRISIS_SCORE: Final = 0.95


class ModelAnalyser:
    """Sentence embeddings and word features through the trained head, with crisis patterns."""

    def __init__(self, encoder: Encoder, head: Head) -> None:
        self._encoder = encoder
        self._head = head
        # Each label's column among the head's outputs and its threshold; the same for crisis.
        self._labels = [
            (label, head.outputs.index(label), head.threshold(label)) for label in LABELS
        ]
        self._crisis = (head.outputs.index(CRISIS_OUTPUT), head.threshold(CRISIS_OUTPUT))

    @property
    def limited(self) -> bool:
        return False

    @property
    def version(self) -> str:
        return f"{self._head.version}+{self._encoder.version}"

    def analyse(self, text: str) -> Analysis:
        return self.analyse_many([text])[0]

    def analyse_many(self, texts: list[str]) -> list[Analysis]:
        scored = score_texts(self._head, self._encoder.encode, texts)
        return [self._analysis(text_scores) for text_scores in scored]

    def _analysis(self, scored: TextScores) -> Analysis:
        probabilities = scored.probabilities.tolist()
        scores: dict[str, float] = {}
        evidence: list[Evidence] = []
        for label, column, threshold in self._labels:
            scores[label] = round(calibrate(probabilities[column], threshold), 4)
            if scores[label] >= 0.5 and scored.sentences:
                evidence.extend(_evidence(scored, label, column, threshold))
        crisis_column, crisis_threshold = self._crisis
        model_score = calibrate(probabilities[crisis_column], crisis_threshold)
        pattern = any(crisis_pattern(sentence.text) for sentence in scored.sentences)
        crisis_score = max(model_score, PATTERN_CRISIS_SCORE if pattern else 0.0)
        return Analysis(
            labels=tuple(label for label in LABELS if scores[label] >= 0.5),
            scores=scores,
            crisis=crisis_score >= 0.5,
            crisis_score=round(crisis_score, 4),
            evidence=tuple(evidence),
            model_version=self.version,
        )


def _evidence(scored: TextScores, label: str, column: int, threshold: float) -> list[Evidence]:
    rows = evidence_sentences(
        scored.sentence_probabilities[:, column], threshold, MAX_EVIDENCE_PER_LABEL
    )
    return [Evidence(label, scored.sentences[i].start, scored.sentences[i].end) for i in rows]


def load_analyser() -> Analyser:
    """The full analyser when the model package and the head are present, else the fallback."""
    from holdingspace.analysis.encoder import load_encoder

    encoder = load_encoder()
    head = load_head() if encoder is not None else None
    if encoder is None or head is None:
        return LexicalAnalyser()
    return ModelAnalyser(encoder, head)
