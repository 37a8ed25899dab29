"""The session-prep note as a PDF (fpdf2), laid out to print well on A4 and on US Letter.

Text is set in DejaVu Sans when Debian's fonts-dejavu-core is installed (it covers accents,
curly quotes and most scripts); otherwise in the PDF core font Helvetica, with the text folded
to Latin-1 so that nothing fails to print.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Literal

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from holdingspace.core import insight_messages as msg
from holdingspace.core.prep import PrepNote

Paper = Literal["A4", "Letter"]
Colour = tuple[int, int, int]
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"}
MARGIN_MM = 18
INK: Colour = (40, 40, 48)
SOFT: Colour = (105, 105, 115)
RULE: Colour = (190, 195, 205)
QUOTE_FILL: Colour = (244, 245, 248)
_FOLDED = {"“": '"', "”": '"', "‘": "'", "’": "'", "–": "-", "—": "-", "…": "...", "•": "-"}


class _Note(FPDF):
    def __init__(self, paper: Paper) -> None:
        super().__init__(orientation="portrait", unit="mm", format=paper.lower())
        self.set_margins(MARGIN_MM, MARGIN_MM, MARGIN_MM)
        self.set_auto_page_break(auto=True, margin=MARGIN_MM)
        self.unicode_fonts = all((DEJAVU / name).is_file() for name in FONT_FILES.values())
        if self.unicode_fonts:
            for style, name in FONT_FILES.items():
                self.add_font("Body", style, str(DEJAVU / name))
            self.body_font = "Body"
        else:
            self.body_font = "Helvetica"
        self.bullet = "•" if self.unicode_fonts else "-"

    def text_for_font(self, text: str) -> str:
        if self.unicode_fonts:
            return text
        for wide, narrow in _FOLDED.items():
            text = text.replace(wide, narrow)
        text = unicodedata.normalize("NFKC", text)
        return text.encode("latin-1", errors="replace").decode("latin-1")

    def paragraph(
        self, text: str, size: float = 10.5, style: str = "", colour: Colour = INK
    ) -> None:
        self.set_font(self.body_font, style, size)
        self.set_text_color(*colour)
        self.multi_cell(
            0, size * 0.5, self.text_for_font(text), new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )

    def heading(self, text: str) -> None:
        self.ln(3)
        self.paragraph(text, size=12.5, style="B")
        self.set_draw_color(*RULE)
        self.line(self.l_margin, self.get_y() + 0.8, self.w - self.r_margin, self.get_y() + 0.8)
        self.ln(2.5)

    def bullets(self, lines: tuple[str, ...] | list[str]) -> None:
        indent = 5.0
        for line in lines:
            self.set_font(self.body_font, "", 10.5)
            self.set_text_color(*INK)
            self.cell(indent, 5.25, self.bullet)
            self.multi_cell(0, 5.25, self.text_for_font(line), new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.ln(0.8)

    def quote(self, heading: str, text: str) -> None:
        self.paragraph(heading, size=9.5, style="B", colour=SOFT)
        self.set_font(self.body_font, "I", 10.5)
        self.set_text_color(*INK)
        self.set_fill_color(*QUOTE_FILL)
        self.multi_cell(
            0,
            5.25,
            self.text_for_font(text),
            fill=True,
            padding=(2, 3),
            new_x=XPos.LMARGIN,
            new_y=YPos.NEXT,
        )
        self.ln(2)


def render_pdf(note: PrepNote, paper: Paper = "A4") -> bytes:
    pdf = _Note(paper)
    pdf.set_title(note.title)
    pdf.set_creator("holdingspace")
    pdf.add_page()
    pdf.paragraph(note.title, size=19, style="B")
    pdf.ln(1)
    pdf.paragraph(note.period, size=10, colour=SOFT)
    if note.next_session_text:
        pdf.paragraph(note.next_session_text, size=10, colour=SOFT)
    pdf.heading(msg.PREP_SECTION_NOTICED)
    pdf.bullets(note.noticed)
    pdf.heading(msg.PREP_SECTION_PASSAGES)
    if not note.passages:
        pdf.paragraph(msg.PREP_NO_PASSAGES, colour=SOFT)
    for passage in note.passages:
        pdf.quote(passage.heading, passage.text)
    pdf.heading(msg.PREP_SECTION_SAY)
    if note.to_say:
        pdf.bullets(note.to_say)
    else:
        pdf.paragraph(msg.PREP_NOTHING_TO_SAY, colour=SOFT)
    pdf.heading(msg.PREP_SECTION_STARTERS)
    pdf.bullets([f"“{starter}”" for starter in note.starters])
    if note.break_plan:
        pdf.heading(msg.PREP_SECTION_BREAK)
        pdf.bullets(note.break_plan.lines)
    if note.ending_plan:
        pdf.heading(msg.PREP_SECTION_ENDING)
        pdf.bullets(note.ending_plan.lines)
    return bytes(pdf.output())
