"""Staff are readers too (issue 13): each observation of the outside test,
reproduced against the service layer on both backends.

A custodian, a registrar or an auditor holds powers, not clearance: every
answer below is the one the account would get if the thing above its
clearance did not exist, and the refusals staff may be told about say why.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from looseleaf.errors import Forbidden, LooseleafError, NotFound
from looseleaf.model import Actor, Marking
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, FakeClock, write

#: Never issued: opaque ids have nine digits.
NEVER = 99


@dataclass
class World:
    registry: Registry
    secret: int  # SECRET/KI, "the courier's word is quokka"
    open_: int  # CONFIDENTIAL, readable by every account here
    shared: list[int]  # one report: CONFIDENTIAL, SECRET/KI, CONFIDENTIAL
    tmp: Path

    def actor(self, name: str) -> Actor:
        return self.registry.as_reader(name, via=OPERATOR)


def _ingest(registry: Registry, path: Path, text: str, title: str, *marking: str) -> list[int]:
    level, *compartments = marking
    [result] = registry.ingest(
        OPERATOR,
        [write(path, text)],
        dossier=title,
        leaf_marking=MarkingRequest(level, tuple(compartments)),
        dossier_marking=MarkingRequest(level, tuple(compartments)),
    )
    assert result.status == "ingested", result.error
    _, reports = registry.dossier(OPERATOR, str(result.dossier_id))
    return [
        leaf.id for report in reports for leaf in report.leaves if report.id == result.report_id
    ]


@pytest.fixture
def world(registry_url: str, tmp_path: Path) -> Iterator[World]:
    settings = Settings(registry=registry_url)
    with Registry.init(settings, OPERATOR, clock=FakeClock()) as registry:
        [secret] = _ingest(
            registry, tmp_path / "s.txt", "The courier's word is quokka.", "Hidden file",
            "SECRET", "KI",
        )  # fmt: skip
        [open_] = _ingest(
            registry, tmp_path / "o.txt", "Harbour log, nothing of note.", "Open file",
            "CONFIDENTIAL",
        )  # fmt: skip
        shared = _ingest(
            registry, tmp_path / "m.txt", "First page.\fSecond page, quokka.\fThird page.",
            "Shared file", "CONFIDENTIAL",
        )  # fmt: skip
        registry.mark(
            OPERATOR, MarkingRequest("SECRET", ("KI",)), "the middle page", leaf_ids=[shared[1]]
        )
        accounts = (
            ("low_custodian", "CONFIDENTIAL", (), ("custodian",)),
            ("high_custodian", "TOP SECRET", ("KI",), ("custodian",)),
            ("low_registrar", "CONFIDENTIAL", (), ("registrar",)),
            ("high_registrar", "TOP SECRET", ("KI",), ("registrar",)),
            ("seeker", "SECRET", (), ()),
            ("insider", "SECRET", ("KI",), ()),
        )
        for name, level, compartments, roles in accounts:
            registry.add_reader(OPERATOR, name, MarkingRequest(level, compartments), roles=roles)
        yield World(registry, secret, open_, shared, tmp_path)


def _refusal(call: object) -> tuple[type, str]:
    assert callable(call)
    with pytest.raises(LooseleafError) as caught:
        call()
    return type(caught.value), str(caught.value)


# -- 1. copies ------------------------------------------------------------------------


def test_a_custodian_issues_copies_only_of_what_they_may_read(world: World) -> None:
    reg, low = world.registry, world.actor("low_custodian")
    hidden = _refusal(lambda: reg.issue_copy(low, "insider", [world.secret], "for the file"))
    missing = _refusal(lambda: reg.issue_copy(low, "insider", [NEVER], "for the file"))
    assert hidden == (NotFound, f"leaf {world.secret}: not found")
    assert missing == (NotFound, f"leaf {NEVER}: not found")
    assert not [e for e in reg.event_log(OPERATOR) if e.action == "copy.issue"]

    high = world.actor("high_custodian")
    copy, pdf = reg.issue_copy(high, "insider", [world.secret], "for the file")
    assert pdf.startswith(b"%PDF")
    assert copy.reader == "insider"
    log = reg.event_log(OPERATOR)
    read = next(e for e in log if e.action == "leaf.read" and e.actor.startswith("reader:high"))
    issue = next(e for e in log if e.action == "copy.issue")
    assert read.target == f"leaf:{world.secret}"
    assert read.id < issue.id
    # The receipt exists only for staff whose clearance covers its pages.
    assert reg.copies(low) == []
    assert _refusal(lambda: reg.verify_copy(low, copy.number, pdf)) == (
        NotFound,
        f"copy {copy.number}: not found",
    )
    assert _refusal(lambda: reg.return_copy(low, copy.number)) == (
        NotFound,
        f"copy {copy.number}: not found",
    )
    assert reg.copies(high)[0].leaves == (world.secret,)
    assert reg.verify_copy(high, copy.number, pdf)[1] is True


# -- 2. query slips ---------------------------------------------------------------------


def test_a_query_slip_is_no_search_engine_above_the_custodian(world: World) -> None:
    reg = world.registry
    seeker, low, high = (world.actor(n) for n in ("seeker", "low_custodian", "high_custodian"))
    views = []
    for query in ("q", "quo", "quokk", "quokka", "zzzz"):
        slip = reg.request_slip(seeker, "the courier", query=query)
        view = reg.slip(low, slip.id)
        views.append((view.proposed, view.denied, view.granted, view.beyond))
    # However the query is lengthened, the low custodian is shown the same.
    assert set(views) == {((), (), (), None)}
    slip = reg.request_slip(seeker, "the courier", query="quokka")
    assert reg.slip(high, slip.id).proposed == (world.secret, world.shared[1])
    # A custodian's own query slip shows them nothing they may not read.
    mine = reg.request_slip(low, "my own search", query="quokka")
    assert reg.slip(low, mine.id).proposed is None
    assert all(s.proposed in {None, ()} for s in reg.slips(low))


# -- 3. one's own slip --------------------------------------------------------------------


def test_nobody_reviews_or_decides_their_own_slip(world: World) -> None:
    reg = world.registry
    reg.set_reader(OPERATOR, "high_custodian", compartments=[])
    high = world.actor("high_custodian")
    slip = reg.request_slip(high, "my own need", leaf_ids=[world.secret])
    assert _refusal(lambda: reg.review(high, slip.id, world.secret)) == (
        Forbidden,
        "leaf.review: not permitted (a custodian does not review or decide their own slip)",
    )
    refused = _refusal(lambda: reg.decide_slip(high, slip.id, approve=[world.secret]))
    assert refused[0] is Forbidden
    assert "their own slip" in refused[1]
    why = reg.why(OPERATOR, "high_custodian", world.secret, action="review", slip_id=slip.id)
    assert (why.allowed, why.reason) == (
        False,
        "a custodian does not review or decide their own slip",
    )
    assert not [e for e in reg.event_log(OPERATOR) if e.action == "leaf.review"]


def test_a_custodian_reviews_only_what_they_may_read(world: World) -> None:
    reg = world.registry
    seeker, low = world.actor("seeker"), world.actor("low_custodian")
    slip = reg.request_slip(seeker, "the courier", leaf_ids=[world.secret, world.open_])
    view = reg.slip(low, slip.id)
    # seeker may read the open leaf already, so only the secret one is proposed:
    # beyond the low custodian, it is a count, never an id.
    assert (view.proposed, view.beyond) == ((), 1)
    assert _refusal(lambda: reg.review(low, slip.id, world.secret)) == (
        NotFound,
        f"leaf {world.secret}: not found",
    )
    why = reg.why(OPERATOR, "low_custodian", world.secret, action="review", slip_id=slip.id)
    assert "a custodian reviews only what they may read" in why.reason


# -- 4. registrars ------------------------------------------------------------------------


def test_a_registrar_marks_only_what_they_can_see(world: World) -> None:
    reg, low = world.registry, world.actor("low_registrar")
    lower = MarkingRequest("CONFIDENTIAL", clear_compartments=True)
    hidden = _refusal(lambda: reg.mark(low, lower, "declassify", leaf_ids=[world.secret]))
    missing = _refusal(lambda: reg.mark(low, lower, "declassify", leaf_ids=[NEVER]))
    assert hidden == (NotFound, f"leaf {world.secret}: not found")
    assert missing == (NotFound, f"leaf {NEVER}: not found")
    assert reg.leaf(OPERATOR, world.secret).marking == Marking("SECRET", frozenset({"KI"}))
    # Of a report, only the leaves the registrar can see are re-marked.
    report = reg.leaf(OPERATOR, world.shared[0]).report_id
    marked = reg.mark(low, MarkingRequest("RESTRICTED"), "open it", report_id=report)
    assert marked == [world.shared[0], world.shared[2]]
    # Nor above their own clearance.
    up = _refusal(lambda: reg.mark(low, MarkingRequest("SECRET"), "raise", leaf_ids=[world.open_]))
    assert up[0] is Forbidden
    assert "within their own clearance" in up[1]


def test_a_registrar_cannot_find_a_hidden_title(world: World) -> None:
    reg, low = world.registry, world.actor("low_registrar")
    wanted = MarkingRequest("UNCLASSIFIED")
    hidden = _refusal(lambda: reg.mark_dossier(low, "Hidden file", wanted, "open"))
    missing = _refusal(lambda: reg.mark_dossier(low, "No such file", wanted, "open"))
    assert hidden == (NotFound, "dossier Hidden file: not found")
    assert missing == (NotFound, "dossier No such file: not found")


def test_ingest_under_a_hidden_title_neither_reveals_nor_stitches(world: World) -> None:
    reg, low = world.registry, world.actor("low_registrar")
    results = [
        reg.ingest(low, [write(world.tmp / f"{n}.txt", "A new note.")], dossier=title,
                   leaf_marking=MarkingRequest("CONFIDENTIAL"))[0]
        for n, title in enumerate(("Hidden file", "Never seen"))
    ]  # fmt: skip
    assert [(r.status, r.leaves, r.error) for r in results] == [("ingested", 1, None)] * 2
    _, hidden = reg.dossier(OPERATOR, str(reg.leaf(OPERATOR, world.secret).dossier_id))
    assert len(hidden) == 1  # nothing was stitched onto the hidden dossier
    mine, _ = reg.dossier(low, "Hidden file")
    assert mine.id == results[0].dossier_id
    assert str(mine.marking) == "CONFIDENTIAL"
    # The operator sees both, and is told to choose.
    with pytest.raises(LooseleafError, match="names 2 dossiers"):
        reg.dossier(OPERATOR, "Hidden file")


def test_a_registrar_merges_only_records_they_can_see(world: World) -> None:
    reg, low = world.registry, world.actor("low_registrar")
    hidden = reg.person_add(OPERATOR, "Anton Quokkov", marking=MarkingRequest("SECRET"))
    shown = reg.person_add(low, "Anton Kvokov")
    assert str(shown.marking) == "CONFIDENTIAL"  # the default, capped at the registrar's level
    assert _refusal(lambda: reg.merge(low, shown.id, hidden.id, "same man")) == (
        NotFound,
        f"record {hidden.id}: not found",
    )
    assert _refusal(lambda: reg.merge(low, shown.id, NEVER, "same man")) == (
        NotFound,
        f"record {NEVER}: not found",
    )
    # A registrar who sees both merges them, and the name keeps the higher marking.
    merged = reg.merge(world.actor("high_registrar"), shown.id, hidden.id, "same man")
    assert str(merged.marking) == "SECRET"
    assert reg.person_search(world.actor("seeker"), "Quokkov") != []
    assert reg.person_search(world.actor("low_custodian"), "Quokkov") == []


# -- 5. a level alone keeps the compartments -----------------------------------------------


def test_a_level_alone_keeps_the_compartments(world: World) -> None:
    reg = world.registry
    reg.mark(OPERATOR, MarkingRequest("TOP SECRET"), "raised", leaf_ids=[world.secret])
    assert reg.leaf(OPERATOR, world.secret).marking == Marking("TOP SECRET", frozenset({"KI"}))
    reg.mark(OPERATOR, MarkingRequest("SECRET", clear_compartments=True), "lifted",
             leaf_ids=[world.secret])  # fmt: skip
    assert reg.leaf(OPERATOR, world.secret).marking == Marking("SECRET")
    marks = [
        e.detail
        for e in reg.event_log(OPERATOR, target=f"leaf:{world.secret}")
        if e.action == "leaf.mark"
    ]
    assert [(m["from"], m["to"], m["compartments"]) for m in marks] == [
        (
            {"level": "SECRET", "compartments": ["KI"]},
            {"level": "TOP SECRET", "compartments": ["KI"]},
            "kept",
        ),
        (
            {"level": "TOP SECRET", "compartments": ["KI"]},
            {"level": "SECRET", "compartments": []},
            "cleared",
        ),
    ]
    with pytest.raises(LooseleafError, match="give --level, --compartment"):
        reg.mark(OPERATOR, MarkingRequest(), "nothing", leaf_ids=[world.secret])


# -- 8. side fields -----------------------------------------------------------------------


def test_positions_sequence_numbers_and_hashes_count_only_what_is_readable(world: World) -> None:
    reg = world.registry
    seeker, insider = world.actor("seeker"), world.actor("insider")
    _, [report] = reg.dossier(seeker, "Shared file")
    assert [leaf.id for leaf in report.leaves] == [world.shared[0], world.shared[2]]
    assert [leaf.position for leaf in report.leaves] == [1, 2]  # not 1, 3
    assert (report.seq, report.sha256, report.size) == (1, None, None)
    assert reg.leaf(seeker, world.shared[2]).position == 2
    assert reg.read(seeker, world.shared[2]).leaf.position == 2
    _, [whole] = reg.dossier(insider, "Shared file")
    assert [leaf.position for leaf in whole.leaves] == [1, 2, 3]
    assert (whole.sha256, whole.size) == (None, None)  # its absence would tell
    assert reg.leaf(insider, world.shared[2]).position == 3


def test_a_note_does_not_tell_the_new_marking_of_a_leaf_out_of_reach(world: World) -> None:
    reg, seeker = world.registry, world.actor("seeker")
    note = reg.add_note(seeker, "seen in the harbour log", [world.open_])
    assert str(note.marking) == "CONFIDENTIAL"
    reg.mark(OPERATOR, MarkingRequest("TOP SECRET", ("M",)), "closed", leaf_ids=[world.open_])
    [after] = reg.notes(seeker)
    assert [(c.leaf_id, c.readable) for c in after.citations] == [(world.open_, False)]
    assert "TOP SECRET" not in str(after.marking)
    assert "M" not in after.marking.compartments


def test_why_names_no_marking_of_a_leaf_beyond_the_asker(world: World) -> None:
    reg = world.registry
    low = world.actor("low_custodian")
    assert reg.why(low, "seeker", world.secret).reason == f"no leaf {world.secret}"
    assert reg.why(low, "seeker", NEVER).reason == f"no leaf {NEVER}"
    high = world.actor("high_custodian")
    assert "not read into KI" in reg.why(high, "seeker", world.secret).reason
