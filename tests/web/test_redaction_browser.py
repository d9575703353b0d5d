"""The subject's case in a real browser (Debian's Chromium), after the Stasi
Records Act's practice: Grigore Lupu asks for his own file, a custodian
signs off the redaction of three of its leaves at the room's redaction desk
(the shore pass scan among them), and Lupu reads his own name, the
informer's name, and his sister masked; a researcher's facsimile of the
scan has the masked words blacked out in its pixels.

The custodian's work is counted: signing a page off from the suggestions
against marking the same spans by hand (selecting each and adding it).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from looseleaf import demo as sample
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.store import scans
from tests.conftest import OPERATOR, write
from tests.web.conftest import serving
from tests.web.test_browser import Person, shoot
from tests.web.test_facsimile_browser import _log_in

pytestmark = pytest.mark.browser

SEAMAN = "LUPU, Grigore - seaman, Danube Steam Navigation"
#: Invented for this test: what the informer FALKE (the demo's cover name of
#: Kasimir Orlov-Brandt) reported on the seaman.
INFORMER = (
    "Report of source FALKE, Vienna, 13 March 1951.\n"
    "The seaman Grigore Lupu spoke of the Odessa years and of his sister in Galati.\n"
)
PASSES = "Harbour police - shore passes"


@dataclass(frozen=True)
class Room:
    base_url: str
    registry: Registry
    card: int  # his registration card
    letter: int  # his letter to his sister
    scan: int  # the shore pass (a PNG scan)
    voyage: int  # the master's report: he met the informer in Vienna
    informer: int  # a report signed with the informer's cover name


@pytest.fixture
def room(tmp_path: Path) -> Iterator[Room]:
    workdir = tmp_path / "demo"
    workdir.mkdir()
    settings = Settings(registry=str(tmp_path / "registry.db"), durability="crash")
    with Registry.init(settings, OPERATOR) as registry:
        sample.build(registry, OPERATOR, workdir)
        sample.card_index(registry, OPERATOR)
        lupu = registry.person_search(OPERATOR, "Grigore Lupu")[0].person_id
        orlov = registry.person_search(OPERATOR, "Kasimir Orlov-Brandt")[0].person_id
        assert lupu is not None
        assert orlov is not None
        registry.person_set(OPERATOR, lupu, category="subject", born="1921")
        registry.person_set(OPERATOR, orlov, category="informer")
        registry.person_add(
            OPERATOR, "Ileana Lupu", forms=[("spelling", "Ileana")], category="third_party",
            marking=MarkingRequest("CONFIDENTIAL"),
        )  # fmt: skip
        for name, level, compartments, roles, klass, person in (
            ("keeper", "TOP SECRET", ("SEAMEN",), ("custodian", "decoder"), None, None),
            ("lupu", "SECRET", (), (), "subject", lupu),
            ("scholar", "SECRET", ("SEAMEN",), (), "researcher", None),
        ):
            registry.add_reader(
                OPERATOR, name, MarkingRequest(level, compartments), roles=roles,
                password=f"{name}-demo", reader_class=klass, person_id=person,
            )  # fmt: skip
        report = write(workdir / "informer-report.txt", INFORMER)
        registry.ingest(
            OPERATOR, [report], dossier=SEAMAN, leaf_marking=MarkingRequest("SECRET", ("SEAMEN",))
        )
        _, reports = registry.dossier(OPERATOR, SEAMAN)
        by_file = {r.filename: [leaf.id for leaf in r.leaves] for r in reports}
        _, passes = registry.dossier(OPERATOR, PASSES)
        with serving(registry) as base_url:
            yield Room(
                base_url,
                registry,
                by_file["lupu-01-registration.txt"][0],
                by_file["lupu-03-letter.html"][0],
                passes[0].leaves[0].id,
                by_file["lupu-02-voyage-report.md"][0],
                by_file["informer-report.txt"][0],
            )


def _brightest(image: Image.Image) -> int:
    """The brightest grey level in a greyscale image."""
    return max(level for level, count in enumerate(image.histogram()) if count)


def _select(who: Person, start: int, end: int) -> None:
    """Select characters start:end of the leaf's text on the redaction desk
    (what a custodian does with the mouse), by the text the page shows."""
    who.page.evaluate(
        """([start, end]) => {
          const root = document.getElementById("redaction-text");
          const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
          let at = 0, node, range = document.createRange(), begun = false;
          while ((node = walker.nextNode())) {
            const next = at + node.length;
            if (!begun && start < next) { range.setStart(node, start - at); begun = true; }
            if (begun && end <= next) { range.setEnd(node, end - at); break; }
            at = next;
          }
          const selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        }""",
        [start, end],
    )


def test_a_subject_reads_his_own_file_redacted_after_the_custodians_sign_off(
    room: Room, person: Callable[[str], Person]
) -> None:
    from playwright.sync_api import expect

    lupu = person(room.base_url)
    _log_in(lupu, "lupu")
    # He asks for his own file: a query slip, for a custodian to decide.
    lupu.page.locator("summary", has_text="Ask for leaves by a query").click()
    lupu.page.get_by_label("Query").fill("Grigore")
    lupu.page.get_by_label("Purpose").fill("My own file (Records Act)")
    lupu.page.get_by_role("button", name="Raise slip").click()
    expect(lupu.page.locator("[role=status]")).to_contain_text("waits for a custodian")
    keeper_actor = room.registry.as_reader("keeper", via=OPERATOR)
    [slip] = room.registry.slips(keeper_actor, status="pending")
    mine = [leaf for leaf in slip.proposed or () if leaf in (room.card, room.letter)]
    room.registry.decide_slip(keeper_actor, slip.id, approve=mine, days=30)
    # Granted, but not yet released: no leaf before its redaction is signed off.
    missing = lupu.page.request.get(f"/leaves/{room.letter}", max_redirects=0)
    assert missing.status == 404

    keeper = person(room.base_url)
    _log_in(keeper, "keeper")
    actions: dict[str, int] = {}
    for leaf_id in (room.card, room.letter):
        keeper.page.goto(f"/leaves/{leaf_id}/redaction")
        expect(keeper.page.locator("#redaction-text .span").first).to_be_visible()
        keeper.page.get_by_role("button", name="Sign off the redaction").click()
        actions["suggested"] = actions.get("suggested", 0) + 1
        expect(keeper.page.locator("#signed")).to_contain_text("Version 1")
    # The scan by hand: every suggestion struck out, then each span selected and added.
    keeper.page.goto(f"/leaves/{room.scan}/redaction")
    spans = room.registry.redact_suggest(keeper_actor, room.scan).spans
    assert spans
    boxes = keeper.page.locator("#redaction-text input[name=keep]")
    hand = 0
    for index in range(boxes.count()):
        boxes.nth(index).uncheck()
        hand += 1
    for span in spans:
        _select(keeper, span.start, span.end)
        keeper.page.get_by_role("button", name="Mask the selected words").click()
        hand += 2  # a selection and a click
    keeper.page.get_by_role("button", name="Sign off the redaction").click()
    hand += 1
    expect(keeper.page.locator("#signed")).to_contain_text("Version 1")
    shoot(keeper.page, "redaction-desk")
    signed = room.registry.redaction(keeper_actor, room.scan).spans
    assert [(s.start, s.end) for s in signed] == [(s.start, s.end) for s in spans]
    print(f"custodian actions a page: {actions['suggested'] / 2:.0f} from the suggestions, "
          f"{hand} marking the scan's {len(spans)} spans by hand")  # fmt: skip
    assert actions["suggested"] / 2 < hand

    # Lupu reads: his own name and the informer's; his sister masked.
    lupu.page.goto(f"/leaves/{room.letter}")
    text = lupu.page.locator("#leaf-text")
    expect(text).to_contain_text("[third party]")
    expect(text).to_contain_text("Grigore")
    expect(text).not_to_contain_text("Ileana")
    lupu.page.goto(f"/leaves/{room.card}")
    expect(lupu.page.locator("#leaf-text")).to_contain_text("Grigore")
    html = lupu.page.content()
    assert "Ileana" not in html
    shoot(lupu.page, "subject-reads")
    voyage = room.voyage
    room.registry.redact_approve(keeper_actor, voyage)
    slip = room.registry.request_slip(room.registry.as_reader("lupu", via=OPERATOR), "the voyage",
                                      leaf_ids=[voyage])  # fmt: skip
    room.registry.decide_slip(keeper_actor, slip.id, approve=[voyage], days=30)
    lupu.page.goto(f"/leaves/{voyage}")
    expect(lupu.page.locator("#leaf-text")).to_contain_text("Kasimir Orlov-Brandt")  # the informer
    expect(lupu.page.locator("#leaf-text")).to_contain_text("Grigore Lupu")

    # The informer's report is signed with a cover name: he asks whom it stands for.
    room.registry.redact_approve(keeper_actor, room.informer)
    slip = room.registry.request_slip(room.registry.as_reader("lupu", via=OPERATOR), "informer",
                                      leaf_ids=[room.informer])  # fmt: skip
    room.registry.decide_slip(keeper_actor, slip.id, approve=[room.informer], days=30)
    lupu.page.goto(f"/leaves/{room.informer}")
    expect(lupu.page.locator("#leaf-text")).to_contain_text("FALKE")
    lupu.page.locator("summary", has_text="Ask whom a cover name").click()
    lupu.page.get_by_label("Cover name").fill("FALKE")
    lupu.page.get_by_label("Why you ask").fill("Who reported on me?")
    lupu.page.get_by_role("button", name="Ask for decoding").click()
    expect(lupu.page.locator("[role=status]")).to_contain_text("waits for a custodian")
    keeper.page.goto("/queue")
    keeper.page.get_by_role("button", name="Decode it on the slip").click()
    expect(keeper.page.locator("[role=status]")).to_contain_text("decided")
    lupu.page.goto("/")
    expect(lupu.page.locator(".decoded")).to_contain_text("is Kasimir Orlov-Brandt")
    shoot(lupu.page, "decoded")
    assert not lupu.watch.csp_violations()


def test_a_researchers_facsimile_has_the_masked_words_blacked_out(
    room: Room, person: Callable[[str], Person]
) -> None:
    keeper = room.registry.as_reader("keeper", via=OPERATOR)
    room.registry.redact_approve(keeper, room.scan)
    scholar = person(room.base_url)
    _log_in(scholar, "scholar")
    answer = scholar.page.request.get(f"/leaves/{room.scan}/facsimile")
    assert answer.status == 200
    with room.registry.store.read() as tx:
        [(_, reading)] = scans.readings(tx, room.scan)
        stored = scans.image(tx, room.scan)
    assert stored is not None
    with Image.open(io.BytesIO(answer.body())) as opened:
        shown = opened.convert("L")
    scale = shown.width / stored.width
    hidden = [w for w in reading.words if w.text.strip(".,") in ("Grigore", "Lupu")]
    assert hidden
    for word in hidden:  # every pixel of the word's box is black (the watermark is faint red)
        box = shown.crop(
            (
                int(word.left * scale) + 1,
                int(word.top * scale) + 1,
                int((word.left + word.width) * scale) - 1,
                int((word.top + word.height) * scale) - 1,
            )
        )
        assert _brightest(box) < 100, word
    kept = next(w for w in reading.words if w.text.startswith("HARBOUR"))
    right, bottom = kept.left + kept.width, kept.top + kept.height
    box = shown.crop(
        (int(kept.left * scale), int(kept.top * scale), int(right * scale), int(bottom * scale))
    )
    assert _brightest(box) > 200  # an unmasked word still has paper around its strokes
