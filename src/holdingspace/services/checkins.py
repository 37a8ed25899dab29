"""Check-ins, session ratings, instruments, the safety plan, crisis help and the library.

The use cases the faces call for the "understand it" part of holdingspace.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, tzinfo
from importlib import resources
from typing import Any, Final

from holdingspace.core import checkin_messages as msg
from holdingspace.core.calendar import Session
from holdingspace.core.errors import InvalidInput, NotFound
from holdingspace.core.instruments import (
    Instrument,
    InstrumentScore,
    answers_from_document,
    parse_instrument,
)
from holdingspace.core.labels import LABELS
from holdingspace.core.rating import RatingReading, read_rating
from holdingspace.core.records import CheckIn, Rating
from holdingspace.core.safety_plan import SETTING_KEY, SafetyPlan, parse_safety_plan
from holdingspace.exchange import fhir
from holdingspace.library import topics as library
from holdingspace.library.topics import Region, Topic
from holdingspace.services.context import Context, new_uid

WEEKLY_CHECKIN: Final = "weekly-checkin"
SESSION_RATING: Final = "session-rating"
BUILT_IN: Final = (WEEKLY_CHECKIN, SESSION_RATING)
CUSTOM_PREFIX: Final = "instrument:"
CUSTOM_INDEX: Final = "instruments"
"""The setting that lists the ids of instruments the person added."""
REGION_SETTING: Final = "region"
PROMPT_MOMENTS: Final = ("before_session", "after_session", "break", "ending", "general")


def built_in_instrument(instrument_id: str) -> Instrument:
    source = resources.files("holdingspace.instruments").joinpath(f"{instrument_id}.json")
    return parse_instrument(json.loads(source.read_text(encoding="utf-8")))


@dataclass(frozen=True, slots=True)
class ScoredCheckIn:
    checkin: CheckIn
    instrument: Instrument
    score: InstrumentScore

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.checkin.id,
            "taken_at": self.checkin.taken_at.isoformat(),
            **self.score.to_dict(),
            "answers": dict(self.checkin.answers),
            "notice": self.instrument.notice,
        }


@dataclass(frozen=True, slots=True)
class RatedSession:
    rating: Rating
    reading: RatingReading
    highest: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.rating.id,
            "session_id": self.rating.session_id,
            "rated_at": self.rating.rated_at.isoformat(),
            "answers": dict(self.rating.answers),
            "total": self.reading.total,
            "max": self.highest,
            "usual": self.reading.usual,
            "felt_off": self.reading.felt_off,
            "concerns": [concern.value for concern in self.reading.concerns],
            "message": msg.RATING_OFF if self.reading.felt_off else msg.RATING_STEADY,
            "topic": self.reading.topic,
        }


@dataclass(frozen=True, slots=True)
class CrisisHelp:
    region: Region
    plan: SafetyPlan | None
    """The person's own plan, or None when the journal could not be opened."""


