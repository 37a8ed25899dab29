"""Home's notice adapter gives exactly what InsightsService.notice() gives, on demo journals."""

from __future__ import annotations

import pytest
from tests.support import FIXED_NOW
from tests.web.web_support import Clock

from holdingspace.services.context import Context
from holdingspace.services.demo import create_demo
from holdingspace.services.insights import InsightsService
from holdingspace.store.memory import MemoryStore
from holdingspace.web.notice import gentle_notice


@pytest.mark.parametrize("days_later", [0, 3, 10, 20, 40])
def test_the_adapter_matches_the_service(days_later: int) -> None:
    clock = Clock(FIXED_NOW)
    context = Context(store=MemoryStore(), clock=clock)
    create_demo(context, years=0.5)
    clock.advance(days=days_later)
    assert gentle_notice(context) == InsightsService(context).notice()


def test_the_demo_ends_intense_enough_for_a_notice() -> None:
    clock = Clock(FIXED_NOW)
    context = Context(store=MemoryStore(), clock=clock)
    create_demo(context, years=0.5)
    assert gentle_notice(context) is not None
    clock.advance(days=60)
    assert gentle_notice(context) is None
