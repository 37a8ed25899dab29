"""Word features beside the sentence embedding: a learned vocabulary of words and word pairs.

Words that name the person's therapist ("my T", "counsellor", "analyst", ...) are folded
into one token, `<ther>`, and words that name someone else close to them (a partner, a
parent, a boss, a doctor) into `<other>`, so that a pair such as "miss <ther>" is learned
once for every way people refer to their therapist. Both the folded and the original
words are kept.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Final

import numpy as np
from numpy.typing import NDArray

THERAPIST_TOKEN: Final = "<ther>"  # noqa: S105 (a word, not a secret)
OTHER_TOKEN: Final = "<other>"  # noqa: S105 (a word, not a secret)

_THERAPIST_WORDS: Final = frozenset(
    {
        "therapist",
        "therapists",
        "counsellor",
        "counselor",
        "counsellors",
        "counselors",
        "psychologist",
        "psychotherapist",
        "analyst",
        "psych",
        "shrink",
        "clinician",
    }
)
_OTHER_WORDS: Final = frozenset(
    {
        "mum",
        "mom",
        "mother",
        "dad",
        "father",
        "parents",
        "partner",
        "husband",
        "wife",
        "boyfriend",
        "girlfriend",
        "bf",
        "gf",
        "boss",
        "manager",
        "friend",
        "friends",
        "sister",
        "brother",
        "colleague",
        "coworker",
        "teacher",
        "doctor",
        "gp",
        "physio",
        "dentist",
        "nurse",
        "son",
        "daughter",
        "kids",
        "grandma",
        "grandmother",
        "aunt",
        "uncle",
        "roommate",
        "flatmate",
        "ex",
    }
)
_TOKEN: Final = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def tokens(text: str) -> tuple[list[str], list[str]]:
    """Lower-case words with therapist and other-person names folded, and the words folded away."""
    lowered = text.lower().replace("’", "'").replace("‘", "'")
    words = _TOKEN.findall(lowered)
    folded: list[str] = []
    previous = ""
    for word in words:
        base, possessive = (word[:-2], "'s") if word.endswith("'s") else (word, "")
        if base in _THERAPIST_WORDS or (base == "t" and previous in {"my", "our", "the"}):
            folded.append(THERAPIST_TOKEN + possessive)
        elif base in _OTHER_WORDS:
            folded.append(OTHER_TOKEN + possessive)
        else:
            folded.append(word)
        previous = word
    return folded, [w for w, f in zip(words, folded, strict=True) if w != f]


def terms(text: str) -> list[str]:
    """The words and adjacent word pairs of a text (pairs joined by a space)."""
    words, folded_away = tokens(text)
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)]
    return words + pairs + folded_away


class LexicalFeatures:
    """Turns texts into L2-normalised presence vectors over a fixed vocabulary."""

    def __init__(self, vocabulary: Sequence[str]) -> None:
        self.vocabulary = tuple(vocabulary)
        self._index = {term: i for i, term in enumerate(self.vocabulary)}

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def columns(self, texts: Iterable[str]) -> list[list[int]]:
        """The vocabulary columns present in each text."""
        return [sorted({self._index[t] for t in terms(text) if t in self._index}) for text in texts]

    def transform(self, texts: Iterable[str]) -> NDArray[np.float32]:
        rows = self.columns(texts)
        matrix = np.zeros((len(rows), self.size), dtype=np.float32)
        for row, columns in enumerate(rows):
            if columns:
                matrix[row, columns] = 1.0 / np.sqrt(len(columns))
        return matrix
