"""A scanned leaf's facsimile: the page image drawn for one reader, their
name burned into its pixels, recorded as a read before it is drawn, and the
same 404 as a missing leaf to a reader who may not read it. The page is
typed at run time from invented text."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from PIL import Image, ImageChops

from looseleaf.demo.typewriter import png, typed_page
from looseleaf.model import Actor
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.store import scans
from looseleaf.web.app import create_app
from tests.conftest import OPERATOR, _unavailable, write
from tests.web.conftest import BASE_URL, As

PAGE = "Harbour watch, 9 June 1951.\nThe courier Emil Hasler left the ferry at noon."
MISSING = 987_654_321


@dataclass
class Room:
    client: TestClient
    registry: Registry
    leaf_id: int
    anna: As
    boris: As


@pytest.fixture
def room(registry: Registry, tmp_path: Path) -> Iterator[Room]:
    if shutil.which("tesseract") is None:
        _unavailable("facsimile tests need Tesseract (apt-get install tesseract-ocr)")
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "watch.png", png(typed_page(PAGE, seed=7)))],
        dossier="Harbour",
        leaf_marking=MarkingRequest("RESTRICTED"),
        dossier_marking=MarkingRequest("UNCLASSIFIED"),
    )
    _, [report] = registry.dossier(OPERATOR, "Harbour")
    [leaf] = report.leaves
    registry.add_reader(OPERATOR, "anna", MarkingRequest("CONFIDENTIAL"))
    registry.add_reader(OPERATOR, "boris", MarkingRequest("UNCLASSIFIED"))
    with TestClient(create_app(registry), base_url=BASE_URL) as client:
        tokens = {
            name: registry.create_token(OPERATOR, name, days=1, label="test")[1]
            for name in ("anna", "boris")
        }
        yield Room(
            client, registry, leaf.id, As(client, tokens["anna"]), As(client, tokens["boris"])
        )


def _image(body: bytes) -> Image.Image:
    with Image.open(io.BytesIO(body)) as opened:
        return opened.convert("RGB")


def test_the_reader_gets_the_page_with_their_name_burned_in(room: Room) -> None:
    import pytesseract

    answer = room.anna.get(f"/api/leaves/{room.leaf_id}/facsimile")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "image/png"
    assert answer.headers["cache-control"] == "no-store"
    shown = _image(answer.content)
    with room.registry.store.read() as tx:
        stored = scans.image(tx, room.leaf_id)
    assert stored is not None
    original = _image(stored.data).resize(
        (shown.width, round(stored.height * shown.width / stored.width))
    )
    # The page is there, and over it the mark: many pixels differ from the
    # stored image, in red, and the band under the page names the reader.
    page = shown.crop((0, 0, original.width, original.height))
    differing = ImageChops.difference(page, original).convert("L").point(lambda v: v > 40)
    counts = differing.histogram()
    assert sum(counts[1:]) > 0.01 * page.width * page.height
    band = shown.crop((0, original.height, shown.width, shown.height))
    said = pytesseract.image_to_string(band)
    assert "anna" in said
    assert "clearance" in said
    # The page's own words read through the mark.
    assert "Hasler" in pytesseract.image_to_string(page)


def test_the_read_is_on_the_record_before_the_image(room: Room) -> None:
    room.anna.get(f"/api/leaves/{room.leaf_id}/facsimile")
    [event] = [
        e
        for e in room.registry.audit_log(OPERATOR, action="leaf.read")
        if e.target == f"leaf:{room.leaf_id}"
    ]
    with room.registry.store.read() as tx:
        stored = scans.image(tx, room.leaf_id)
    assert stored is not None
    assert event.detail["facsimile"] == stored.sha256
    assert event.actor.endswith("anna")


def test_another_reader_and_no_session_get_what_a_missing_leaf_gets(room: Room) -> None:
    refused = room.boris.get(f"/api/leaves/{room.leaf_id}/facsimile")
    missing = room.boris.get(f"/api/leaves/{MISSING}/facsimile")
    assert refused.status_code == missing.status_code == 404
    assert refused.json()["error"].replace(str(room.leaf_id), "N") == missing.json()[
        "error"
    ].replace(str(MISSING), "N")
    room.client.cookies.clear()
    for path in (f"/api/leaves/{room.leaf_id}/facsimile", f"/leaves/{room.leaf_id}/facsimile"):
        anonymous = room.client.get(path, follow_redirects=False)
        other = room.client.get(
            path.replace(str(room.leaf_id), str(MISSING)), follow_redirects=False
        )
        assert anonymous.status_code == other.status_code
        assert anonymous.status_code in (401, 303)
        assert not anonymous.content.startswith(b"\x89PNG")
    # The room's image route refuses boris the same way.
    room_refused = room.boris.get(f"/leaves/{room.leaf_id}/facsimile")
    room_missing = room.boris.get(f"/leaves/{MISSING}/facsimile")
    assert room_refused.status_code == room_missing.status_code == 404


def test_the_leaf_page_shows_the_facsimile_beside_its_ocr_text(room: Room) -> None:
    page = room.anna.get(f"/leaves/{room.leaf_id}")
    assert page.status_code == 200
    assert f'<img src="/leaves/{room.leaf_id}/facsimile"' in page.text
    assert "what OCR read in <code>eng</code>" in page.text
    assert "Emil Hasler" in page.text
    api = room.anna.get(f"/api/leaves/{room.leaf_id}").json()
    assert api["scan"]["languages"] == "eng"
    assert api["scan"]["confidence"] > 80
    assert room.anna.get(f"/leaves/{room.leaf_id}/facsimile").status_code == 200


def test_a_leaf_without_a_page_image_says_so(registry: Registry, tmp_path: Path) -> None:
    registry.ingest(OPERATOR, [write(tmp_path / "typed.txt", PAGE)], dossier="Typed")
    _, [report] = registry.dossier(OPERATOR, "Typed")
    [leaf] = report.leaves
    added = registry.add_reader(OPERATOR, "carl", MarkingRequest("TOP SECRET"))
    from looseleaf.errors import NotFound

    with pytest.raises(NotFound, match="page image"):
        registry.facsimile(Actor.reader(added.id, "carl"), leaf.id)


def test_a_numbered_copy_carries_the_page_image_watermarked(room: Room) -> None:
    import pypdf

    keeper = room.registry.add_reader(
        OPERATOR, "keeper", MarkingRequest("TOP SECRET"), roles=("custodian",)
    )
    copy, pdf = room.registry.issue_copy(
        Actor.reader(keeper.id, "keeper"), "anna", [room.leaf_id], "for the hearing"
    )
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    first = reader.pages[0]
    [picture] = list(first.images)
    with room.registry.store.read() as tx:
        stored = scans.image(tx, room.leaf_id)
    assert stored is not None
    assert picture.data != stored.data  # not the stored scan: drawn for the holder
    import pytesseract

    assert picture.image is not None
    band = picture.image.crop(
        (0, picture.image.height - 80, picture.image.width, picture.image.height)
    )
    assert "issued to anna" in pytesseract.image_to_string(band)  # burned into its pixels
    assert f"COPY No. {copy.number}" in first.extract_text()
    assert "Hasler" in "".join(page.extract_text() for page in reader.pages)
