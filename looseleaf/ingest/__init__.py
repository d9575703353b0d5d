"""Ingest: parse a file, paginate it into leaves, normalise, hash.

Pure functions from bytes to a `Document`; nothing here touches the store,
so a file that fails to parse can leave nothing behind.
"""

from __future__ import annotations

import hashlib
import os
import select
import stat
from collections.abc import Callable
from pathlib import Path

from looseleaf.errors import BadInput
from looseleaf.ingest.document import Document, PreparedLeaf, Scan
from looseleaf.ingest.html import read_html
from looseleaf.ingest.normalise import Normaliser
from looseleaf.ingest.paginate import Piece, paginate, split_tail
from looseleaf.ingest.pdf import read_pdf
from looseleaf.ingest.scan import IMAGE_TYPES, PageImage, check_languages, images_of, read_pages
from looseleaf.ingest.text import encoding_named, read_text, wide

__all__ = [
    "MEDIA_TYPES",
    "Document",
    "PreparedLeaf",
    "Scan",
    "check_languages",
    "encoding_named",
    "media_type",
    "prepare",
    "read_file",
]

MEDIA_TYPES = {
    ".txt": "text/plain",
    ".text": "text/plain",
    ".md": "text/markdown",
    ".markdown": "text/markdown",
    ".html": "text/html",
    ".htm": "text/html",
    ".pdf": "application/pdf",
    **IMAGE_TYPES,
}
#: What an image file's first bytes are, by media type.
_MAGIC = {
    "image/png": (b"\x89PNG\r\n\x1a\n",),
    "image/jpeg": (b"\xff\xd8\xff",),
    "image/tiff": (b"II*\x00", b"MM\x00*"),
}


#: How long a pipe or a device may keep ingest waiting for its next bytes (a
#: FIFO that nobody opens for writing, a terminal nobody types at) before it
#: is refused: reading one never hangs.
WAIT_SECONDS = 10.0
#: The most one read asks of a pipe or a device.
CHUNK_BYTES = 1024 * 1024


def media_type(path: Path) -> str:
    """The media type a file's name says it has, or one line refusing it."""
    found = MEDIA_TYPES.get(path.suffix.lower())
    if found is None:
        known = ", ".join(sorted(MEDIA_TYPES))
        suffix = path.suffix or "(none)"
        raise BadInput(str(path), f"unsupported file type {suffix!r} (known: {known})")
    return found


def read_file(path: Path, max_bytes: int, *, encoding: str | None = None) -> bytes:
    """The bytes of `path`, read in chunks and never more than `max_bytes` + 1
    of them, whatever the path is.

    A regular file over the limit is refused on its size before a byte of it
    is read (and one that grows while it is read, when it passes the limit).
    A named pipe (FIFO) or a character device has no size to look at: it is
    read as far as the limit and refused there, or sooner when its first
    bytes already show it is not the document its name says (`/dev/zero` as
    `zero.txt` is NUL bytes). It is opened without blocking, so a FIFO that
    nobody writes to is refused after WAIT_SECONDS without a byte instead
    of hanging. Sockets and block devices are refused unread. Ingest takes
    files by name only: there is no `-` for standard input.

    `encoding` is the one the registrar named, if any: UTF-16 and UTF-32
    text holds NUL bytes, so for those the check of each chunk lets them be.
    """
    what = str(path)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise BadInput(what, "is a directory")
        media = media_type(path)
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY)
    except FileNotFoundError:
        raise BadInput(what, "no such file") from None
    except PermissionError:
        raise BadInput(what, "permission denied") from None
    except IsADirectoryError:
        raise BadInput(what, "is a directory") from None
    except OSError as exc:
        raise BadInput(what, (exc.strerror or type(exc).__name__).lower()) from None
    try:
        data = _read_bounded(what, fd, max_bytes, _chunk_check(what, media, encoding))
    finally:
        os.close(fd)
    if not data:
        raise BadInput(what, "empty file")
    return data


