"""Which records a class may not see named, after the Stasi Records Act:
pure rules, decided on plain facts (issue 17)."""

from __future__ import annotations

import pytest

from looseleaf.errors import BadInput
from looseleaf.redaction.rules import (
    ClassPolicy,
    RecordFacts,
    categories,
    check_class,
    masks,
    protected_until,
)
from looseleaf.redaction.spans import MARKER, masked, parse_range, union

SUBJECT = ClassPolicy("subject", ("third_party", "subject", "none"), False)
RESEARCHER = ClassPolicy("researcher", ("third_party", "subject", "none"), True)
STAFF = ClassPolicy("staff", (), False)


def record(category: str | None, *, born: str | None = None, died: str | None = None,
           consent: str | None = None) -> RecordFacts:  # fmt: skip
    return RecordFacts(1, category, born, died, consent)


def test_staff_and_informers_are_named_to_every_class_and_third_parties_to_none() -> None:
    for policy in (SUBJECT, RESEARCHER):
        assert not masks(policy, record("staff"), "2026-12-07")
        assert not masks(policy, record("informer"), "2026-12-07")
        assert masks(policy, record("third_party"), "2026-12-07")
        assert masks(policy, record(None), "2026-12-07")  # nobody said what it is: private
        assert masks(policy, None, "2026-12-07")  # an address no record holds
    assert not masks(STAFF, record("third_party"), "2026-12-07")
    assert not STAFF.redacts
    assert SUBJECT.redacts


def test_a_public_figure_consent_and_time_lift_a_mask_where_the_class_allows() -> None:
    assert not masks(RESEARCHER, record("public_figure"), "2026-12-07")
    assert not masks(RESEARCHER, record("third_party", consent="letter"), "2026-12-07")
    # Thirty years after death; a hundred and ten after birth when no death is known.
    dead = record("third_party", died="1990-05-01")
    assert masks(RESEARCHER, dead, "2020-05-01")
    assert not masks(RESEARCHER, dead, "2020-05-02")
    assert protected_until(record("subject", born="1915")) == "2026-01-01"
    assert protected_until(record("subject", born="1915", died="2000")) == "2031-01-01"
    assert protected_until(record("subject", died="3 April 1960")) == "1990-04-04"
    assert protected_until(record("subject")) is None  # no date: protected for good
    # A subject's file masks other private persons whatever their dates.
    assert masks(SUBJECT, dead, "2099-01-01")


def test_typed_classes_and_categories_are_checked() -> None:
    assert categories(["Third-Party", "none", "subject", "none"]) == (
        "third_party",
        "none",
        "subject",
    )
    with pytest.raises(BadInput, match="unknown category"):
        categories(["villain"])
    assert check_class(" Researcher ") == "researcher"
    with pytest.raises(BadInput, match="use one of"):
        check_class("spy")


def test_a_mask_hides_the_length_and_the_number_of_words() -> None:
    text = "Anna Maria Berg met Orlov at 14 Lesnaya Street."
    ranges = [(0, 4), (5, 10), (11, 15), (29, 46)]
    assert union(ranges, text) == [(0, 15), (29, 46)]
    assert masked(text, ranges) == f"{MARKER} met Orlov at {MARKER}."
    assert parse_range("3:9", 10) == (3, 9)
    for bad in ("9:3", "3", "a:b", "0:11"):
        with pytest.raises(BadInput, match="span"):
            parse_range(bad, 10)
