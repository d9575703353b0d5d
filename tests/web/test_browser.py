"""The reading room in a real browser: Debian's Chromium, driven by Playwright,
against a real uvicorn server on a loopback port.

The Petrov case (BRIEF.md §1, §4) walked by three people, each in their own
browser context: petrov raises a slip from the cross-reference on the seaman's
leaf; keeper reads the proposed leaves and detaches two; petrov reads exactly
those two and finds the third "not found"; the auditor sees those reads and
verifies the log. Every step leaves a full-page screenshot in the artifacts
directory (env LOOSELEAF_ARTIFACTS, else tests/artifacts/browser/); with
LOOSELEAF_SCREENSHOTS_TO set, the README's screenshots are copied there too.

Chromium is Debian's (/usr/bin/chromium): never `playwright install`. Without
it or the playwright package these tests skip with the reason, except in CI,
where they fail.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from looseleaf import demo as sample
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.web.app import CSP
from tests.conftest import OPERATOR, REPO
from tests.web.conftest import serving

if TYPE_CHECKING:
    from playwright.sync_api import (
        Browser,
        BrowserContext,
        ConsoleMessage,
        Dialog,
        Page,
        ViewportSize,
    )

pytestmark = pytest.mark.browser

VIEWPORT: ViewportSize = {"width": 1280, "height": 800}
SEAMAN = "LUPU, Grigore - seaman, Danube Steam Navigation"
ORLOV = "ORLOV-BRANDT, Kasimir"
PURPOSE = "Whom did Lupu meet in Vienna in March 1951?"
#: The page behind the README's third picture, built in looseleaf/web/room/pictures.py.
TIMELINE = re.compile(r"^/dossiers/\{[a-z_]+\}/timeline$")


# -- the browser ---------------------------------------------------------------------


@dataclass
class Watch:
    """What a browser context saw: console errors, dialogs, and the documents
    it loaded (to check every page carries the CSP header)."""

    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    documents: list[tuple[str, int, str | None]] = field(default_factory=list)

    def csp_violations(self) -> list[str]:
        return [e for e in self.errors if "Content Security Policy" in e or "Refused to" in e]

    def unexpected_errors(self) -> list[str]:
        """Console errors other than the browser's note of a 404 we asked for."""
        return [e for e in self.errors if "status of 404" not in e]


@dataclass
class Person:
    page: Page
    watch: Watch


@pytest.fixture
def person(browser: Browser) -> Iterator[Callable[[str], Person]]:
    """`person(base_url)`: a fresh browser context (its own cookies) with one page.

    Dialogs are recorded and accepted: the only one the room has is the
    custodian's "approve the ticked leaves?" confirmation."""
    contexts: list[BrowserContext] = []

    def open_person(base_url: str) -> Person:
        context = browser.new_context(base_url=base_url, viewport=VIEWPORT)
        contexts.append(context)
        watch = Watch()

        def on_console(message: ConsoleMessage) -> None:
            if message.type == "error":
                watch.errors.append(message.text)

        def on_dialog(dialog: Dialog) -> None:
            watch.dialogs.append(dialog.message)
            dialog.accept()

        def on_response(response: Any) -> None:
            if response.request.resource_type == "document":
                watch.documents.append(
                    (response.url, response.status, response.headers.get("content-security-policy"))
                )

        context.on("console", on_console)
        context.on("weberror", lambda error: watch.errors.append(str(error.error)))
        context.on("response", on_response)
        page = context.new_page()
        page.on("dialog", on_dialog)
        page.set_default_timeout(10_000)
        return Person(page, watch)

    yield open_person
    for context in contexts:
        context.close()


# -- the server ----------------------------------------------------------------------


def artifacts() -> Path:
    found = Path(os.environ.get("LOOSELEAF_ARTIFACTS") or REPO / "tests" / "artifacts" / "browser")
    found.mkdir(parents=True, exist_ok=True)
    return found


