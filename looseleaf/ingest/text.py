"""Plain text and Markdown: the file's bytes are the leaves' original text.

The checks here turn what is not a text document (binary junk, bytes in no
encoding that can be told, a single enormous line) into one line naming the
reason, before anything is written.

A file is read as UTF-8 when it is valid UTF-8. Otherwise its encoding is
guessed (charset-normalizer proposes the candidates, `guess_encoding` picks
among them) unless the registrar names it (`looseleaf ingest --encoding`).
A text too short for any language to show in it is refused rather than
guessed at: a wrong guess would file a name misspelt.
"""

from __future__ import annotations

import codecs
import contextlib
import unicodedata

from charset_normalizer import from_bytes
from charset_normalizer.md import mess_ratio

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


def encoding_named(name: str) -> str:
    """The codec a registrar's `--encoding` names (its canonical name), or
    one line saying it is none: `rot13` and `base64` are codecs, not text
    encodings, and are refused with the unknown names."""
    try:
        # Not b"": an empty string is decoded without asking the codec. One
        # byte may not complete a character (UTF-16): a text encoding still.
        with contextlib.suppress(UnicodeDecodeError):
            b"?".decode(name)
        return codecs.lookup(name).name
    except LookupError:
        raise BadInput(
            f"--encoding {name!r}", "unknown character encoding (e.g. utf-8, cp1251, latin-1)"
        ) from None


def wide(encoding: str) -> bool:
    """UTF-16 and UTF-32 text is full of NUL bytes: not binary for them."""
    return encoding.startswith(("utf-16", "utf-32", "utf_16", "utf_32"))


#: How much of a file the guess reads: enough for a language to show, and
#: little enough to take the same few milliseconds for any size of file.
GUESS_SAMPLE = 64 * 1024

#: Code pages always weighed beside charset-normalizer's proposals (its own
#: ranking often takes a short French or Spanish text for Central European),
#: and the order in which they win a tie.
PREFERRED = (
    "cp1252",  # Western European; a superset of Latin-1's printable characters
    "cp1251",  # Cyrillic (Windows)
    "cp1250",  # Central European (Windows)
    "iso8859_2",
    "koi8_r",
    "cp866",
    "iso8859_5",
    "cp1257",
    "iso8859_15",
    "mac_cyrillic",
)

#: The letters beyond ASCII that each language (or a group of close ones)
#: writes. Decoded in the right code page, a text's accented letters fall
#: within one of these; in the wrong one they scatter across several.
_ALPHABETS = (
    "àâæçéèêëîïôœùûüÿ",  # French
    "äöüß",  # German
    "áéíñóúü",  # Spanish
    "ãõáâàçéêíóôú",  # Portuguese
    "àèéìíîòóù",  # Italian
    "åäöæøéü",  # Danish, Norwegian, Swedish, Finnish
    "áðéíóúýþæö",  # Icelandic
    "éëïèöü",  # Dutch
    "ąćęłńóśźż",  # Polish
    "áčďéěíňóřšťúůýž",  # Czech
    "áäčďéíĺľňóôŕšťúýž",  # Slovak
    "áéíóöőúüű",  # Hungarian
    "čćđšž",  # Croatian, Serbian, Bosnian, Slovene
    "ăâîșşțţ",  # Romanian
    "ąčęėįšųūž",  # Lithuanian
    "āčēģīķļņšūž",  # Latvian
    "äõöüšž",  # Estonian
    "çğıöşüâî",  # Turkish
)
#: A letter of another script counts as that script's alphabet.
_SCRIPTS = ("CYRILLIC", "GREEK", "HEBREW", "ARABIC")
#: Not letters, but at home inside a word: apostrophes, hyphens, the middle dot.
_IN_WORDS = frozenset("\u2019\u02bc\u00ad\u2010\u2011\u00b7")


def _suspects(text: str) -> int:
    """Characters beyond ASCII that no text has where they are: a sign or a
    digit against a letter (`mieszka³`, `¦wiadek`), punctuation or a control
    between two letters (`Dzier¿yñski`). Mojibake is made of these."""
    found = 0
    for i, char in enumerate(text):
        if char < "\x80" or char.isalpha():
            continue
        kind = unicodedata.category(char)
        if kind[0] == "M":
            continue
        before = i > 0 and text[i - 1].isalpha()
        after = i + 1 < len(text) and text[i + 1].isalpha()
        if kind[0] in "SNC" or char == "\u00b6":
            found += before or after
        elif char not in _IN_WORDS:
            found += before and after
    return found


def _alphabet_fit(text: str) -> float:
    """The largest share of the text's letters beyond ASCII that one alphabet holds."""
    letters: dict[str, int] = {}
    for char in text:
        if char >= "\x80" and char.isalpha():
            letters[char.lower()] = letters.get(char.lower(), 0) + 1
    total = sum(letters.values())
    if not total:
        return 1.0
    best = 0
    for alphabet in _ALPHABETS:
        best = max(best, sum(n for c, n in letters.items() if c in alphabet))
    for script in _SCRIPTS:
        held = sum(n for c, n in letters.items() if unicodedata.name(c, "").startswith(script))
        best = max(best, held)
    return best / total


def guess_encoding(what: str, data: bytes, bad_at: int) -> tuple[str, str]:
    """The text of bytes that are not UTF-8, and its encoding: of the code
    pages that read them, the one whose reading has the fewest signs where
    letters belong, the least of charset-normalizer's mess, and its letters
    most in one alphabet; on a tie, the more common code page (`PREFERRED`).
    `bad_at` is where the bytes stop being UTF-8, for the refusal."""
    sample = data[:GUESS_SAMPLE]
    proposed = from_bytes(sample)
    if not any(match.coherence > 0 for match in proposed):
        raise BadInput(
            what,
            f"invalid UTF-8 at byte {bad_at}, and too little text to tell its encoding "
            "(name it with --encoding)",
        )
    candidates = list(dict.fromkeys([*PREFERRED, *(m.encoding for m in proposed)]))
    ranked: list[tuple[tuple[int, float, float, int], str]] = []
    for rank, encoding in enumerate(candidates):
        try:
            text = codecs.getincrementaldecoder(encoding)().decode(sample, final=False)
        except (UnicodeDecodeError, LookupError):
            continue
        score = (_suspects(text), round(mess_ratio(text, 1.0), 2), -round(_alphabet_fit(text), 2))
        ranked.append(((*score, rank), encoding))
    for _, encoding in sorted(ranked):
        try:
            return data.decode(encoding), codecs.lookup(encoding).name
        except UnicodeDecodeError:
            continue  # a byte past the sample that this code page lacks
    raise BadInput(what, "not UTF-8, and in no character encoding that could be told")


def decode_text(what: str, data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """The text of `data` and the encoding it was read in: `encoding` when
    given, else UTF-8 when the bytes are UTF-8, else the guess."""
    if encoding is not None:
        return decode(what, data, encoding), codecs.lookup(encoding).name
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad_at = exc.start
    return guess_encoding(what, data, bad_at)


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


def read_text(
    what: str, data: bytes, max_line: int, encoding: str | None = None
) -> tuple[str, str]:
    """The file's text and the encoding it was read in."""
    if encoding is None or not wide(encoding_named(encoding)):
        check_not_binary(what, data)
    check_line_length(what, data, max_line)
    text, used = decode_text(what, data, encoding)
    if not text.strip():
        raise BadInput(what, "no text (only white space)")
    return text, used
