"""Round trips through the real CLI: check-in, rating, instruments, safety plan, crisis, library."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle
from tests.support import Run

from holdingspace.core.labels import LABELS
from holdingspace.library.topics import all_topics

CALM_FIVE = Path(__file__).parents[1] / "fixtures" / "instruments" / "calm-five.json"


def write_json(path: Path, data: object) -> str:
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_the_template_needs_no_passphrase_and_has_the_documented_shape(cli: Run) -> None:
    result = cli("checkin", "--template", env={"HOLDINGSPACE_PASSPHRASE": ""})

    template = json.loads(result.stdout)
    assert list(template) == ["instrument", "answers", "items"]
    assert template["instrument"] == "weekly-checkin"
    assert set(template["answers"].values()) == {None}
    assert [item["id"] for item in template["items"]] == list(template["answers"])
    assert all(item["values"] == [0, 1, 2, 3, 4] for item in template["items"])


def test_answers_file_round_trip_scores_every_label(
    cli: Run, journal_home: Path, tmp_path: Path
) -> None:
    template = json.loads(cli("checkin", "--template").stdout)
    template["answers"] = dict.fromkeys(template["answers"], 3)

    result = cli("checkin", "--answers", write_json(tmp_path / "a.json", template), "--json")

    assert result.exit_code == 0, result.output
    scored = json.loads(result.stdout)
    assert list(scored["labels"]) == list(LABELS)
    assert list(scored["dimensions"]) == ["secure", "preoccupied", "avoidant_fearful"]
    assert scored["indices"]["interference_index"]["score"] == 3
    history = json.loads(cli("checkin", "history", "--json").stdout)
    assert [h["id"] for h in history] == [scored["id"]]


def test_a_missing_answer_is_an_error_and_nothing_is_saved(
    cli: Run, journal_home: Path, tmp_path: Path
) -> None:
    template = json.loads(cli("checkin", "--template").stdout)
    template["answers"] = dict.fromkeys(template["answers"], 1)
    template["answers"]["safe-space"] = None

    result = cli("checkin", "--answers", write_json(tmp_path / "a.json", template))

    assert result.exit_code == 2
    assert "no answer yet (safe-space)" in result.output
    assert json.loads(cli("checkin", "history", "--json").stdout) == []


def test_the_interactive_checkin_asks_each_question_and_shows_plain_readings(
    cli: Run, journal_home: Path
) -> None:
    answers = "\n".join(["9", "4"] + ["0"] * 20) + "\n"  # 9 is off the scale: asked again

    result = cli("checkin", input=answers)

    assert result.exit_code == 0, result.output
    assert "1/21  I worried about what my therapist thinks of me." in result.stdout
    assert "Sometimes this week." in result.stdout  # approval: (4 + 0) / 2
    assert "not a validated scale" in result.stdout
    assert "holdingspace learn approval" in result.stdout


def test_the_fhir_export_parses_as_a_bundle(cli: Run, journal_home: Path, tmp_path: Path) -> None:
    template = json.loads(cli("checkin", "--template").stdout)
    template["answers"] = dict.fromkeys(template["answers"], 0)
    cli("checkin", "--answers", write_json(tmp_path / "a.json", template))
    out = tmp_path / "export.json"

    result = cli("checkin", "export", "--format", "fhir", "--output", str(out))

    assert result.exit_code == 0, result.output
    bundle = Bundle.model_validate_json(out.read_text(encoding="utf-8"))
    assert bundle.entry is not None
    resource = bundle.entry[0].resource
    assert resource is not None
    assert resource.get_resource_type() == "QuestionnaireResponse"


def test_a_low_session_rating_suggests_mentioning_it(
    cli: Run, journal_home: Path, tmp_path: Path
) -> None:
    cli("session", "add", "2026-11-20T10:00")
    low = {
        "instrument": "session-rating",
        "answers": {"bond": 4, "goals": 6, "approach": 5, "overall": 5},
    }

    result = cli("rate", "1", "--answers", write_json(tmp_path / "r.json", low))

    assert result.exit_code == 0, result.output
    assert "Something may have felt off; it can help to mention it." in result.stdout
    assert "holdingspace learn ruptures-and-repair" in result.stdout


def test_a_good_interactive_rating_does_not_flag(cli: Run, journal_home: Path) -> None:
    cli("session", "add", "2026-11-20T10:00")

    result = cli("rate", "1", "--json", input="9\n9\n8\n10\n")

    rated = json.loads(result.stdout[result.stdout.index("{") :])
    assert (rated["total"], rated["felt_off"], rated["topic"]) == (36, False, None)


def test_rating_an_unknown_session_asks_nothing(cli: Run, journal_home: Path) -> None:
    result = cli("rate", "7")

    assert result.exit_code == 5
    assert "no session with id 7" in result.output


def test_an_added_instrument_is_listed_and_taken(cli: Run, journal_home: Path) -> None:
    assert cli("instrument", "add", str(CALM_FIVE)).exit_code == 0

    listed = json.loads(cli("instrument", "list", "--json").stdout)
    result = cli("checkin", "--instrument", "calm-five", "--json", input="3\n0\n0\n0\n0\n")

    assert [row["id"] for row in listed] == ["weekly-checkin", "session-rating", "calm-five"]
    scored = json.loads(result.stdout[result.stdout.index('{\n  "id"') :])
    assert scored["subscales"]["ease"]["score"] == 6
    assert scored["subscales"]["ease"]["reading"] == "High ease."


def test_the_safety_plan_is_written_shown_and_comes_with_crisis_help(
    cli: Run, journal_home: Path, tmp_path: Path
) -> None:
    plan = {"warning_signs": ["Not sleeping"], "people_to_ask": ["Sam, 0123 456"]}
    cli("safety-plan", "--from", write_json(tmp_path / "plan.json", plan))
    cli("region", "GB")

    shown = cli("safety-plan").stdout
    crisis = cli("crisis").stdout

    assert "Not sleeping" in shown
    assert "Samaritans" in crisis
    assert crisis.index("Samaritans") < crisis.index("Not sleeping")
    assert "Sam, 0123 456" in crisis


def test_the_safety_plan_can_be_written_section_by_section(cli: Run, journal_home: Path) -> None:
    typed = "Pacing at night\n\nMusic\nA long shower\n\n\n\n\n\nMy dog\n\n"

    cli("safety-plan", "--edit", input=typed)

    plan = json.loads(cli("safety-plan", "--json").stdout)
    assert plan["warning_signs"] == ["Pacing at night"]
    assert plan["coping_strategies"] == ["Music", "A long shower"]
    assert plan["reasons_for_living"] == ["My dog"]


def test_crisis_lines_show_even_without_a_journal(cli: Run) -> None:
    result = cli("crisis", "--region", "AU")

    assert result.exit_code == 0
    assert "000" in result.stdout


@pytest.mark.parametrize("topic_id", [topic.id for topic in all_topics()])
def test_every_library_topic_renders_in_the_terminal(cli: Run, topic_id: str) -> None:
    result = cli("learn", topic_id)

    assert result.exit_code == 0, result.output
    assert len(result.stdout) > 200


def test_learn_lists_and_searches_by_words_inside_topics(cli: Run) -> None:
    listed = cli("learn").stdout
    found = cli("learn", "--search", "rupture", "--json").stdout
    nothing = cli("learn", "--search", "zzzqqq").stdout

    assert "ruptures-and-repair" in listed
    assert "ruptures-and-repair" in [topic["id"] for topic in json.loads(found)]
    assert "No topic mentions 'zzzqqq'" in nothing


def test_prompt_offers_one_prompt_or_all_for_a_label(cli: Run) -> None:
    one = cli("prompt", "--label", "missing").stdout.splitlines()
    every = cli("prompt", "--label", "missing", "--all").stdout.splitlines()

    assert len(one) == 2
    assert len(every) > 2
    assert one[1] in every


@pytest.mark.parametrize("command", [("checkin",), ("rate", "1")])
def test_without_a_terminal_the_answers_cannot_be_read_and_it_says_so(
    cli: Run, journal_home: Path, command: tuple[str, ...]
) -> None:
    cli("session", "add", "2026-11-20T10:00")

    result = cli(*command)  # nothing to read: the end of input comes at the first question

    assert result.exit_code == 2
    assert "Your answers could not be read" in result.output
    assert "--answers FILE (see --template)" in result.output


def test_the_rating_prompt_gives_the_scale_and_our_own_words_for_a_wrong_answer(
    cli: Run, journal_home: Path
) -> None:
    cli("session", "add", "2026-11-17T10:00")

    result = cli("rate", "1", input="eleven\n11\n9\n9\n8\n10\n")

    assert result.exit_code == 0, result.output
    assert "Thinking about your session on Tuesday 17 November 2026." in result.stdout
    assert "Your answer, from 0 (not at all) to 10 (completely):" in result.stdout
    assert ".:" not in result.stdout
    assert result.stdout.count("Please type a whole number from 0 to 10.") == 2
    assert "36 of 40" in result.stdout


def test_a_session_still_to_come_is_not_rated(cli: Run, journal_home: Path) -> None:
    cli("session", "add", "2099-03-03T10:00")

    result = cli("rate", "1", input="9\n9\n9\n9\n")

    assert result.exit_code == 2
    assert "Tuesday 3 March 2099 has not happened yet" in result.output
    assert "Bond" not in result.output


def test_the_checkin_result_rounds_scores_and_says_its_notice_once(
    cli: Run, journal_home: Path, tmp_path: Path
) -> None:
    template = json.loads(cli("checkin", "--template").stdout)
    template["answers"] = dict.fromkeys(template["answers"], 2)
    template["answers"].update({"contact-more": 3, "contact-private-life": 3})

    out = cli("checkin", "--answers", write_json(tmp_path / "a.json", template)).stdout

    assert "2.7 / 4" in out  # wanting more contact: (3 + 3 + 2) / 3
    assert "2.67" not in out
    assert "Holding back for fear of disapproval" in out
    assert "How much it gets in the way of therapy and" in out
    assert "Preoccupied" not in out
    assert out.count("not a diagnosis") == 1


def test_a_line_without_a_number_says_last_checked(cli: Run) -> None:
    crisis = cli("crisis", "--region", "INTL").stdout

    assert "Last checked" in crisis
    assert "Number last checked" not in crisis
