"""Slips, grants, copies and notes through the service layer, on both backends."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from looseleaf.custody.copies import FONT_PLACES
from looseleaf.errors import BadInput, Forbidden, NotFound
from looseleaf.model import Actor, Marking
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, FakeClock, counts, write

PAGES = [
    "Page about Lupu.",
    "Page about the harbour.",
    "Lupu again, with Дзержинский.",
    "Nothing here.",
]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def reg(registry_url: str, clock: FakeClock, tmp_path: Path) -> Iterator[Registry]:
    with Registry.init(Settings(registry=registry_url), OPERATOR, clock=clock) as registry:
        registry.ingest(
            OPERATOR,
            [write(tmp_path / "t.txt", "\f".join(PAGES))],
            dossier="Target",
            leaf_marking=MarkingRequest("SECRET", ("KI",)),
            dossier_marking=MarkingRequest("CONFIDENTIAL"),
        )
        registry.add_reader(OPERATOR, "reader", MarkingRequest("SECRET"))
        registry.add_reader(
            OPERATOR, "keeper", MarkingRequest("TOP SECRET", ("KI",)), roles=["custodian"]
        )
        yield registry


def leaf_ids(registry: Registry) -> list[int]:
    _, [report] = registry.dossier(OPERATOR, "Target")
    return [leaf.id for leaf in report.leaves]


def actor(registry: Registry, name: str) -> Actor:
    return registry.as_reader(name, via=OPERATOR)


def test_slip_by_ids_drops_unknown_ids_silently(reg: Registry) -> None:
    ids = leaf_ids(reg)
    reader = actor(reg, "reader")
    slip = reg.request_slip(reader, "research", leaf_ids=[ids[0], 99_999])
    again = reg.request_slip(reader, "research", leaf_ids=[99_998])
    assert slip.as_json().keys() == again.as_json().keys()
    assert "proposed" not in slip.as_json()
    assert reg.slip(actor(reg, "keeper"), slip.id).proposed == (ids[0],)
    assert reg.slip(actor(reg, "keeper"), again.id).proposed == ()


def test_grant_expires_on_the_next_call(reg: Registry, clock: FakeClock) -> None:
    ids = leaf_ids(reg)
    reader, keeper = actor(reg, "reader"), actor(reg, "keeper")
    slip = reg.request_slip(reader, "research", leaf_ids=ids[:2])
    reg.decide_slip(keeper, slip.id, approve=[ids[0]], days=2)
    assert reg.read(reader, ids[0]).original.startswith("Page about Lupu")
    with pytest.raises(NotFound, match=f"leaf {ids[1]}: not found"):
        reg.read(reader, ids[1])
    clock.advance(days=2, seconds=1)
    with pytest.raises(NotFound):
        reg.read(reader, ids[0])
    assert "expired" in reg.why(OPERATOR, "reader", ids[0]).reason


def test_returning_a_slip_ends_its_grants_at_once(reg: Registry) -> None:
    ids = leaf_ids(reg)
    reader, keeper = actor(reg, "reader"), actor(reg, "keeper")
    slip = reg.request_slip(reader, "research", leaf_ids=ids[:1])
    reg.decide_slip(keeper, slip.id, approve=ids[:1])
    reg.read(reader, ids[0])
    assert reg.return_slip(reader, slip.id) == 1
    with pytest.raises(NotFound):
        reg.read(reader, ids[0])
    assert reg.slip(reader, slip.id).status == "returned"


def test_lowered_clearance_and_new_marking_count_at_once(reg: Registry) -> None:
    ids = leaf_ids(reg)
    keeper = actor(reg, "keeper")
    reg.read(keeper, ids[0])
    reg.set_reader(OPERATOR, "keeper", compartments=[])
    with pytest.raises(NotFound):
        reg.read(keeper, ids[0])
    reg.mark(
        OPERATOR,
        MarkingRequest("SECRET", clear_compartments=True),
        "compartment lifted",
        leaf_ids=[ids[0]],
    )
    assert reg.read(keeper, ids[0]).leaf.marking == Marking("SECRET")
    reg.mark(OPERATOR, MarkingRequest("TOP SECRET"), "raised", leaf_ids=[ids[0]])
    reader = actor(reg, "reader")
    with pytest.raises(NotFound):
        reg.read(reader, ids[0])
    marks = [e for e in reg.event_log(OPERATOR, target=f"leaf:{ids[0]}") if e.action == "leaf.mark"]
    assert [m.detail["reason"] for m in marks] == ["compartment lifted", "raised"]
    assert marks[-1].actor == "operator:tester"


def test_decisions_are_checked(reg: Registry) -> None:
    ids = leaf_ids(reg)
    reader, keeper = actor(reg, "reader"), actor(reg, "keeper")
    slip = reg.request_slip(reader, "research", leaf_ids=ids[:2])
    with pytest.raises(Forbidden, match="needs the custodian role"):
        reg.decide_slip(reader, slip.id, approve=ids[:1])
    with pytest.raises(BadInput, match=f"leaf {ids[3]}: was not proposed on slip {slip.id}"):
        reg.decide_slip(keeper, slip.id, approve=[ids[3]])
    reg.mark(OPERATOR, MarkingRequest("TOP SECRET", ("KI",)), "raised", leaf_ids=[ids[1]])
    with pytest.raises(BadInput, match="a grant never lifts the level requirement"):
        reg.decide_slip(keeper, slip.id, approve=[ids[1]])
    reg.decide_slip(keeper, slip.id, approve=[ids[0]])
    with pytest.raises(Forbidden, match="is decided, not pending"):
        reg.decide_slip(keeper, slip.id, approve=[ids[0]])
    denied = [e for e in reg.event_log(OPERATOR) if e.action == "slip.decide.denied"]
    assert [e.detail["reason"] for e in denied] == [
        "slip.decide needs the custodian role",
        f"slip {slip.id} is decided, not pending",
    ]


def test_custodian_review_is_recorded_and_limited_to_proposals(reg: Registry) -> None:
    ids = leaf_ids(reg)
    reader, keeper = actor(reg, "reader"), actor(reg, "keeper")
    slip = reg.request_slip(reader, "research", leaf_ids=ids[:1])
    assert reg.review(keeper, slip.id, ids[0]).original == "Page about Lupu."
    with pytest.raises(NotFound):
        reg.review(keeper, slip.id, ids[2])
    with pytest.raises(NotFound):
        reg.review(reader, slip.id, ids[0])
    reviews = [e for e in reg.event_log(OPERATOR) if e.action == "leaf.review"]
    assert [(e.target, e.actor) for e in reviews] == [
        (f"leaf:{ids[0]}", "reader:keeper via operator:tester")
    ]


def test_query_slip_proposes_only_unreadable_matches(reg: Registry, tmp_path: Path) -> None:
    reg.ingest(
        OPERATOR,
        [write(tmp_path / "open.txt", "Lupu in the open.")],
        dossier="Open",
        leaf_marking=MarkingRequest("UNCLASSIFIED"),
    )
    ids = leaf_ids(reg)
    slip = reg.request_slip(actor(reg, "reader"), "who is Lupu", query="lupu")
    assert reg.slip(actor(reg, "keeper"), slip.id).proposed == (ids[0], ids[2])


def test_numbered_copy_is_watermarked_receipted_and_verifiable(reg: Registry) -> None:
    ids = leaf_ids(reg)
    reader, keeper = actor(reg, "reader"), actor(reg, "keeper")
    with pytest.raises(BadInput, match="may not read it"):
        reg.issue_copy(keeper, "reader", [ids[2]], "for study")
    slip = reg.request_slip(reader, "research", leaf_ids=[ids[0], ids[2]])
    reg.decide_slip(keeper, slip.id, approve=[ids[0], ids[2]])
    copy, pdf = reg.issue_copy(keeper, "reader", [ids[0], ids[2]], "for study")
    assert (copy.number, copy.reader, copy.leaves, copy.returned_at) == (
        1,
        "reader",
        (ids[0], ids[2]),
        None,
    )
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
    assert len(pages) == copy.pages == 2
    for text in pages:
        assert "COPY No. 1" in text
        assert "issued to reader" in text
    if any(place.exists() for place in FONT_PLACES):  # Debian's fonts-dejavu-core
        assert "Дзержинский" in pages[1]
    else:
        assert "?" in pages[1]  # no Unicode font: the copy says what it could not print
    assert reg.verify_copy(keeper, 1, pdf)[1] is True
    assert reg.verify_copy(keeper, 1, pdf + b" ")[1] is False
    assert [c.number for c in reg.copies(keeper, outstanding=True)] == [1]
    assert [c.number for c in reg.copies(reader)] == [1]
    reg.return_copy(keeper, 1)
    assert reg.copies(keeper, outstanding=True) == []
    with pytest.raises(BadInput, match="returned already"):
        reg.return_copy(keeper, 1)
    second, _ = reg.issue_copy(keeper, "reader", [ids[0]], "again")
    assert second.number == 2


def test_note_marking_is_derived_and_lapsed_citations_are_restricted(
    reg: Registry, tmp_path: Path
) -> None:
    reg.ingest(
        OPERATOR,
        [write(tmp_path / "c.txt", "Crew list.")],
        dossier="Crew",
        leaf_marking=MarkingRequest("CONFIDENTIAL", ("SEAMEN",)),
    )
    reg.set_reader(OPERATOR, "reader", compartments=["SEAMEN"])
    _, [crew] = reg.dossier(OPERATOR, "Crew")
    crew_leaf = crew.leaves[0].id
    ids = leaf_ids(reg)
    reader, keeper = actor(reg, "reader"), actor(reg, "keeper")
    slip = reg.request_slip(reader, "research", leaf_ids=ids[:1])
    reg.decide_slip(keeper, slip.id, approve=ids[:1])
    note = reg.add_note(reader, "Lupu is on the crew list.", [ids[0], crew_leaf])
    assert note.marking == Marking("SECRET", frozenset({"KI", "SEAMEN"}))
    assert all(c.readable for c in note.citations)
    with pytest.raises(NotFound):
        reg.add_note(reader, "cannot cite this", [ids[1]])
    reg.return_slip(reader, slip.id)
    [after] = reg.notes(reader)
    assert [(c.leaf_id, c.readable) for c in after.citations] == [
        (ids[0], False),
        (crew_leaf, True),
    ]
    with pytest.raises(NotFound):
        reg.notes(keeper, note.id)


def test_readers_see_only_dossiers_whose_title_they_clear(reg: Registry, tmp_path: Path) -> None:
    reg.ingest(
        OPERATOR,
        [write(tmp_path / "s.txt", "Secret title.")],
        dossier="Hidden title",
        leaf_marking=MarkingRequest("UNCLASSIFIED"),
        dossier_marking=MarkingRequest("TOP SECRET"),
    )
    reader = actor(reg, "reader")
    titles = {d.title: (d.reports, d.leaves) for d in reg.dossiers(reader)}
    assert titles == {"Target": (0, 0)}
    with pytest.raises(NotFound, match="dossier Hidden title: not found"):
        reg.dossier(reader, "Hidden title")
    before = counts(reg)
    with pytest.raises(NotFound):
        reg.read(reader, 10_000)
    assert counts(reg) == before
