"""PDF: one leaf per page, the text pypdf extracts from it.

The page is the unit a paginated source already has, so it is the leaf. A
PDF that needs a password or cannot be parsed is refused whole; a page
without text gives its scanned image for OCR (`scan`), and a page with
neither stays an empty leaf so page numbers keep their meaning.
"""

from __future__ import annotations

import io
import logging

from pypdf import PageObject, PdfReader
from pypdf.errors import PyPdfError

from looseleaf.errors import BadInput
from looseleaf.ingest.scan import MAX_PAGES, PageImage, image_of_pdf_page

logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(what: str, data: bytes) -> list[tuple[str | None, str, PageImage | None]]:
    """(page label, text, scanned image) for every page: a page without a
    text layer gives the largest image it holds, to be read by OCR. A label
    is kept only where the PDF itself defines page labels: a label counted
    from the page index would tell a reader of page 3 that a page 2 exists
    (position does that job, counted among the pages they may read)."""
    if not data.startswith(b"%PDF-"):
        raise BadInput(what, "corrupt PDF (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise BadInput(what, "encrypted PDF (it needs a password to open)")
        own = "/PageLabels" in reader.root_object
        labels: list[str | None] = list(reader.page_labels) if own else [None] * len(reader.pages)
        if len(reader.pages) > MAX_PAGES:
            raise BadInput(
                what, f"{len(reader.pages):,} pages is over the {MAX_PAGES:,}-page limit"
            )
        pages = []
        for i, page in enumerate(reader.pages):
            text = page.extract_text() or ""
            pages.append((labels[i], text, None if text.strip() else _scanned(what, page)))
    except BadInput:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        raise BadInput(what, f"corrupt PDF ({type(exc).__name__}: {exc})") from None
    if not pages:
        raise BadInput(what, "PDF has no pages")
    if not any(text.strip() or image is not None for _, text, image in pages):
        raise BadInput(what, "PDF has no extractable text and no scanned page images")
    return pages


def _scanned(what: str, page: PageObject) -> PageImage | None:
    """The page's largest image, as the PDF holds it, or None (a blank page)."""
    images = list(page.images)
    if not images:
        return None
    largest = max(images, key=lambda found: len(found.data))
    return image_of_pdf_page(what, largest.data, largest.name)
