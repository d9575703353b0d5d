"""Cyrillic to Latin in the systems archives actually used.

A name reaches the registry in whatever system its writer learnt: an
English-language report says Dzerzhinsky (BGN/PCGN), a German file
Dserschinski, a French one Dzerjinsky, a Polish one Dzierżyński, a library
catalogue Dzeržinskij (ISO 9). The card index keeps every form as written and
needs each system to turn a Cyrillic form into the Latin forms it would have
produced, so that a Cyrillic card and a Latin mention meet.

The tables follow the published systems for Russian (with the Ukrainian
letters), simplified where a rule depends on morphology: the aim is the form a
writer of that language would have produced, not a reversible encoding.
"""

from __future__ import annotations

from enum import StrEnum


class System(StrEnum):
    BGN = "bgn"  # BGN/PCGN, the English-language default
    ISO9 = "iso9"  # ISO 9:1995, one letter per letter
    GERMAN = "german"  # Duden
    FRENCH = "french"
    POLISH = "polish"


_VOWELS = set("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ")
_SIGNS = set("ьъЬЪ")

# letter: (BGN, ISO 9, German, French, Polish)
_TABLE: dict[str, tuple[str, str, str, str, str]] = {
    "а": ("a", "a", "a", "a", "a"),
    "б": ("b", "b", "b", "b", "b"),
    "в": ("v", "v", "w", "v", "w"),
    "г": ("g", "g", "g", "g", "g"),
    "ґ": ("g", "g̀", "g", "g", "g"),
    "д": ("d", "d", "d", "d", "d"),
    "е": ("e", "e", "e", "e", "e"),
    "ё": ("ë", "ë", "jo", "io", "io"),
    "є": ("ye", "ê", "je", "ie", "je"),
    "ж": ("zh", "ž", "sch", "j", "ż"),
    "з": ("z", "z", "s", "z", "z"),
    "и": ("i", "i", "i", "i", "i"),
    "і": ("i", "ì", "i", "i", "i"),
    "ї": ("yi", "ï", "ji", "ï", "ji"),
    "й": ("y", "j", "j", "ï", "j"),
    "к": ("k", "k", "k", "k", "k"),
    "л": ("l", "l", "l", "l", "ł"),
    "м": ("m", "m", "m", "m", "m"),
    "н": ("n", "n", "n", "n", "n"),
    "о": ("o", "o", "o", "o", "o"),
    "п": ("p", "p", "p", "p", "p"),
    "р": ("r", "r", "r", "r", "r"),
    "с": ("s", "s", "s", "s", "s"),
    "т": ("t", "t", "t", "t", "t"),
    "у": ("u", "u", "u", "ou", "u"),
    "ф": ("f", "f", "f", "f", "f"),
    "х": ("kh", "h", "ch", "kh", "ch"),
    "ц": ("ts", "c", "z", "ts", "c"),
    "ч": ("ch", "č", "tsch", "tch", "cz"),
    "ш": ("sh", "š", "sch", "ch", "sz"),
    "щ": ("shch", "ŝ", "schtsch", "chtch", "szcz"),
    "ъ": ("", "ʺ", "", "", ""),
    "ы": ("y", "y", "y", "y", "y"),
    "ь": ("", "ʹ", "", "", ""),
    "э": ("e", "è", "e", "e", "e"),
    "ю": ("yu", "û", "ju", "iou", "ju"),
    "я": ("ya", "â", "ja", "ia", "ja"),
}

# Е is written with a glide at the start of a word and after a vowel or sign
# (Yezhov, Jeschow, Iejov), plainly after a consonant; Polish softens the
# consonant before it instead (Dzierżyński).
_E_GLIDE = ("ye", "e", "je", "ie", "je")
_E_SOFT = ("e", "e", "e", "e", "ie")
# Polish writes the softness of Л in the vowel after it (Lew, not Łiew), and
# hears Ж, Ш, Ц, Ч as hard (Dzierżyński, not Dzierżiński).
_POLISH_SOFTENING = set("еёиюяь")
_POLISH_NO_I = set("лжшцч")
_POLISH_HARD = set("жшцч")
# Final -ий / -ый, the adjective ending of so many surnames.
_FINAL_IY = {"ий": ("iy", "ij", "i", "i", "i"), "ый": ("y", "yj", "y", "y", "y")}


def is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)


def romanise(text: str, system: System = System.BGN) -> str:
    """`text` with every Cyrillic letter written in `system`; other characters kept."""
    column = list(System).index(system)
    out: list[str] = []
    index = 0
    while index < len(text):
        char = text[index]
        lower = char.lower()
        pair = text[index : index + 2].lower()
        at_end = index + 2 >= len(text) or not text[index + 2].isalpha()
        if pair in _FINAL_IY and at_end:
            latin = _FINAL_IY[pair][column]
            step = 2
        elif lower == "е":
            previous = text[index - 1] if index else ""
            glide = not previous.isalpha() or previous in _VOWELS or previous in _SIGNS
            latin = (_E_GLIDE if glide else _E_SOFT)[column]
            if system is System.POLISH and previous.lower() in _POLISH_NO_I:
                latin = "e"
            step = 1
        elif system is System.POLISH and lower == "л":
            following = text[index + 1 : index + 2].lower()
            latin = "l" if following in _POLISH_SOFTENING else "ł"
            step = 1
        elif system is System.POLISH and lower == "и" and index:
            latin = "y" if text[index - 1].lower() in _POLISH_HARD else "i"
            step = 1
        elif lower in _TABLE:
            latin = _TABLE[lower][column]
            step = 1
        else:
            out.append(char)
            index += 1
            continue
        if char.isupper() and latin:
            following = text[index + step : index + step + 1]
            latin = latin.upper() if following.isupper() else latin[0].upper() + latin[1:]
        out.append(latin)
        index += step
    return "".join(out)


def romanisations(text: str) -> dict[System, str]:
    """The Latin forms `text` would have in every system (itself when it has no Cyrillic)."""
    if not is_cyrillic(text):
        return {}
    return {system: romanise(text, system) for system in System}
