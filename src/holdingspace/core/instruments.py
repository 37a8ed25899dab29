"""Instruments are data: read a questionnaire shaped like a FHIR R4 Questionnaire, and score it.

A definition is the JSON of a FHIR R4 ``Questionnaire``. The engine reads:

- ``id`` (the name used on the command line), ``title``, ``version``, ``url``, ``description``;
- ``item``: questions of type ``choice`` or ``integer`` with ``answerOption`` entries, each worth
  a whole-number score taken from ``valueInteger``, or from a ``valueCoding`` with the standard
  ``ordinalValue`` extension (or R5's ``itemWeight``), or from a numeric ``code``; ``display``
  items are shown as introductions and ``group`` items are read through;
- extensions under ``urn:holdingspace:fhir:`` for what FHIR R4 has no field for:

  ``reverse-scored`` (on an item, valueBoolean)
      the score is mirrored on the item's own scale (lowest + highest - answer);
  ``scoring-rule`` (on the questionnaire, valueCode ``mean`` or ``sum``)
      the rule for subscales that do not name their own; ``sum`` when absent;
  ``subscale`` (on the questionnaire, complex, repeatable)
      sub-extensions ``id`` (valueCode), ``title`` (valueString), ``group`` (valueCode, e.g.
      ``labels``), ``rule`` (valueCode), ``item`` (valueString, one per linkId) and ``band``;
      without any subscale, one ``total`` over every question is scored;
  ``band`` (complex, on a subscale or on the questionnaire as the default for all subscales)
      sub-extensions ``min`` (valueDecimal), ``reading`` (valueString) and an optional ``topic``
      (valueCode, a library topic); a score takes the reading of the highest band whose min
      it reaches;
  ``citation`` and ``notice`` (on the questionnaire, valueString)
      where the items come from, and how far the scores can be trusted.

Every question must be answered: a missing answer or a value outside the question's scale is
an InvalidInput with a plain message, never a quietly wrong score.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from holdingspace.core import checkin_messages as msg
from holdingspace.core.errors import InvalidInput

EXTENSION_BASE = "urn:holdingspace:fhir:"
REVERSE_SCORED = EXTENSION_BASE + "reverse-scored"
SCORING_RULE = EXTENSION_BASE + "scoring-rule"
SUBSCALE = EXTENSION_BASE + "subscale"
BAND = EXTENSION_BASE + "band"
CITATION = EXTENSION_BASE + "citation"
NOTICE = EXTENSION_BASE + "notice"
ORDINAL_VALUE = "http://hl7.org/fhir/StructureDefinition/ordinalValue"
ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight"

TOTAL = "total"
"""The id of the one subscale scored when a questionnaire defines none."""

_ID_PATTERN = re.compile(r"[A-Za-z0-9\-.]{1,64}")
_SCORED_TYPES = frozenset({"choice", "integer"})


class Rule(StrEnum):
    MEAN = "mean"
    SUM = "sum"


@dataclass(frozen=True, slots=True)
class Choice:
    value: int
    display: str
    system: str | None = None
    code: str | None = None
    """Set when the option was a coding, so an export can answer in the same coding."""


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    text: str
    choices: tuple[Choice, ...]
    reverse: bool = False
    values: tuple[int, ...] = field(init=False, repr=False, compare=False)
    lowest: int = field(init=False, repr=False, compare=False)
    highest: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Worked out once: scoring years of check-ins asks for these thousands of times.
        values = tuple(choice.value for choice in self.choices)
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "lowest", min(values, default=0))
        object.__setattr__(self, "highest", max(values, default=0))

    def keyed(self, value: int) -> int:
        """The answer as it counts towards a score: mirrored when the item is reverse-scored."""
        return self.lowest + self.highest - value if self.reverse else value

    def choice(self, value: int) -> Choice:
        return next(choice for choice in self.choices if choice.value == value)


@dataclass(frozen=True, slots=True)
class Band:
    min: float
    reading: str
    topic: str | None = None


@dataclass(frozen=True, slots=True)
class Subscale:
    id: str
    title: str
    item_ids: tuple[str, ...]
    rule: Rule
    bands: tuple[Band, ...] = ()
    group: str = "subscales"


@dataclass(frozen=True, slots=True)
class SubscaleScore:
    subscale: Subscale
    value: float
    lowest: float
    highest: float

    @property
    def band(self) -> Band | None:
        reached = [band for band in self.subscale.bands if self.value >= band.min]
        return reached[-1] if reached else None

    def to_dict(self) -> dict[str, Any]:
        band = self.band
        return {
            "title": self.subscale.title,
            "score": self.value,
            "min": self.lowest,
            "max": self.highest,
            "rule": self.subscale.rule.value,
            "reading": band.reading if band else None,
            "topic": band.topic if band else None,
        }


@dataclass(frozen=True, slots=True)
class InstrumentScore:
    instrument_id: str
    scores: tuple[SubscaleScore, ...]

    def groups(self) -> dict[str, dict[str, SubscaleScore]]:
        grouped: dict[str, dict[str, SubscaleScore]] = {}
        for score in self.scores:
            grouped.setdefault(score.subscale.group, {})[score.subscale.id] = score
        return grouped

    def value(self, subscale_id: str) -> float:
        return next(s.value for s in self.scores if s.subscale.id == subscale_id)

    def to_dict(self) -> dict[str, Any]:
        result: dict[str, Any] = {"instrument": self.instrument_id}
        for group, scores in self.groups().items():
            result[group] = {sid: score.to_dict() for sid, score in scores.items()}
        return result


@dataclass(frozen=True, slots=True)
class Instrument:
    id: str
    title: str
    items: tuple[Item, ...]
    subscales: tuple[Subscale, ...]
    version: str = ""
    url: str = ""
    description: str = ""
    notice: str = ""
    citations: tuple[str, ...] = ()
    introductions: tuple[str, ...] = ()

    _by_id: dict[str, Item] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {item.id: item for item in self.items})

    def item(self, item_id: str) -> Item:
        return self._by_id[item_id]

    def template(self) -> dict[str, Any]:
        """The answers document for scripts, with every answer still to be filled in."""
        return {
            "instrument": self.id,
            "answers": {item.id: None for item in self.items},
            "items": [
                {"id": item.id, "text": item.text, "values": list(item.values)}
                for item in self.items
            ],
        }

    def check_answers(self, answers: Mapping[str, object]) -> dict[str, int]:
        """Every question answered with a value on its scale, or an InvalidInput that says why."""
        known = {item.id for item in self.items}
        unknown = sorted(set(answers) - known)
        if unknown:
            raise InvalidInput(msg.ANSWERS_UNKNOWN.format(id=self.id, items=", ".join(unknown)))
        missing = [item.id for item in self.items if answers.get(item.id) is None]
        if missing:
            raise InvalidInput(msg.ANSWERS_MISSING.format(items=", ".join(missing)))
        checked: dict[str, int] = {}
        for item in self.items:
            value = answers[item.id]
            if isinstance(value, bool) or not isinstance(value, int):
                raise InvalidInput(
                    msg.ANSWERS_NOT_WHOLE.format(item=item.id, values=_listed(item.values))
                )
            if value not in item.values:
                raise InvalidInput(
                    msg.ANSWERS_OUT_OF_SCALE.format(
                        value=value, item=item.id, values=_listed(item.values)
                    )
                )
            checked[item.id] = value
        return checked

    def score(self, answers: Mapping[str, object]) -> InstrumentScore:
        checked = self.check_answers(answers)
        return InstrumentScore(
            self.id, tuple(self._score_subscale(sub, checked) for sub in self.subscales)
        )

    def _score_subscale(self, subscale: Subscale, answers: Mapping[str, int]) -> SubscaleScore:
        items = [self.item(item_id) for item_id in subscale.item_ids]
        value = _combine(subscale.rule, [item.keyed(answers[item.id]) for item in items])
        lowest = _combine(subscale.rule, [item.lowest for item in items])
        highest = _combine(subscale.rule, [item.highest for item in items])
        return SubscaleScore(subscale, value, lowest, highest)


def _listed(values: tuple[int, ...]) -> str:
    return ", ".join(str(v) for v in values)


def _combine(rule: Rule, values: list[int]) -> float:
    total = sum(values)
    return round(total / len(values), 2) if rule is Rule.MEAN else float(total)


def answers_from_document(
    document: object, expected_instrument: str | None
) -> tuple[str, dict[str, object]]:
    """Read a filled-in template: the instrument's id and the answers, not yet checked."""
    if not isinstance(document, Mapping) or not isinstance(document.get("answers"), Mapping):
        raise InvalidInput(msg.ANSWERS_NOT_OBJECT)
    found = document.get("instrument", expected_instrument)
    if not isinstance(found, str):
        raise InvalidInput(msg.ANSWERS_NOT_OBJECT)
    if expected_instrument is not None and found != expected_instrument:
        raise InvalidInput(
            msg.ANSWERS_WRONG_INSTRUMENT.format(found=found, expected=expected_instrument)
        )
    return found, {str(key): value for key, value in document["answers"].items()}


