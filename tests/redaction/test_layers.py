"""Redaction layers through the facade, on both backends (issue 17): a class
that masks anything reads only signed-off leaves, and then only its layer,
on every path; the original never changes; the masks follow a record's
category, consent and protection period, and the calendar."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pypdf import PdfReader

from looseleaf.errors import BadInput, Forbidden, NotFound
from looseleaf.model import Actor
from looseleaf.redaction.spans import MARKER
from looseleaf.registry import Action, ClaimInput, MarkingRequest, Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, FakeClock, write

# Invented for this test.
TEXT = (
    "Report on the harbour.\n"
    "Captain Radu Stancu questioned the boatswain Petre Vlad about his neighbour "
    "Elena Moraru, born 3 May 1910, of 14 Tulcea Street.\n"
)
OPEN = MarkingRequest("RESTRICTED")


class Case:
    def __init__(self, registry: Registry, clock: FakeClock, tmp_path: Path) -> None:
        self.registry, self.clock = registry, clock
        registry.ingest(
            OPERATOR, [write(tmp_path / "a.txt", TEXT)], dossier="Harbour", leaf_marking=OPEN
        )
        self.leaf = registry.search(OPERATOR, "boatswain").hits[0].leaf_id
        self.officer = registry.person_add(
            OPERATOR, "Radu Stancu", category="staff", marking=OPEN
        ).id
        self.vlad = registry.person_add(
            OPERATOR, "Petre Vlad", category="subject", born="1921", marking=OPEN
        ).id
        self.moraru = registry.person_add(
            OPERATOR, "Elena Moraru", category="third_party", died="1999", marking=OPEN
        ).id
        registry.add_reader(OPERATOR, "keeper", MarkingRequest("SECRET"), roles=["custodian"])
        registry.add_reader(
            OPERATOR, "scholar", MarkingRequest("SECRET"), reader_class="researcher"
        )
        registry.add_reader(
            OPERATOR, "vlad", MarkingRequest("SECRET"), reader_class="subject", person_id=self.vlad
        )
        registry.add_reader(OPERATOR, "clerk", MarkingRequest("SECRET"))
        self.keeper = registry.as_reader("keeper", via=OPERATOR)
        self.scholar = registry.as_reader("scholar", via=OPERATOR)
        self.subject = registry.as_reader("vlad", via=OPERATOR)
        self.staff = registry.as_reader("clerk", via=OPERATOR)


@pytest.fixture
def case(registry_url: str, tmp_path: Path) -> Iterator[Case]:
    clock = FakeClock(datetime(2026, 12, 7, 9, 0, tzinfo=UTC))
    with Registry.init(Settings(registry=registry_url), OPERATOR, clock=clock) as registry:
        yield Case(registry, clock, tmp_path)


def text_of(case: Case, actor: Actor) -> str:
    return case.registry.read(actor, case.leaf).normalised


def test_no_redacting_class_reads_a_leaf_before_its_sign_off(case: Case) -> None:
    assert "Elena Moraru" in text_of(case, case.staff)  # staff: nothing masked
    for reader in (case.scholar, case.subject):
        with pytest.raises(NotFound):
            case.registry.read(reader, case.leaf)
        assert case.registry.search(reader, "harbour").total == 0
        why = case.registry.check(reader, Action.LEAF_READ, case.leaf)
        assert "no signed-off redaction" in why.reason


def test_after_sign_off_each_class_reads_its_own_layer_and_the_original_stays(case: Case) -> None:
    original = case.registry.read(OPERATOR, case.leaf)
    signed = case.registry.redact_approve(case.keeper, case.leaf)
    assert signed.version == 1
    assert signed.current
    scholar = case.registry.read(case.scholar, case.leaf)
    subject = case.registry.read(case.subject, case.leaf)
    # A researcher: the staff officer named; the subject and the third party masked.
    assert "Radu Stancu" in scholar.normalised
    assert "Vlad" not in scholar.normalised
    assert "Moraru" not in scholar.normalised
    assert "1910" not in scholar.normalised
    assert "Tulcea" not in scholar.normalised
    # The subject: their own name, the officer; the neighbour masked.
    assert "Petre Vlad" in subject.normalised
    assert "Radu Stancu" in subject.normalised
    assert "Moraru" not in subject.normalised
    assert MARKER in subject.normalised
    # The layer's hash and length, never the original's (a hash would confirm a guess).
    assert scholar.leaf.sha256 != original.leaf.sha256
    assert scholar.leaf.chars == len(scholar.normalised)
    assert scholar.original == scholar.normalised
    assert case.registry.read(OPERATOR, case.leaf).original == original.original


def test_search_card_index_and_claims_see_only_the_layer(case: Case) -> None:
    case.registry.redact_approve(case.keeper, case.leaf)
    assert case.registry.search(case.scholar, "Moraru").total == 0
    assert case.registry.search(case.staff, "Moraru").total == 1
    hit = case.registry.search(case.scholar, "neighbour").hits[0]
    assert "Moraru" not in hit.snippet
    assert "third party" in hit.snippet
    assert case.registry.person_search(case.scholar, "Elena Moraru") == []
    assert case.registry.person_search(case.subject, "Petre Vlad")  # their own record
    assert case.registry.person_search(case.scholar, "Radu Stancu")  # staff: named
    with pytest.raises(NotFound):
        case.registry.person(case.scholar, case.moraru)
    # A quote with a masked word in it is not on the leaf as the reader reads it.
    with pytest.raises(BadInput, match="masked"):
        case.registry.claim_add(
            case.scholar,
            ClaimInput(
                case.leaf, "Stancu", "other", quote="questioned the boatswain [third party]"
            ),
        )
    made = case.registry.claim_add(
        case.scholar,
        ClaimInput(case.leaf, "Stancu", "other", quote="Captain Radu Stancu questioned"),
    )
    assert TEXT[made.start : made.end] == "Captain Radu Stancu questioned"  # the leaf's own offsets


def test_a_copy_for_a_redacting_reader_holds_no_masked_text(case: Case) -> None:
    case.registry.redact_approve(case.keeper, case.leaf)
    _, pdf = case.registry.issue_copy(case.keeper, "scholar", [case.leaf], "for the study")
    extracted = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Stancu" in extracted
    for word in ("Vlad", "Moraru", "1910", "Tulcea"):
        assert word not in extracted


def test_consent_time_and_policy_lift_masks_and_every_step_is_recorded(case: Case) -> None:
    case.registry.redact_approve(case.keeper, case.leaf)
    case.registry.person_set(OPERATOR, case.moraru, consent="her letter of 2026-11-30")
    assert "Elena Moraru" in text_of(case, case.scholar)
    case.registry.person_set(OPERATOR, case.moraru, withdraw_consent=True)
    assert "Moraru" not in text_of(case, case.scholar)
    # Dead in 1999: protected until 2029. The calendar lifts the mask.
    case.clock.now = datetime(2030, 1, 2, 9, 0, tzinfo=UTC)
    assert "Elena Moraru" in text_of(case, case.scholar)
    assert "Moraru" not in text_of(case, case.subject)  # a subject's file masks her still
    lapses = [e for e in case.registry.event_log(OPERATOR) if e.action == "redaction.lapse"]
    assert lapses
    assert case.moraru in lapses[0].detail["records"]
    # A class's policy is the registry's: a journalist that masks nothing reads at once.
    case.registry.set_class_policy(OPERATOR, "researcher", masks=[], lapses=False)
    assert "Petre Vlad" in text_of(case, case.scholar)
    actions = {e.action for e in case.registry.event_log(OPERATOR)}
    assert {"leaf.redact", "leaf.redact.read", "person.update", "redaction.policy"} <= actions


def test_a_sign_off_holds_for_the_text_it_was_made_on(case: Case) -> None:
    case.registry.redact_approve(case.keeper, case.leaf)
    with case.registry.store.write() as tx:  # the text read again (as reocr does)
        tx.execute("UPDATE leaves SET sha256 = 'x' WHERE id = ?", (case.leaf,))
    with pytest.raises(NotFound):
        case.registry.read(case.scholar, case.leaf)
    assert not case.registry.redaction(case.keeper, case.leaf).current


def test_spans_added_and_removed_and_who_may_sign(case: Case) -> None:
    start = TEXT.index("harbour")
    signed = case.registry.redact_approve(
        case.keeper,
        case.leaf,
        add=[f"{start}:{start + 7}"],
        remove=[f"{TEXT.index('1910')}:{TEXT.index('1910') + 4}"],
    )
    assert any(s.kind == "added" for s in signed.spans)
    scholar = text_of(case, case.scholar)
    assert "harbour" not in scholar
    assert "1910" in scholar
    with pytest.raises(BadInput, match="span"):
        case.registry.redact_approve(case.keeper, case.leaf, add=["10:5"])
    for nobody in (case.staff, case.scholar):  # no custodian; or a redacting class
        with pytest.raises(Forbidden):
            case.registry.redact_approve(nobody, case.leaf)
    with pytest.raises(BadInput, match="holds no staff role"):
        case.registry.set_reader(OPERATOR, "scholar", roles=["custodian"])
    with pytest.raises(BadInput, match="give --person"):
        case.registry.add_reader(OPERATOR, "lost", MarkingRequest("SECRET"), reader_class="subject")


def test_a_subject_is_told_of_new_material_that_names_them(case: Case, tmp_path: Path) -> None:
    case.registry.redact_approve(case.keeper, case.leaf)
    [notice] = case.registry.notices(case.subject)
    assert (notice.leaf_id, notice.why) == (case.leaf, "registered")
    assert case.registry.notices(case.scholar) == []
    case.registry.request_slip(case.subject, "my file", query="Vlad")
    assert case.registry.notices(case.subject) == []  # nothing new since he asked
