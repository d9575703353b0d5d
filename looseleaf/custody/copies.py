"""Render a numbered copy: every page watermarked with the reader, the copy
number and the date, so a copy found outside the building names its holder.

The copy carries the leaves' original text, and a scan's page image before
it, watermarked in its pixels for the holder; a Unicode font (DejaVu, from the
machine's fonts) keeps Cyrillic and Polish names intact. Without one, the
text is set in a core font and characters it lacks print as "?".
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from PIL import Image

FONT_PLACES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/local/share/fonts/DejaVuSans.ttf"),
)


@dataclass(frozen=True)
class CopyPage:
    leaf_id: int
    heading: str
    text: str
    #: A scan's page image, watermarked already for the copy's holder (PNG).
    image: bytes | None = None


class _Watermarked(FPDF):
    def __init__(self, mark: str, font: str) -> None:
        super().__init__(format="A4")
        self.mark = mark
        self.font_name = font

    def header(self) -> None:
        self.set_font(self.font_name, size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, self.mark, align="C")
        self.ln(8)
        with self.rotation(45, x=self.w / 2, y=self.h / 2):
            self.set_font(self.font_name, size=28)
            self.set_text_color(215, 215, 215)
            self.text(self.w / 2 - 90, self.h / 2, self.mark)
        self.set_text_color(0, 0, 0)

    def footer(self) -> None:
        self.set_y(-12)
        self.set_font(self.font_name, size=8)
        self.set_text_color(90, 90, 90)
        self.cell(0, 5, f"{self.mark} - page {self.page_no()}", align="C")


def render(number: int, reader: str, date: str, pages: list[CopyPage]) -> tuple[bytes, int]:
    """The PDF bytes and the number of PDF pages."""
    mark = f"COPY No. {number} - issued to {reader} - {date}"
    font_file = next((place for place in FONT_PLACES if place.exists()), None)
    font = "DejaVu" if font_file else "Helvetica"
    pdf = _Watermarked(_safe(mark, font_file), font)
    if font_file:
        pdf.add_font("DejaVu", fname=str(font_file))
    pdf.set_auto_page_break(auto=True, margin=18)
    for page in pages:
        pdf.add_page()
        pdf.set_font(font, size=9)
        pdf.multi_cell(0, 5, _safe(page.heading, font_file))
        pdf.ln(3)
        if page.image is not None:
            # The page image first, as it is the original; its OCR text after.
            room = pdf.h - pdf.get_y() - 20
            with Image.open(io.BytesIO(page.image)) as shown:
                ratio = shown.height / shown.width
            width = min(pdf.epw, room / ratio)
            pdf.image(io.BytesIO(page.image), x=pdf.l_margin, w=width)
            pdf.add_page()
            pdf.set_font(font, size=9)
            pdf.multi_cell(0, 5, _safe(f"{page.heading} - the text OCR read", font_file))
            pdf.ln(3)
        pdf.set_font(font, size=10)
        pdf.multi_cell(0, 5, _safe(page.text, font_file) or " ")
    return bytes(pdf.output()), pdf.page_no()


def _safe(text: str, font_file: Path | None) -> str:
    text = text.replace("\f", "\n")
    if font_file:
        return text
    return text.encode("latin-1", errors="replace").decode("latin-1")
