"""The session-rating rule: a low total, or a drop well below the person's own usual."""

from __future__ import annotations

import json
from importlib import resources

from holdingspace.core.instruments import parse_instrument
from holdingspace.core.rating import (
    LOW_TOTAL,
    RATING_ITEMS,
    REPAIR_TOPIC,
    TOTAL_MAX,
    Concern,
    rating_total,
    read_rating,
)


def test_a_total_below_24_of_40_feels_off_even_without_history() -> None:
    reading = read_rating(23, [])

    assert reading.felt_off
    assert reading.concerns == (Concern.LOW_TOTAL,)
    assert reading.topic == REPAIR_TOPIC
    assert reading.usual is None


def test_24_of_40_without_history_does_not_fire() -> None:
    reading = read_rating(24, [])

    assert not reading.felt_off
    assert reading.topic is None


def test_a_drop_of_8_below_the_median_of_five_earlier_ratings_fires() -> None:
    reading = read_rating(30, [38, 37, 39, 36, 38])

    assert reading.usual == 38
    assert reading.drop == 8
    assert reading.concerns == (Concern.DROP,)


def test_a_drop_of_7_does_not_fire() -> None:
    assert not read_rating(31, [38, 37, 39, 36, 38]).felt_off


def test_a_drop_needs_five_earlier_ratings_to_know_what_is_usual() -> None:
    reading = read_rating(28, [38, 38, 38, 38])

    assert reading.usual is None
    assert not reading.felt_off


def test_usual_follows_the_latest_ten_ratings() -> None:
    long_ago_low = [20] * 20
    lately_high = [36] * 10

    reading = read_rating(27, long_ago_low + lately_high)

    assert reading.usual == 36
    assert reading.concerns == (Concern.DROP,)


def test_low_and_dropped_both_show() -> None:
    assert read_rating(10, [35] * 6).concerns == (Concern.LOW_TOTAL, Concern.DROP)


def test_the_total_adds_the_four_items() -> None:
    assert rating_total({"bond": 9, "goals": 8, "approach": 7, "overall": 6}) == 30


def test_the_shipped_rating_instrument_agrees_with_the_rule() -> None:
    text = resources.files("holdingspace.instruments").joinpath("session-rating.json")
    instrument = parse_instrument(json.loads(text.read_text("utf-8")))
    total = instrument.subscales[0]

    assert tuple(item.id for item in instrument.items) == RATING_ITEMS
    assert all(item.values == tuple(range(11)) for item in instrument.items)
    assert total.bands[1].min == LOW_TOTAL
    assert total.bands[0].topic == REPAIR_TOPIC
    answers = dict.fromkeys(RATING_ITEMS, 10)
    assert instrument.score(answers).scores[0].highest == TOTAL_MAX
