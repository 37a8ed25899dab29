from __future__ import annotations

import importlib
import re
import sys
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from holdingspace.analysis import crisis
from holdingspace.analysis.crisis import crisis_pattern


@pytest.mark.parametrize(
    "sentence",
    [
        "i wish i could just go to sleep and not wake up",
        "I've been having thoughts about killing myself since Friday.",
        "I have a plan and I've picked a date.",
        "The urge to hurt myself is really loud tonight.",
        "cut again last night, first time in months",
        "I don't want to be here anymore.",
        "Everyone would be better off without me.",
    ],
)
def test_current_risk_is_flagged(sentence: str) -> None:
    assert crisis_pattern(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "some nights i just want to disappear and never wake",
        "I can't stop thinking about hurting myself.",
        "I've been saving up my tablets in a sock drawer.",
        "Wrote goodbye letters to my kids last week.",
        "Burned my arm with the lighter again.",
        "My flatmate found the cuts on my legs this morning.",
        "Since the news I keep thinking that there's no point in me being here.",
        "I'm not sure I can keep myself safe this weekend.",
        "Lately I keep wishing I was dead.",
        "I wonder if anyone would notice if I was gone.",
        "He's on leave till March and the thoughts about ending it are louder.",
        "Some days I hope the biopsy comes back bad so it'll be over.",
        "I'd like to fall asleep and never have to come back up.",
        "Got in from work and cut.",
    ],
)
def test_indirect_wording_of_current_risk_is_flagged(sentence: str) -> None:
    assert crisis_pattern(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "This deadline is killing me.",
        "I could die of embarrassment.",
        "I'm dying to know what she thought of my letter.",
        "My friend told me she wants to die and I don't know how to help her.",
        "Ten years ago I was suicidal, and now I'm in a good place.",
        "When I was a teenager I self-harmed, but I haven't in fifteen years.",
        "I'm not suicidal, just very sad that she's leaving.",
        "We made a plan for the summer break.",
        "I ended things with him after the holiday.",
        "I wish I could disappear to a cabin for a week with no phone.",
        "Burned my hand on the oven making toast.",
        "She said her brother can't stop thinking about hurting himself.",
        "Two years self-harm free as of today.",
        "Reading that book made me think about death and how short life is.",
        "This queue makes me want to walk into the river, honestly.",
    ],
)
def test_figures_of_speech_past_history_and_other_people_are_not(sentence: str) -> None:
    assert not crisis_pattern(sentence)


# The risk words let a sentence skip _RISK's long scan, so a word missing for one of its
# alternatives would silently drop that alternative. The checks below read the pattern's
# structure with the standard library's own regex parser (private modules, used only here).
_parser = importlib.import_module("re._parser")
sre = importlib.import_module("re._constants")


def test_every_alternative_of_the_risk_pattern_contains_a_risk_word() -> None:
    uncovered = [
        index
        for index, alternative in enumerate(_alternatives(crisis._RISK))
        if not _always_contains(list(alternative), crisis._RISK_WORDS)
    ]
    assert uncovered == [], "give these alternatives of _RISK a word in _RISK_WORDS"


def test_the_coverage_check_finds_an_alternative_without_a_risk_word() -> None:
    pattern = re.compile(r"\bsad\s+(?:day|night)|\bkeep\s+(?:\w+\s+)?crying|\bhappy\b", re.I)
    words = ("sad day", "sad night", "crying")
    covered = [_always_contains(list(a), words) for a in _alternatives(pattern)]
    assert covered == [True, True, False]