def shoot(page: Page, name: str, *, readme: str | None = None) -> Path:
    """A full-page screenshot into the artifacts; `readme` names the copy made
    into LOOSELEAF_SCREENSHOTS_TO (the README's docs/screenshots/) when set."""
    path = artifacts() / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    target = os.environ.get("LOOSELEAF_SCREENSHOTS_TO")
    if readme and target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(target) / readme)
    return path


def has_timeline() -> bool:
    from looseleaf.web.room import pictures

    return any(TIMELINE.match(getattr(route, "path", "")) for route in pictures.router.routes)


# -- the Petrov case -----------------------------------------------------------------


@pytest.fixture
def petrov_room(tmp_path: Path) -> Iterator[str]:
    """The demo corpus, its readers (NAME-demo) and card index, but no slip
    yet: the browser raises it. Served over SQLite in tmp_path."""
    workdir = tmp_path / "demo"
    workdir.mkdir()
    settings = Settings(registry=str(tmp_path / "registry.db"), durability="crash")
    with Registry.init(settings, OPERATOR) as registry:
        sample.build(registry, OPERATOR, workdir)
        for name, level, compartments, roles in sample.READERS:
            registry.add_reader(
                OPERATOR,
                name,
                MarkingRequest(level, compartments),
                roles=roles,
                password=f"{name}-demo",
            )
        sample.card_index(registry, OPERATOR)
        with serving(registry) as base_url:
            yield base_url


def log_in(page: Page, name: str) -> None:
    """Through the login form, as a reader would: / sends a stranger to /login."""
    from playwright.sync_api import expect

    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login\?next="))
    page.get_by_label("Name").fill(name)
    page.get_by_label("Password").fill(f"{name}-demo")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("h1")).to_have_text(f"{name}'s desk")


def visit(page: Page, path: str) -> int:
    response = page.goto(path)
    assert response is not None
    return response.status


def leaf_ids(links: Any) -> list[int]:
    return [
        int(str(href).rsplit("/", 1)[1])
        for href in links.evaluate_all("links => links.map(a => a.getAttribute('href'))")
    ]


