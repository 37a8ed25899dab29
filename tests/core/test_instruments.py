"""The scoring engine reads any Questionnaire-shaped definition, and never gives a wrong score."""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from holdingspace.core.errors import InvalidInput
from holdingspace.core.instruments import (
    TOTAL,
    Instrument,
    answers_from_document,
    parse_instrument,
)
from holdingspace.core.labels import LABELS

FIXTURE = Path(__file__).parents[1] / "fixtures" / "instruments" / "calm-five.json"


def calm_five_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return data


def built_in(name: str) -> Instrument:
    text = resources.files("holdingspace.instruments").joinpath(f"{name}.json").read_text("utf-8")
    return parse_instrument(json.loads(text))


def tiny(**extra: Any) -> dict[str, Any]:
    """A two-question Questionnaire with integer options 1..5."""
    options = [{"valueInteger": v} for v in range(1, 6)]
    data: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": "tiny",
        "status": "draft",
        "item": [
            {"linkId": "a", "text": "First", "type": "integer", "answerOption": options},
            {"linkId": "b", "text": "Second", "type": "integer", "answerOption": options},
        ],
    }
    data.update(extra)
    return data


# --- a third-party file ----------------------------------------------------------------------


def test_a_third_party_file_loads_with_its_groups_codes_and_subscales() -> None:
    calm = parse_instrument(calm_five_data())

    assert calm.id == "calm-five"
    assert [item.id for item in calm.items] == ["c1", "c2", "c3", "c4", "c5"]
    assert calm.item("c1").values == (0, 1, 2, 3)
    assert calm.item("c1").choice(2).display == "Often"
    assert calm.introductions == ("In the past fortnight:",)
    assert [s.id for s in calm.subscales] == ["ease", "rest"]
    assert calm.citations == ("Invented for the holdingspace test suite; not a real instrument.",)


def test_reverse_keys_are_mirrored_on_the_items_own_scale() -> None:
    calm = parse_instrument(calm_five_data())

    # c2 and c5 are reverse-scored on 0..3: an answer of 3 counts 0, an answer of 0 counts 3.
    score = calm.score({"c1": 3, "c2": 3, "c3": 2, "c4": 1, "c5": 0})

    assert score.value("ease") == 3 + 0 + 2  # sum is the questionnaire's default rule
    assert score.value("rest") == (1 + 3) / 2  # the subscale's own rule: mean


def test_bands_give_the_reading_of_the_highest_band_reached() -> None:
    calm = parse_instrument(calm_five_data())

    low = calm.score({"c1": 1, "c2": 3, "c3": 1, "c4": 0, "c5": 0}).groups()["subscales"]["ease"]
    high = calm.score({"c1": 3, "c2": 0, "c3": 0, "c4": 0, "c5": 0}).groups()["subscales"]["ease"]

    assert (low.value, low.band and low.band.reading) == (2, "Low ease.")
    assert (high.value, high.band and high.band.reading) == (6, "High ease.")
    assert high.band is not None
    assert high.band.topic == "calm"
    assert (high.lowest, high.highest) == (0, 9)


def test_without_subscales_one_total_is_scored_by_sum() -> None:
    score = parse_instrument(tiny()).score({"a": 4, "b": 5})

    assert score.to_dict() == {
        "instrument": "tiny",
        "subscales": {
            TOTAL: {
                "title": "tiny",
                "score": 9.0,
                "min": 2.0,
                "max": 10.0,
                "rule": "sum",
                "reading": None,
                "topic": None,
            }
        },
    }


def test_mean_scores_are_rounded_to_two_places() -> None:
    rule = [{"url": "urn:holdingspace:fhir:scoring-rule", "valueCode": "mean"}]
    score = parse_instrument(tiny(extension=rule)).score({"a": 1, "b": 2})

    assert score.value(TOTAL) == 1.5


# --- answers that cannot be scored ----------------------------------------------------------


def test_a_missing_answer_is_a_clear_error_not_a_lower_score() -> None:
    calm = parse_instrument(calm_five_data())

    with pytest.raises(InvalidInput, match=r"no answer yet \(c3, c5\)"):
        calm.score({"c1": 1, "c2": 1, "c4": 1})