class CheckinService:
    def __init__(self, context: Context) -> None:
        self.context = context
        self.store = context.store

    # --- instruments ---------------------------------------------------------------------

    def instrument(self, instrument_id: str = WEEKLY_CHECKIN) -> Instrument:
        if instrument_id in BUILT_IN:
            return built_in_instrument(instrument_id)
        stored = self.store.get_setting(CUSTOM_PREFIX + instrument_id)
        if stored is None:
            known = ", ".join([*BUILT_IN, *self._custom_ids()])
            raise NotFound(msg.INSTRUMENT_UNKNOWN.format(id=instrument_id, known=known))
        return parse_instrument(stored)

    def instruments(self) -> list[tuple[Instrument, bool]]:
        """Every instrument, each with True when it is built in."""
        built_in = [(built_in_instrument(i), True) for i in BUILT_IN]
        return built_in + [(self.instrument(i), False) for i in self._custom_ids()]

    def add_instrument(self, definition: object) -> Instrument:
        """Keep a clinician's questionnaire; adding the same id again replaces it."""
        fhir.validate_questionnaire(definition)
        instrument = parse_instrument(definition)
        if instrument.id in BUILT_IN:
            raise InvalidInput(msg.INSTRUMENT_BUILTIN_TAKEN.format(id=instrument.id))
        self.store.set_setting(CUSTOM_PREFIX + instrument.id, definition)
        ids = self._custom_ids()
        if instrument.id not in ids:
            self.store.set_setting(CUSTOM_INDEX, [*ids, instrument.id])
        return instrument

    def _custom_ids(self) -> list[str]:
        return [str(i) for i in self.store.get_setting(CUSTOM_INDEX) or []]

    # --- check-ins -----------------------------------------------------------------------

    def template(self, instrument_id: str = WEEKLY_CHECKIN) -> dict[str, Any]:
        return self.instrument(instrument_id).template()

    def take(
        self, answers: Mapping[str, object], instrument_id: str = WEEKLY_CHECKIN
    ) -> ScoredCheckIn:
        instrument = self.instrument(instrument_id)
        checked = instrument.check_answers(answers)
        score = instrument.score(checked)
        stored = self.store.add_checkin(
            CheckIn(None, new_uid(), self.context.clock(), instrument.id, checked)
        )
        return ScoredCheckIn(stored, instrument, score)

    def take_document(self, document: object, instrument_id: str | None = None) -> ScoredCheckIn:
        """Score and keep a filled-in template (see ``template``)."""
        found, answers = answers_from_document(document, instrument_id)
        return self.take(answers, found)

    def history(self, instrument_id: str | None = None) -> list[ScoredCheckIn]:
        """Past check-ins, oldest first, scored with today's definition of their instrument."""
        instruments: dict[str, Instrument] = {}
        scored = []
        for checkin in self.store.list_checkins():
            if instrument_id is not None and checkin.instrument_id != instrument_id:
                continue
            if checkin.instrument_id not in instruments:
                instruments[checkin.instrument_id] = self.instrument(checkin.instrument_id)
            instrument = instruments[checkin.instrument_id]
            scored.append(ScoredCheckIn(checkin, instrument, instrument.score(checkin.answers)))
        return scored

    def export_fhir(self, zone: tzinfo | None = None) -> str:
        """Every check-in as a FHIR Bundle of QuestionnaireResponses (JSON text)."""
        return fhir.checkins_bundle(
            [(done.checkin, done.instrument) for done in self.history()], zone
        )

    # --- session ratings -----------------------------------------------------------------

    def rating_template(self) -> dict[str, Any]:
        return self.instrument(SESSION_RATING).template()

    def check_session(self, session_id: int) -> Session:
        """The session to rate, checked before any question is asked: NotFound for one that is
        not there, InvalidInput for one that has not started yet."""
        session = self.store.get_session(session_id)
        if session.starts_at > self.context.clock():
            raise InvalidInput(msg.RATING_NOT_YET.format(day=spoken_day(session.starts_at)))
        return session

    def rate(self, session_id: int, answers: Mapping[str, object]) -> RatedSession:
        instrument = self.instrument(SESSION_RATING)
        checked = instrument.check_answers(answers)
        self.check_session(session_id)
        previous = [sum(r.answers.values()) for r in self.store.list_ratings()]
        stored = self.store.add_rating(
            Rating(None, new_uid(), session_id, self.context.clock(), checked)
        )
        total = instrument.score(checked).scores[0]
        return RatedSession(stored, read_rating(int(total.value), previous), int(total.highest))

    def rate_document(self, session_id: int, document: object) -> RatedSession:
        _, answers = answers_from_document(document, SESSION_RATING)
        return self.rate(session_id, answers)

    # --- the safety plan -----------------------------------------------------------------

    def safety_plan(self) -> SafetyPlan:
        return parse_safety_plan(self.store.get_setting(SETTING_KEY))

    def save_safety_plan(self, plan: SafetyPlan) -> SafetyPlan:
        self.store.set_setting(SETTING_KEY, plan.to_dict())
        return plan

    def save_safety_plan_document(self, document: object) -> SafetyPlan:
        return self.save_safety_plan(parse_safety_plan(document))

    # --- crisis help -----------------------------------------------------------------------

    def region(self) -> Region:
        return library.crisis_lines(self.store.get_setting(REGION_SETTING))

    def set_region(self, code: str) -> Region:
        wanted = code.strip().upper()
        if wanted not in library.region_codes():
            known = ", ".join(library.region_codes())
            raise InvalidInput(msg.REGION_UNKNOWN.format(region=code, codes=known))
        self.store.set_setting(REGION_SETTING, wanted)
        return library.crisis_lines(wanted)

    def crisis_help(self, region: str | None = None) -> CrisisHelp:
        """The crisis lines (for ``region``, else the one in settings) with the person's plan."""
        lines = library.crisis_lines(region) if region else self.region()
        return CrisisHelp(lines, self.safety_plan())


def spoken_day(moment: datetime) -> str:
    """A day as people say it: Tuesday 17 November 2026."""
    return f"{moment:%A} {moment.day} {moment:%B %Y}"


def region_codes() -> tuple[str, ...]:
    return library.region_codes()


def crisis_help_without_journal(region: str | None = None) -> CrisisHelp:
    """Crisis lines even when the journal cannot be opened: help never waits on a passphrase."""
    return CrisisHelp(library.crisis_lines(region), None)


# --- the library ---------------------------------------------------------------------------


def topics() -> tuple[Topic, ...]:
    return library.all_topics()


def topic(topic_id: str) -> Topic:
    try:
        return library.get_topic(topic_id.strip().lower().replace("_", "-"))
    except NotFound:
        raise NotFound(msg.LEARN_UNKNOWN_TOPIC.format(topic=topic_id)) from None


def search_topics(words: str) -> list[Topic]:
    return library.search(words)


def references_of(found: Topic) -> list[library.Reference]:
    every = library.references()
    return [every[key] for key in found.references if key in every]


def prompt_keys() -> tuple[str, ...]:
    return (*LABELS, *PROMPT_MOMENTS)


def prompts(key: str = "general") -> tuple[str, ...]:
    """Journaling prompts for a label (``missing`` or ``missing``-with-hyphens) or a moment."""
    wanted = key.strip().lower().replace("-", "_")
    if wanted not in prompt_keys():
        raise InvalidInput(msg.PROMPT_UNKNOWN_KEY.format(key=key, keys=", ".join(prompt_keys())))
    return library.prompts(wanted)


def one_prompt(key: str = "general", chooser: random.Random | None = None) -> str:
    return (chooser or random.Random()).choice(prompts(key))
