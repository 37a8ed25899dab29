"""The prep note as a PDF: it opens, has the expected text, and fits A4 and Letter."""

from __future__ import annotations

import io
from datetime import date, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from holdingspace.core.prep import BreakPlan, Passage, PrepNote
from holdingspace.exchange import prep_pdf

NOTE = PrepNote(
    since=date(2026, 6, 23),
    until=date(2026, 6, 30),
    next_session=datetime(2026, 7, 7, 10, 0),
    noticed=("I wrote 3 entries in this period.", "Missing them came up in 3 of them."),
    passages=(
        Passage(
            7,
            date(2026, 6, 27),
            "Journal, 27 June 2026",
            "Café talk with Zoë felt “too short”.",
            False,
        ),
    ),
    to_say=("Can we talk about the summer break?",),
    starters=("I have been missing our sessions more than I expected.",),
    carried=("missing",),
    break_plan=BreakPlan(date(2026, 7, 13), date(2026, 7, 26), ("My therapist is away.",)),
    ending_plan=None,
)


def text_of(data: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), reader


@pytest.mark.parametrize(("paper", "size"), [("A4", (595, 842)), ("Letter", (612, 792))])
def test_the_pdf_opens_with_every_section_on_the_paper_asked_for(
    paper: prep_pdf.Paper, size: tuple[int, int]
) -> None:
    text, reader = text_of(prep_pdf.render_pdf(NOTE, paper))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    assert len(reader.pages) == 1
    for expected in (
        "Notes for my next session",
        "What I noticed",
        "Missing them came up in 3 of them.",
        "From my journal",
        "What I want to say or ask",
        "Can we talk about the summer break?",
        "Ways I could start",
        "Planning for the break",
        "Next session: Tuesday 7 July 2026, 10:00",
    ):
        assert expected in text, expected
    assert reader.metadata is not None and reader.metadata.title == "Notes for my next session"


@pytest.mark.skipif(not prep_pdf.DEJAVU.is_dir(), reason="needs fonts-dejavu-core")
def test_accents_and_curly_quotes_survive_with_dejavu() -> None:
    text, _ = text_of(prep_pdf.render_pdf(NOTE))
    assert "Café talk with Zoë felt “too short”." in text


def test_without_dejavu_helvetica_prints_folded_text(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(prep_pdf, "DEJAVU", tmp_path / "no-fonts-here")
    text, _ = text_of(prep_pdf.render_pdf(NOTE))
    assert 'Café talk with Zoë felt "too short".' in text
    assert "What I noticed" in text
