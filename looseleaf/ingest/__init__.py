"""Ingest: parse a file, paginate it into leaves, normalise, hash.

Pure functions from bytes to a `Document`; nothing here touches the store,
so a file that fails to parse can leave nothing behind.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from looseleaf.errors import BadInput
from looseleaf.ingest.document import Document, PreparedLeaf
from looseleaf.ingest.html import read_html
from looseleaf.ingest.normalise import Normaliser
from looseleaf.ingest.paginate import Piece, paginate, split_tail
from looseleaf.ingest.pdf import read_pdf
from looseleaf.ingest.text import read_text

__all__ = ["MEDIA_TYPES", "Document", "PreparedLeaf", "prepare", "read_file"]

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
}


def read_file(path: Path, max_bytes: int) -> bytes:
    what = str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise BadInput(what, "is a directory")
        if size > max_bytes:
            raise BadInput(what, f"{size:,} bytes is over the {max_bytes:,}-byte limit")
        data = path.read_bytes()
    except FileNotFoundError:
        raise BadInput(what, "no such file") from None
    except PermissionError:
        raise BadInput(what, "permission denied") from None
    except IsADirectoryError:
        raise BadInput(what, "is a directory") from None
    if not data:
        raise BadInput(what, "empty file")
    return data


def prepare(path: Path, data: bytes, *, passage_chars: int, max_line_chars: int) -> Document:
    """Parse `data` (the bytes of `path`) into a report's leaves."""
    what = str(path)
    media_type = MEDIA_TYPES.get(path.suffix.lower())
    if media_type is None:
        known = ", ".join(sorted(MEDIA_TYPES))
        raise BadInput(what, f"unsupported file type {path.suffix or '(none)'!r} (known: {known})")
    original: bytes | None = None
    if media_type == "application/pdf":
        pieces = [Piece(label, page) for label, page in read_pdf(what, data)]
        text = "\f".join(piece.text for piece in pieces)
        original = data
    else:
        if media_type == "text/html":
            text = read_html(what, data, max_line_chars)
            original = data
        else:
            text = read_text(what, data, max_line_chars)
        pieces = paginate(text, passage_chars)
    normalise = Normaliser.for_text(text)
    split = [split_tail(piece.text) for piece in pieces]
    leaves = tuple(
        PreparedLeaf(
            position=position,
            label=piece.label,
            original=content,
            normalised=normalise(content[piece.body :]),
            sha256=hashlib.sha256(content.encode("utf-8")).hexdigest(),
            tail=tail,
        )
        for position, (piece, (content, tail)) in enumerate(zip(pieces, split, strict=True), 1)
    )
    return Document(
        filename=path.name,
        media_type=media_type,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        leaves=leaves,
        original=original,
    )
