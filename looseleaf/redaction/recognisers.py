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
    r"(?:\d{1,2}\s?[./-]\s?(?:\d{1,2}|[IVX]{1,4})\s?[./-]\s?(?:[\dl]{4}|\d{2})"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?{_MONTH},?\s+\d{{4}}"
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}|(?:[1l][89]|20)[\dl]\d)(?![\d])"
)
#: A date libphonenumber would take for a number.
_DATE_ALONE = re.compile(_DATE)
_BORN = (
    r"(?<=(?i:\b(?:born|b\.|date\s+of\s+birth|date\s+and\s+place\s+of\s+birth|"
    r"d\.\s?o\.\s?b\.|dob|geb\.|geboren|birth\s+date|nar\.|narozen[aá]?|nacid[oa]|"
    r"fecha\s+de\s+nacimiento|data\s+urodzenia"
    r"|year\s+of\s+birth|urodzony|urodzona|ur\.)[:\s]*(?:(?:on|in)\s+)?(?:the\s+)?))"
)
_STREET_WORDS = (
    r"(?:Street|St\.|Str\.|Strasse|Straße|Avenue|Ave\.|Road|Rd\.|Lane|Square|Boulevard|"
    r"Embankment|Prospekt|Prospect|Highway|Alley|Ulitsa|Pereulok|Place|ul\.|vul\.|Avenida|"
    r"Av\.|Calle|Pasaje|Plaza|Rua|Travessa)"
)
_GERMAN_STREET = r"[A-ZÄÖÜ][\wäöüß-]*(?i:straße|strasse|str\.|gasse|weg|allee|platz|ring|damm|ufer)"
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
#: Words after which an address follows ("residing at", "Address:").
_ADDRESS_CUE = (
    r"(?<=(?i:\b(?:residing|resident|living|lives|lived|domiciled|staying|registered|"
    r"wohnhaft|wohnt|zamieszkał[ay]?|zam\.|bytem|trvale\s+bytem|domicilio|domiciliad[oa])"
    r"(?:\s+(?:at|in|en|w|v|ve))?[:\s]+|\b(?:home\s+|registered\s+|declared\s+|last\s+|"
    r"permanent\s+)?address\s*:\s*|\b(?:flat|house|apartment|home)\s+(?:at|in)\s+|\bresidence\s*:\s*|\bres\.\s+|\bwohnung\s*:\s*|"
    r"\bdirección\s*:\s*|\badres\s*:\s*|\bbydliště\s*:\s*|\bflat\s+of\s+[^,\n]{2,40},\s+))"
)
#: A date of birth written before an address in a list of persons
#: ("b. 13. 9. 1940, Praha 3, Slavíkova 22").
_AFTER_BIRTH = r"(?<=(?i:\b(?:b\.|born|geb\.|nar\.|ur\.)\s*\d{1,2}\.\s?\d{1,2}\.\s?\d{4},\s))"
#: What an address after a cue runs to: a number in it, up to the clause's end.
_ADDRESS_RUN = (
    r"(?!(?:at|in|en|w|v|ve)\s)[\wÀ-ÿĀ-žА-я][^\n;()]{0,60}?\d[^\n;()]{0,40}?"
    r"(?=[;\n()]|\.\s+(?=[^\W\d_]+\s+[^\W\d_])|\.\s*$|\.\s*\n|"
    r",\s+(?:on|in|and|is|was|who|where|since|from|b\.|born|ID|identity|"
    r"passport|tel|phone|telephone|occupation|married|employed|a\s|the\s|he|she)\b|$)"
)
#: What an address carries after the house number.
_ADDRESS_TAIL = re.compile(
    r"(?:,?\s*(?:(?:apt|apartment|flat|kv|korp|korpus|depto|dpto|room|fl|block|bl|entrance|"
    r"pod|staircase|m|app|Wohnung|Whg)\.?\s*\d+[a-z]?|\d+(?:st|nd|rd|th)\s+floor"
    r"(?:\s+(?:left|right|centre|center))?|\d+\.\s*(?:OG|Stock|patro|piętro)))+"
)
#: A city (and district number) written before a street address: "Praha 6, ".
_CITY_BEFORE = re.compile(r"([A-ZÀ-ÞĀ-Ž][\w-]+(?:[ -][A-ZÀ-ÞĀ-Ž][\w-]+)?(?:\s\d{1,2})?,\s+)$")
_ID_CONTEXT = (
    r"(?<=(?i:\b(?:passport|identity\s+card|id\s+card|identity\s+document|id|ausweis|"
    r"personalausweis|pesel|pkz|personnel|prisoner|inmate|service|party\s+card|military\s+card|"
    r"registration|dowód\s+osobisty|dowod\s+osobisty|internal\s+passport|card|dni|c\.\s?i\.|"
    r"ci|cédula|cedula|rut|carnet|legitimace|op|občanský\s+průkaz|pa)(?!\w)"
    r"(?:\s+(?:no\.?|nr\.?|number|num\.|#|series|ser\.))?[:\s.]*(?:no\.?\s*)?))"
)
_ID = (
    r"(?:series\s+)?[A-ZА-ЯЁ]{1,4}(?:[-\s][A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё]{0,3})?"
    r"(?:\s+No\.?)?[-\s]?\d[\dlO]{2,}(?:[\s/-]\d+)*"
    r"|\d[\d\s./-]{2,}\d(?:[-/][A-Z0-9]+)?"
)
_PHONE_CONTEXT = (
    r"(?<=(?i:\b(?:tel|telephone|phone|ph|tel\.|telefon|fernruf|ruf|tlf)\.?(?:\s+(?:no\.?|nr\.?))?"
    r"[:,\s]*))"
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


#: Column headings of a register that say what the column's cells identify.
_COLUMNS = (
    ("date_of_birth", re.compile(r"(?i)\b(?:born|birth|d\.?o\.?b|geb|geboren|nar|urodz|nacim)")),
    (
        "id_number",
        re.compile(
            r"(?i)\b(?:internee|prisoner|inmate|personnel|passport|identity|id|card|pesel|pkz|"
            r"dni|registration)\b"
        ),
    ),
)
_CELL = re.compile(r"[^|]+")


def registers(text: str) -> list[tuple[int, int, str]]:
    """Cells of a register typed as a table ("Entry | Internee No. | Name |
    Born"): the columns whose heading names a date of birth or a person's
    number, in every row under that heading."""
    found: list[tuple[int, int, str]] = []
    kinds: dict[int, str] | None = None
    at = 0
    for line in text.splitlines(keepends=True):
        cells = [(m.start() + at, m.end() + at) for m in _CELL.finditer(line.rstrip("\n"))]
        if line.count("|") < 2:
            kinds = None
        elif kinds is None:
            kinds = {}
            for column, (a, b) in enumerate(cells):
                heading = text[a:b]
                for kind, pattern in _COLUMNS:
                    if pattern.search(heading) and not any(c.isdigit() for c in heading):
                        kinds[column] = kind
                        break
        else:
            for column, kind in kinds.items():
                if column < len(cells):
                    a, b = cells[column]
                    while a < b and text[a].isspace():
                        a += 1
                    while b > a and text[b - 1].isspace():
                        b -= 1
                    if b > a and any(c.isdigit() for c in text[a:b]):
                        found.append((a, b, kind))
        at += len(line)
    return found


def identifiers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of every identifier found, leftmost first."""
    found: list[tuple[int, int, str]] = list(registers(text))
    for kind, recogniser in _recognisers():
        for result in recogniser.analyze(
            text, entities=[recogniser.supported_entities[0]], nlp_artifacts=None
        ):
            start, end = result.start, result.end
            while end > start and text[end - 1] in " ,.;:)(-/\n":
                end -= 1
            guessed = result.entity_type == "PHONE_NUMBER"  # libphonenumber, no context
            if end > start and not (guessed and _DATE_ALONE.fullmatch(text[start:end])):
                if kind == "address":
                    start, end = _whole_address(text, start, end)
                found.append((start, end, kind))
    return sorted(found)


def _whole_address(text: str, start: int, end: int) -> tuple[int, int]:
    """An address with the city written before it and the flat after it."""
    city = _CITY_BEFORE.search(text, max(0, start - 40), start)
    if city is not None:
        start = city.start()
    tail = _ADDRESS_TAIL.match(text, end)
    if tail is not None:
        end = tail.end()
    return start, end


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
        (
            "address",
            recogniser(
                "ADDRESS", (*_ADDRESSES, _ADDRESS_CUE + _ADDRESS_RUN, _AFTER_BIRTH + _ADDRESS_RUN)
            ),
        ),
        ("id_number", recogniser("ID_NUMBER", (_ID_CONTEXT + rf"(?:{_ID})",))),
        ("phone", recogniser("PHONE", (_PHONE_CONTEXT + _PHONE,))),
        ("phone", PhoneRecognizer(supported_regions=_REGIONS, leniency=1)),
    )
