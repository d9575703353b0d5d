"""A scanned leaf in a real browser (Debian's Chromium): the facsimile shows
beside the text, its pixels carry the reader's watermark (it is not the
stored image), and its URL answers another reader, and a browser with no
session, exactly as a missing leaf's does. The scan is the demo's shore
pass, typed by the demo builder."""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from looseleaf import demo as sample
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.store import scans
from tests.conftest import OPERATOR
from tests.web.conftest import serving
from tests.web.test_browser import Person, shoot

pytestmark = pytest.mark.browser

SHORE_PASSES = "Harbour police - shore passes"
MISSING = 987_654_321


@dataclass(frozen=True)
class ScanRoom:
    base_url: str
    leaf_id: int
    stored: bytes


@pytest.fixture
def scan_room(tmp_path: Path) -> Iterator[ScanRoom]:
    workdir = tmp_path / "demo"
    workdir.mkdir()
    settings = Settings(registry=str(tmp_path / "registry.db"), durability="crash")
    with Registry.init(settings, OPERATOR) as registry:
        sample.build(registry, OPERATOR, workdir)
        for name, level in (("petrov", "TOP SECRET"), ("visitor", "UNCLASSIFIED")):
            registry.add_reader(OPERATOR, name, MarkingRequest(level), password=f"{name}-demo")
        _, reports = registry.dossier(OPERATOR, SHORE_PASSES)
        [leaf] = reports[0].leaves
        with registry.store.read() as tx:
            image = scans.image(tx, leaf.id)
        assert image is not None
        with serving(registry) as base_url:
            yield ScanRoom(base_url, leaf.id, image.data)


def _log_in(who: Person, name: str) -> None:
    from playwright.sync_api import expect

    who.page.goto("/login")
    who.page.get_by_label("Name").fill(name)
    who.page.get_by_label("Password").fill(f"{name}-demo")
    who.page.get_by_role("button", name="Log in").click()
    expect(who.page.locator("h1")).to_have_text(f"{name}'s desk")


def _pixels(data: bytes) -> Image.Image:
    with Image.open(io.BytesIO(data)) as opened:
        return opened.convert("RGB")


def test_a_reader_sees_the_facsimile_watermarked_for_them(
    scan_room: ScanRoom, person: Callable[[str], Person]
) -> None:
    from playwright.sync_api import expect

    petrov = person(scan_room.base_url)
    _log_in(petrov, "petrov")
    petrov.page.goto(f"/leaves/{scan_room.leaf_id}")
    image = petrov.page.locator("figure.facsimile img")
    expect(image).to_be_visible()
    petrov.page.wait_for_function(
        "() => { const i = document.querySelector('figure.facsimile img');"
        " return i && i.complete && i.naturalWidth > 0; }"
    )
    expect(petrov.page.locator("figure.facsimile figcaption")).to_contain_text("OCR read in")
    expect(petrov.page.locator("#leaf-text")).to_contain_text("Lupu")
    image.click()  # zooms in place
    expect(petrov.page.locator("figure.facsimile")).to_have_class(re.compile("zoomed"))
    shoot(petrov.page, "facsimile")
    # The bytes the browser was given: a PNG, not the stored scan, the mark in its pixels.
    answer = petrov.page.request.get(f"/leaves/{scan_room.leaf_id}/facsimile")
    assert answer.status == 200
    assert answer.headers["cache-control"] == "no-store"
    shown = _pixels(answer.body())
    stored = _pixels(scan_room.stored)
    assert answer.body() != scan_room.stored
    scaled = stored.resize((shown.width, round(stored.height * shown.width / stored.width)))
    page = shown.crop((0, 0, scaled.width, scaled.height))
    differing = ImageChops.difference(page, scaled).convert("L").point(lambda v: v > 40)
    assert sum(differing.histogram()[1:]) > 0.01 * page.width * page.height
    assert shown.height > scaled.height  # the band naming the reader
    assert not petrov.watch.csp_violations()


def test_another_reader_and_no_session_get_a_missing_leafs_answer(
    scan_room: ScanRoom, person: Callable[[str], Person]
) -> None:
    visitor = person(scan_room.base_url)
    _log_in(visitor, "visitor")
    for who in (visitor, person(scan_room.base_url)):  # the second has no session
        real = who.page.request.get(f"/leaves/{scan_room.leaf_id}/facsimile", max_redirects=0)
        missing = who.page.request.get(f"/leaves/{MISSING}/facsimile", max_redirects=0)
        assert real.status == missing.status
        assert real.status in (404, 303)
        assert real.body().replace(str(scan_room.leaf_id).encode(), b"N") == missing.body().replace(
            str(MISSING).encode(), b"N"
        )
        assert not real.body().startswith(b"\x89PNG")
