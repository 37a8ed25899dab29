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
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
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

_FOLDED: Final = {
    **{word + ending: OTHER_TOKEN + ending for word in _OTHER_WORDS for ending in ("", "'s")},
    **{
        word + ending: THERAPIST_TOKEN + ending
        for word in _THERAPIST_WORDS
        for ending in ("", "'s")
    },
}
"""Each word that is folded, with and without a possessive 's, and what it becomes."""
_LETTER_T: Final = {"t": THERAPIST_TOKEN, "t's": THERAPIST_TOKEN + "'s"}
"""The letter T names the therapist after one of _BEFORE_T: "my T", "the T's room"."""
_BEFORE_T: Final = frozenset({"my", "our", "the"})


def tokens(text: str) -> tuple[list[str], list[str]]:
    """Lower-case words with therapist and other-person names folded, and the words folded away."""
    return _fold(_words(text))


def terms(text: str) -> list[str]:
    """The words and adjacent word pairs of a text (pairs joined by a space)."""
    return _terms(_words(text))


@dataclass(frozen=True, slots=True)
class SentenceTerms:
    """The words of one sentence, kept so that terms of sentences together need no new pass."""

    words: list[str]
    """As written (lower-cased), before folding."""
    folded: list[str]
    columns: AbstractSet[int]
    """The vocabulary columns of the sentence's own terms."""


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
        return [sorted(self._columns(terms(text))) for text in texts]

    def sentence_terms(self, sentence: str) -> SentenceTerms:
        """The words and vocabulary columns of one sentence, for `joined_columns`."""
        words = _words(sentence)
        folded, folded_away = _fold(words)
        return SentenceTerms(words, folded, self._columns(_terms_of(folded, folded_away)))

    def joined_columns(self, sentences: Sequence[SentenceTerms]) -> list[int]:
        """The vocabulary columns of consecutive sentences read as one text.

        The same as `columns` of the text that runs from the first sentence to the last:
        the sentences' own columns and the word pairs that span two of them. A sentence
        that starts with the letter T after "my", "our" or "the" ends the previous one
        folds differently in context, so then the words are folded again as one run.
        """
        joined: set[int] = set()
        previous: SentenceTerms | None = None
        for sentence in sentences:
            if not sentence.words:
                continue
            if previous is not None:
                if sentence.words[0] in _LETTER_T and previous.words[-1] in _BEFORE_T:
                    return sorted(self._columns(_terms([w for s in sentences for w in s.words])))
                column = self._index.get(f"{previous.folded[-1]} {sentence.folded[0]}")
                if column is not None:
                    joined.add(column)
            joined |= sentence.columns
            previous = sentence
        return sorted(joined)

    def transform(self, texts: Iterable[str]) -> NDArray[np.float32]:
        rows = self.columns(texts)
        matrix = np.zeros((len(rows), self.size), dtype=np.float32)
        for row, columns in enumerate(rows):
            if columns:
                matrix[row, columns] = 1.0 / np.sqrt(len(columns))
        return matrix

    def _columns(self, text_terms: Iterable[str]) -> set[int]:
        return {column for column in map(self._index.get, text_terms) if column is not None}


def _words(text: str) -> list[str]:
    lowered = text.lower().replace("’", "'").replace("‘", "'")
    words: list[str] = _TOKEN.findall(lowered)
    return words


def _fold(words: list[str]) -> tuple[list[str], list[str]]:
    folded = [_FOLDED.get(word, word) for word in words]
    if "t" in words or "t's" in words:
        for i in range(1, len(words)):
            if words[i] in _LETTER_T and words[i - 1] in _BEFORE_T:
                folded[i] = _LETTER_T[words[i]]
    return folded, [w for w, f in zip(words, folded, strict=True) if w != f]


def _terms(words: list[str]) -> list[str]:
    return _terms_of(*_fold(words))


def _terms_of(folded: list[str], folded_away: list[str]) -> list[str]:
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(folded)]
    return folded + pairs + folded_away
