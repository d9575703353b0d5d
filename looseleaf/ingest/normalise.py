"""Normalised text: a reading and search aid kept beside the original.

The original is never touched (BRIEF.md §5); this undoes what print and OCR
did to the words: line-end hyphenation (`gov¬` / `imprison-` + newline),
lines wrapped inside a paragraph, and runs of spaces. A single newline is
a soft break, as in Markdown; in OCR output that double-spaces its lines, a
blank line after an unfinished sentence is a soft break too.
"""

from __future__ import annotations

import re
import unicodedata

_NEWLINES = re.compile(r"\r\n?")
# "gov¬ \nernment": the not-sign is always a printer's soft hyphen at a line end.
_SOFT_HYPHEN = re.compile(r"[ \t]*[¬\u00ad][ \t]*\n(?:[ \t]*\n)?[ \t]*")
# "imprison-\nment": a hyphen between lower-case letters across a line end.
# "White-\nGuard" keeps its hyphen: a capital after the break means a real compound.
_HARD_HYPHEN = re.compile(r"(?<=[a-zà-ÿа-яё])-[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=[a-zà-ÿа-яё])")
# The line end after a real compound's hyphen goes, the hyphen stays: "White-Guard".
_COMPOUND_BREAK = re.compile(r"(?<=[^\W\d_]-)[ \t]*\n(?:[ \t]*\n)?[ \t]*(?=\w)")
# A line end, then a line that does not start a block (heading, quote, table, list item).
_SOFT_BREAK = re.compile(r"([^\n]) ?\n ?(?![\n#>|]|[*+\-] |\d{1,3}[.)] )(?=\S)")
# One blank line after an unfinished line, in double-spaced OCR output.
_BLANK_AFTER_UNFINISHED = re.compile(r"([a-zà-ÿа-яё,0-9])[ \t]*\n[ \t]*\n[ \t]*(?=\w)")
_BLANK_AFTER_FINISHED = re.compile(r"[.!?:;”\"’)\]][ \t]*\n[ \t]*\n")
# A Markdown heading ends its line: keep it apart from the text below it.
_HEADING = re.compile(r"^(#{1,6} [^\n]*)\n(?=[^\n])", re.MULTILINE)
_SPACES = re.compile(r"[ \t\u00a0]+")
_MANY_BLANKS = re.compile(r"\n{3,}")


def double_spaced(text: str) -> bool:
    """True when most blank lines fall inside sentences: OCR that double-spaced its lines."""
    unfinished = len(_BLANK_AFTER_UNFINISHED.findall(text))
    return unfinished > 4 and unfinished > len(_BLANK_AFTER_FINISHED.findall(text))


def normalise(text: str, *, soft_blank_lines: bool = False) -> str:
    """The normalised form of one leaf's original text.

    `soft_blank_lines` is decided once per report (`double_spaced`), not per
    leaf, so every leaf of a report is read the same way.
    """
    out = _NEWLINES.sub("\n", text)
    out = unicodedata.normalize("NFC", out)
    if "¬" in out or "\u00ad" in out:
        out = _SOFT_HYPHEN.sub("", out)
    if "-" in out:
        out = _HARD_HYPHEN.sub("", out)
        out = _COMPOUND_BREAK.sub("", out)
    if soft_blank_lines:
        out = _BLANK_AFTER_UNFINISHED.sub(r"\1 ", out)
    if "#" in out:
        out = _HEADING.sub("\\1\n\n", out)
    out = _SPACES.sub(" ", out)
    out = _SOFT_BREAK.sub(r"\1 ", out)
    out = _MANY_BLANKS.sub("\n\n", out)
    return "\n".join(line.strip() for line in out.strip().split("\n"))
