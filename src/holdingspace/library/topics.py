"""Read the library's pages, sources, crisis lines, prompts and starters from package data."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import frontmatter

from holdingspace.core.errors import CorruptData, NotFound

_PACKAGE = "holdingspace.library"
_FRONT_MATTER_KEYS = ("id", "title", "summary", "labels", "related", "references")
_WORD = re.compile(r"[a-z0-9']+")


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    summary: str
    labels: tuple[str, ...]
    related: tuple[str, ...]
    references: tuple[str, ...]
    body: str


@dataclass(frozen=True)
class Reference:
    key: str
    authors: str
    year: int
    title: str
    source: str
    url: str | None = None
    doi: str | None = None


@dataclass(frozen=True)
class CrisisLine:
    name: str
    phone: str | None
    text: str | None
    web: str | None
    hours: str
    verified: str
    source: str


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    emergency: str
    lines: tuple[CrisisLine, ...]


def all_topics() -> tuple[Topic, ...]:
    """Every page, ordered by id."""
    return tuple(_topics_by_id().values())


def get_topic(topic_id: str) -> Topic:
    try:
        return _topics_by_id()[topic_id]
    except KeyError:
        raise NotFound(f"There is no library page called {topic_id!r}.") from None


def search(words: str) -> list[Topic]:
    """Pages that mention any of the words, best first: a word in the title counts most."""
    wanted = set(_words(words))
    scored = [(_score(topic, wanted), topic) for topic in all_topics()]
    ranked = sorted((pair for pair in scored if pair[0] > 0), key=lambda p: (-p[0], p[1].title))
    return [topic for _, topic in ranked]


def crisis_lines(region: str | None) -> Region:
    """The lines for a region code (case ignored); the default region when it is unknown."""
    data = _json("crisis_lines.json")
    regions: dict[str, Any] = data["regions"]
    code = (region or "").upper()
    if code not in regions:
        code = data["default_region"]
    entry = regions[code]
    lines = tuple(CrisisLine(**line) for line in entry["lines"])
    return Region(code=code, name=entry["name"], emergency=entry["emergency"], lines=lines)


def region_codes() -> tuple[str, ...]:
    return tuple(_json("crisis_lines.json")["regions"])


def prompts(key: str) -> tuple[str, ...]:
    """Journaling prompts for a label or a moment such as 'before_session'."""
    return _strings("prompts.json", key)


def starters(key: str) -> tuple[str, ...]:
    """Opening sentences for a label, 'general', 'break' or 'ending'."""
    return _strings("starters.json", key)


def references() -> dict[str, Reference]:
    return {key: Reference(key=key, **fields) for key, fields in _json("references.json").items()}


def _score(topic: Topic, wanted: set[str]) -> int:
    title, summary, body = (_words(text) for text in (topic.title, topic.summary, topic.body))
    return sum(3 * title.count(w) + 2 * summary.count(w) + body.count(w) for w in wanted)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def _strings(filename: str, key: str) -> tuple[str, ...]:
    try:
        return tuple(_json(filename)[key])
    except KeyError:
        raise NotFound(f"The library has nothing under {key!r}.") from None


@cache
def _json(filename: str) -> Any:
    text = resources.files(_PACKAGE).joinpath(filename).read_text(encoding="utf-8")
    return json.loads(text)


@cache
def _topics_by_id() -> dict[str, Topic]:
    folder = resources.files(_PACKAGE).joinpath("topics")
    pages = sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".md")),
        key=lambda entry: entry.name,
    )
    topics = (_parse(entry.name, entry.read_text(encoding="utf-8")) for entry in pages)
    return {topic.id: topic for topic in topics}


def _parse(filename: str, text: str) -> Topic:
    page = frontmatter.loads(text)
    missing = [key for key in _FRONT_MATTER_KEYS if key not in page.metadata]
    if missing:
        raise CorruptData(f"Library page {filename} lacks {', '.join(missing)}.")
    meta = page.metadata
    return Topic(
        id=str(meta["id"]),
        title=str(meta["title"]),
        summary=str(meta["summary"]),
        labels=_names(meta["labels"], filename),
        related=_names(meta["related"], filename),
        references=_names(meta["references"], filename),
        body=str(page.content),
    )


def _names(value: object, filename: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise CorruptData(f"Library page {filename} has a list that is not a list of names.")
    return tuple(value)
