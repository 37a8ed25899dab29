"""Check-ins leave as FHIR R4 QuestionnaireResponses that a FHIR library accepts."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from importlib import resources

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse

from holdingspace.core.errors import InvalidInput
from holdingspace.core.instruments import Instrument, parse_instrument
from holdingspace.core.records import CheckIn
from holdingspace.exchange.fhir import checkins_bundle, validate_questionnaire

UID = "0f8fad5bd9cb469fa16570867728950e"


def built_in(name: str) -> tuple[Instrument, dict[str, object]]:
    text = resources.files("holdingspace.instruments").joinpath(f"{name}.json").read_text("utf-8")
    data = json.loads(text)
    return parse_instrument(data), data


def weekly_checkin() -> tuple[CheckIn, Instrument]:
    weekly, _ = built_in("weekly-checkin")
    answers = {item.id: index % 5 for index, item in enumerate(weekly.items)}
    return CheckIn(1, UID, datetime(2026, 11, 26, 9, 30), weekly.id, answers), weekly


def test_the_export_parses_as_a_bundle_of_valid_questionnaire_responses() -> None:
    checkin, weekly = weekly_checkin()

    text = checkins_bundle([(checkin, weekly)], UTC)

    bundle = Bundle.model_validate_json(text)
    assert bundle.type == "collection"
    assert bundle.entry is not None
    resource = bundle.entry[0].resource
    assert resource is not None
    response = QuestionnaireResponse.model_validate(
        resource.model_dump(mode="json", exclude_none=True)
    )
    assert response.status == "completed"
    assert response.questionnaire == "urn:holdingspace:questionnaire:weekly-checkin|1"
    assert response.identifier is not None
    assert response.identifier.value == UID
    assert bundle.entry[0].fullUrl == "urn:uuid:0f8fad5b-d9cb-469f-a165-70867728950e"
    assert len(response.item or []) == len(weekly.items)


def test_answers_keep_their_coding_or_their_integer() -> None:
    checkin, weekly = weekly_checkin()
    rating, _ = built_in("session-rating")
    rated = CheckIn(
        2,
        "r" * 32,
        datetime(2026, 11, 27, 18, 0),
        rating.id,
        dict.fromkeys(("bond", "goals", "approach", "overall"), 7),
    )

    document = json.loads(checkins_bundle([(checkin, weekly), (rated, rating)], UTC))

    first = document["entry"][0]["resource"]["item"][0]
    assert first["linkId"] == "approval-worry"
    assert first["answer"] == [
        {
            "valueCoding": {
                "system": "urn:holdingspace:fhir:answers:frequency",
                "code": "0",
                "display": "Not at all",
            }
        }
    ]
    assert document["entry"][1]["resource"]["item"][0]["answer"] == [{"valueInteger": 7}]
    assert document["entry"][0]["resource"]["authored"] == "2026-11-26T09:30:00Z"


def test_the_built_in_instruments_are_valid_fhir_questionnaires() -> None:
    for name in ("weekly-checkin", "session-rating"):
        validate_questionnaire(built_in(name)[1])


def test_a_questionnaire_that_breaks_fhir_rules_is_refused() -> None:
    _, data = built_in("session-rating")
    data["status"] = ["not", "a", "code"]

    with pytest.raises(InvalidInput, match="does not pass as a FHIR R4 Questionnaire"):
        validate_questionnaire(data)