# --- reading a definition ----------------------------------------------------------------------


def parse_instrument(data: object) -> Instrument:
    """Turn a Questionnaire's JSON (already decoded) into an Instrument, or say what is wrong."""
    if not isinstance(data, Mapping) or data.get("resourceType") != "Questionnaire":
        raise InvalidInput(msg.INSTRUMENT_NOT_QUESTIONNAIRE)
    instrument_id = data.get("id")
    if not isinstance(instrument_id, str) or not instrument_id:
        raise InvalidInput(msg.INSTRUMENT_NO_ID)
    if not _ID_PATTERN.fullmatch(instrument_id):
        raise InvalidInput(msg.INSTRUMENT_BAD_ID.format(id=instrument_id))
    items: list[Item] = []
    introductions: list[str] = []
    for raw in _walk_items(data.get("item", [])):
        kind = raw.get("type")
        if kind == "display":
            introductions.append(str(raw.get("text", "")))
        elif kind in _SCORED_TYPES:
            items.append(_parse_item(raw))
        else:
            raise InvalidInput(msg.INSTRUMENT_ITEM_TYPE.format(item=raw.get("linkId"), type=kind))
    if not items:
        raise InvalidInput(msg.INSTRUMENT_NO_ITEMS.format(id=instrument_id))
    ids = [item.id for item in items]
    for item_id in ids:
        if ids.count(item_id) > 1:
            raise InvalidInput(msg.INSTRUMENT_DUPLICATE_ITEM.format(item=item_id))
    extensions = _extensions(data)
    rule = _rule(_first_value(extensions, SCORING_RULE, "valueCode") or Rule.SUM.value)
    default_bands = _bands(_all(extensions, BAND), instrument_id)
    subscales = [
        _parse_subscale(ext, rule, default_bands, items) for ext in _all(extensions, SUBSCALE)
    ] or [Subscale(TOTAL, str(data.get("title", instrument_id)), tuple(ids), rule, default_bands)]
    sub_ids = [sub.id for sub in subscales]
    for subscale in subscales:
        if sub_ids.count(subscale.id) > 1:
            raise InvalidInput(msg.INSTRUMENT_SUBSCALE_REPEATED.format(id=subscale.id))
        _check_bands_cover(subscale, items)
    return Instrument(
        id=instrument_id,
        title=str(data.get("title") or instrument_id),
        items=tuple(items),
        subscales=tuple(subscales),
        version=str(data.get("version", "")),
        url=str(data.get("url", "")),
        description=str(data.get("description", "")),
        notice=_first_value(extensions, NOTICE, "valueString") or "",
        citations=tuple(str(ext.get("valueString", "")) for ext in _all(extensions, CITATION)),
        introductions=tuple(introductions),
    )


