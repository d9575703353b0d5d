"""Records proposed from the holdings: the names no record holds, grouped
into the persons they most likely are, for a registrar to accept or reject.

Pure: it is given (form, leaf) pairs and answers groups. Forms are compared
only within blocks of like-sounding surnames (as `matcher.Index` does), the
closest pairs are joined first, and no group ever holds two forms a hard
rule keeps apart (another given name, another sex, a group and a person):
a bare surname may join a full name, but cannot chain two full names that
differ. A form standing alone (one word, found once) proposes nothing: too
little to know who it is.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from looseleaf.cardindex.matcher import THRESHOLD, blocks_of, compare_names, joined
from looseleaf.cardindex.names import Name, fold, is_patronymic, parse
from looseleaf.model import FormType

#: A possessive ending is the sentence's, not the name's.
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
#: What may stand between a given name and a surname.
_MIDDLE = re.compile(
    r"^(?:[A-ZА-Я]\.|[\w-]+(?:ovich|evich|ich|ovna|evna|ichna|ович|евич|ич|овна|евна|ична)"
    r"|von|van|de|del|della|di|da|der|den|du|la|le|bin|ibn|al|y)$"
)
_OLDER_YOUNGER = ("the elder", "the younger")
#: A surname never seen beside a given name is a person, less surely so.
_ALONE = 0.7
#: Forms longer than this are run-on text, not a name.
_MOST_WORDS = 4


@dataclass(frozen=True)
class Group:
    """One proposed record: its preferred form, every form with the leaves it
    is on, how sure the grouping is (the weakest link), and why."""

    preferred: str
    forms: tuple[tuple[str, tuple[int, ...]], ...]
    score: float
    reasons: tuple[str, ...]
    #: The forms an alias sentence gave, with the type it gave them.
    types: tuple[tuple[str, FormType], ...] = ()


@dataclass(frozen=True)
class Alias:
    """An alias sentence on a leaf: `alias` is another name of `name`."""

    name: str
    alias: str
    leaf_id: int
    type: FormType


def cleaned(form: str) -> str | None:
    """The name a mention's text gives, or None if it is no name to propose:
    a caption run into the text ("Lev Sedov Trotsky": a middle word that is
    neither an initial, a patronymic nor a particle) or a word said twice."""
    text = " ".join(_POSSESSIVE.sub("", form.strip()).split())
    words = text.split(" ")
    if not text or len(words) > _MOST_WORDS or not any(c.isalpha() for c in text):
        return None
    if len({fold(w) for w in words}) < len(words):
        return None
    body = words
    if " ".join(words[-2:]).lower() in _OLDER_YOUNGER:
        body = words[:-2]
    elif len(words) > 2 and words[-1].lower().rstrip(".") in ("jr", "sr", "junior", "senior"):
        body = words[:-1]
    if any(not _MIDDLE.match(w) for w in body[1:-1]):
        return None
    if is_patronymic(words[-1]):  # "Pavlovich" alone, "Kasimir Ludwigovich": no surname
        return None
    return text


def group(mentions: Iterable[tuple[str, int]], aliases: Iterable[Alias] = ()) -> list[Group]:
    """Groups of the forms in `mentions` ((form, leaf id) pairs), fullest first.

    Full names are grouped first; a bare surname then joins the one group
    it fits, and none if it fits two (the Hiss brothers): it could be
    either; bare surnames that fit none are grouped among themselves. Last,
    a sentence that gives one name as another's alias joins their groups
    (whatever their given names: an alias is another name by design)."""
    leaves: dict[str, list[int]] = {}
    for raw, leaf_id in mentions:
        form = cleaned(raw)
        if form is not None and leaf_id not in leaves.setdefault(form, []):
            leaves[form].append(leaf_id)
    forms = sorted(leaves, key=lambda f: (fold(f), f))
    full = [f for f in forms if len(f.split()) > 1]
    groups = _joined(full)
    heads = {head: i for i, head in enumerate(groups)}
    names = {f: parse(f) for f in forms}
    alone: list[str] = []
    for bare in (f for f in forms if len(f.split()) == 1):
        fits = {
            heads[head]
            for head, (members, _) in groups.items()
            if all(not compare_names(names[bare], names[m]).never for m in members)
            and max(_score(names[bare], names[m]) for m in members) >= THRESHOLD
        }
        if len(fits) == 1:
            head = next(h for h, i in heads.items() if i in fits)
            groups[head][0].append(bare)
        elif not fits:
            alone.append(bare)
    after = max(groups, default=-1) + 1
    for offset, (members, score) in enumerate(_joined(alone).values()):
        groups[after + offset] = (members, min(score, _ALONE))
    types: dict[str, FormType] = {}
    for hint in aliases:
        one, other = cleaned(hint.name), cleaned(hint.alias)
        if one is None or other is None:
            continue
        if other not in leaves:  # a code name in capitals is no mention, but is on the leaf
            leaves[other] = []
        if hint.leaf_id not in leaves[other]:
            leaves[other].append(hint.leaf_id)
        types.setdefault(other, hint.type)
        _alias(groups, one, other)
    found = [_made(members, leaves, score, types) for members, score in groups.values()]
    return sorted(found, key=lambda g: (-len(g.forms), fold(g.preferred)))


def _alias(groups: dict[int, tuple[list[str], float]], one: str, other: str) -> None:
    """Put `other` in the group holding `one` (a group of its own if none
    does), joining the two groups if `other` is already in another one."""

    def holding(form: str) -> int | None:
        return next((head for head, (members, _) in groups.items() if form in members), None)

    keep, gone = holding(one), holding(other)
    if keep is None:  # the name was too doubtful to propose (a surname of two groups)
        return
    if gone == keep:
        return
    members, score = groups[keep]
    moved = [other] if gone is None else groups.pop(gone)[0]
    groups[keep] = (members + moved, min(score, 0.9))


def _score(a: Name, b: Name) -> float:
    match = compare_names(a, b)
    return match.score if match.same and not match.never else 0.0


def _joined(forms: Sequence[str]) -> dict[int, tuple[list[str], float]]:
    """Forms joined closest pair first, within blocks, never across a hard
    rule: (members, weakest link) by group."""
    names = [parse(f) for f in forms]
    blocks: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        for block in blocks_of(name):
            blocks.setdefault(block, []).append(index)
    scored: dict[tuple[int, int], float] = {}
    for members in blocks.values():
        for x, i in enumerate(members):
            for j in members[x + 1 :]:
                if (i, j) not in scored and names[i].kind is names[j].kind:
                    scored[(i, j)] = _score(names[i], names[j])
    usable = {pair: score for pair, score in scored.items() if score >= THRESHOLD}
    return {
        head: ([forms[i] for i in members], weakest)
        for head, (members, weakest) in joined(names, usable).items()
    }


def _made(
    forms: Sequence[str],
    leaves: dict[str, list[int]],
    score: float,
    types: dict[str, FormType],
) -> Group:
    counts = Counter({f: len(leaves[f]) for f in forms})
    named = [f for f in forms if f not in types] or list(forms)
    preferred = max(named, key=lambda f: (len(f.split()), counts[f], -len(f), f))
    others = [f for f in forms if f != preferred]
    reasons = [f"{preferred!r} is on {_leaves(counts[preferred])}"]
    if others:
        reasons.append("grouped with " + ", ".join(repr(f) for f in others))
    aliased = [f"{f!r} is given as a {types[f].replace('_', ' ')}" for f in others if f in types]
    return Group(
        preferred,
        tuple((f, tuple(leaves[f])) for f in sorted(forms, key=lambda f: (f != preferred, f))),
        round(score, 3),
        tuple(reasons + aliased),
        tuple(sorted((f, types[f]) for f in forms if f in types)),
    )


def _leaves(count: int) -> str:
    return "1 leaf" if count == 1 else f"{count} leaves"
