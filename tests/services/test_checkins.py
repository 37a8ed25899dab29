"""The check-in service over the in-memory store: what is kept, what is refused, what is read."""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from holdingspace.core.calendar import Session
from holdingspace.core.errors import InvalidInput, NotFound
from holdingspace.core.labels import LABELS
from holdingspace.core.rating import REPAIR_TOPIC
from holdingspace.core.safety_plan import parse_safety_plan
from holdingspace.services import checkins as service
from holdingspace.services.checkins import CheckinService
from holdingspace.services.context import Context
from holdingspace.store.memory import MemoryStore

CALM_FIVE = Path(__file__).parents[1] / "fixtures" / "instruments" / "calm-five.json"


@pytest.fixture
def checkins(fixed_clock: Callable[[], datetime]) -> CheckinService:
    return CheckinService(Context(store=MemoryStore(), clock=fixed_clock))


def filled(checkins: CheckinService, value: int = 2) -> dict[str, Any]:
    document = checkins.template()
    document["answers"] = dict.fromkeys(document["answers"], value)
    return document


def test_a_filled_in_template_is_scored_and_kept(checkins: CheckinService) -> None:
    done = checkins.take_document(filled(checkins))

    result = done.to_dict()
    assert set(result["labels"]) == set(LABELS)
    assert set(result["dimensions"]) == {"secure", "preoccupied", "avoidant_fearful"}
    assert result["indices"]["interference_index"]["score"] == 2
    assert "not a validated scale" in result["notice"]
    assert [c.id for c in checkins.store.list_checkins()] == [done.checkin.id]


def test_a_missing_answer_keeps_nothing(checkins: CheckinService) -> None:
    document = filled(checkins)
    document["answers"]["missing-between"] = None

    with pytest.raises(InvalidInput, match="missing-between"):
        checkins.take_document(document)
    assert checkins.store.list_checkins() == []


def test_history_rescores_what_was_kept(checkins: CheckinService) -> None:
    checkins.take_document(filled(checkins, 1))
    checkins.take_document(filled(checkins, 3))

    values = [done.score.value("missing") for done in checkins.history()]

    assert values == [1, 3]


def test_an_added_instrument_is_kept_listed_and_used(checkins: CheckinService) -> None:
    definition = json.loads(CALM_FIVE.read_text(encoding="utf-8"))

    checkins.add_instrument(definition)
    checkins.add_instrument(definition)
    done = checkins.take({"c1": 3, "c2": 0, "c3": 0, "c4": 0, "c5": 0}, "calm-five")

    listed = [(instrument.id, built_in) for instrument, built_in in checkins.instruments()]
    assert listed == [("weekly-checkin", True), ("session-rating", True), ("calm-five", False)]
    assert done.score.value("ease") == 6
    assert checkins.history("calm-five")[0].checkin.instrument_id == "calm-five"


def test_an_added_instrument_cannot_take_a_built_in_name(checkins: CheckinService) -> None:
    definition = json.loads(CALM_FIVE.read_text(encoding="utf-8"))
    definition["id"] = "weekly-checkin"

    with pytest.raises(InvalidInput, match="built-in"):
        checkins.add_instrument(definition)


def test_an_unknown_instrument_names_the_known_ones(checkins: CheckinService) -> None:
    with pytest.raises(NotFound, match="Known: weekly-checkin, session-rating"):
        checkins.template("phq-9")


def test_the_export_holds_one_response_per_checkin(checkins: CheckinService) -> None:
    checkins.take_document(filled(checkins))
    checkins.take_document(filled(checkins))

    bundle = json.loads(checkins.export_fhir())

    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["QuestionnaireResponse"] * 2


def add_session(checkins: CheckinService, days: int) -> int:
    starts = datetime(2026, 1, 5, 10, 0) + timedelta(days=days)
    session = checkins.store.add_session(Session(None, f"s{days}", starts))
    assert session.id is not None
    return session.id


def test_a_rating_well_below_the_persons_usual_feels_off(checkins: CheckinService) -> None:
    good = {"bond": 10, "goals": 9, "approach": 9, "overall": 10}
    for week in range(5):
        assert not checkins.rate(add_session(checkins, 7 * week), good).reading.felt_off

    dipped = checkins.rate(add_session(checkins, 35), {**good, "bond": 5, "goals": 5})

    assert dipped.reading.usual == 38
    assert dipped.reading.total == 29
    assert dipped.to_dict()["topic"] == REPAIR_TOPIC
    assert dipped.to_dict()["concerns"] == ["drop"]


def test_a_rating_needs_all_four_answers_and_a_real_session(checkins: CheckinService) -> None:
    session_id = add_session(checkins, 0)

    with pytest.raises(InvalidInput, match="overall"):
        checkins.rate(session_id, {"bond": 5, "goals": 5, "approach": 5})
    with pytest.raises(InvalidInput, match="outside its scale"):
        checkins.rate(session_id, {"bond": 11, "goals": 5, "approach": 5, "overall": 5})
    with pytest.raises(NotFound):
        checkins.rate(999, {"bond": 5, "goals": 5, "approach": 5, "overall": 5})
    assert checkins.store.list_ratings() == []


def test_a_session_that_has_not_happened_yet_cannot_be_rated(checkins: CheckinService) -> None:
    future = checkins.store.add_session(Session(None, "later", datetime(2026, 12, 1, 10, 0)))
    assert future.id is not None

    with pytest.raises(InvalidInput, match="Tuesday 1 December 2026 has not happened yet"):
        checkins.check_session(future.id)
    with pytest.raises(InvalidInput, match="not happened yet"):
        checkins.rate(future.id, {"bond": 5, "goals": 5, "approach": 5, "overall": 5})
    assert checkins.store.list_ratings() == []


def test_the_safety_plan_is_kept_in_settings(checkins: CheckinService) -> None:
    assert checkins.safety_plan().is_empty

    checkins.save_safety_plan_document({"reasons_for_living": ["My sister"]})

    assert checkins.store.get_setting("safety_plan")["reasons_for_living"] == ["My sister"]
    assert checkins.safety_plan() == parse_safety_plan({"reasons_for_living": ["My sister"]})


def test_crisis_help_uses_the_chosen_region_and_brings_the_plan(checkins: CheckinService) -> None:
    checkins.save_safety_plan_document({"warning_signs": ["Not sleeping"]})
    checkins.set_region("ie")

    help_now = checkins.crisis_help()

    assert help_now.region.code == "IE"
    assert help_now.plan is not None
    assert help_now.plan.lines("warning_signs") == ("Not sleeping",)
    assert checkins.crisis_help("AU").region.code == "AU"


def test_an_unknown_region_is_refused_with_the_known_codes(checkins: CheckinService) -> None:
    with pytest.raises(InvalidInput, match=r"Known regions: .*GB"):
        checkins.set_region("XX")


def test_crisis_lines_do_not_wait_for_the_journal() -> None:
    help_now = service.crisis_help_without_journal("US")

    assert help_now.plan is None
    assert help_now.region.lines


def test_prompts_accept_labels_with_hyphens_and_moments() -> None:
    assert service.prompts("wanting-more-contact") == service.prompts("wanting_more_contact")
    assert service.prompts("before_session")
    assert service.one_prompt("break", random.Random(1)) in service.prompts("break")
    with pytest.raises(InvalidInput, match="Choose one of approval"):
        service.prompts("weather")


def test_topics_are_found_by_id_or_label_name() -> None:
    assert service.topic("safe_space").id == "safe-space"
    assert service.references_of(service.topic("ruptures-and-repair"))
    with pytest.raises(NotFound, match="holdingspace learn"):
        service.topic("no-such-page")