def test_lowering_turns_every_case_blind_twin_into_the_letter_it_matches() -> None:
    letters = sorted({char for word in crisis._RISK_WORDS for char in word} - {" "})
    any_letter = re.compile("[" + re.escape("".join(letters)) + "]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if any_letter.fullmatch(char):
            twins = [x for x in letters if re.fullmatch(re.escape(x), char, re.IGNORECASE)]
            assert [crisis._lowered(char)] == twins, hex(code)
        assert (re.fullmatch(r"\s", char) is not None) == (crisis._lowered(f"a{char}b") == "a b")


_WORD_PIECES = st.sampled_from(crisis._RISK_WORDS).flatmap(
    lambda word: st.tuples(st.integers(0, len(word)), st.integers(0, len(word))).map(
        lambda cut: word[min(cut) : max(cut)]
    )
)
_LETTERS = sorted({char for word in crisis._RISK_WORDS for char in word})


@given(st.lists(_WORD_PIECES | st.text(alphabet=_LETTERS, max_size=2)).map("".join))
def test_the_risk_word_pattern_finds_exactly_the_risk_words(text: str) -> None:
    inside = [word for word in crisis._RISK_WORDS if word in text]
    assert (crisis._RISK_WORD.search(text) is not None) == bool(inside)


@pytest.mark.parametrize("word", crisis._RISK_WORDS)
def test_the_risk_word_pattern_finds_each_word_but_not_less(word: str) -> None:
    assert crisis._RISK_WORD.search(f"and {word} then")
    shorter = word[:-1]
    if not any(other in shorter for other in crisis._RISK_WORDS):
        assert crisis._RISK_WORD.search(shorter) is None


def _alternatives(pattern: re.Pattern[str]) -> list[Any]:
    """The top-level alternatives of a pattern whose alternatives all start with \\b."""
    items = list(_parser.parse(pattern.pattern, pattern.flags))
    assert items[0] == (sre.AT, sre.AT_BOUNDARY)
    assert len(items) == 2 and items[1][0] is sre.BRANCH
    return list(items[1][1][1])


def _always_contains(items: list[Any], words: Sequence[str]) -> bool:
    """Whether every match of these regex items contains one of the words (a sufficient test).

    True when some run of items can only match a few texts and each holds a word, or when a
    part every match goes through (a group, each branch of a choice, a repeat done at least
    once) does.
    """
    for start in range(len(items)):
        for end in range(start + 1, len(items) + 1):
            texts = _texts(items[start:end])
            if texts is None:
                break
            if all(any(word in text.strip(" ") for word in words) for text in texts):
                return True
    for op, value in items:
        if op is sre.SUBPATTERN and _always_contains(list(value[3]), words):
            return True
        if op is sre.BRANCH and all(_always_contains(list(b), words) for b in value[1]):
            return True
        if op is sre.MAX_REPEAT and value[0] >= 1 and _always_contains(list(value[2]), words):
            return True
    return False


def _texts(items: list[Any]) -> set[str] | None:
    """Every text the items can match, lower-cased with a run of whitespace as one space.

    None when that is not a short list: a class other than a few characters, a repeat other
    than `?` or `\\s+`, or more than 64 texts.
    """
    texts = {""}
    for op, value in items:
        part: set[str] | None
        if op is sre.LITERAL:
            part = {chr(value).lower()}
        elif op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
            part = {""}
        elif op is sre.MAX_REPEAT and value[0] == 1 and list(value[2]) == [_ANY_SPACE]:
            part = {" "}
        elif op is sre.SUBPATTERN:
            part = _texts(list(value[3]))
        elif op is sre.BRANCH:
            branches = [_texts(list(b)) for b in value[1]]
            known = [branch for branch in branches if branch is not None]
            part = set[str]().union(*known) if len(known) == len(branches) else None
        elif op is sre.IN and all(kind is sre.LITERAL for kind, _ in value):
            part = {chr(char).lower() for _, char in value}
        elif op is sre.MAX_REPEAT and value[:2] == (0, 1):
            optional = _texts(list(value[2]))
            part = None if optional is None else optional | {""}
        else:
            return None
        if part is None:
            return None
        texts = {text + more for text in texts for more in part}
        if len(texts) > 64 or any("  " in text for text in texts):
            return None
    return texts


_ANY_SPACE = (sre.IN, [(sre.CATEGORY, sre.CATEGORY_SPACE)])
