"""Sentences and their clauses: where a report's text divides, so that each event word is read
with the words that belong to it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from looseleaf.evidence.extract.names import _words
from looseleaf.evidence.numbers import NUMBER

_ABBREVIATIONS = _words(
    "mr mrs dr st gen col capt lt no nos vol pp p a.m p.m i.e e.g jr sr prof rev "
    "messrs u.s u.s.s.r mt ft fig cf vs jan feb mar apr jun jul aug sep sept oct nov dec "
    "judr mudr phdr rndr ing dipl doc sgt cpt maj gen. lt. col. art arts para coll ed eds"
)


_ROMAN_DATE_AHEAD = re.compile(r"\s+(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)\.\s?\d")


_LAST_WORD = re.compile(r"([\w.]+)[.!?](?:[\"”’)\]]|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*$")


#: A sentence ends at a stop, after any closing quote, bracket or footnote
#: mark ("afterwards.[7] Rudenko", "1944.³ The").
_SENTENCE_END = re.compile(
    r"(?<=[.!?])(?:[\"”’)\]]|\[\d{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)*(?=\s+[\"“‘(\[]?[A-Z0-9])|\n+"
)


_HEADING_WORDS = 14


@dataclass(frozen=True)
class _Clause:
    start: int
    end: int
    opener: str  # the word that joined it to the clause before ("", and, who, when ...)


@dataclass
class _Sentence:
    start: int
    end: int
    text: str
    clauses: list[_Clause] = field(default_factory=list)
    line: bool = False  # a line of its own: a heading or a dateline


def _sentences(text: str) -> list[_Sentence]:
    found: list[_Sentence] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        newline = match.group().startswith("\n")
        end = match.start() if newline else match.end()
        if not newline:
            if _ROMAN_DATE_AHEAD.match(text, end):
                continue  # "arrested 2. XII.1937": a day and its month, not a full stop
            word = _LAST_WORD.search(text, start, end)
            if word and (
                word.group(1).lower() in _ABBREVIATIONS
                or (len(word.group(1)) == 1 and word.group(1).isalpha())
            ):
                continue
        _add_sentence(found, text, start, end)
        start = match.end()
    _add_sentence(found, text, start, len(text))
    return found


def _add_sentence(found: list[_Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end <= start:
        return
    body = text[start:end]
    after = text[end : end + 1]
    ends_line = after in {"", "\n"}
    line = ends_line and len(body.split()) <= _HEADING_WORDS and not re.search(r"[.!?]\W*$", body)
    sentence = _Sentence(start, end, body, line=line)
    sentence.clauses = _clauses(text, start, end)
    found.append(sentence)


# Where a sentence splits into clauses; " and " only before a word that starts
# a new clause (a verb, an adverb, a preposition, a date), never between names.
_CLAUSE = re.compile(
    r";\s*|:\s+|\s+[-–—]\s+|,?\s+(?P<word>and|but|whilst|while|when|where|who|whom|which|"
    r"after which|although|though|whereupon)\s+(?=(?P<next>[\w“\"‘'(]+))"
)


_OTHERS = re.compile(
    rf"(?:(?:{NUMBER})|a number of|several|many|some|all|most)\s+(?:\w+\s+){{0,2}}other", re.I
)


def _clauses(text: str, start: int, end: int) -> list[_Clause]:
    found: list[_Clause] = []
    position, opener = start, ""
    for match in _CLAUSE.finditer(text, start, end):
        word = (match.group("word") or match.group().strip() or ";").lower()
        following = match.group("next") or ""
        if word == "and":
            if following[:1].isupper() and following not in {"In", "On", "At", "By", "I"}:
                continue
            if len(text[position : match.start()].split()) == 1:
                continue  # "he and his wife": one subject
            ahead = re.match(
                r"(?:then\s+)?(?:the|a|an|his|her|their)\s+((?:(?!\b(?:where|who|which|when)\b)[^,.;:])*)",
                text[match.end() : end],
            )
            if ahead and not re.search(
                r"\b(?:was|were|had|has|is|are|did|\w+ed)\b", " ".join(ahead.group(1).split()[:10])
            ):
                continue  # "sailed to Bergen and then the Faroes": one clause
            if _OTHERS.match(text, match.end()) or following.lower() in {"others", "other"}:
                continue
        found.append(_Clause(position, match.start(), opener))
        position, opener = match.end(), word
    found.append(_Clause(position, end, opener))
    return [clause for clause in found if clause.end > clause.start]
