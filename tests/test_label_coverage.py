"""Every label of the contract has a library topic and at least one check-in question."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest

from holdingspace.core.instruments import parse_instrument
from holdingspace.core.labels import LABELS
from holdingspace.library.topics import get_topic

CONTRACT = Path(__file__).parents[1] / ".." / "shared" / "labels.md"
TOPICS = Path(__file__).parents[1] / "src" / "holdingspace" / "library" / "topics"


def contract_labels() -> list[str]:
    if not CONTRACT.is_file():
        pytest.skip(f"the label contract is not beside the repository ({CONTRACT.resolve()})")
    table = CONTRACT.read_text(encoding="utf-8").split("\n## ")[0]
    return re.findall(r"^\| `([a-z_]+)` \|", table, flags=re.MULTILINE)


def test_the_contract_names_the_eleven_labels_of_the_core() -> None:
    assert contract_labels() == list(LABELS)


@pytest.mark.parametrize("label", LABELS)
def test_every_label_has_a_library_topic(label: str) -> None:
    assert label in contract_labels()
    topic_id = label.replace("_", "-")

    assert (TOPICS / f"{topic_id}.md").is_file()
    assert label in get_topic(topic_id).labels


def test_every_label_has_at_least_one_checkin_question() -> None:
    text = resources.files("holdingspace.instruments").joinpath("weekly-checkin.json")
    weekly = parse_instrument(json.loads(text.read_text(encoding="utf-8")))
    per_label = {s.id: s.item_ids for s in weekly.subscales if s.group == "labels"}

    for label in contract_labels():
        assert per_label.get(label), f"no check-in question scores {label}"
