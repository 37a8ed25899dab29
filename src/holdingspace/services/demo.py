"""Fill an empty journal with the made-up demo (core/demo.py), so every screen has something."""

from __future__ import annotations

from dataclasses import dataclass

from holdingspace.core import insight_messages as msg
from holdingspace.core.demo import GENERAL, DemoItem, generate_demo
from holdingspace.core.errors import Refused
from holdingspace.core.instruments import Instrument
from holdingspace.core.records import Rating
from holdingspace.services.checkins import WEEKLY_CHECKIN, CheckinService
from holdingspace.services.context import Context
from holdingspace.services.insights import INTERFERENCE_INDEX, LABEL_GROUP

DEFAULT_SEED = 20240611
DEFAULT_YEARS = 1.0
MAX_YEARS = 10.0


@dataclass(frozen=True, slots=True)
class DemoSummary:
    entries: int
    checkins: int
    sessions: int
    breaks: int
    ratings: int

    @property
    def message(self) -> str:
        return msg.DEMO_DONE.format(
            entries=self.entries,
            checkins=self.checkins,
            sessions=self.sessions,
            breaks=self.breaks,
            ratings=self.ratings,
        )


def demo_items(instrument: Instrument) -> list[DemoItem]:
    """What each question of the weekly check-in measures, read from its subscales."""
    measures: dict[str, str] = {}
    for subscale in instrument.subscales:
        if subscale.group == LABEL_GROUP:
            for item_id in subscale.item_ids:
                measures.setdefault(item_id, subscale.id)
        elif subscale.id == INTERFERENCE_INDEX:
            for item_id in subscale.item_ids:
                measures.setdefault(item_id, "interference")
    return [
        DemoItem(item.id, measures.get(item.id, GENERAL), item.lowest, item.highest, item.reverse)
        for item in instrument.items
    ]


def create_demo(
    context: Context, years: float = DEFAULT_YEARS, seed: int = DEFAULT_SEED, ending: bool = False
) -> DemoSummary:
    """Add the demo to an empty journal; refuse one that already holds entries or sessions."""
    store = context.store
    if store.count_entries() or store.list_sessions() or store.list_checkins():
        raise Refused(msg.DEMO_REFUSED)
    years = min(max(years, 0.1), MAX_YEARS)
    instrument = CheckinService(context).instrument(WEEKLY_CHECKIN)
    journal = generate_demo(
        seed, context.clock(), years, demo_items(instrument), instrument.id, ending=ending
    )
    store.bulk_add(journal.breaks)
    store.bulk_add(journal.sessions)
    ids = {s.uid: s.id for s in store.list_sessions()}
    ratings = []
    for demo in journal.ratings:
        session_id = ids[journal.sessions[demo.session_index].uid]
        assert session_id is not None
        ratings.append(Rating(None, demo.uid, session_id, demo.rated_at, demo.answers))
    store.bulk_add(ratings)
    store.bulk_add(journal.entries)
    store.bulk_add(journal.checkins)
    return DemoSummary(
        entries=len(journal.entries),
        checkins=len(journal.checkins),
        sessions=len(journal.sessions),
        breaks=len(journal.breaks),
        ratings=len(ratings),
    )
