"""Which claims cannot all be true, grouped and set side by side.

Nothing is resolved here: a group shows each side with its sources. Two
claims conflict only when they speak of the same thing: the same subject (a
card-index record, or names the card index's matcher joins) and property,
both reported as having happened (a plan to be in Vera Cruz on 8 January
does not contradict arriving at Tampico on the 9th; an attack on the 20th
and a death on the 21st are two events, not two dates of one). Then:

- date: a one-time event (born, died, executed, founded, an organisation
  absorbed into another ...) on dates that cannot overlap;
- value: one fact with different values for the same time: counts of
  victims of overlapping periods (680,000; 681,692; "two million"), a
  person's role at one event (judge or prosecutor), how many were tried
  together (seven or eight);
- presence: one person at two different places over the same days (an
  alibi), where both claims are dated closely enough to be about the same
  days and the places are not one inside the other; a stay, or any event
  told with its place ("arrested in Přílepy on 14 March").

Counts that are the parts of a total given beside it ("681,692 (353,074 and
328,618, respectively)") are not rivals of that total.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from datetime import date

from looseleaf.cardindex.matcher import cluster
from looseleaf.cardindex.names import initials_of
from looseleaf.evidence.numbers import number
from looseleaf.model import Claim, Conflict

#: Events that happen to a subject once: two dates that cannot overlap conflict.
ONCE = frozenset(
    {"born", "died", "executed", "founded", "dissolved", "absorbed", "exiled", "renamed"}
)
#: Events that may happen again, but not twice within a short time unless the
#: text says so ("arrested again", "a second arrest"): two accounts of one
#: arrest a week apart are one arrest dated twice; of a post, the same post.
EPISODES = {
    "arrested": 400,
    "tried": 400,
    "sentenced": 400,
    "interrogated": 0,
    "recruited": 1500,
    "appointed": 1500,
    "dismissed": 400,
    "released": 1100,
    "met": 10,
}
#: Words in a claim's quote that say an event happened again.
AGAIN = re.compile(
    r"\b(?:again|second|third|once more|re-?arrested|re-?tried|re-?sentenced|re-?appointed|"
    r"another)\b",
    re.I,
)
#: Properties with one true value for one time: counts of victims and of the
#: co-accused, roles at an event.
SINGLE_VALUE = frozenset({"number-of-victims", "number-of-co-accused", "death-sentences", "role"})
#: Claims that stand for what happened; withdrawn and rejected ones do not.
LIVE = frozenset({"asserted", "disputed", "corroborated", "suggested"})
#: Roles at one event ("other" claims with these values are roles).
ROLES = frozenset({"judge", "presiding judge", "prosecutor", "defence counsel", "defender"})
#: How far apart two roles may be dated and still be of one case (days).
ROLE_SPAN = 240
#: How long a stay may be dated and still be compared with another (days):
#: "in 1937" against "on 9 January 1937" says nothing about an alibi.
PRESENCE_SPAN = 62

#: Numbers as words, for "two million" against "680,000" (kept for callers).
number_of = number


def _value_key(claim: Claim) -> str:
    if claim.property == "sentenced":
        return _term(claim.value) or ""
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
    return _keys(claims)[0]


def _keys(claims: Sequence[Claim]) -> tuple[dict[int, str], dict[str, str]]:
    """Subjects' keys by claim, and the key of every name a meeting's other
    party goes by (clustered with the subjects, so "Lupu met Orlov-Brandt"
    and "Orlov-Brandt met Grigori Lupu" are one pair)."""
    others = {c.value for c in claims if c.property == "met" and c.value and c.value_id is None}
    loose = sorted({c.subject for c in claims if c.subject_id is None} | others)
    labels = cluster(loose) if loose else []
    by_name = {name: f"name:{label}" for name, label in zip(loose, labels, strict=True)}
    by_name.update(_namesakes(loose, labels))
    linked = sorted({(c.subject, c.subject_id) for c in claims if c.subject_id is not None})
    if others and linked:  # the other party by a name its record's claims are written with
        found = cluster([name for name, _ in linked] + sorted(others))
        records: dict[int, set[int]] = defaultdict(set)
        for (_, record), label in zip(linked, found, strict=False):
            records[label].add(record)
        for name, label in zip(sorted(others), found[len(linked) :], strict=True):
            if len(records.get(label, ())) == 1:
                by_name[name] = f"record:{next(iter(records[label]))}"
    keys = {
        c.id: f"record:{c.subject_id}" if c.subject_id is not None else by_name[c.subject]
        for c in claims
    }
    return keys, by_name


def _namesakes(names: Sequence[str], labels: Sequence[int]) -> dict[str, str]:
    """Split what the matcher joined where the initials say two persons
    ("A. S. Rudenko" and "A. P. Rudenko"): each full name goes with the names
    its initials agree with; a bare surname stays with them only when one
    person of that surname is named, else it stands alone."""
    members: dict[int, list[str]] = defaultdict(list)
    for name, label in zip(names, labels, strict=True):
        members[label].append(name)
    keys: dict[str, str] = {}
    for label, group in members.items():
        full = sorted((n for n in group if initials_of(n)), key=lambda n: -len(initials_of(n)))
        people: list[list[str]] = []
        for name in full:
            home = [p for p in people if all(_agree(initials_of(name), initials_of(o)) for o in p)]
            if home:
                home[0].append(name)
            else:
                people.append([name])
        if len(people) < 2:
            continue
        for index, person in enumerate(people):
            for name in person:
                keys[name] = f"name:{label}.{index}"
        for name in group:
            if not initials_of(name):
                keys[name] = f"name:{label}.bare:{name}"
    return keys


def _agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _kind_of(claim: Claim) -> str:
    """The property a claim is compared under: a role at an event is "role"."""
    if claim.property in {"other", "role"} and (claim.value or "").strip().lower() in ROLES:
        return "role"
    return claim.property


def conflicts(
    claims: Iterable[Claim], notes: Sequence[tuple[frozenset[int], str]] = ()
) -> list[Conflict]:
    """Every group of the given claims that cannot all be true. Callers pass
    only the claims the asker may see, so a side they may not see is simply
    not there, and neither is the group if one side remains."""
    live = [c for c in claims if c.status in LIVE and not c.planned]
    keys, names = _keys(live)
    groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in live:
        key = keys[claim.id]
        if claim.property == "renamed" and claim.value:  # a body is known by many names:
            key = "renamed:" + re.sub(r"\W+", " ", claim.value.casefold()).strip()  # its new one
        if claim.property == "met":  # a meeting belongs to both: the pair is the subject
            other = f"record:{claim.value_id}" if claim.value_id else names.get(claim.value or "")
            if other is None:
                continue
            key = " & ".join(sorted((key, other)))
        groups[(key, _kind_of(claim))].append(claim)
        if claim.place and claim.property not in {"born", "met", "located-at"}:
            # arrested in Přílepy, shot at Pankrác: there that day, for an alibi too
            groups[(key, "located-at")].append(claim)
    found: list[Conflict] = []
    for (_, prop), group in sorted(groups.items(), key=lambda item: item[0]):
        if len(group) >= 2:
            found += _conflicts_in(prop, group)
    shown = []
    for conflict in found:
        ids = {c.id for side in conflict.sides for c in side}
        records = {c.subject_id for side in conflict.sides for c in side}
        shown.append(
            replace(
                conflict,
                notes=tuple(text for covered, text in notes if covered <= ids and covered),
                subject_id=records.pop() if len(records) == 1 else None,
                suggested=any(
                    all(c.status == "suggested" for c in side) for side in conflict.sides
                ),
            )
        )
    return shown


def _conflicts_in(prop: str, group: list[Claim]) -> list[Conflict]:
    subject = _name(group)
    if prop == "located-at":
        return _presence(subject, group)
    if prop == "met":
        pair = " and ".join(sorted({group[0].subject, group[0].value or ""}))
        return _episodes(pair, prop, group)
    if prop == "number-of-victims":
        return _values(subject, prop, _without_parts(group), "counts that cannot all be right")
    if prop == "death-sentences":
        return _values(subject, prop, group, "different numbers of death sentences in one case")
    if prop == "role":
        return _values(subject, prop, group, "different roles in one proceeding", near=ROLE_SPAN)
    if prop == "tried":
        counted = [c for c in group if c.value and number(c.value) is not None]
        return _values(subject, prop, counted, "different numbers tried together")
    if prop == "absorbed":
        found: list[Conflict] = []
        for lineage in _lineages(group):
            found += _dates(subject, prop, lineage)
        return found
    if prop in ONCE:
        found = _dates(subject, prop, group)
        if prop == "born":
            found += _places(subject, group)
        return found
    if EPISODES.get(prop):
        return _episodes(subject, prop, group) + (
            _values(subject, prop, _terms(group), "different sentences for one trial")
            if prop == "sentenced"
            else []
        )
    return []


def _episodes(subject: str, prop: str, group: list[Claim]) -> list[Conflict]:
    """One arrest (trial, appointment to a post ...) told with dates that cannot
    overlap but lie so close that they are one event; a claim that says it
    happened again is its own event."""
    window = EPISODES[prop]
    dated = [c for c in group if c.date_first is not None and not AGAIN.search(c.quote)]

    def same(a: Claim, b: Claim) -> bool:
        return _gap_days(a, b) <= window and _same_post(a, b)

    found = []
    for component in _components(dated, same):
        sides = _date_sides(component)
        if len(sides) >= 2:
            found.append(
                Conflict(
                    subject, prop, "date", "one event, dates that cannot all be right", tuple(sides)
                )
            )
    return found


def _same_post(a: Claim, b: Claim) -> bool:
    """Appointments to one post (or dismissals from it): the posts' words
    overlap; a claim that names no post is no rival of one that does."""
    if a.property not in {"appointed", "dismissed"}:
        return True
    if (_DEPUTY.search(a.value or "") is None) != (_DEPUTY.search(b.value or "") is None):
        return False  # deputy chief engineer, then chief engineer: two posts
    if not a.value or not b.value:
        return False
    x, y = _words(a.value), _words(b.value)
    if x and y:
        return bool(x & y)
    if a.property == "dismissed":  # "his post" and "the directorship": the one post he held
        return not x and not y
    plain = {"the", "of", "a", "an", "his", "her", "its", "our", "their"}
    x, y = (set(re.findall(r"\w+", (c.value or "").casefold())) - plain for c in (a, b))
    return bool(x & y)


#: Words every post shares ("head of", "deputy", "People's Commissar"): two
#: posts are one only when a word beyond these is common to both.
_DEPUTY = re.compile(r"\b(?:deputy|vice|assistant|acting|first deputy)\b", re.I)
_POST_WORDS = frozenset(
    {
        "the",
        "of",
        "a",
        "an",
        "as",
        "to",
        "and",
        "in",
        "for",
        "at",
        "on",
        "his",
        "her",
        "its",
        "their",
        "s",
        "head",
        "chief",
        "deputy",
        "first",
        "second",
        "new",
        "acting",
        "post",
        "position",
        "office",
        "people",
        "commissar",
        "director",
        "chairman",
        "member",
        "secretary",
        "general",
    }
)


def _words(value: str | None) -> set[str]:
    return {w for w in re.findall(r"\w+", (value or "").casefold()) if w not in _POST_WORDS}


def _terms(group: list[Claim]) -> list[Claim]:
    """Sentences that say what was given (a death sentence, a number of years)."""
    return [c for c in group if _term(c.value) is not None]


def _term(value: str | None) -> str | None:
    text = (value or "").casefold()
    if re.search(r"death|shoot|shot|supreme measure|highest measure", text):
        return "death"
    years = re.search(
        r"(?P<n>[\w,.-]+(?:\s+[\w-]+)??)(?P<half>\s+and\s+a\s+half)?\s+years?\b", text
    )
    months = re.search(r"(?P<n>[\w,.-]+)\s+months?\b", text)
    total = 0.0
    if years:
        amount = number(years.group("n").split()[-1]) or number(years.group("n"))
        if amount is None:
            return None
        total += amount + (0.5 if years.group("half") else 0)
    if months:
        amount = number(months.group("n"))
        if amount is None:
            return None
        total += amount / 12
    return f"{total:g} years" if total else None


def _places(subject: str, group: list[Claim]) -> list[Conflict]:
    """Born in two places that are not one inside the other."""
    placed = [c for c in group if c.place]
    by_place: dict[str, list[Claim]] = defaultdict(list)
    for claim in placed:
        by_place[(claim.place or "").casefold()].append(claim)
    names = sorted(by_place)
    if any(a in b or b in a for a in names for b in names if a != b) or len(names) < 2:
        return []
    sides = tuple(tuple(by_place[name]) for name in names)
    return [Conflict(subject, "born", "value", "born in different places", sides)]


def _dates(subject: str, prop: str, group: list[Claim]) -> list[Conflict]:
    dated = [c for c in group if c.date_first is not None]
    sides = _date_sides(dated)
    if len(sides) < 2:
        return []
    return [Conflict(subject, prop, "date", "dates that cannot all be right", tuple(sides))]


def _values(subject: str, prop: str, group: list[Claim], why: str, near: int = 0) -> list[Conflict]:
    """Claims of one time (overlapping dates, or undated; for roles, dates
    `near` days apart: one case from its investigation to its trial) with
    different values, grouped as connected components; one side per value."""
    found: list[Conflict] = []

    def rivals(a: Claim, b: Claim) -> bool:
        close = _same_time(a, b) or (near > 0 and _gap_days(a, b) <= near)
        return close and _value_key(a) != _value_key(b)

    for component in _components(group, rivals):
        sides = _sides(component)
        if len(sides) > 1:
            found.append(Conflict(subject, prop, "value", why, tuple(sides)))
    return found


def _without_parts(group: list[Claim]) -> list[Claim]:
    """Drop counts that are the parts of a total stated beside them: claims on
    the same leaf whose periods lie inside the total's and whose values add up
    to it."""
    parts: set[int] = set()
    for total in group:
        amount = number(total.value or "")
        if amount is None or total.date_first is None or total.date_last is None:
            continue
        inside = [
            c
            for c in group
            if c.id != total.id
            and c.leaf_id == total.leaf_id
            and c.date_first is not None
            and c.date_last is not None
            and total.date_first <= c.date_first
            and c.date_last <= total.date_last
            and (c.date_first, c.date_last) != (total.date_first, total.date_last)
        ]
        values = [number(c.value or "") for c in inside]
        adds_up = abs(sum(v or 0 for v in values) - amount) <= 0.005 * amount
        if len(inside) >= 2 and all(v is not None for v in values) and adds_up:
            parts.update(c.id for c in inside)
    return [c for c in group if c.id not in parts]


def _lineages(group: list[Claim]) -> list[list[Claim]]:
    """Claims that one body took in another, grouped by what was taken in: the
    same name, or one inside the other (the GPU and the OGPU, its successor)."""

    def same(a: Claim, b: Claim) -> bool:
        x, y = (a.value or "").casefold(), (b.value or "").casefold()
        return bool(x and y) and (x in y or y in x)

    return _components(group, same)


def _presence(subject: str, group: list[Claim]) -> list[Conflict]:
    """One person in two places at once: dated closely, overlapping by more than
    a day, at places neither of which lies in the other."""
    dated = [
        c
        for c in group
        if c.date_first is not None
        and c.date_last is not None
        and _days(c) <= PRESENCE_SPAN
        and _place(c) not in {"?", "there"}
    ]

    def clash(a: Claim, b: Claim) -> bool:
        together = _overlap_days(a, b) >= 2 or _day_inside(a, b) or _day_inside(b, a)
        return together and not _same_place(a, b)

    found = []
    for component in _components(dated, clash):
        by_place: dict[str, list[Claim]] = defaultdict(list)
        for claim in component:
            by_place[_place(claim).casefold()].append(claim)
        if len(by_place) < 2:
            continue
        sides = tuple(tuple(side) for _, side in sorted(by_place.items()))
        places = " and ".join(_place(side[0]) for side in sides)
        found.append(
            Conflict(subject, "located-at", "presence", f"in {places} on overlapping dates", sides)
        )
    return found


def _components(
    claims: Sequence[Claim], linked: Callable[[Claim, Claim], bool]
) -> list[list[Claim]]:
    """Connected components of the claims under a pairwise relation; only
    components of two or more."""
    parent = list(range(len(claims)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, a in enumerate(claims):
        for j in range(i + 1, len(claims)):
            if linked(a, claims[j]):
                parent[root(j)] = root(i)
    by_root: dict[int, list[Claim]] = defaultdict(list)
    for i, claim in enumerate(claims):
        by_root[root(i)].append(claim)
    return [members for members in by_root.values() if len(members) > 1]


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


def _overlap(a: Claim, b: Claim) -> bool:
    return (a.date_first or "") <= (b.date_last or "") and (b.date_first or "") <= (
        a.date_last or ""
    )


def _days(claim: Claim) -> int:
    first, last = (
        date.fromisoformat(claim.date_first or ""),
        date.fromisoformat(claim.date_last or ""),
    )
    return (last - first).days + 1


def _overlap_days(a: Claim, b: Claim) -> int:
    first = max(a.date_first or "", b.date_first or "")
    last = min(a.date_last or "", b.date_last or "")
    if first > last:
        return 0
    return (date.fromisoformat(last) - date.fromisoformat(first)).days + 1


def _day_inside(a: Claim, b: Claim) -> bool:
    """One day of `a` falls strictly inside `b`'s stay (not the day it came
    or left, when one may travel): "in Kharkov on 2 February" against "in
    Moscow from 28 January to 10 February"."""
    if a.date_first != a.date_last or b.date_first == b.date_last:
        return False
    return (b.date_first or "") < (a.date_first or "") < (b.date_last or "")


def _gap_days(a: Claim, b: Claim) -> int:
    """Days between two dated claims (0 when they overlap)."""
    if _overlap(a, b):
        return 0
    first, second = sorted((a, b), key=lambda c: c.date_first or "")
    return (
        date.fromisoformat(second.date_first or "") - date.fromisoformat(first.date_last or "")
    ).days


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
