"""How a search hit is scored: from the leaf and the query alone.

A score that used whole-index statistics (how many leaves there are, how
long they are on average, how many hold a word) would change with leaves
the reader may not read, and so tell them something about those leaves.
FTS5's bm25 is such a score. So a hit's score is

    score = 0.1 * passages / ln(1 + length)

where `passages` is how many places in the leaf the query matches (the
places a highlight marks: instances of its words and phrases, overlapping
ones counted once) and `length` the leaf's length in words. It is what
PostgreSQL's ts_rank_cd(vector, query, 1) gives for a word, an OR of words
or a phrase (0.1 is its weight for an unlabelled word), so the backends rank
alike; for an AND, ts_rank_cd counts the stretches that hold every word,
nearer ones higher, where this counts every match.

Python's sqlite3 cannot register an FTS5 auxiliary function, and counting
the passages with highlight() reads and re-tokenises every matching leaf's
text (5-8 times the cost of the query at 100,000 leaves). For a query of one
phrase whose matches cannot overlap (a word, a prefix, a quoted phrase that
repeats no word) the count comes instead from bm25 itself: bm25 evaluated with the phrase's weight 1
and 2 gives two equations in which the whole-index statistics cancel except
the mean length, which FTS5 keeps in one record, and the count is an exact
integer (`by_bm25`). Where the result is not one, FTS5 ranks some other way
than this module expects, and the caller counts with highlight() instead.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

#: PostgreSQL's weight for a word without a weight label (ts_rank's {0.1, 0.2, 0.4, 1.0}).
WEIGHT = 0.1
#: FTS5's bm25 constants (fts5_aux.c), which `by_bm25` undoes.
K1 = 1.2
B = 0.75
#: How far from a whole number a recovered count may be (the error seen is ~1e-12).
_TOLERANCE = 1e-6
_ONE_PHRASE = re.compile(r'"([^"]*)"\*?')
#: Runs that FTS5's unicode61 tokenizer keeps within one token (it splits at
#: least wherever this does, underscores included).
_PIECES = re.compile(r"[^\W_]+")


def score(passages: int, length: int) -> float:
    """The score of a leaf of `length` words in which the query matches in `passages` places."""
    return WEIGHT * passages / math.log1p(max(length, 1))


def single_phrase(match: str) -> bool:
    """Whether an FTS5 expression as `fts.to_fts5` writes it is one phrase
    (or word, or prefix) none of whose matches can overlap another, so that
    bm25's count of its instances is the number of passages highlighted.

    Two matches of a phrase overlap only where it starts with a word it
    repeats later ("a b a" in "a b a b a"); any repeated word, compared
    more loosely than FTS5 folds them, sends the query the slow way.
    """
    found = _ONE_PHRASE.fullmatch(match)
    if found is None:
        return False
    pieces = [_loose(piece) for piece in _PIECES.findall(found.group(1))]
    return bool(pieces) and len(set(pieces)) == len(pieces)


def _loose(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def by_bm25(
    firsts: Sequence[float], seconds: Sequence[float], sizes: Sequence[bytes], mean: float
) -> list[float] | None:
    """Scores of the matches of a query's one phrase, from each match's
    bm25(leaf_search, 1.0, 0.0), bm25(leaf_search, 2.0, 0.0) and docsize, and
    the `mean` length of a leaf in tokens over the whole index (every column,
    as bm25 counts); None where the figures do not give whole counts (bm25 is
    not the formula undone here).

    bm25 scores a leaf holding the phrase f times (weighted w) -A*w*f / (w*f + k),
    A the phrase's inverse document frequency times (K1 + 1) and k = K1 * (1 - B
    + B * length / mean). With s1, s2 the scores at w = 1 and 2 (negated),
    f = k (2 s1 - s2) / (2 (s2 - s1)): the number of leaves and how many hold
    the phrase cancel, and `mean` is undone by k. Per match this is the
    hot loop of a search for a common word, hence one function, not three.
    """
    if mean <= 0:
        return None
    base, slope = K1 * (1 - B), K1 * B / mean
    found: list[float] = []
    for first, second, size in zip(firsts, seconds, sizes, strict=True):
        text, total = lengths(size)
        if not second < first < 0:  # -s2 < -s1 < 0: weight 2 scores higher
            return None
        count = (base + slope * total) * (first + first - second) / (2 * (second - first))
        whole = round(count)
        if whole < 1 or abs(count - whole) > _TOLERANCE * whole:
            return None
        found.append(WEIGHT * whole / math.log1p(text))
    return found


def lengths(sizes: bytes) -> tuple[int, int]:
    """(tokens of the text, tokens of every column) from FTS5's docsize blob:
    a varint per column, the text first, then the marking token (one)."""
    if len(sizes) == 2 and sizes[0] < 0x80 and sizes[1] < 0x80:  # under 128 words
        return sizes[0], sizes[0] + sizes[1]
    if len(sizes) == 3 and sizes[0] >= 0x80 and sizes[1] < 0x80 and sizes[2] < 0x80:
        text = ((sizes[0] & 0x7F) << 7) | sizes[1]  # under 16,384
        return text, text + sizes[2]
    counts = varints(sizes)
    return counts[0], sum(counts)


def varints(blob: bytes) -> list[int]:
    """The SQLite varints FTS5 stores a leaf's token counts (one per column)
    and the index's totals (leaves, then tokens per column) in."""
    values: list[int] = []
    position = 0
    while position < len(blob):
        value = 0
        for n in range(9):
            byte = blob[position]
            position += 1
            if n == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values
