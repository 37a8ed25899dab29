"""The lexical fallback: word patterns per sign, used when the language model is not installed.

A sign is heard in a sentence when the sentence carries one of the sign's word patterns
and the text speaks of therapy (a therapist, counsellor, "my T", a session, therapy). It
is much less accurate than the model (see docs/analysis.md for its measured figures), so
every Analysis it gives says `limited=True`. The crisis flag uses the same explicit
patterns as the full analyser (analysis/crisis.py).
"""

from __future__ import annotations

import re
from typing import Final

from holdingspace.analysis.crisis import crisis_pattern
from holdingspace.analysis.sentences import split_sentences
from holdingspace.core.labels import LABELS
from holdingspace.core.signs import Analysis, Evidence

VERSION: Final = "lexical-1"
HEARD: Final = 0.75
"""The score a sign gets when a pattern is heard (the fallback has no finer measure)."""

CRISIS_HEARD: Final = 0.95

_THERAPY: Final = re.compile(
    r"\b(?:therap\w*|counsell?or\w*|counselling|counseling|psycholog\w*|analyst|psych|shrink|"
    r"sessions?|sesh|my\s+t\b|(?:her|his|their)\s+(?:office|room)|dr\.?\s+\w+)",
    re.IGNORECASE,
)

_PATTERNS: Final[dict[str, re.Pattern[str]]] = {
    "approval": re.compile(
        r"\b(?:approv\w*|proud\s+of\s+me|good\s+client|disappoint\w*|impress\w*|please\s+(?:her|him|them)|"
        r"(?:think|thinks|thought)\s+(?:i'?m|of\s+me|badly)|judg\w*|(?:doing|do)\s+(?:it|therapy)\s+right|"
        r"well\s+done|look\s+pleased)",
        re.IGNORECASE,
    ),
    "sensitivity_to_change": re.compile(
        r"\b(?:cancel\w*|reschedul\w*|holiday|vacation|away\s+for|leave|break|retir\w*|moving|"
        r"ending|termination|last\s+session|running\s+late|was\s+late|ended\s+early|on\s+time)\b",
        re.IGNORECASE,
    ),
    "wanting_more_contact": re.compile(
        r"\b(?:text|email|e-mail|message|call|ring)\w*\s+(?:her|him|them)\b|\b(?:longer|extra|more)\s+"
        r"sessions?\b|\bbe\s+friends\b|\bprivate\s+life\b|\bbetween\s+sessions\b|\btell\s+(?:her|him)\s+first\b",
        re.IGNORECASE,
    ),
    "embarrassment": re.compile(
        r"\b(?:embarrass\w*|ashamed|shame\w*|pathetic|needy|creepy|cringe\w*|mortified|humiliat\w*|"
        r"ridiculous|too\s+attached|why\s+do\s+i\s+care)",
        re.IGNORECASE,
    ),
    "loyalty": re.compile(
        r"\b(?:trust\s+(?:her|him|them)|defend\w*|start\s+(?:over|again)\s+with|anyone\s+else|"
        r"someone\s+new|referr\w*|refer\s+me|new\s+therapist|loyal\w*)",
        re.IGNORECASE,
    ),
    "missing": re.compile(
        r"\b(?:miss\w*|counting\s+(?:the\s+)?days|days\s+until|replay\w*|can'?t\s+stop\s+thinking|"
        r"think\w*\s+about\s+(?:her|him|them)|imagin\w*\s+(?:talking|telling)|rehears\w*)",
        re.IGNORECASE,
    ),
    "safe_space": re.compile(
        r"\b(?:safe\w*|calm\w*|only\s+place|be\s+myself|the\s+real\s+me|no\s+mask|at\s+home)\b",
        re.IGNORECASE,
    ),
    "warm_feelings": re.compile(
        r"\b(?:grateful|gratitude|admire\w*|adore|love\s+(?:her|him|them)\b|care\s+about\s+(?:her|him)|"
        r"cared\s+for|so\s+kind|kindness|affection\w*|thankful)",
        re.IGNORECASE,
    ),
    "uncomfortable_feelings": re.compile(
        r"\b(?:jealous\w*|angry|anger|furious|hurt\s+by|give\s+up\s+on\s+me|leave\s+me|abandon\w*|"
        r"tired\s+of\s+me|sick\s+of\s+me|other\s+clients|frustrat\w*|resent\w*|terrified|scared)",
        re.IGNORECASE,
    ),
    "romantic_feelings": re.compile(
        r"\b(?:crush|in\s+love|fall(?:ing)?\s+for|attract\w*|kiss\w*|dat(?:e|ing)\s+(?:her|him)|romantic\w*|"
        r"fantas\w*)",
        re.IGNORECASE,
    ),
    "interference": re.compile(
        r"\b(?:google\w*|look\w*\s+(?:her|him)\s+up|stalk\w*|instagram|facebook|drove\s+past|"
        r"can'?t\s+(?:focus|concentrate|function)|quit\s+therapy|hid\w*|avoid\w*\s+(?:talking|the\s+topic)|"
        r"all\s+i\s+think\s+about)",
        re.IGNORECASE,
    ),
}


class LexicalAnalyser:
    """Hears signs by word patterns alone; the documented fallback when the model is absent."""

    @property
    def version(self) -> str:
        return VERSION

    @property
    def limited(self) -> bool:
        return True

    def analyse(self, text: str) -> Analysis:
        sentences = split_sentences(text)
        about_therapy = _THERAPY.search(text) is not None
        evidence: list[Evidence] = []
        if about_therapy:
            for label in LABELS:
                pattern = _PATTERNS[label]
                evidence.extend(
                    Evidence(label, s.start, s.end) for s in sentences if pattern.search(s.text)
                )
        found = {e.label for e in evidence}
        crisis = any(crisis_pattern(s.text) for s in sentences)
        return Analysis(
            labels=tuple(label for label in LABELS if label in found),
            scores={label: HEARD if label in found else 0.0 for label in LABELS},
            crisis=crisis,
            crisis_score=CRISIS_HEARD if crisis else 0.0,
            evidence=tuple(evidence),
            model_version=VERSION,
            limited=True,
        )

    def analyse_many(self, texts: list[str]) -> list[Analysis]:
        return [self.analyse(text) for text in texts]