def test_a_null_answer_counts_as_missing() -> None:
    with pytest.raises(InvalidInput, match=r"no answer yet \(b\)"):
        parse_instrument(tiny()).score({"a": 3, "b": None})


@pytest.mark.parametrize("value", [0, 6, -1, 99])
def test_a_value_outside_the_scale_is_a_clear_error(value: int) -> None:
    with pytest.raises(InvalidInput, match=rf"answer {value} to 'a' is outside its scale"):
        parse_instrument(tiny()).score({"a": value, "b": 3})


@pytest.mark.parametrize("value", [2.5, "3", True])
def test_an_answer_that_is_not_a_whole_number_is_refused(value: object) -> None:
    with pytest.raises(InvalidInput, match="needs to be a whole number, one of 1, 2, 3, 4, 5"):
        parse_instrument(tiny()).score({"a": value, "b": 3})


def test_answers_to_unknown_questions_are_refused() -> None:
    with pytest.raises(InvalidInput, match="does not have: zz"):
        parse_instrument(tiny()).score({"a": 1, "b": 1, "zz": 1})


# --- definitions that cannot be read ----------------------------------------------------------


def broken(change: str) -> dict[str, Any]:
    data = calm_five_data()
    ease = data["extension"][1]["extension"]
    match change:
        case "not-questionnaire":
            data["resourceType"] = "Patient"
        case "no-id":
            del data["id"]
        case "unknown-item":
            ease.append({"url": "item", "valueString": "c9"})
        case "bad-rule":
            data["extension"].append(
                {"url": "urn:holdingspace:fhir:scoring-rule", "valueCode": "median"}
            )
        case "repeated-link":
            data["item"][2]["item"][0]["linkId"] = "c1"
        case "free-text":
            data["item"].append({"linkId": "note", "text": "Anything else?", "type": "string"})
        case "no-score":
            data["item"][1]["item"][0]["answerOption"] = [
                {"valueCoding": {"code": "yes"}},
                {"valueCoding": {"code": "no"}},
            ]
        case "band-gap":
            first_band = next(part for part in ease if part["url"] == "band")
            first_band["extension"][0]["valueDecimal"] = 1
    return data


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ("not-questionnaire", "not shaped like a FHIR Questionnaire"),
        ("no-id", 'needs an "id"'),
        ("unknown-item", "lists 'c9', which is not a question"),
        ("bad-rule", "Unknown scoring rule 'median'"),
        ("repeated-link", "uses the linkId 'c1' more than once"),
        ("free-text", "has type 'string'"),
        ("no-score", "has no whole-number score"),
        ("band-gap", "starts at 1.0, above the lowest possible score 0"),
    ],
)
def test_a_malformed_definition_says_what_is_wrong(change: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_instrument(broken(change))


def test_the_ordinal_value_extension_wins_over_the_code() -> None:
    data = tiny()
    data["item"][0]["answerOption"] = [
        {
            "valueCoding": {"code": code, "display": code},
            "extension": [
                {
                    "url": "http://hl7.org/fhir/StructureDefinition/ordinalValue",
                    "valueDecimal": weight,
                }
            ],
        }
        for code, weight in (("LA1", 0), ("LA2", 5))
    ]

    assert parse_instrument(data).item("a").values == (0, 5)


# --- the template and the answers document ----------------------------------------------------


def test_the_template_has_exactly_the_documented_shape() -> None:
    template = parse_instrument(tiny()).template()

    assert template == {
        "instrument": "tiny",
        "answers": {"a": None, "b": None},
        "items": [
            {"id": "a", "text": "First", "values": [1, 2, 3, 4, 5]},
            {"id": "b", "text": "Second", "values": [1, 2, 3, 4, 5]},
        ],
    }


def test_a_filled_in_template_reads_back() -> None:
    filled = copy.deepcopy(parse_instrument(tiny()).template())
    filled["answers"] = {"a": 2, "b": 3}

    assert answers_from_document(filled, None) == ("tiny", {"a": 2, "b": 3})
    with pytest.raises(InvalidInput, match="for 'tiny', but the instrument asked for is 'other'"):
        answers_from_document(filled, "other")
    with pytest.raises(InvalidInput, match="need to be a JSON object"):
        answers_from_document([1, 2], None)


# --- the built-in instruments -------------------------------------------------------------------


def test_the_weekly_checkin_scores_every_label_three_dimensions_and_the_index() -> None:
    weekly = built_in("weekly-checkin")
    groups = weekly.score({item.id: 2 for item in weekly.items}).groups()

    assert set(groups["labels"]) == set(LABELS)
    assert set(groups["dimensions"]) == {"secure", "preoccupied", "avoidant_fearful"}
    assert set(groups["indices"]) == {"interference_index"}
    assert all(s.band is not None for group in groups.values() for s in group.values())


def test_the_weekly_checkin_has_reverse_keyed_items_and_says_it_is_not_validated() -> None:
    weekly = built_in("weekly-checkin")

    assert sum(item.reverse for item in weekly.items) >= 2
    assert "not a validated scale" in weekly.notice
    assert all(item.values == (0, 1, 2, 3, 4) for item in weekly.items)
    assert weekly.item("approval-worry").choice(4).display == "Nearly all the time"


def test_the_weekly_checkin_counts_a_reverse_item_the_other_way() -> None:
    weekly = built_in("weekly-checkin")
    answers = {item.id: 0 for item in weekly.items}
    at_peace = weekly.score({**answers, "embarrassment-at-peace": 4}).value("embarrassment")
    not_at_peace = weekly.score(answers).value("embarrassment")

    assert at_peace < not_at_peace


def test_the_interference_index_is_the_mean_of_its_two_items() -> None:
    weekly = built_in("weekly-checkin")
    answers = {item.id: 0 for item in weekly.items}
    answers.update({"interferes-therapy": 4, "interferes-daily-life": 1})

    assert weekly.score(answers).value("interference_index") == 2.5


ANSWER_WORDS = {
    0: "Hardly at all",
    1: "A little",
    2: "Sometimes",
    3: "Often",
    4: "Nearly all the time",
}


def scoring(weekly: Instrument, value: int) -> dict[str, object]:
    """Answers that give every subscale the score ``value`` (reverse items answered mirrored)."""
    return {item.id: item.keyed(value) for item in weekly.items}


@pytest.mark.parametrize(("value", "words"), ANSWER_WORDS.items())
def test_a_label_reading_matches_the_answer_word_of_its_score(value: int, words: str) -> None:
    weekly = built_in("weekly-checkin")

    labels = weekly.score(scoring(weekly, value)).groups()["labels"]

    assert {label: s.value for label, s in labels.items()} == dict.fromkeys(LABELS, value)
    assert all(s.band is not None and s.band.reading.startswith(words) for s in labels.values())


def test_the_cut_points_sit_halfway_between_answers_and_are_documented() -> None:
    weekly = built_in("weekly-checkin")

    for subscale in weekly.subscales:
        assert [band.min for band in subscale.bands] == [0, 0.5, 1.5, 2.5, 3.5], subscale.id
    assert "below 0.5" in weekly.description
    assert "3.5 or more as nearly all the time" in weekly.description


def test_three_and_four_never_read_the_same() -> None:
    weekly = built_in("weekly-checkin")
    often = weekly.score(scoring(weekly, 3)).scores
    always = weekly.score(scoring(weekly, 4)).scores

    for three, four in zip(often, always, strict=True):
        assert (three.value, four.value) == (3, 4)
        assert three.band != four.band, three.subscale.id


def test_the_ways_of_relating_have_plain_titles_and_the_index_a_name_of_its_own() -> None:
    weekly = built_in("weekly-checkin")
    titles = {subscale.id: subscale.title for subscale in weekly.subscales}

    assert titles["secure"] == "Trust and safety"
    assert titles["preoccupied"] == "Longing for more closeness"
    assert titles["avoidant_fearful"] == "Holding back for fear of disapproval"
    assert not any(word in " ".join(titles.values()) for word in ("Preoccupied", "Avoidant"))
    assert titles["interference_index"] == "How much it gets in the way of therapy and daily life"
    assert titles["interference"] != titles["interference_index"]
