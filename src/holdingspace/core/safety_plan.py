"""The person's own safety plan, in the Stanley–Brown structure.

Seven parts, in the order they are meant to be used in a hard moment (Stanley & Brown 2012,
Cognitive and Behavioral Practice 19(2), 256–264): warning signs; things to do on one's own;
people and social settings that distract; people to ask for help; professionals and crisis
lines; making the surroundings safer; reasons for living. Each part is a list of short lines in
the person's own words. The plan is kept, encrypted, as one JSON setting.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from holdingspace.core import checkin_messages as msg
from holdingspace.core.errors import InvalidInput

SETTING_KEY: Final = "safety_plan"
SECTIONS: Final[tuple[str, ...]] = tuple(msg.SAFETY_PLAN_SECTIONS)
MAX_LINES: Final = 50
MAX_LINE_CHARS: Final = 500


@dataclass(frozen=True, slots=True)
class SafetyPlan:
    sections: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def lines(self, section: str) -> tuple[str, ...]:
        return self.sections.get(section, ())

    @property
    def is_empty(self) -> bool:
        return not any(self.sections.values())

    def with_section(self, section: str, lines: Sequence[object]) -> SafetyPlan:
        if section not in SECTIONS:
            raise InvalidInput(
                msg.SAFETY_PLAN_UNKNOWN_SECTION.format(section=section, known=", ".join(SECTIONS))
            )
        updated = dict(self.sections)
        updated[section] = _check_lines(section, lines)
        return SafetyPlan(updated)

    def to_dict(self) -> dict[str, list[str]]:
        return {section: list(self.lines(section)) for section in SECTIONS}


def parse_safety_plan(data: object) -> SafetyPlan:
    """A plan from its JSON form (``{"warning_signs": ["..."], ...}``); missing parts are empty."""
    if data is None:
        return SafetyPlan()
    if not isinstance(data, Mapping):
        raise InvalidInput(msg.SAFETY_PLAN_NOT_OBJECT)
    unknown = [str(key) for key in data if key not in SECTIONS]
    if unknown:
        raise InvalidInput(
            msg.SAFETY_PLAN_UNKNOWN_SECTION.format(section=unknown[0], known=", ".join(SECTIONS))
        )
    plan = SafetyPlan()
    for section in SECTIONS:
        lines = data.get(section, [])
        if not isinstance(lines, list):
            raise InvalidInput(msg.SAFETY_PLAN_NOT_LINES.format(section=section))
        plan = plan.with_section(section, lines)
    return plan


def _check_lines(section: str, lines: Sequence[object]) -> tuple[str, ...]:
    if not all(isinstance(line, str) for line in lines):
        raise InvalidInput(msg.SAFETY_PLAN_NOT_LINES.format(section=section))
    kept = tuple(str(line).strip() for line in lines if str(line).strip())
    if len(kept) > MAX_LINES or any(len(line) > MAX_LINE_CHARS for line in kept):
        raise InvalidInput(
            msg.SAFETY_PLAN_TOO_LONG.format(section=section, limit=MAX_LINES, chars=MAX_LINE_CHARS)
        )
    return kept