def _walk_items(raw_items: object) -> Iterator[Mapping[str, Any]]:
    if not isinstance(raw_items, list):
        return
    for raw in raw_items:
        if not isinstance(raw, Mapping):
            raise InvalidInput(msg.INSTRUMENT_ITEM_NO_ID)
        if raw.get("type") == "group":
            yield from _walk_items(raw.get("item", []))
        else:
            yield raw


def _parse_item(raw: Mapping[str, Any]) -> Item:
    item_id = raw.get("linkId")
    if not isinstance(item_id, str) or not item_id:
        raise InvalidInput(msg.INSTRUMENT_ITEM_NO_ID)
    text = raw.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InvalidInput(msg.INSTRUMENT_ITEM_NO_TEXT.format(item=item_id))
    options = raw.get("answerOption", [])
    choices = [_parse_choice(item_id, option) for option in options if isinstance(option, Mapping)]
    if len(choices) < 2:
        raise InvalidInput(msg.INSTRUMENT_ITEM_FEW_OPTIONS.format(item=item_id))
    values = [choice.value for choice in choices]
    for value in values:
        if values.count(value) > 1:
            raise InvalidInput(msg.INSTRUMENT_OPTION_REPEATED.format(item=item_id, value=value))
    reverse = _first_value(_extensions(raw), REVERSE_SCORED, "valueBoolean") is True
    return Item(item_id, text.strip(), tuple(choices), reverse)


