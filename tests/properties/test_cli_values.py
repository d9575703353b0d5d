"""What the command line turns typed strings into: `--xref LEAF_ID:NAME`,
`--form TYPE:FORM`, day counts, `--as` and reader names, dossier
references, a name searched in the card index, `why --action`, a slip
list's `--status`, and the reading room's typed numbers. Each is a value,
a one-line `BadInput` naming what was typed, or (for a name that names
nothing) the one `NotFound`; never any other exception."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from starlette.datastructures import FormData

from looseleaf.cli.person import _forms
from looseleaf.cli.slip import _xref
from looseleaf.errors import BadInput, NotFound
from looseleaf.model import Actor
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.registry.base import MAX_DAYS
from looseleaf.settings import Settings
from looseleaf.web.room.page import digits, ids
from tests.conftest import OPERATOR, fresh_registry_url
from tests.properties.typed import (
    REGISTRY_SETTINGS,
    anything,
    attempt,
    in_argv,
    one_line,
    refused,
)

NUMBERS = ("0", "1", "12", "007", "²", "١٢", "-3", "+3", " ", "99999999999999999999",
           "4611686018427387905")  # fmt: skip
XREF_SYNTAX = (*NUMBERS, ":", "::", "Orlov-Brandt", " ", "\n")
NAMES = ("petrov", "keeper", "Petrov", "ПЕТРОВ", "Orlov-Brandt", "ORLOV-BRANDT, Kasimir", ".", "@",
         "-", "_", " ", "\n", "\x00", "é", "e\u0301", "😀", "a" * 70)  # fmt: skip


@given(value=anything(*XREF_SYNTAX))
def test_an_xref_is_a_leaf_id_and_a_name_or_refused_naming_it(value: str) -> None:
    found = attempt(_xref, value)
    if isinstance(found, BadInput):
        assert "LEAF_ID:NAME" in refused(found, value)
        return
    leaf, name = found
    assert 1 <= leaf <= 2**62
    assert name
    assert name == name.strip()


@given(leaf=st.integers(1, 2**62), name=anything("Orlov", ":", " ").filter(str.strip))
def test_an_xref_reads_back(leaf: int, name: str) -> None:
    assert _xref(f"{leaf}:{name}") == (leaf, name.strip())
    assert _xref(f" {leaf} : {name}") == (leaf, name.strip())


@given(values=st.lists(anything("alias", "cover_name", ":", "Jeschow", " "), max_size=4))
def test_name_forms_are_type_and_form_or_refused_naming_the_one(values: list[str]) -> None:
    found = attempt(_forms, values)
    if isinstance(found, BadInput):
        assert any(repr(value) in found.what for value in values)
        one_line(found)
        return
    assert len(found) == len(values)
    assert all(form.strip() for _, form in found)


@given(text=anything(*NUMBERS, ",", " "))
def test_the_room_s_typed_numbers_are_ids_or_are_left_out(text: str) -> None:
    if digits(text):
        assert 0 <= int(text) < 2**62
    found = ids(FormData([("leaves", text), ("leaves", "5")]), "leaves")
    assert found[-1] == 5
    assert all(0 <= leaf < 2**62 for leaf in found)


# -- through a registry -----------------------------------------------------------


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def registry(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Registry]:
    """One reader (petrov), one dossier, one card-index record."""
    directory = Path(tmp_path_factory.mktemp(f"values-{request.param}"))
    with (
        fresh_registry_url(str(request.param), directory) as url,
        Registry.init(Settings(registry=url), OPERATOR) as opened,
    ):
        opened.add_reader(OPERATOR, "petrov", MarkingRequest("SECRET"))
        leaf = directory / "leaf.txt"
        leaf.write_text("Kasimir Orlov-Brandt sailed from Galati.\n", encoding="utf-8")
        opened.ingest(OPERATOR, [leaf], dossier="ORLOV-BRANDT, Kasimir")
        opened.person_add(OPERATOR, "ORLOV-BRANDT, Kasimir", forms=[("alias", "Orlow-Brant")])
        yield opened


@REGISTRY_SETTINGS
@given(days=st.one_of(st.integers(), st.integers(-3, MAX_DAYS + 3)))
def test_a_day_count_is_an_expiry_or_refused(registry: Registry, days: int) -> None:
    found = attempt(registry.later, days)
    if isinstance(found, BadInput):
        assert one_line(found).startswith(f"--days {days}: ")
        assert not 1 <= days <= MAX_DAYS
        return
    assert 1 <= days <= MAX_DAYS
    assert found > registry.now()


@REGISTRY_SETTINGS
@given(name=in_argv(anything(*NAMES)))
def test_acting_as_a_name_is_that_reader_or_not_found(registry: Registry, name: str) -> None:
    try:
        actor = registry.as_reader(name, via=OPERATOR)
    except NotFound as error:
        missing = error
    else:
        assert isinstance(actor, Actor)
        assert actor.name == "petrov"
        return
    assert str(missing) == f"reader {name}: not found"  # as typed; the CLI makes it one line


@REGISTRY_SETTINGS
@given(name=in_argv(anything(*NAMES)))
def test_a_new_reader_s_name_is_taken_or_refused(registry: Registry, name: str) -> None:
    found = attempt(lambda n: registry.add_reader(OPERATOR, n, MarkingRequest("RESTRICTED")), name)
    if isinstance(found, BadInput):
        message = one_line(found)
        assert repr(name) in found.what, message
        return
    assert found.name == name
    assert "\n" not in name
    assert name == name.strip()
    assert registry.as_reader(name, via=OPERATOR).name == name


@REGISTRY_SETTINGS
@given(ref=in_argv(anything(*NAMES, *NUMBERS)))
def test_a_dossier_reference_is_a_dossier_or_not_found(registry: Registry, ref: str) -> None:
    try:
        found, _ = registry.dossier(OPERATOR, ref)
    except NotFound:
        return
    except BadInput as error:  # a title that names more than one dossier
        one_line(error)
        return
    assert ref in (str(found.id), found.title)


@REGISTRY_SETTINGS
@given(name=in_argv(anything(*NAMES)), limit=st.integers(-5, 300))
def test_a_name_searched_in_the_card_index_is_found_or_refused(
    registry: Registry, name: str, limit: int
) -> None:
    try:
        found = registry.person_search(OPERATOR, name, limit=limit)
    except BadInput as error:
        one_line(error)
        return
    assert len(found) <= max(limit, 0)


@REGISTRY_SETTINGS
@given(action=anything("read", "review", "issue", "READ", " "), leaf=st.integers(1, 2**62))
def test_why_with_any_action_explains_or_refuses(
    registry: Registry, action: str, leaf: int
) -> None:
    try:
        found = attempt(lambda a: registry.why(OPERATOR, "petrov", leaf, action=a), action)
    except NotFound:  # no such leaf: asked about properly, then
        found = None
    if isinstance(found, BadInput):
        if "--action '" in found.what:
            refused(found, action)
        else:
            one_line(found)
    elif found is None:
        assert action in ("read", "issue")


@REGISTRY_SETTINGS
@given(status=st.one_of(st.none(), in_argv(anything("pending", "decided", "returned"))))
def test_a_slip_list_by_any_status_is_a_list(registry: Registry, status: str | None) -> None:
    try:
        found = registry.slips(OPERATOR, status=status)
    except BadInput as error:
        one_line(error)
        return
    assert all(slip.status == status for slip in found) or status is None
