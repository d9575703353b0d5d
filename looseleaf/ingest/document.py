"""What ingest hands the store: a report's file facts and its leaves, ready to insert."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PreparedLeaf:
    position: int
    label: str | None
    original: str
    normalised: str
    sha256: str
    #: What followed `original` in the file up to the next leaf (`split_tail`).
    tail: str = ""


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
