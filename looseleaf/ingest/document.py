"""What ingest hands the store: a report's file facts and its leaves, ready to insert."""

from __future__ import annotations

from dataclasses import dataclass

from looseleaf.ingest.scan import PageImage, Reading


@dataclass(frozen=True)
class Scan:
    """A leaf's page image (its original) and what OCR read on it."""

    image: PageImage
    sha256: str
    reading: Reading


@dataclass(frozen=True)
class PreparedLeaf:
    position: int
    label: str | None
    original: str
    normalised: str
    sha256: str
    #: What followed `original` in the file up to the next leaf (`split_tail`).
    tail: str = ""
    #: For a scanned page: its image and the OCR reading `original` is.
    scan: Scan | None = None


@dataclass(frozen=True)
class Document:
    """A parsed file. `original` holds the file's bytes only for formats whose
    leaves are extracted text (HTML, PDF); a text file is its leaves."""

    filename: str
    media_type: str
    sha256: str
    size: int
    leaves: tuple[PreparedLeaf, ...]
    original: bytes | None
    #: The character encoding the text was read in (None for a PDF, whose
    #: text pypdf extracts).
    encoding: str | None = None

    def warnings(self) -> list[str]:
        """What OCR could not vouch for, page by page."""
        return [
            f"page {leaf.position}: {said}"
            for leaf in self.leaves
            if leaf.scan is not None
            for said in leaf.scan.reading.warnings
        ]
