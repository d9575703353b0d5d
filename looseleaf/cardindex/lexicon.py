"""What a word is, from dictionaries that come with packages: given names
in the languages archives are written in (Faker's person providers, the
Cyrillic ones romanised in every system) and Russian and Ukrainian
declension (pymorphy3's OpenCorpora dictionaries).

A name pattern needs to know that "Louis" or "Wanda" starts a name; a card
needs to know that Троцкого is Троцкий in the genitive. Our own table of
given names (`data/given_names.txt`) says which forms are one name (Lev and
Leon); these dictionaries say only that a word is a given name, and which
sex it usually names. Nothing here is downloaded: what a package lacks is
simply not known.
"""

from __future__ import annotations

import importlib
import re
from functools import cache, lru_cache
from typing import Any

from looseleaf.cardindex import translit

#: Faker locales whose given names an archive of Central and Eastern European
#: files meets (and English, French, German, Spanish, Italian, Nordic writers).
_LOCALES = (
    "en_US", "en_GB", "en_IE", "de_DE", "de_AT", "fr_FR", "it_IT", "es_ES", "pt_PT", "nl_NL",
    "pl_PL", "cs_CZ", "sk_SK", "sl_SI", "hr_HR", "hu_HU", "ro_RO", "bg_BG", "ru_RU", "uk_UA",
    "lt_LT", "lv_LV", "et_EE", "fi_FI", "sv_SE", "da_DK", "no_NO", "el_GR", "ka_GE", "hy_AM",
    "az_AZ", "tr_TR", "he_IL",
)  # fmt: skip
#: Given names that are far more often a word of the text than a name in it.
_WORDS_TEXT = (
    "a an and are as at be but by can do for god grace he her his i in is it may me of on or "
    "so the to us we will young hope joy faith art major general august april june march "
    "soviet red white black love page star summer winter autumn spring sunday nazi georgian "
    "persian royal german roman russian polish french british american italian english irish "
    "scottish jewish arab turkish greek latin"
)
_WORDS = frozenset(_WORDS_TEXT.split())
_LETTERS = re.compile(r"^[^\W\d_]+$")


@cache
def _given() -> dict[str, str]:
    """Folded given name -> "m", "f" or "-" (named both ways in some language)."""
    from looseleaf.cardindex.names import fold

    sexes: dict[str, set[str]] = {}
    for locale in _LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:
            continue
        for attribute, sex in (
            ("first_names_male", "m"),
            ("first_names_female", "f"),
            ("first_names", "-"),
        ):
            for name in _names(getattr(provider, attribute, ())):
                for spelling in _spellings(name):
                    key = fold(spelling)
                    if _LETTERS.match(key) and len(key) > 1 and key not in _WORDS:
                        sexes.setdefault(key, set()).add(sex)
    return {
        key: next(iter(found - {"-"})) if len(found - {"-"}) == 1 else "-"
        for key, found in sexes.items()
    }


def _names(found: Any) -> list[str]:
    if isinstance(found, dict):
        return [str(name) for name in found]
    return [str(name) for name in found] if isinstance(found, (list, tuple)) else []


def _spellings(name: str) -> set[str]:
    if not translit.is_cyrillic(name):
        return {name}
    return {translit.romanise(name, system) for system in translit.System} | {name}


def is_given(folded: str) -> bool:
    """Is this folded word a given name in any of the languages?"""
    return folded in _given()


def given_sex(folded: str) -> str | None:
    """ "m" or "f" where every language that knows the name agrees."""
    sex = _given().get(folded)
    return sex if sex in ("m", "f") else None


# -- declension ---------------------------------------------------------------


@cache
def _analysers() -> tuple[Any, ...]:
    try:
        import pymorphy3
    except ImportError:
        return ()
    found = []
    for lang in ("ru", "uk"):
        try:
            found.append(pymorphy3.MorphAnalyzer(lang=lang))
        except (ValueError, ImportError, OSError):
            continue
    return tuple(found)


#: pymorphy3's tags for the parts of a person's name.
_NAME_TAGS = ("Surn", "Name", "Patr")


@lru_cache(maxsize=65536)
def _name_parses(word: str) -> tuple[Any, ...]:
    if not translit.is_cyrillic(word) or not word[:1].isupper():
        return ()
    for analyser in _analysers():
        found = tuple(p for p in analyser.parse(word) if any(t in p.tag for t in _NAME_TAGS))
        if found:
            return found
    return ()


def is_cyrillic_name(word: str) -> bool:
    """Does a dictionary read this capitalised Cyrillic word as a surname,
    given name or patronymic, in any case?"""
    return bool(_name_parses(word))


def is_patronymic_word(word: str) -> bool:
    """Does a dictionary read this Cyrillic word as a patronymic only?"""
    parses = _name_parses(word)
    return bool(parses) and all("Patr" in p.tag for p in parses)


@lru_cache(maxsize=65536)
def nominatives(word: str) -> tuple[str, ...]:
    """The nominatives a Cyrillic name word may be, likeliest first
    (Троцкого: Троцкий; Петрова: Петров, then Петрова herself); the word
    alone when no dictionary reads it as a name. Latin words are left as
    they are."""
    found: list[str] = []
    for parsed in _name_parses(word):
        if "nomn" in parsed.tag:
            found.append(word)
            continue
        wanted = {"nomn", "sing"} | ({parsed.tag.gender} if parsed.tag.gender else set())
        inflected = parsed.inflect(wanted)
        if inflected is not None:
            lemma = str(inflected.word)
            found.append(lemma[:1].upper() + lemma[1:])
    return tuple(dict.fromkeys(found)) or (word,)
