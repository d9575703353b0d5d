"""Normalised text: a reading and search aid kept beside the original.

The original is never touched (BRIEF.md §5); this undoes what print and OCR
did to the words: line-end hyphenation (`gov¬` / `imprison-` + newline),
lines wrapped inside a paragraph, and runs of spaces. A single newline is
a soft break, as in Markdown; in OCR output that double-spaces its lines, a
blank line after an unfinished sentence is a soft break too. A byte-order
mark (U+FEFF, put there by an editor) is no character of the text: it stays
in the original only.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Every pattern below starts with a literal character (a newline, a hyphen, a
# not-sign) so the regex engine can skip ahead to candidates; spaces around
# line ends are stripped first so that the patterns need not allow for them.
_NEWLINES = re.compile(r"\r\n?")
_LOWER = "a-zà-ÿа-яё"
# "imprison-\nment": a hyphen between lower-case letters across a line end.
_HARD_HYPHEN = re.compile(rf"-(?<=[{_LOWER}]-)\n\n?(?=[{_LOWER}])")
# "White-\nGuard": a capital after the break means a real compound; the hyphen stays.
_COMPOUND_BREAK = re.compile(r"-(?<=[^\W\d_]-)\n\n?(?=\w)")
# A line end inside a paragraph, unless the next line starts a block
# (heading, quote, table row, list item, or after a finished line an entry
# "WHEN - WHAT" of a chronology, whose date may be words, or a labelled line
# "Answer: ..." of a protocol).
_SOFT_BREAK = re.compile(
    r"\n(?<=[^\n]\n)(?![\n#>|]|[*+\-] |\d{1,3}[.)] |"
    r"(?<=[.!?;:]\n)(?:[^\n]{1,40}?\s[-–—]\s|[A-Z][\w.]{0,15}(?: [\w.]+){0,2}:\s))"
)
# One blank line after an unfinished line, in double-spaced OCR output.
_BLANK_AFTER_UNFINISHED = re.compile(rf"\n\n(?<=[{_LOWER},0-9]\n\n)(?=\w)")
_BLANK_AFTER_FINISHED = re.compile(r"\n\n(?<=[.!?:;”\"’)\]]\n\n)")
# A Markdown heading ends its line: keep it apart from the text below it.
_HEADING = re.compile(r"^(#{1,6} [^\n]*)\n(?=[^\n])", re.MULTILINE)
_MANY_BLANKS = re.compile(r"\n\n\n+")


@dataclass(frozen=True)
class Normaliser:
    """How one report's leaves are normalised, decided once from its whole text.

    Looking once at the whole report (which characters occur at all, whether
    it is double-spaced OCR) keeps every leaf read the same way and spares
    each leaf the scans that cannot find anything.
    """

    carriage_returns: bool = True
    byte_order_marks: bool = True
    needs_nfc: bool = True
    odd_spaces: tuple[str, ...] = ("\t", "\u00a0")
    soft_hyphens: tuple[str, ...] = ("¬", "\u00ad")
    headings: bool = True
    soft_blank_lines: bool = False

    @classmethod
    def for_text(cls, text: str) -> Normaliser:
        return cls(
            carriage_returns="\r" in text,
            byte_order_marks="\ufeff" in text,
            needs_nfc=not unicodedata.is_normalized("NFC", text),
            odd_spaces=tuple(c for c in ("\t", "\u00a0") if c in text),
            soft_hyphens=tuple(c for c in ("¬", "\u00ad") if c in text),
            headings="# " in text,
            soft_blank_lines=double_spaced(text),
        )

    def tidy(self, text: str) -> str:
        """One newline style, no byte-order mark, NFC, single spaces, no spaces
        at either end of a line."""
        out = _NEWLINES.sub("\n", text) if self.carriage_returns else text
        if self.byte_order_marks:
            out = out.replace("\ufeff", "")
        if self.needs_nfc:
            out = unicodedata.normalize("NFC", out)
        for space in self.odd_spaces:
            out = out.replace(space, " ")
        while "  " in out:
            out = out.replace("  ", " ")
        return out.replace(" \n", "\n").replace("\n ", "\n")

    def __call__(self, text: str) -> str:
        """The normalised form of one leaf's original text."""
        out = self.tidy(text)
        for soft_hyphen in self.soft_hyphens:  # a printer's soft hyphen: "gov¬ \nernment"
            out = out.replace(soft_hyphen + "\n\n", "").replace(soft_hyphen + "\n", "")
        if "-\n" in out:
            out = _HARD_HYPHEN.sub("", out)
            out = _COMPOUND_BREAK.sub("-", out)
        if self.soft_blank_lines:
            out = _BLANK_AFTER_UNFINISHED.sub(" ", out)
        if self.headings:
            out = _HEADING.sub("\\1\n\n", out)
        out = _SOFT_BREAK.sub(" ", out)
        if "\n\n\n" in out:
            out = _MANY_BLANKS.sub("\n\n", out)
        return out.strip()


def double_spaced(text: str) -> bool:
    """True when most blank lines fall inside sentences: OCR that double-spaced its lines."""
    tidy = Normaliser().tidy(text[:16384])
    unfinished = len(_BLANK_AFTER_UNFINISHED.findall(tidy))
    return unfinished > 4 and unfinished > len(_BLANK_AFTER_FINISHED.findall(tidy))


def normalise(text: str, *, soft_blank_lines: bool = False) -> str:
    """Normalise one text on its own (a report's leaves use one shared `Normaliser`)."""
    return Normaliser(soft_blank_lines=soft_blank_lines)(text)