def _read_bounded(what: str, fd: int, max_bytes: int, check: Callable[[bytes], None]) -> bytes:
    info = os.fstat(fd)
    regular = stat.S_ISREG(info.st_mode)
    if regular and info.st_size > max_bytes:
        raise BadInput(what, f"{info.st_size:,} bytes is over the {max_bytes:,}-byte limit")
    if not regular and not (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        raise BadInput(what, "is not a file (a socket or a block device)")
    # A regular file is read whole in its first read; one more says it ended.
    ask = info.st_size + 1 if regular else CHUNK_BYTES
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    timeout_ms = round(1000 * WAIT_SECONDS)
    chunks: list[bytes] = []
    size = 0
    while size <= max_bytes:
        # A FIFO opened without blocking reads as ended until its writer
        # comes; poll waits for the writer's bytes (or its close) instead.
        if not regular and not poller.poll(timeout_ms):
            raise BadInput(
                what,
                f"nothing to read for {timeout_ms / 1000:g} seconds "
                "(a pipe nobody writes to, or a device with nothing to give)",
            )
        try:
            chunk = os.read(fd, min(ask, max_bytes + 1 - size))
        except BlockingIOError:
            continue
        except OSError as exc:
            raise BadInput(what, f"cannot be read ({exc.strerror or type(exc).__name__})") from None
        if not chunk:
            break
        check(chunk)
        chunks.append(chunk)
        size += len(chunk)
        ask = CHUNK_BYTES
    if size > max_bytes:
        raise BadInput(
            what, f"is over the {max_bytes:,}-byte limit (reading stopped at {size:,} bytes)"
        )
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _chunk_check(what: str, media: str, encoding: str | None) -> Callable[[bytes], None]:
    """A check of each chunk as it arrives, so that an endless stream of what
    is plainly no document is refused at its first bytes, not at the limit
    (the full checks come after reading, in `prepare`)."""
    seen = b""

    def pdf(chunk: bytes) -> None:
        nonlocal seen
        if len(seen) < 5:
            seen += chunk[:5]
            if not b"%PDF-".startswith(seen[:5]):
                raise BadInput(what, "corrupt PDF (no %PDF- header)")

    def image(chunk: bytes) -> None:
        nonlocal seen
        if len(seen) < 8:
            seen += chunk[: 8 - len(seen)]
            if not any(m.startswith(seen[: len(m)]) for m in _MAGIC[media]):
                raise BadInput(what, f"corrupt image (not a {media.split('/')[1].upper()} file)")

    def text(chunk: bytes) -> None:
        if b"\x00" in chunk:
            raise BadInput(what, "binary data, not a text document (contains NUL bytes)")

    if media == "application/pdf":
        return pdf
    if media in _MAGIC:
        return image
    if encoding is not None and wide(encoding_named(encoding)):
        return lambda chunk: None
    return text


def prepare(
    path: Path,
    data: bytes,
    *,
    passage_chars: int,
    max_line_chars: int,
    encoding: str | None = None,
    ocr_lang: str = "eng",
) -> Document:
    """Parse `data` (the bytes of `path`) into a report's leaves. A text or
    HTML file is read in `encoding` when one is named (`read_text`); a scan
    (an image, a PDF page without text) is read by OCR in `ocr_lang`."""
    what = str(path)
    media = media_type(path)
    original: bytes | None = None
    used: str | None = None
    scans: dict[int, Scan] = {}
    if media == "application/pdf":
        found = read_pdf(what, data)
        images = {i: image for i, (_, _, image) in enumerate(found) if image is not None}
        scans = _read(what, images, ocr_lang)
        pieces = [
            Piece(label, scans[i].reading.text if i in scans else page)
            for i, (label, page, _) in enumerate(found)
        ]
        text = "\f".join(piece.text for piece in pieces)
        original = data
    elif media in _MAGIC:
        scans = _read(what, dict(enumerate(images_of(what, data, media))), ocr_lang)
        pieces = [Piece(None, scans[i].reading.text) for i in range(len(scans))]
        text = "\f".join(piece.text for piece in pieces)
        original = data
    else:
        if media == "text/html":
            text, used = read_html(what, data, max_line_chars, encoding)
            original = data
        else:
            text, used = read_text(what, data, max_line_chars, encoding)
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
            scan=scans.get(position - 1),
        )
        for position, (piece, (content, tail)) in enumerate(zip(pieces, split, strict=True), 1)
    )
    return Document(
        filename=path.name,
        media_type=media,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        leaves=leaves,
        original=original,
        encoding=used,
    )


def _read(what: str, images: dict[int, PageImage], languages: str) -> dict[int, Scan]:
    """OCR of the scanned pages, by page index."""
    if not images:
        return {}
    order = sorted(images)
    readings = read_pages(what, [images[i] for i in order], check_languages(languages))
    return {
        i: Scan(images[i], hashlib.sha256(images[i].data).hexdigest(), reading)
        for i, reading in zip(order, readings, strict=True)
    }
