"""The session rating: four items from 0 to 10 (bond, goals, approach, overall), total 0–40.

The rule that gently flags a session (documented in docs/session-rating.md):

- a *low total*: below ``LOW_TOTAL`` (24 of 40, an average under 6 out of 10 per item); or
- a *drop*: at least ``DROP_POINTS`` (8) below the median of the person's own previous ratings,
  counted only once there are ``MIN_HISTORY`` (5) of them, using the latest ``HISTORY_WINDOW``
  (10) so that "usual" follows the person as therapy changes.

Either gives "something may have felt off; it can help to mention it", with the library
topic on ruptures and repair. It is a nudge to talk, never a verdict on the therapist or the
person.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import median
from typing import Final

RATING_ITEMS: Final = ("bond", "goals", "approach", "overall")
ITEM_MAX: Final = 10
TOTAL_MAX: Final = ITEM_MAX * len(RATING_ITEMS)
LOW_TOTAL: Final = 24
DROP_POINTS: Final = 8
MIN_HISTORY: Final = 5
HISTORY_WINDOW: Final = 10
REPAIR_TOPIC: Final = "ruptures-and-repair"


class Concern(StrEnum):
    LOW_TOTAL = "low-total"
    DROP = "drop"


@dataclass(frozen=True, slots=True)
class RatingReading:
    total: int
    usual: float | None
    """The median of the previous ratings considered, or None with fewer than MIN_HISTORY."""
    concerns: tuple[Concern, ...]

    @property
    def felt_off(self) -> bool:
        return bool(self.concerns)

    @property
    def drop(self) -> float | None:
        return None if self.usual is None else self.usual - self.total

    @property
    def topic(self) -> str | None:
        return REPAIR_TOPIC if self.felt_off else None


def rating_total(answers: dict[str, int]) -> int:
    return sum(answers[item] for item in RATING_ITEMS)


def read_rating(total: int, previous_totals: Sequence[int]) -> RatingReading:
    """Apply the rule to one total, given the person's earlier totals (oldest first)."""
    recent = list(previous_totals)[-HISTORY_WINDOW:]
    usual = float(median(recent)) if len(recent) >= MIN_HISTORY else None
    concerns: list[Concern] = []
    if total < LOW_TOTAL:
        concerns.append(Concern.LOW_TOTAL)
    if usual is not None and usual - total >= DROP_POINTS:
        concerns.append(Concern.DROP)
    return RatingReading(total, usual, tuple(concerns))
