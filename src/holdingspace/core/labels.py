"""The eleven attachment signs, as named by the label contract (shared/labels.md)."""

from typing import Final

LABELS: Final[tuple[str, ...]] = (
    "approval",
    "sensitivity_to_change",
    "wanting_more_contact",
    "embarrassment",
    "loyalty",
    "missing",
    "safe_space",
    "warm_feelings",
    "uncomfortable_feelings",
    "romantic_feelings",
    "interference",
)

LABEL_TITLES: Final[dict[str, str]] = {
    "approval": "Wanting their approval",
    "sensitivity_to_change": "Sensitivity to changes",
    "wanting_more_contact": "Wanting more contact",
    "embarrassment": "Embarrassment about caring",
    "loyalty": "Loyalty and trust",
    "missing": "Missing them",
    "safe_space": "A safe space",
    "warm_feelings": "Warm feelings",
    "uncomfortable_feelings": "Uncomfortable feelings",
    "romantic_feelings": "Romantic feelings",
    "interference": "Getting in the way",
}
