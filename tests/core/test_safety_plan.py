"""The safety plan keeps the seven Stanley–Brown parts, in the person's own words."""

from __future__ import annotations

import pytest

from holdingspace.core.errors import InvalidInput
from holdingspace.core.safety_plan import MAX_LINES, SECTIONS, SafetyPlan, parse_safety_plan


def test_the_plan_has_the_seven_parts_in_order() -> None:
    assert SECTIONS == (
        "warning_signs",
        "coping_strategies",
        "distractions",
        "people_to_ask",
        "professionals",
        "safer_environment",
        "reasons_for_living",
    )


def test_a_plan_round_trips_through_its_json_form_with_blank_lines_dropped() -> None:
    plan = parse_safety_plan(
        {"warning_signs": ["Not sleeping", "  "], "reasons_for_living": ["Mo"]}
    )

    assert plan.lines("warning_signs") == ("Not sleeping",)
    assert parse_safety_plan(plan.to_dict()) == plan
    assert plan.to_dict()["people_to_ask"] == []


def test_no_stored_plan_is_an_empty_plan() -> None:
    assert parse_safety_plan(None).is_empty
    assert not SafetyPlan().with_section("coping_strategies", ["A walk"]).is_empty


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (["a list"], "JSON object"),
        ({"hopes": ["x"]}, "no part called 'hopes'"),
        ({"warning_signs": "one string"}, "list of short lines"),
        ({"warning_signs": [1, 2]}, "list of short lines"),
        ({"warning_signs": ["x"] * (MAX_LINES + 1)}, "longer than"),
        ({"warning_signs": ["x" * 501]}, "longer than"),
    ],
)
def test_a_malformed_plan_is_refused_with_a_reason(data: object, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_safety_plan(data)
