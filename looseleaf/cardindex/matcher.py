"""Do two name forms name the same person? A score, the reasons, and the
rules that forbid a merge whatever the score.

The score measures how far the surnames' spelling keys are apart under a
weighted edit distance whose cheap edits are the ones archives actually make:
a transliteration choice (Ж as zh, z, j or sch), a vowel written another way,
a glide dropped (Zinoviev, Zinovev), letters OCR confuses (e/c, rn/m, T/Y).
Short names must match almost exactly, because Hess and Hiss, Boki and Bokov
are different men.

A hard rule beats any score: different given names, a woman and a man, a
person and the group named after them, namesakes told apart only by title.
Clustering merges the closest pairs first and never joins two clusters
between which any hard rule holds, so a bare "Petrov" cannot chain the
husband to the wife.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from looseleaf.cardindex.names import Kind, Name, given_forms, given_group, parse, skeletons
from looseleaf.cardindex.phonetic import daitch_mokotoff

#: A pair at or above this score, with no hard rule against it, names one person.
THRESHOLD = 0.85

_VOWELS = frozenset("aeiou")
_GLIDES = frozenset("iy")
# Substitutions that cost little: transliteration choices and OCR confusions.
_CHEAP = {
    frozenset(pair)
    for pair in (
        "zZ", "sS", "ZS", "cC", "CT", "cT", "tT", "sz", "cs", "ck", "kK", "zT", "iy", "ij",
        "ec", "ty", "li", "l1", "o0", "e6", "cg", "nu", "bh", "fv", "kg",
    )
}  # fmt: skip
# Vowels that transliteration and unstressed Russian vowels swap (Agranov,
# Agronov); other vowel changes make another name (Bokov, Bykov).
_NEAR_VOWELS = {frozenset(pair) for pair in ("ao", "ei", "ea", "ou", "ie")}
_OCR_MULTI = {("rn", "m"), ("in", "m"), ("ni", "m"), ("ri", "n"), ("cl", "d"), ("li", "h")}


@dataclass(frozen=True)
class Match:
    """How alike two name forms are, why, and whether a rule forbids the merge."""

    score: float
    reasons: tuple[str, ...]
    never: str | None = None
    same: bool = field(default=False)


def compare(a: str, b: str) -> Match:
    return _compare(parse(a), parse(b))


@lru_cache(maxsize=262144)
def _compare(a: Name, b: Name) -> Match:
    never = _never(a, b)
    reasons: list[str] = []
    cost, length, note = _surname_cost(a, b)
    if cost is None:
        return Match(0.0, ("surnames differ",), never)
    similarity = 1.0 - cost / length
    reasons.append(note)
    factor, given_note = _given(a, b)
    if given_note:
        reasons.append(given_note)
    score = round(similarity * factor, 3)
    if never:
        return Match(score, tuple(reasons), never)
    return Match(score, tuple(reasons), None, score >= THRESHOLD)


def _never(a: Name, b: Name) -> str | None:
    if a.kind is not b.kind:
        return f"a {a.kind} is not a {b.kind} named after it"
    if a.gender and b.gender and a.gender != b.gender:
        return "a woman and a man"
    if a.regnal != b.regnal:
        return "different regnal numbers"
    if (
        a.title
        and b.title
        and a.bare
        and b.bare
        and not set(a.title.split()) & set(b.title.split())  # a Major General is a General
        and not {a.title, b.title} & {"comrade", "mr", "mrs", "citizen"}
    ):
        return f"namesakes told apart by title ({a.title}, {b.title})"
    if a.kind is Kind.PERSON and a.given and b.given:
        if not _same_given(a.given[0], b.given[0]):
            return f"different given names ({a.given[0]}, {b.given[0]})"
    elif a.kind is Kind.PERSON and (a.initials or b.initials) and not (a.bare or b.bare):
        first_a = a.given[0][0] if a.given else a.initials[0]
        first_b = b.given[0][0] if b.given else b.initials[0]
        if first_a != first_b and not (_fits(a, first_b) or _fits(b, first_a)):
            return f"initials differ ({first_a}, {first_b})"
    return None


def _fits(name: Name, initial: str) -> bool:
    """Could `initial` abbreviate the given name of `name`, in any language
    (Henry G. Yagoda is Genrikh)?"""
    return bool(name.given) and any(form.startswith(initial) for form in given_forms(name.given[0]))


def _same_given(a: str, b: str) -> bool:
    if a == b:
        return True
    group_a, group_b = given_group(a), given_group(b)
    if group_a is not None and group_b is not None:
        return group_a == group_b
    pairs = list(itertools.product(skeletons(a), skeletons(b)))
    if not pairs:  # a "given name" with no letters to compare (a stray digit)
        return False
    best = min((_distance(x, y), max(len(x), len(y))) for x, y in pairs)
    return best[0] <= 0.25 * best[1] or best[0] <= 0.3


def _given(a: Name, b: Name) -> tuple[float, str]:
    if a.given and b.given:
        if a.given[0] == b.given[0]:
            return 1.0, "same given name"
        return 1.0, f"given names {a.given[0]} and {b.given[0]} are one name"
    if a.bare != b.bare:
        return 0.95, "one form is the surname alone"
    if a.initials or b.initials:
        return 0.97, "initials agree"
    return 1.0, ""


def _surname_cost(a: Name, b: Name) -> tuple[float | None, int, str]:
    best: tuple[float, int, str, str] | None = None
    for key_a, key_b in itertools.product(sorted(a.keys), sorted(b.keys)):
        length = max(len(key_a), len(key_b))
        if Levenshtein.distance(key_a, key_b, score_cutoff=4) > 3 and not (a.damaged or b.damaged):
            continue
        cost = _damaged_distance(key_a, key_b, a.damaged, b.damaged)
        if best is None or cost < best[0]:
            best = (cost, length, key_a, key_b)
    if best is None:
        return None, 1, ""
    cost, length, key_a, key_b = best
    shortest = min(len(key_a), len(key_b))
    allowed = 0.3 if shortest <= 4 else 0.15 * length + 1e-9
    if cost > allowed:
        return None, length, ""
    if cost == 0:
        note = (
            f"{a.surname} and {b.surname} are spellings of one name"
            if a.surname != b.surname
            else "same surname"
        )
    else:
        shared = daitch_mokotoff(a.surname) & daitch_mokotoff(b.surname)
        sound = f", both sound {min(shared)} (Daitch-Mokotoff)" if shared else ""
        note = f"surnames {a.surname} and {b.surname} differ by {cost:.1f} weighted edits{sound}"
    return cost, length, note


def _damaged_distance(a: str, b: str, a_damaged: bool, b_damaged: bool) -> float:
    """OCR eats the first letters of a word ("pfinoviev", "^inoviev"): skip them cheaply."""
    if not (a_damaged or b_damaged):
        return _distance(a, b)
    if b_damaged and not a_damaged:
        a, b = b, a
    return min(
        0.3 * (skip_a + skip_b) + _distance(a[skip_a:], b[skip_b:])
        for skip_a in range(3)
        for skip_b in range(2)
    )


@lru_cache(maxsize=262144)
def _distance(a: str, b: str) -> float:
    rows, cols = len(a) + 1, len(b) + 1
    table = [[0.0] * cols for _ in range(rows)]
    for i in range(1, rows):
        table[i][0] = table[i - 1][0] + _indel(a, i - 1)
    for j in range(1, cols):
        table[0][j] = table[0][j - 1] + _indel(b, j - 1)
    for i in range(1, rows):
        for j in range(1, cols):
            x, y = a[i - 1], b[j - 1]
            best = min(
                table[i - 1][j] + _indel(a, i - 1),
                table[i][j - 1] + _indel(b, j - 1),
                table[i - 1][j - 1] + _substitution(x, y),
            )
            if i > 1 and j > 1 and x == b[j - 2] and a[i - 2] == y:
                best = min(best, table[i - 2][j - 2] + 0.3)
            if i > 1 and (a[i - 2 : i], y) in _OCR_MULTI:
                best = min(best, table[i - 2][j - 1] + 0.3)
            if j > 1 and (b[j - 2 : j], x) in _OCR_MULTI:
                best = min(best, table[i - 1][j - 2] + 0.3)
            table[i][j] = best
    return table[-1][-1]


def _substitution(x: str, y: str) -> float:
    if x == y:
        return 0.0
    if frozenset((x, y)) in _CHEAP:
        return 0.3
    if x in _VOWELS and y in _VOWELS:
        return 0.5 if frozenset((x, y)) in _NEAR_VOWELS else 0.8
    return 1.0


def _indel(word: str, index: int) -> float:
    char = word[index]
    if char in _GLIDES:
        neighbours = word[index - 1 : index] + word[index + 1 : index + 2]
        if any(c in _VOWELS for c in neighbours):
            return 0.3
    if char == "h" and index and word[index - 1] not in _VOWELS:
        return 0.3
    if char in _VOWELS:
        return 0.5
    return 1.0


def cluster(forms: Sequence[str]) -> list[int]:
    """A cluster number per form: closest pairs first, never across a hard rule."""
    names = [parse(form) for form in forms]
    scored: dict[tuple[int, int], float] = {}
    for i, j in itertools.combinations(range(len(names)), 2):
        if names[i].kind is not names[j].kind:
            continue
        match = _compare(names[i], names[j])
        if match.same:
            scored[(i, j)] = match.score
    root = list(range(len(names)))
    for head, (members, _) in joined(names, scored).items():
        for member in members:
            root[member] = head
    return root


def joined(
    names: Sequence[Name], scored: dict[tuple[int, int], float]
) -> dict[int, tuple[list[int], float]]:
    """Names joined by their scored pairs, closest first, never two groups
    between which any hard rule holds: (members, weakest link) by group."""
    root = list(range(len(names)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(names))}
    weakest = dict.fromkeys(range(len(names)), 1.0)
    for (i, j), score in sorted(scored.items(), key=lambda item: (-item[1], item[0])):
        a, b = root[i], root[j]
        if a == b:
            continue
        if any(_compare(names[x], names[y]).never for x in members[a] for y in members[b]):
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for x in members[b]:
            root[x] = a
        members[a].extend(members.pop(b))
        weakest[a] = min(weakest[a], weakest.pop(b), score)
    return {head: (group, weakest[head]) for head, group in members.items()}


class Index:
    """Known name forms, blocked by sound and spelling so that a name is
    compared with the few forms it could be rather than with all of them."""

    def __init__(self, forms: Sequence[tuple[int, str]]) -> None:
        self.forms = list(forms)
        self._blocks: dict[str, list[int]] = {}
        self._of_record: dict[int, list[int]] = {}
        for position, (record, form) in enumerate(self.forms):
            self._of_record.setdefault(record, []).append(position)
            for block in _blocks(parse(form)):
                self._blocks.setdefault(block, []).append(position)

    def matches(
        self,
        name: str,
        *,
        floor: float = THRESHOLD,
        allow: Callable[[int], bool] | None = None,
    ) -> list[tuple[int, str, Match]]:
        """(record id, form, match) for every form that `name` may be, best first,
        one per record; none that a hard rule forbids, none at a position that
        `allow` refuses (a form the asker may not see)."""
        query = parse(name)
        positions = {p for block in _blocks(query) for p in self._blocks.get(block, ())}
        if allow is not None:
            positions = {p for p in positions if allow(p)}
        best: dict[int, tuple[int, str, Match]] = {}
        for position in positions:
            record, form = self.forms[position]
            match = _compare(query, parse(form))
            if match.never or match.score < floor:
                continue
            if record not in best or match.score > best[record][2].score:
                best[record] = (record, form, match)
        return sorted(
            (hit for hit in best.values() if not self._ruled_out(query, hit[0], allow)),
            key=lambda hit: (-hit[2].score, hit[0]),
        )

    def _ruled_out(self, query: Name, record: int, allow: Callable[[int], bool] | None) -> bool:
        """A record is one person: Alger Hiss is not the record of Donald
        Hiss because that record also holds the bare "Hiss"."""
        for position in self._of_record[record]:
            if allow is None or allow(position):
                match = _compare(query, parse(self.forms[position][1]))
                if match.never and match.score >= THRESHOLD:  # the same surname, not an alias
                    return True
        return False


def compare_names(a: Name, b: Name) -> Match:
    """`compare` for names already parsed (cached)."""
    return _compare(a, b)


def blocks_of(name: Name) -> set[str]:
    """The blocks a name falls in: forms sharing none are never compared."""
    return _blocks(name)


def _blocks(name: Name) -> set[str]:
    """Sound codes and key prefixes of the surname; any shared block makes a candidate."""
    blocks = {f"dm:{code}" for code in daitch_mokotoff(name.surname.split(" ")[-1])}
    blocks |= {f"k:{key[:3]}" for key in name.keys}
    blocks |= {f"e:{key[-4:]}" for key in name.keys}  # OCR eats the start of a word
    return blocks
