"""Which records a reader class may not see named, after the Stasi Records
Act: a person reading their own file sees their own data and the police's
staff and informers, other private persons masked (StUG §13(4), (5));
researchers and journalists see private persons masked unless the person is
a public figure, has consented, or the protection period has run out: thirty
years after death, or a hundred and ten after birth where no death is known
(§32). A record nobody has categorised, and an identifier no record holds
(an address, a date of birth), count as private: a miss is a leak.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from looseleaf.errors import BadInput
from looseleaf.evidence.dates import dates_in, parse
from looseleaf.model import Category, Jsonable

#: Years after death, and after birth, that a private person's data is protected.
AFTER_DEATH = 30
AFTER_BIRTH = 110
#: The category word for a record without one, and for an identifier no record holds.
UNCATEGORISED = "none"
CLASSES = ("staff", "subject", "researcher", "journalist")


@dataclass(frozen=True)
class ClassPolicy(Jsonable):
    """A reader class's redaction policy, as the registry keeps it."""

    name: str
    #: The categories masked (and "none").
    masks: tuple[str, ...]
    #: Whether consent, public office and the protection period lift a mask.
    lapses: bool

    @property
    def redacts(self) -> bool:
        """Whether a leaf needs a signed-off redaction before this class reads it."""
        return bool(self.masks)


@dataclass(frozen=True)
class RecordFacts:
    """What the card index says of a record that decides its masking."""

    id: int
    category: str | None
    born: str | None
    died: str | None
    consent: str | None


def categories(typed: Sequence[str]) -> tuple[str, ...]:
    """Category words as typed (`--masks third_party subject none`), checked."""
    found: list[str] = []
    for word in typed:
        key = word.strip().lower().replace("-", "_")
        if key != UNCATEGORISED:
            key = Category.parse(key).value
        if key not in found:
            found.append(key)
    return tuple(found)


def protected_until(record: RecordFacts) -> str | None:
    """The first day the record's data is free of the protection period
    (ISO), or None while no date says it ends. A date known only to the year
    counts from its last day: the period never ends early."""
    ends: list[str] = []
    for value, years in ((record.died, AFTER_DEATH), (record.born, AFTER_BIRTH)):
        last = _last_day(value)
        if last is not None:
            ends.append(f"{int(last[:4]) + years:04d}{last[4:]}")
        if record.died is not None:
            break  # a known death decides; birth counts only without one
    return _next_day(min(ends)) if ends else None


def masks(policy: ClassPolicy, record: RecordFacts | None, today: str) -> bool:
    """Whether a reader of `policy`'s class sees `record`'s names masked
    (None: an identifier no record holds)."""
    category = (record.category if record else None) or UNCATEGORISED
    if category not in policy.masks:
        return False
    if record is None or not policy.lapses:
        return not (record is not None and record.consent is not None)
    if record.consent is not None or record.category == Category.PUBLIC_FIGURE.value:
        return False
    until = protected_until(record)
    return until is None or today[:10] < until


def _last_day(value: str | None) -> str | None:
    """The last day a record's date of life can mean; a note with dates in it
    ("died in Vorkuta, winter 1943") by its latest."""
    when = parse(value)
    if when is not None:
        return when.last
    found = [when for when in dates_in(value or "") if not when.relative_to]
    return max(when.last for when in found) if found else None


def _next_day(iso: str) -> str:
    try:
        return (date.fromisoformat(iso) + timedelta(days=1)).isoformat()
    except ValueError:  # 29 February of a year that has none, after adding years
        return f"{iso[:4]}-03-01"


def check_class(name: str) -> str:
    key = name.strip().lower()
    if key not in CLASSES:
        raise BadInput(f"--class {name!r}", f"use one of {', '.join(CLASSES)}")
    return key
