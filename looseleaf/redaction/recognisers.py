"""What identifies a person without naming them, as archives write it: a
date of birth, an address, an identity or prisoner number, a telephone
number. Presidio's pattern recognisers carry the patterns (each with the
words that must stand before it, so a file number or the date of an event is
not taken for a person's), and its phone recogniser (libphonenumber) the
numbers in the formats of the countries these archives cover.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|Januar|Februar|März|Mai|"
    r"Juni|Juli|Oktober|Dezember)\.?"
)
_DATE = (
    r"(?:\d{1,2}\s?[./-]\s?(?:\d{1,2}|[IVX]{1,4})\s?[./-]\s?(?:\d{4}|\d{2})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|(?:1[89]|20)\d\d)(?![\d])"
)
#: A date libphonenumber would take for a number.
_DATE_ALONE = re.compile(_DATE)
_BORN = (
    r"(?<=(?i:\b(?:born|b\.|date\s+of\s+birth|d\.\s?o\.\s?b\.|dob|geb\.|geboren|birth\s+date"
    r"|year\s+of\s+birth|urodzony|urodzona|ur\.)[:\s]*(?:(?:on|in)\s+)?(?:the\s+)?))"
)
_STREET_WORDS = (
    r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Lane|Square|Boulevard|Embankment|Prospekt|"
    r"Prospect|Highway|Alley|Ulitsa|Pereulok|Place)"
)
_GERMAN_STREET = r"[A-ZÄÖÜ][\wäöüß-]*(?i:straße|strasse|gasse|weg|allee|platz|ring|damm|ufer)"
_SLAVIC_STREET = r"(?:ul\.|ulitsa|ulica|ulice|vul\.|vulytsia|pr\.|prosp\.|per\.|al\.|aleja|nám\.)"
_FLAT = r"(?:,?\s*(?:apt\.?|apartment|flat|kv\.|fl\.|m\.|room|Wohnung|app\.)\s*\d+[a-z]?)?"
_ADDRESSES = (
    rf"\d{{1,4}}[a-z]?,?\s+(?:[A-Z][\w'’-]+\s+){{1,3}}{_STREET_WORDS}{_FLAT}",
    rf"(?:[A-Z][\w'’-]+\s+){{1,3}}{_STREET_WORDS}\s*,?\s*(?:No\.\s*)?\d{{1,4}}[a-z]?(?:/\d+)?{_FLAT}",
    rf"{_GERMAN_STREET}\s+\d{{1,4}}[a-z]?{_FLAT}",
    rf"(?i:{_SLAVIC_STREET})\s*[A-ZА-Я][\w'’-]+(?:\s+[A-ZА-Я][\w'’-]+)?\s*,?\s*\d{{1,4}}[a-z]?"
    rf"(?:/\d+)?{_FLAT}",
    r"(?i:\b(?:apt\.?|apartment|flat|kv\.)\s*\d+[a-z]?)",
)
_ID_CONTEXT = (
    r"(?<=(?i:\b(?:passport|identity\s+card|id\s+card|identity\s+document|id|ausweis|"
    r"personalausweis|pesel|pkz|personnel|prisoner|inmate|service|party\s+card|military\s+card|"
    r"registration|dowód\s+osobisty|dowod\s+osobisty|internal\s+passport|card)"
    r"(?:\s+(?:no\.?|nr\.?|number|num\.|#|series|ser\.))?[:\s.]*(?:no\.?\s*)?))"
)
_ID = (
    r"[A-ZА-ЯЁ]{1,4}(?:[-\s][A-ZА-ЯЁ]{1,4})?[-\s]?\d{3,}(?:[\s/-]\d+)*"
    r"|\d[\d\s/-]{2,}\d(?:[-/][A-Z0-9]+)?"
)
_PHONE_CONTEXT = (
    r"(?<=(?i:\b(?:tel|telephone|phone|ph|tel\.|telefon|fernruf|ruf|tlf)\.?(?:\s+(?:no\.?|nr\.?))?"
    r"[:\s]*))"
)
_PHONE = r"\+?\(?\d[\d\s()/.-]{2,}\d"
_REGIONS = (
    "RU",
    "UA",
    "BY",
    "DE",
    "PL",
    "CZ",
    "SK",
    "FR",
    "GB",
    "US",
    "AR",
    "CL",
    "LT",
    "LV",
    "EE",
    "HU",
    "RO",
    "BG",
)


def identifiers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every identifier found, leftmost first."""
    found: list[tuple[int, int, str]] = []
    for kind, recogniser in _recognisers():
        for result in recogniser.analyze(
            text, entities=[recogniser.supported_entities[0]], nlp_artifacts=None
        ):
            start, end = result.start, result.end
            while end > start and text[end - 1] in " ,.;:)(-/\n":
                end -= 1
            guessed = result.entity_type == "PHONE_NUMBER"  # libphonenumber, no context
            if end > start and not (guessed and _DATE_ALONE.fullmatch(text[start:end])):
                found.append((start, end, kind))
    return sorted(found)


@cache
def _recognisers() -> tuple[tuple[str, Any], ...]:
    from presidio_analyzer import Pattern, PatternRecognizer
    from presidio_analyzer.predefined_recognizers import PhoneRecognizer

    def recogniser(entity: str, patterns: tuple[str, ...]) -> Any:
        return PatternRecognizer(
            supported_entity=entity,
            patterns=[Pattern(f"{entity}{n}", p, 0.8) for n, p in enumerate(patterns)],
            global_regex_flags=0,
        )

    return (
        ("date_of_birth", recogniser("DATE_OF_BIRTH", (_BORN + _DATE,))),
        ("address", recogniser("ADDRESS", _ADDRESSES)),
        ("id_number", recogniser("ID_NUMBER", (_ID_CONTEXT + rf"(?:{_ID})",))),
        ("phone", recogniser("PHONE", (_PHONE_CONTEXT + _PHONE,))),
        ("phone", PhoneRecognizer(supported_regions=_REGIONS, leniency=1)),
    )