def _parse_choice(item_id: str, option: Mapping[str, Any]) -> Choice:
    integer = _whole(option.get("valueInteger"))
    if integer is not None:
        return Choice(integer, str(integer))
    coding = option.get("valueCoding")
    if not isinstance(coding, Mapping):
        raise InvalidInput(msg.INSTRUMENT_OPTION_NO_SCORE.format(item=item_id))
    code = coding.get("code")
    candidates = [
        _first_value(_extensions(place), url, "valueDecimal")
        for place in (option, coding)
        for url in (ORDINAL_VALUE, ITEM_WEIGHT)
    ]
    candidates.append(option.get("itemWeight"))
    if isinstance(code, str) and re.fullmatch(r"-?\d+", code):
        candidates.append(int(code))
    weight = next((_whole(c) for c in candidates if c is not None), None)
    if weight is None:
        raise InvalidInput(msg.INSTRUMENT_OPTION_NO_SCORE.format(item=item_id))
    return Choice(
        weight,
        str(coding.get("display") or code or weight),
        system=coding.get("system"),
        code=code if isinstance(code, str) else None,
    )


def _whole(value: object) -> int | None:
    """The value as a whole number, or None when it is not one (booleans are not numbers here)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


def _parse_subscale(
    extension: Mapping[str, Any], rule: Rule, default_bands: tuple[Band, ...], items: list[Item]
) -> Subscale:
    parts = _extensions(extension)
    sub_id = _first_value(parts, "id", "valueCode")
    if not isinstance(sub_id, str) or not sub_id:
        raise InvalidInput(msg.INSTRUMENT_SUBSCALE_NO_ID)
    item_ids = tuple(str(part.get("valueString")) for part in _all(parts, "item"))
    if not item_ids:
        raise InvalidInput(msg.INSTRUMENT_SUBSCALE_EMPTY.format(id=sub_id))
    known = {item.id: item for item in items}
    for item_id in item_ids:
        if item_id not in known:
            raise InvalidInput(msg.INSTRUMENT_SUBSCALE_UNKNOWN_ITEM.format(id=sub_id, item=item_id))
    own_rule = _first_value(parts, "rule", "valueCode")
    subscale = Subscale(
        id=sub_id,
        title=_first_value(parts, "title", "valueString") or sub_id,
        item_ids=item_ids,
        rule=_rule(own_rule) if own_rule else rule,
        bands=_bands(_all(parts, "band"), sub_id) or default_bands,
        group=_first_value(parts, "group", "valueCode") or "subscales",
    )
    return subscale


def _check_bands_cover(subscale: Subscale, items: list[Item]) -> None:
    if not subscale.bands:
        return
    lowest = _combine(
        subscale.rule, [item.lowest for item in items if item.id in subscale.item_ids]
    )
    if subscale.bands[0].min > lowest:
        raise InvalidInput(
            msg.INSTRUMENT_BANDS_GAP.format(
                id=subscale.id, min=subscale.bands[0].min, lowest=lowest
            )
        )


def _bands(extensions: list[Mapping[str, Any]], owner: str) -> tuple[Band, ...]:
    bands: list[Band] = []
    for extension in extensions:
        parts = _extensions(extension)
        low = _first_value(parts, "min", "valueDecimal")
        reading = _first_value(parts, "reading", "valueString")
        if (
            isinstance(low, bool)
            or not isinstance(low, int | float)
            or not isinstance(reading, str)
        ):
            raise InvalidInput(msg.INSTRUMENT_BAND_MALFORMED.format(owner=owner))
        bands.append(Band(float(low), reading, _first_value(parts, "topic", "valueCode")))
    return tuple(sorted(bands, key=lambda band: band.min))


def _rule(value: object) -> Rule:
    try:
        return Rule(str(value))
    except ValueError:
        raise InvalidInput(msg.INSTRUMENT_BAD_RULE.format(rule=value)) from None


def _extensions(element: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    found = element.get("extension", [])
    if not isinstance(found, list) or not all(isinstance(e, Mapping) for e in found):
        raise InvalidInput(msg.INSTRUMENT_EXTENSION_MALFORMED.format(detail="not a list"))
    return found


def _all(extensions: list[Mapping[str, Any]], url: str) -> list[Mapping[str, Any]]:
    return [extension for extension in extensions if extension.get("url") == url]


def _first_value(extensions: list[Mapping[str, Any]], url: str, key: str) -> Any:
    return next((ext.get(key) for ext in _all(extensions, url)), None)
