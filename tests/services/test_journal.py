"""Re-reading entries after the analysis changes, over an in-memory store and a fake analyser."""

from __future__ import annotations

import pytest
from tests.support import FIXED_NOW, Clock, VersionedAnalyser

from holdingspace.core.entries import Entry, EntryKind
from holdingspace.core.errors import Refused
from holdingspace.core.signs import Analysis
from holdingspace.services.context import Context
from holdingspace.services.journal import REANALYSE_BATCH, JournalService
from holdingspace.store.memory import MemoryStore


@pytest.fixture
def analyser() -> VersionedAnalyser:
    return VersionedAnalyser()


@pytest.fixture
def service(analyser: VersionedAnalyser) -> JournalService:
    context = Context(MemoryStore(), clock=Clock(FIXED_NOW), analyser_factory=lambda: analyser)
    return JournalService(context)


def write_several(service: JournalService, count: int, words: str = "An ordinary day") -> None:
    clock = service.context.clock
    assert isinstance(clock, Clock)
    for number in range(count):
        clock.advance(minutes=1)
        service.write(f"{words}, number {number}.")


def by_id(service: JournalService) -> dict[int, Entry]:
    return {entry.id or 0: entry for entry in service.entries()}


def test_entries_from_another_version_or_without_analysis_are_stale(
    service: JournalService, analyser: VersionedAnalyser
) -> None:
    write_several(service, 3)
    assert service.stale_count() == 0
    analyser.version = "model-2"
    write_several(service, 2)
    service.store.add_entry(
        Entry(None, "u-bare", EntryKind.LETTER, "Never read.", FIXED_NOW, FIXED_NOW)
    )
    assert service.stale_count() == 4


def test_reanalyse_rereads_only_stale_entries_and_changes_nothing_else(
    service: JournalService, analyser: VersionedAnalyser
) -> None:
    write_several(service, 3, "I miss her")
    analyser.version = "model-2"
    write_several(service, 2)
    before = by_id(service)
    analyser.batches.clear()
    told: list[int] = []

    assert service.reanalyse(told.append) == 3

    after = by_id(service)
    assert analyser.batches == [3]
    assert told == [3]
    assert {e.analysis.model_version for e in after.values() if e.analysis} == {"model-2"}
    for entry_id, old in before.items():
        new = after[entry_id]
        assert (new.uid, new.kind, new.text, new.created_at, new.updated_at) == (
            old.uid,
            old.kind,
            old.text,
            old.created_at,
            old.updated_at,
        )
        assert new.analysis is not None
        assert new.analysis.labels == (("missing",) if "miss" in old.text else ())
    assert service.stale_count() == 0
    assert service.reanalyse() == 0


def test_reanalyse_reads_in_batches_and_reports_each(
    service: JournalService, analyser: VersionedAnalyser
) -> None:
    write_several(service, 2 * REANALYSE_BATCH + 5)
    analyser.version = "model-2"
    analyser.batches.clear()
    told: list[int] = []
    assert service.reanalyse(told.append) == 2 * REANALYSE_BATCH + 5
    assert analyser.batches == [REANALYSE_BATCH, REANALYSE_BATCH, 5]
    assert told == analyser.batches


def test_an_interrupted_run_leaves_each_entry_with_its_old_or_new_analysis(
    service: JournalService, analyser: VersionedAnalyser, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_several(service, REANALYSE_BATCH + 3)
    analyser.version = "model-2"
    real = analyser.analyse_many

    def fails_on_the_second_batch(texts: list[str]) -> list[Analysis]:
        if len(analyser.batches) == 1:
            raise KeyboardInterrupt
        return real(texts)

    monkeypatch.setattr(analyser, "analyse_many", fails_on_the_second_batch)
    analyser.batches.clear()
    with pytest.raises(KeyboardInterrupt):
        service.reanalyse()
    versions = [e.analysis.model_version for e in service.entries() if e.analysis]
    assert sorted(versions) == ["model-1"] * 3 + ["model-2"] * REANALYSE_BATCH
    assert service.stale_count() == 3


def test_the_lexical_fallback_is_refused_before_anything_changes(
    service: JournalService, analyser: VersionedAnalyser
) -> None:
    write_several(service, 4, "I miss her")
    before = by_id(service)
    analyser.version, analyser.limited = "lexical-1", True
    with pytest.raises(Refused, match="needs the on-device language model"):
        service.stale_count()
    with pytest.raises(Refused, match="needs the on-device language model"):
        service.reanalyse()
    assert by_id(service) == before
    assert analyser.batches == [1] * 4  # only the four writes; nothing was re-read


def test_without_an_analyser_nothing_is_stale_or_reread() -> None:
    service = JournalService(Context(MemoryStore(), clock=Clock(FIXED_NOW)))
    service.write("Words saved before any model.")
    assert service.stale_count() == 0
    assert service.reanalyse() == 0
