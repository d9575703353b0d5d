"""Plain text and Markdown: the file's bytes are the leaves' original text.

The checks here turn what is not a text document (binary junk, invalid
UTF-8, a single enormous line) into one line naming the reason, before
anything is written.
"""

from __future__ import annotations

from looseleaf.errors import BadInput

#: Every byte that is not an unexpected control character (tab, newline, form
#: feed and carriage return are text); deleting these leaves only the suspects.
_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in {9, 10, 12, 13})


def check_not_binary(what: str, data: bytes) -> None:
    if b"\x00" in data:
        raise BadInput(what, "binary data, not a text document (contains NUL bytes)")
    sample = data[:8192]
    controls = len(sample.translate(None, _NOT_CONTROL))
    if controls > len(sample) // 20:
        raise BadInput(what, "binary data, not a text document (control bytes)")


def decode(what: str, data: bytes, encoding: str = "utf-8") -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise BadInput(what, f"invalid {exc.encoding.upper()} at byte {exc.start}") from None
    except LookupError:
        raise BadInput(what, f"unknown character encoding {encoding!r}") from None


def check_line_length(what: str, data: bytes, limit: int) -> None:
    """Reject a file with a line longer than `limit` bytes, without copying it."""
    size = len(data)
    if size <= limit:
        return
    start = 0
    while start < size:
        end = data.find(b"\n", start, start + limit + 1)
        if end < 0:
            if size - start > limit:
                raise BadInput(
                    what,
                    f"a line longer than {limit:,} bytes; not a text document "
                    "(raise max_line_chars if it really is one)",
                )
            return
        start = end + 1


def read_text(what: str, data: bytes, max_line: int) -> str:
    check_not_binary(what, data)
    check_line_length(what, data, max_line)
    text = decode(what, data)
    if not text.strip():
        raise BadInput(what, "no text (only white space)")
    return text
