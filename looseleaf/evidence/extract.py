"""Suggested claims: dated statements about named subjects, found in leaf text
for a registrar to accept or reject.

A statement is a sentence that holds a name the card index found, an event
word (born, died, attacked, shot ...) and a date, as the seeds write them.
The subject is the name nearest before the event word; a plan ("we will be
in Vera Cruz on January 8") is marked as planned, not as what happened.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from looseleaf.evidence.dates import When, dates_in

#: Event words, by the property they claim. Checked in this order.
EVENTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (prop, re.compile(pattern, re.IGNORECASE))
    for prop, pattern in [
        ("born", r"\bborn\b"),
        ("died", r"\b(?:died|dies|death of|passed away|perished)\b"),
        (
            "attacked",
            r"\b(?:attacked|assaulted|struck down|wounded|stabbed|assassination attempt)\b",
        ),
        ("executed", r"\b(?:shot|executed|execution of|put to death)\b"),
        ("sentenced", r"\bsentenced\b"),
        ("arrested", r"\b(?:arrested|arrest of|detained)\b"),
        ("tried", r"\b(?:tried|trial of|went on trial)\b"),
        ("appointed", r"\b(?:appointed|named head|became head|took over)\b"),
        ("dismissed", r"\b(?:dismissed|removed from|replaced as)\b"),
        ("absorbed", r"\b(?:absorbed|incorporated into|merged into)\b"),
        ("founded", r"\b(?:founded|established|set up|created)\b"),
        ("located-at", r"\b(?:arrived (?:at|in)|was in|stayed (?:at|in)|reached|landed at)\b"),
    ]
)
_PLANNED = re.compile(
    r"\b(?:will|shall|plan(?:s|ned)? to|intend(?:s|ed)? to|expect(?:s|ed)? to)\b", re.I
)
_SENTENCE = re.compile(r"[^.!?;\n]+(?:[.!?;]+|\n|$)")
_PLACE = re.compile(r"\b(?:at|in|to)\s+((?:[A-Z][\w'-]+)(?:\s+(?:[A-Z][\w'-]+|de|del|la))*)")


@dataclass(frozen=True)
class Name:
    """A name the card index found on the leaf (its record, if it has one)."""

    start: int
    end: int
    text: str
    person_id: int | None


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    quote: str
    subject: str
    subject_id: int | None
    property: str
    when: When
    place: str | None
    planned: bool
    value: str | None = None


def suggest(text: str, names: Sequence[Name], context: When | None = None) -> list[Found]:
    """Dated statements about the named subjects in `text`."""
    found: list[Found] = []
    dates = dates_in(text, context)
    for sentence in _SENTENCE.finditer(text):
        start, end = sentence.span()
        in_dates = [d for d in dates if start <= d.start < end]
        in_names = [n for n in names if start <= n.start < end]
        if not in_dates or not in_names:
            continue
        body = sentence.group(0)
        for prop, pattern in EVENTS:
            event = pattern.search(body)
            if event is None:
                continue
            at = start + event.start()
            before = [n for n in in_names if n.end <= at] or in_names
            subject = before[-1]
            when = min(in_dates, key=lambda d: abs(d.start - at))
            place = None
            if prop == "located-at":
                after = _PLACE.search(body, event.start())
                place = after.group(1) if after else None
            found.append(
                Found(
                    start=start,
                    end=start + len(body.rstrip()),
                    quote=body.strip(),
                    subject=subject.text,
                    subject_id=subject.person_id,
                    property=prop,
                    when=when,
                    place=place,
                    planned=bool(_PLANNED.search(body[: max(0, event.start())])),
                )
            )
            break
    return found