def test_petrov_case_in_three_browsers(petrov_room: str, person: Callable[[str], Person]) -> None:
    from playwright.sync_api import expect

    # 1. petrov: the seaman's dossier, the leaf naming Orlov-Brandt, a slip from it.
    petrov = person(petrov_room)
    page = petrov.page
    log_in(page, "petrov")
    shoot(page, "01-petrov-desk")
    page.get_by_role("link", name=SEAMAN).click()
    expect(page.locator("h1")).to_have_text(SEAMAN)
    shoot(page, "02-petrov-seaman-dossier")
    seaman_dossier = page.url.rsplit("/", 1)[1]
    master = page.locator("section.report", has_text="Master's report")
    master.locator("ol.leaves a").first.click()
    expect(page.locator("#leaf-text")).to_contain_text("Kasimir Orlov-Brandt")
    expect(page.locator("#watermark")).to_contain_text("Read by petrov")
    expect(page.locator(".watermark span").first).to_contain_text("petrov")
    xref_leaf = int(page.url.rsplit("/", 1)[1])
    xref = page.locator("form.xref", has_text=ORLOV).first
    expect(xref).to_contain_text("has a dossier")
    xref.get_by_label("Purpose").fill(PURPOSE)
    shoot(page, "03-petrov-leaf-xref", readme="leaf.png")
    xref.get_by_role("button", name="Request").click()
    expect(page).to_have_url(re.compile(r"/\?raised=\d+#slips$"))
    slip_row = page.locator("#slips tbody tr", has_text=PURPOSE)
    expect(slip_row).to_have_count(1)
    expect(slip_row.locator("td").nth(2)).to_have_text("pending")
    slip_id = slip_row.locator("td").first.inner_text()
    expect(page.locator("[role=status]")).to_have_text(
        f"Slip {slip_id} raised: it waits for a custodian."
    )
    expect(page.locator("#grants")).to_contain_text("No leaves lent")
    shoot(page, "04-petrov-desk-slip-pending")

    # 2. keeper: the queue, every proposed leaf read to decide, two approved.
    keeper = person(petrov_room)
    page = keeper.page
    log_in(page, "keeper")
    page.get_by_role("link", name="Queue").click()
    slip = page.locator(f"#slip-{slip_id}")
    expect(slip).to_contain_text(PURPOSE)
    expect(slip).to_contain_text(re.compile(rf"Orlov-Brandt” on leaf {xref_leaf}\b"))
    proposed = [
        int(v)
        for v in slip.locator("input[name=approve]").evaluate_all(
            "boxes => boxes.map(b => b.value)"
        )
    ]
    assert len(proposed) >= 3, f"the cross-reference proposed {proposed}: too few to show the fix"
    for number, leaf_id in enumerate(proposed):
        page.locator(f"#slip-{slip_id}").get_by_role("row", name=f"leaf {leaf_id}").get_by_role(
            "link", name="read to decide"
        ).click()
        expect(page.locator("h1")).to_contain_text(f"Leaf {leaf_id}")
        expect(page.locator(".stamp")).to_contain_text("Reviewed by keeper")
        if number == 0:
            shoot(page, "05-keeper-reads-to-decide")
        page.get_by_role("link", name=f"Back to slip {slip_id}").click()
    approved, denied = proposed[:2], proposed[2:]
    slip = page.locator(f"#slip-{slip_id}")
    for leaf_id in approved:
        slip.get_by_label(f"leaf {leaf_id}", exact=True).check()
    expect(slip.locator("input[name=approve]:checked")).to_have_count(2)
    shoot(page, "06-keeper-queue-two-ticked", readme="queue.png")
    slip.get_by_role("button", name="Approve ticked, deny the rest").click()
    expect(page.locator("[role=status]")).to_have_text(f"Slip {slip_id} decided.")
    expect(page.locator(f"#slip-{slip_id}")).to_have_count(0)
    assert keeper.watch.dialogs == ["Approve the ticked leaves and deny the rest?"]
    shoot(page, "07-keeper-queue-decided")

    # 3. petrov: exactly the two lent leaves; the third leaf does not exist for him.
    page = petrov.page
    page.reload()
    lent = page.locator("#grants tbody a")
    expect(lent).to_have_count(2)
    expect(page.locator("[role=status]")).to_have_count(0)  # no longer "waits for a custodian"
    assert sorted(leaf_ids(lent)) == sorted(approved)
    expect(page.locator("#slips tbody tr", has_text=PURPOSE).locator("td").nth(2)).to_have_text(
        "decided"
    )
    shoot(page, "08-petrov-desk-two-lent")
    for leaf_id in approved:
        page.locator("#grants").get_by_role("link", name=f"leaf {leaf_id}", exact=True).click()
        expect(page.locator("h1")).to_contain_text(f"Leaf {leaf_id}")
        assert page.locator("#leaf-text").inner_text().strip()
        expect(page.locator("#watermark")).to_contain_text("Read by petrov")
        expect(page.locator("#watermark")).to_contain_text("under grant")
        expect(page.locator(".watermark span").first).to_contain_text("petrov")
        shoot(page, f"09-petrov-reads-leaf-{leaf_id}")
        page.go_back()
    for leaf_id in denied:
        assert visit(page, f"/leaves/{leaf_id}") == 404
        expect(page.locator("h1")).to_have_text("404")
        refused = page.locator("[role=alert]").inner_text()
        assert "not found" in refused
        shoot(page, f"10-petrov-denied-leaf-{leaf_id}-not-found")
        assert visit(page, "/leaves/999999") == 404
        assert page.locator("[role=alert]").inner_text().replace("999999", str(leaf_id)) == (
            refused
        ), "a denied leaf must read exactly like a missing one"
    if has_timeline():  # being built in pictures.py: pictured as soon as it exists
        assert visit(page, f"/dossiers/{seaman_dossier}/timeline") == 200
        shoot(page, "11-petrov-seaman-timeline", readme="timeline.png")

    # 4. auditor: petrov's reads of those two leaves, then the log verified.
    auditor = person(petrov_room)
    page = auditor.page
    log_in(page, "archivist")  # the fully cleared auditor: "auditor" sees these redacted
    page.get_by_role("link", name="Audit").click()
    page.get_by_label("Reader").fill("petrov")
    page.get_by_label("Action").fill("leaf.read")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"reader=petrov&action=leaf.read"))
    shoot(page, "12-auditor-petrov-reads")
    rows = page.locator("table.events tbody tr.event")
    expect(rows.first).to_be_visible()
    actions = rows.locator("td:nth-child(4)").all_inner_texts()
    targets = rows.locator("td:nth-child(5)").all_inner_texts()
    assert set(actions) == {"leaf.read"}
    assert {f"leaf:{leaf_id}" for leaf_id in approved} <= set(targets)
    assert not {f"leaf:{leaf_id}" for leaf_id in denied} & set(targets)
    assert set(rows.locator("td:nth-child(3)").all_inner_texts()) == {"reader:petrov"}
    page.get_by_role("button", name="Verify the log").click()
    verdict = page.locator("#verdict")
    expect(verdict).to_have_class("ok")
    expect(verdict).to_contain_text("OK:")
    expect(verdict).to_have_css("color", "rgb(23, 107, 44)")  # the room's green
    shoot(page, "13-auditor-verified")

    # Every page came with the CSP, and none needed what it forbids.
    for who in (petrov, keeper, auditor):
        assert who.watch.documents, "no pages were seen"
        assert all(csp == CSP for _, _, csp in who.watch.documents), who.watch.documents
        assert who.watch.csp_violations() == []
        assert who.watch.unexpected_errors() == []
    assert petrov.watch.dialogs == []
    assert auditor.watch.dialogs == []


