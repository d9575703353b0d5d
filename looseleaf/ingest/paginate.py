"""Split a text source into leaves without losing or changing a byte.

A leaf is the unit of access, so where the source has pages (form feeds, or
explicit page-marker lines) a leaf is a page; otherwise it is a passage of
bounded size cut at paragraph boundaries. The leaves of a text always
concatenate back to the text exactly: that is how completeness is provable.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

_PAGE_MARKER = re.compile(
    r"^[ \t]*(?:"
    r"\[[ \t]*(?:page|p\.)[ \t]*([0-9]+|[ivxlcdm]+)[ \t]*\]"
    r"|[-=]{2,}[ \t]*(?:page|p\.)[ \t]*([0-9]+|[ivxlcdm]+)[ \t]*[-=]{2,}"
    r"|<!--[ \t]*page[ \t]*([0-9]+|[ivxlcdm]+)[ \t]*-->"
    r")[ \t]*\r?$",
    re.IGNORECASE | re.MULTILINE,
)
# Where a marker line could start: cheap to find, because it begins with a newline.
_LINE_OPENER = re.compile(r"\n(?=[ \t]*[\[\-=<])")
_PARAGRAPH_END = re.compile(r"\n[ \t]*\r?\n(?:[ \t]*\r?\n)*")
_SENTENCE_END = re.compile(r"[.!?][\"”’)\]]?\s+")


@dataclass(frozen=True)
class Piece:
    """One future leaf: its page label if the source gave one, and its exact text."""

    label: str | None
    text: str
    #: Where the content starts: after the page-marker line, which is not content.
    body: int = 0


#: What may end a leaf's text without being part of it (see `split_tail`).
_TAIL = " \t\r\n\f\v"


def split_tail(text: str) -> tuple[str, str]:
    """A piece's text without the whitespace and form feed that end it, and
    those. The separator is the report's, not the leaf's: a page that ends
    in a form feed or a paragraph break would tell its reader that another
    leaf follows, readable or not."""
    content = text.rstrip(_TAIL)
    return content, text[len(content) :]


def paginate(text: str, passage_chars: int) -> list[Piece]:
    if "\f" in text:
        return _by_form_feed(text)
    markers = _markers(text)
    if markers:
        return _by_markers(text, markers)
    return _by_passages(text, passage_chars)


def _markers(text: str) -> list[re.Match[str]]:
    starts = [0, *(m.end() for m in _LINE_OPENER.finditer(text))]
    return [m for m in (_PAGE_MARKER.match(text, start) for start in starts) if m]


def _by_form_feed(text: str) -> list[Piece]:
    """Pages at form feeds, unlabelled: a number counted here would say how
    many pages came before, hidden ones included (the leaf's position is
    counted among what its reader may read)."""
    pieces: list[Piece] = []
    start = 0
    while start < len(text):
        end = text.find("\f", start)
        end = len(text) if end < 0 else end + 1
        _append(pieces, Piece(None, text[start:end]))
        start = end
    return pieces


def _by_markers(text: str, markers: list[re.Match[str]]) -> list[Piece]:
    pieces: list[Piece] = []
    lead = text[: markers[0].start()]
    first_start = 0
    if lead.strip():
        pieces.append(Piece(None, lead))
        first_start = markers[0].start()
    for index, marker in enumerate(markers):
        start = first_start if index == 0 else marker.start()
        end = markers[index + 1].start() if index + 1 < len(markers) else len(text)
        label = next(group for group in marker.groups() if group)
        _append(pieces, Piece(label, text[start:end], marker.end() - start))
    return pieces


def _by_passages(text: str, limit: int) -> list[Piece]:
    ends = [m.end() for m in _PARAGRAPH_END.finditer(text)]
    pieces: list[Piece] = []
    start = 0
    while start < len(text):
        if len(text) - start <= limit:
            end = len(text)
        else:
            index = bisect.bisect_right(ends, start + limit) - 1
            end = ends[index] if index >= 0 and ends[index] > start else _cut(text, start, limit)
        _append(pieces, Piece(None, text[start:end]))
        start = end
    return pieces


def _cut(text: str, start: int, limit: int) -> int:
    """Where to cut a paragraph longer than a passage: a sentence end, else a space."""
    window = text[start : start + limit]
    last = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
    if last > limit // 4:
        return start + last
    space = max(window.rfind(" "), window.rfind("\n"))
    if space > limit // 4:
        return start + space + 1
    return start + limit


def _append(pieces: list[Piece], piece: Piece) -> None:
    """A whitespace-only piece is not a leaf of its own: it joins its neighbour."""
    if pieces and not pieces[-1].text.strip():
        blank = pieces.pop()
        piece = Piece(piece.label, blank.text + piece.text, len(blank.text) + piece.body)
    if pieces and not piece.text.strip():
        last = pieces[-1]
        pieces[-1] = Piece(last.label, last.text + piece.text, last.body)
    else:
        pieces.append(piece)
