"""HTML: the text a reader would see, laid out as inscriptis renders it.

Scripts, styles and markup are not the document. A page that is all script
has no text to read and is refused rather than stored as an empty leaf.
"""

from __future__ import annotations

import codecs
import re

from inscriptis import get_text

from looseleaf.errors import BadInput
from looseleaf.ingest.text import check_line_length, check_not_binary, decode, decode_text

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def read_html(
    what: str, data: bytes, max_line: int, encoding: str | None = None
) -> tuple[str, str]:
    """The page's text and the encoding it was read in: `encoding` when given,
    else the one the page declares, else UTF-8 or the guess (`decode_text`)."""
    check_not_binary(what, data)
    check_line_length(what, data, max_line)
    declared = _CHARSET.search(data[:4096])
    if encoding is None and declared:
        encoding = declared.group(1).decode("ascii").lower()
        markup, used = decode(what, data, encoding), codecs.lookup(encoding).name
    else:
        markup, used = decode_text(what, data, encoding)
    if not markup.strip():
        raise BadInput(what, "no text (only white space)")
    text: str = get_text(markup)
    if not text.strip():
        raise BadInput(what, "no readable text (only markup, scripts or styles)")
    return text, used
