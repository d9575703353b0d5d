"""PDF: one leaf per page, the text pypdf extracts from it.

The page is the unit a paginated source already has, so it is the leaf. A
PDF that needs a password or cannot be parsed is refused whole; a page
without text (a scan with no OCR layer) stays an empty leaf so page numbers
keep their meaning.
"""

from __future__ import annotations

import io
import logging

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from looseleaf.errors import BadInput

logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(what: str, data: bytes) -> list[tuple[str | None, str]]:
    """(page label, text) for every page. A label is kept only where the PDF
    itself defines page labels: a label counted from the page index would
    tell a reader of page 3 that a page 2 exists (position does that job,
    counted among the pages they may read)."""
    if not data.startswith(b"%PDF-"):
        raise BadInput(what, "corrupt PDF (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise BadInput(what, "encrypted PDF (it needs a password to open)")
        own = "/PageLabels" in reader.root_object
        labels: list[str | None] = list(reader.page_labels) if own else [None] * len(reader.pages)
        pages = [(labels[i], page.extract_text() or "") for i, page in enumerate(reader.pages)]
    except BadInput:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise BadInput(what, f"corrupt PDF ({type(exc).__name__}: {exc})") from None
    if not pages:
        raise BadInput(what, "PDF has no pages")
    if not any(text.strip() for _, text in pages):
        raise BadInput(what, "PDF has no extractable text (a scan without an OCR layer?)")
    return pages