# -- markup in a leaf is text ---------------------------------------------------------

MARKUP = '<script>alert("leaf")</script> and <img src=x onerror="alert(2)"> inline'


@pytest.fixture
def markup_room(tmp_path: Path) -> Iterator[str]:
    """One UNCLASSIFIED leaf whose text is markup, and one reader."""
    source = tmp_path / "markup.txt"
    source.write_text(f"A report quoting a web page:\n\n{MARKUP}\n", encoding="utf-8")
    settings = Settings(registry=str(tmp_path / "registry.db"), durability="crash")
    with Registry.init(settings, OPERATOR) as registry:
        registry.ingest(
            OPERATOR,
            [source],
            dossier="Markup test",
            leaf_marking=MarkingRequest("UNCLASSIFIED"),
            dossier_marking=MarkingRequest("UNCLASSIFIED"),
        )
        registry.add_reader(OPERATOR, "reader", MarkingRequest("SECRET"), password="reader-demo")
        with serving(registry) as base_url:
            yield base_url


def test_markup_in_a_leaf_is_shown_as_text(
    markup_room: str, person: Callable[[str], Person]
) -> None:
    from playwright.sync_api import expect

    reader = person(markup_room)
    page = reader.page
    log_in(page, "reader")
    page.get_by_role("link", name="Markup test").click()
    page.locator("ol.leaves a").first.click()
    text = page.locator("#leaf-text")
    expect(text).to_contain_text(MARKUP)
    assert page.locator("#leaf-text script, #leaf-text img").count() == 0
    assert page.locator("script:not([src])").count() == 0, "the room needs no inline script"
    shoot(page, "markup-leaf")

    response = page.goto("/search?q=alert")
    assert response is not None
    assert response.headers.get("content-security-policy") == CSP
    expect(page.locator(".snippet").first).to_contain_text("<script>")
    assert page.locator(".snippet script, .snippet img").count() == 0
    shoot(page, "markup-search")

    assert reader.watch.dialogs == [], "markup in a leaf ran as script"
    assert reader.watch.csp_violations() == []
    assert reader.watch.unexpected_errors() == []

    # The header is enforced: a script slipped into the page is refused by the browser.
    with page.expect_console_message(lambda m: "Content Security Policy" in m.text) as refusal:
        page.evaluate(
            "() => { const s = document.createElement('script');"
            " s.textContent = 'window.injected = true'; document.body.append(s); }"
        )
    assert "inline script" in refusal.value.text
    assert page.evaluate("() => window.injected === undefined")
