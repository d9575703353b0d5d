"""Levels, compartments, grades, markings and the named choices (roles, name
form types, record kinds, claim statuses): any text is taken or refused in
one line naming it, and what is taken reads back as itself."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum

import pytest
from hypothesis import given
from hypothesis import strategies as st

from looseleaf.errors import BadInput
from looseleaf.model import (
    DEFAULT_LEVELS,
    ClaimStatus,
    FormType,
    Levels,
    Marking,
    RecordKind,
    Role,
    compartment_name,
    level_key,
    parse_grade,
)
from looseleaf.registry import MarkingRequest
from tests.properties.typed import anything, attempt, one_line, refused, typed

LEVELS = Levels()
LEVEL_SYNTAX = (" ", "_", "-", "\t", "\n", "top", "TOP", "secret", "Secret", "SECRET", "/", "ß")
COMPARTMENT_SYNTAX = ("SEAMEN", "seamen", "ARCHIVE-KI", ".", "_", "-", "/", " ", "9", "ﬁ", "ß")


@given(text=anything(*LEVEL_SYNTAX))
def test_a_level_name_folds_and_ranks_or_is_refused(text: str) -> None:
    key = level_key(text)
    found = attempt(LEVELS.rank, text)
    if isinstance(found, BadInput):
        assert "unknown level" in refused(found, text)
        assert key not in LEVELS.names
    else:
        assert LEVELS.name(found) == key


@given(
    rank=st.integers(0, len(DEFAULT_LEVELS) - 1),
    gaps=st.lists(st.sampled_from([" ", "_", "-", "  ", "\t", "_-_"]), min_size=1, max_size=1),
    case=st.sampled_from([str.lower, str.upper, str.title, str.swapcase]),
    pad=st.sampled_from(["", " ", "\n", "\t "]),
)
def test_a_level_is_typed_loosely(
    rank: int, gaps: list[str], case: Callable[[str], str], pad: str
) -> None:
    typed_as = pad + case(DEFAULT_LEVELS[rank]).replace(" ", gaps[0]) + pad
    assert LEVELS.rank(typed_as) == rank


@given(names=st.one_of(st.lists(anything(*LEVEL_SYNTAX), max_size=6), st.just([])))
def test_a_registry_s_own_levels_are_taken_or_refused(names: list[str]) -> None:
    # `looseleaf init --levels A,B,C`, split as the command splits it.
    for given_names in (names, [n for n in ",".join(names).split(",") if n.strip()]):
        levels = attempt(Levels, tuple(given_names))
        if isinstance(levels, BadInput):
            assert one_line(levels).startswith("levels: ")
            continue
        assert len(levels.names) == len(given_names)
        for name in given_names:
            assert levels.name(levels.rank(name)) == level_key(name)


@given(text=anything(*COMPARTMENT_SYNTAX))
def test_a_compartment_is_a_code_word_or_refused(text: str) -> None:
    found = attempt(compartment_name, text)
    if isinstance(found, BadInput):
        refused(found, text)
        return
    assert re.fullmatch(r"[A-Z0-9][A-Z0-9._\-]{0,63}", found)
    assert compartment_name(found) == found
    assert "/" not in found  # the separator of a marking's key


@given(text=anything("A", "b", "F", "G", "1", "6", "7", "²", " ", "\n"))
def test_a_grade_is_on_the_admiralty_scale_or_refused(text: str) -> None:
    found = attempt(parse_grade, text)
    if isinstance(found, BadInput):
        assert "Admiralty" in refused(found, text)
        return
    assert re.fullmatch(r"[A-F][1-6]?", found)
    assert parse_grade(found) == found


@given(
    level=anything(*LEVEL_SYNTAX),
    compartments=st.lists(anything(*COMPARTMENT_SYNTAX), max_size=4),
)
def test_a_marking_is_parsed_and_its_key_reads_back(level: str, compartments: list[str]) -> None:
    marking = attempt(lambda c: Marking.parse(LEVELS, level, c), compartments)
    if isinstance(marking, BadInput):
        assert any(repr(given) in marking.what for given in (level, *compartments))
        one_line(marking)
        return
    assert Marking.from_key(str(marking)) == marking
    assert marking.level in LEVELS.names


@given(
    level=st.one_of(st.none(), anything(*LEVEL_SYNTAX)),
    compartments=st.lists(anything(*COMPARTMENT_SYNTAX), max_size=3),
    clear=st.booleans(),
    old_level=st.sampled_from(DEFAULT_LEVELS),
    old_compartments=st.frozensets(st.sampled_from(["SEAMEN", "ARCHIVE-KI"])),
)
def test_a_re_marking_as_typed_is_taken_or_refused(
    level: str | None,
    compartments: list[str],
    clear: bool,
    old_level: str,
    old_compartments: frozenset[str],
) -> None:
    """`looseleaf mark --level --compartment --clear-compartments`."""
    request = MarkingRequest(level, tuple(compartments), clear)
    old = Marking(old_level, old_compartments)
    try:
        new = request.after(LEVELS, old)
    except BadInput as error:
        one_line(error)
        return
    assert new.level == (LEVELS.name(LEVELS.rank(level)) if level else old.level)
    if not compartments and not clear:
        assert new.compartments == old.compartments


CHOICES: list[tuple[Callable[[str], object], type[StrEnum]]] = [
    (Role.parse, Role),
    (FormType.parse, FormType),
    (RecordKind.parse, RecordKind),
    (ClaimStatus.parse, ClaimStatus),
]


@pytest.mark.parametrize(("parse", "kind"), CHOICES)
@given(text=st.one_of(typed, anything("admin", "Reader", "cover-name", "code name", " ", "_")))
def test_a_named_choice_is_one_of_its_members_or_refused_with_the_list(
    parse: Callable[[str], object], kind: type[StrEnum], text: str
) -> None:
    found = attempt(parse, text)
    if isinstance(found, BadInput):
        message = refused(found, text)
        assert "known: " in message
        return
    assert isinstance(found, kind)


@pytest.mark.parametrize(("parse", "kind"), CHOICES)
@given(data=st.data())
def test_every_member_is_found_however_it_is_cased(
    parse: Callable[[str], object], kind: type[StrEnum], data: st.DataObject
) -> None:
    member = data.draw(st.sampled_from(list(kind)))
    case = data.draw(st.sampled_from([str.lower, str.upper, str.title]))
    assert parse(f" {case(str(member.value))} ") == member
