"""The fix for Petrov's defect: a slip raised from a cross-reference proposes
only the leaves of the target dossier that bear on the referencing leaf,
never the volume.

A leaf of the target bears on the reference when it mentions the subject of
the dossier the reference was found in, or another person named on the
referencing leaf. The card index supplies the persons a leaf names and every
form of their names; where it knows nobody, a dossier's subject is read from
its title ("SURNAME, Given - description") and a mention is the surname as a
whole word.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def fold(text: str) -> str:
    """Case and diacritics folded: "Orłow" and "ORLOW" meet."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ł", "l")


def subject(title: str) -> str:
    """The person or subject a dossier is on: its title before any " - " description."""
    return title.split(" - ", 1)[0].strip()


def surname(title: str) -> str:
    """The part of the subject that names it in running text: the surname of
    "SURNAME, Given", or the whole subject when it is not in that form."""
    return subject(title).split(",", 1)[0].strip()


def names_in(title: str, query: str) -> bool:
    """Does `query` (what the reader typed) name this dossier's subject?"""
    wanted = _words(surname(title))
    return bool(wanted) and _contains(_words(query), wanted)


def mentions(text: str, names: Iterable[str]) -> bool:
    words = _words(text)
    return any(_contains(words, _words(name)) for name in names if _words(name))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", fold(text))


def _contains(words: list[str], run: list[str]) -> bool:
    size = len(run)
    return any(words[i : i + size] == run for i in range(len(words) - size + 1))
