"""Which claims cannot all be true, grouped and set side by side.

Nothing is resolved here: a group shows each side with its sources. Two
claims conflict only when they speak of the same event: the same subject and
property (an attack and a death are two events, not two dates of one), both
reported as having happened (a plan to be in Vera Cruz on 8 January does not
contradict arriving at Tampico on the 9th). Then:

- a one-time event (born, died, executed, ...) on dates that cannot overlap;
- a single-valued property (the number of victims of one period, a person's
  role at one event) with different values;
- one person at two different places on overlapping dates (an alibi).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence

from looseleaf.cardindex.matcher import cluster
from looseleaf.model import Claim, Conflict

#: Events that happen to a subject once: two dates that cannot overlap conflict.
ONCE = frozenset(
    {
        "born",
        "died",
        "attacked",
        "executed",
        "founded",
        "dissolved",
        "absorbed",
        "number-of-victims",
        "number-of-co-accused",
        "role",
    }
)
#: Properties with one true value (for the same event or period).
SINGLE_VALUE = frozenset({"number-of-victims", "number-of-co-accused", "role", "absorbed"})
#: Claims that stand for what happened; suggestions and withdrawn claims do not.
LIVE = frozenset({"asserted", "disputed", "corroborated", "suggested"})

_WORDS = {
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
    "hundred": 100,
    "thousand": 1000,
    "million": 1_000_000,
}


def number(value: str) -> float | None:
    """'681,692', '680 000', 'two million', '7 million', 'eight' as a number."""
    text = value.strip().lower().replace(",", "").replace("\u00a0", " ")
    total: float | None = None
    for word in re.findall(r"[\d.]+|[a-z]+", text):
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            total = float(word) if total is None else total * 1000 + float(word)
        elif word in _WORDS:
            amount = _WORDS[word]
            if amount >= 100 and total is not None:
                total *= amount
            elif amount >= 100:
                total = float(amount)
            else:
                total = (total or 0) + amount
    if total is None and re.fullmatch(r"\d[\d ]*", text):
        total = float(text.replace(" ", ""))
    return total


def _value_key(claim: Claim) -> str:
    if claim.value_id is not None:
        return f"#{claim.value_id}"
    if claim.value is None:
        return ""
    amount = number(claim.value)
    if amount is not None:
        return f"={amount:g}"
    return re.sub(r"\W+", " ", claim.value.casefold()).strip()


def subjects(claims: Sequence[Claim]) -> dict[int, str]:
    """A key per claim naming its subject: the card-index record, or for
    names not yet in the index, one key per cluster of matching names."""
    loose = sorted({c.subject for c in claims if c.subject_id is None})
    labels = cluster(loose) if loose else []
    by_name = {name: f"name:{label}" for name, label in zip(loose, labels, strict=True)}
    return {
        c.id: f"record:{c.subject_id}" if c.subject_id is not None else by_name[c.subject]
        for c in claims
    }


def conflicts(
    claims: Iterable[Claim], notes: Sequence[tuple[frozenset[int], str]] = ()
) -> list[Conflict]:
    """Every group of the given claims that cannot all be true. Callers pass
    only the claims the asker may see, so a side they may not see is simply
    not there, and neither is the group if one side remains."""
    live = [c for c in claims if c.status in LIVE and not c.planned]
    keys = subjects(live)
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in live:
        groups[(keys[claim.id], claim.property)].append(claim)
    found: list[Conflict] = []
    for (_, prop), group in sorted(groups.items(), key=lambda item: item[0]):
        if len(group) < 2:
            continue
        found += _conflicts_in(prop, group)
    shown = []
    for conflict in found:
        ids = {c.id for side in conflict.sides for c in side}
        texts = tuple(text for covered, text in notes if covered <= ids and covered)
        shown.append(
            Conflict(
                conflict.subject,
                conflict.property,
                conflict.kind,
                conflict.why,
                conflict.sides,
                texts,
            )
        )
    return shown


def _conflicts_in(prop: str, group: list[Claim]) -> list[Conflict]:
    subject = _name(group)
    found: list[Conflict] = []
    if prop == "located-at":
        found += _presence(subject, group)
        return found
    if prop in SINGLE_VALUE:
        sides = _sides(group)
        if len(sides) > 1 and all(_same_time(a, b) for a, b in _pairs(group)):
            found.append(
                Conflict(subject, prop, "value", "different values for one fact", tuple(sides))
            )
            return found
    if prop in ONCE:
        dated = [c for c in group if c.date_first is not None]
        sides = _date_sides(dated)
        if len(sides) > 1:
            found.append(
                Conflict(subject, prop, "date", "dates that cannot all be right", tuple(sides))
            )
    return found


def _presence(subject: str, group: list[Claim]) -> list[Conflict]:
    """One person in two places at once: overlapping dates, different places."""
    dated = [c for c in group if c.date_first is not None and (c.place or c.value)]
    found = []
    seen: set[frozenset[int]] = set()
    for a, b in _pairs(dated):
        if not _overlap(a, b) or _same_place(a, b):
            continue
        key = frozenset({a.id, b.id})
        if key in seen:
            continue
        seen.add(key)
        found.append(
            Conflict(
                subject,
                "located-at",
                "presence",
                f"in {_place(a)} and in {_place(b)} on overlapping dates",
                ((a,), (b,)),
            )
        )
    return found


def _sides(group: list[Claim]) -> list[tuple[Claim, ...]]:
    by: dict[str, list[Claim]] = defaultdict(list)
    for claim in group:
        by[_value_key(claim)].append(claim)
    return [tuple(side) for _, side in sorted(by.items())]


def _date_sides(dated: list[Claim]) -> list[tuple[Claim, ...]]:
    """Sides are the narrowest dates claimed (a day rather than the month that
    holds it); a vaguer claim joins every side it fits, so "June 1937" sits
    beside both "11 June" and "12 June" without being a third opinion."""
    spans = {(c.date_first or "", c.date_last or "") for c in dated}
    anchors = sorted(
        a for a in spans if not any(b != a and a[0] <= b[0] and b[1] <= a[1] for b in spans)
    )
    if len(anchors) < 2:
        return []
    return [
        tuple(c for c in dated if (c.date_first or "") <= last and first <= (c.date_last or ""))
        for first, last in anchors
    ]


def _pairs(claims: Sequence[Claim]) -> Iterable[tuple[Claim, Claim]]:
    for i, a in enumerate(claims):
        for b in claims[i + 1 :]:
            yield a, b


def _overlap(a: Claim, b: Claim) -> bool:
    return (a.date_first or "") <= (b.date_last or "") and (b.date_first or "") <= (
        a.date_last or ""
    )


def _same_time(a: Claim, b: Claim) -> bool:
    """Undated claims, or dates that overlap: the same period or event."""
    if a.date_first is None or b.date_first is None:
        return True
    return _overlap(a, b)


def _place(claim: Claim) -> str:
    return claim.place or claim.value or "?"


def _same_place(a: Claim, b: Claim) -> bool:
    x, y = _place(a).casefold(), _place(b).casefold()
    return x in y or y in x


def _name(group: list[Claim]) -> str:
    return max((c.subject for c in group), key=len)
