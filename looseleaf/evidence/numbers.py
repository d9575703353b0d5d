"""Numbers as the seeds write them: "681,692", "1.3 million", "two million",
"twenty-five", "seventeen", "io" is left alone (OCR damage is not guessed at)."""

from __future__ import annotations

import re

UNITS = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}
#: Number words, longest first, for building patterns (not "a"/"an": too common).
WORDS = sorted((w for w in (*UNITS, *SCALES) if w not in {"a", "an"}), key=len, reverse=True)
#: A written number: digits (with thousands separators or a decimal point) or
#: words, optionally scaled ("1.3 million", "two million", "twenty-five").
NUMBER = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|(?:"
    + "|".join(WORDS)
    + r")(?:[- ](?:"
    + "|".join(WORDS)
    + r"))*)(?:\s+(?:hundred|thousand|million|billion))?"
)


def number(value: str) -> float | None:
    """'681,692', '680 000', 'two million', '7 million', 'twenty-five', 'eight' as a
    number; None when the text holds no number."""
    text = value.strip().lower().replace("\u00a0", " ")
    text = re.sub(r"(?<=\d)[, ](?=\d{3}\b)", "", text)
    total = 0.0
    current: float | None = None
    seen = False
    for word in re.findall(r"\d+(?:\.\d+)?|[a-z]+", text):
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current = (current or 0) + float(word)
            seen = True
        elif word in UNITS and (word not in {"a", "an"} or not seen):
            current = (current or 0) + UNITS[word]
            seen = True
        elif word in SCALES and seen:
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * scale
            else:
                total += (current or 1) * scale
                current = None
        elif word == "and" and seen:
            continue
        elif seen:
            break
    if not seen:
        return None
    return total + (current or 0)
