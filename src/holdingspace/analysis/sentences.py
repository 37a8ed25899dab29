"""Split writing into sentences, keeping where each one sits in the original text.

People journal in full stops, in line breaks, and in long run-ons with no full stop at
all. The splitter cuts after sentence-ending punctuation, at every line break, and, when a
piece is still very long, before a joining ", and", ", but", ";" and the like, so the
evidence for a sign points at a span a person can read at a glance.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

LONG_PIECE_WORDS: Final = 28
"""A piece with more words than this is cut again at its joins."""

MIN_PIECE_WORDS: Final = 4
"""A cut that would leave fewer words than this on either side is not made."""

_SENTENCE_END: Final = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s)|\n+""")
_ABBREVIATIONS: Final = (
    "dr",
    "mr",
    "mrs",
    "ms",
    "mx",
    "prof",
    "st",
    "vs",
    "etc",
    "e.g",
    "i.e",
    "approx",
)
_ABBREVIATION: Final = re.compile(
    r"\b(?:" + "|".join(map(re.escape, _ABBREVIATIONS)) + r")\.$", re.IGNORECASE
)
_ABBREVIATION_LENGTH: Final = max(map(len, _ABBREVIATIONS)) + 1
"""The most characters an abbreviation and its full stop take: only that much is searched."""
_JOIN: Final = re.compile(
    r"(?:[,;:]\s+(?:and|but|so|because|cause|cos|then|which|though)\b|;|\s+but\s|\s+and then\s"
    r"|\s+-+\s|\s+—\s)",
    re.IGNORECASE,
)
_WORD: Final = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a text: its words and its character span (end exclusive)."""

    text: str
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a text, in order, each with its offsets into the text."""
    pieces: list[Sentence] = []
    for start, end in _split_at_ends(text):
        pieces.extend(_split_long(text, start, end))
    return pieces


def _split_at_ends(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if match.group().startswith(".") and _is_abbreviation(text, start, match.start() + 1):
            continue
        spans.append((start, end))
        start = end
    spans.append((start, len(text)))
    return [trimmed for span in spans if (trimmed := _trim(text, *span)) is not None]


def _is_abbreviation(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] ends in an abbreviation's full stop ("Dr.", "e.g.").

    A piece starts after a sentence end or a line break, so the word boundary before an
    abbreviation at its very start reads the same in the whole text as in the piece.
    """
    return _ABBREVIATION.search(text, max(start, end - _ABBREVIATION_LENGTH), end) is not None


def _split_long(text: str, start: int, end: int) -> list[Sentence]:
    if _word_count(text[start:end]) <= LONG_PIECE_WORDS:
        return [Sentence(text[start:end], start, end)]
    for match in _JOIN.finditer(text, start, end):
        cut = match.start() + 1 if text[match.start()] in ",;:" else match.start()
        if (
            _word_count(text[start:cut]) >= MIN_PIECE_WORDS
            and _word_count(text[cut:end]) >= MIN_PIECE_WORDS
        ):
            head = _trim(text, start, cut)
            tail = _trim(text, cut, end)
            if head is None or tail is None:
                continue
            return [Sentence(text[head[0] : head[1]], *head), *_split_long(text, *tail)]
    return [Sentence(text[start:end], start, end)]


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if not _WORD.search(text, start, end):
        return None
    return start, end


def _word_count(piece: str) -> int:
    return len(_WORD.findall(piece))
