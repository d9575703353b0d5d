"""Scans: images and image-only PDFs go in a leaf a page, read by Debian's
Tesseract in the languages asked for; the page image is kept byte for byte
and on the ingest record (audit verify checks it); a page read in the wrong
script, or unsure, is said so; bad images get one line. Pages are typed at
run time (`looseleaf.demo.typewriter`) from invented text."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from PIL import Image

from looseleaf.demo.typewriter import jpeg, png, scanned_pdf, tiff, typed_page
from looseleaf.errors import BadInput, Forbidden, NotFound
from looseleaf.ingest import prepare
from looseleaf.ingest.scan import MAX_PIXELS
from looseleaf.model import Actor
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.store import scans
from tests.conftest import OPERATOR, _unavailable, write

ENGLISH = (
    "Report of the harbour watch, 4 May 1938.\n"
    "The agent Ottokar Wolkenstein arrived\nin Graz with two letters for the consul."
)
RUSSIAN = "Агент Иван Петров прибыл в Москву\n3 мая 1938 года с двумя письмами."


@pytest.fixture(autouse=True)
def tesseract() -> None:
    if shutil.which("tesseract") is None:
        _unavailable("OCR tests need Tesseract (apt-get install tesseract-ocr tesseract-ocr-rus)")


def _prepare(name: str, data: bytes, lang: str = "eng") -> list[tuple[str, str]]:
    document = prepare(Path(name), data, passage_chars=3000, max_line_chars=10**6, ocr_lang=lang)
    return [
        (leaf.normalised, leaf.scan.image.media_type if leaf.scan else "")
        for leaf in document.leaves
    ]


def test_every_kind_of_scan_is_a_leaf_a_page_read_in_its_languages() -> None:
    english, russian = typed_page(ENGLISH, seed=1), typed_page(RUSSIAN, seed=2)
    [(text, kind)] = _prepare("card.png", png(english))
    assert "Ottokar Wolkenstein" in text
    assert kind == "image/png"
    [(text, kind)] = _prepare("card.jpg", jpeg(english))
    assert "Wolkenstein" in text
    assert kind == "image/jpeg"
    pages = _prepare("stack.tif", tiff([english, russian]), "eng+rus")
    assert [kind for _, kind in pages] == ["image/png", "image/png"]
    assert "Петров" in pages[1][0]
    pages = _prepare("scan.pdf", scanned_pdf([english, russian]), "rus+eng")
    assert "Graz" in pages[0][0]
    assert "Москву" in pages[1][0]


def test_a_page_in_a_script_none_of_the_languages_reads_is_said_so() -> None:
    document = prepare(
        Path("ru.png"), png(typed_page(RUSSIAN, seed=3)), passage_chars=3000,
        max_line_chars=10**6, ocr_lang="eng",
    )  # fmt: skip
    [said, *_] = document.warnings()
    assert said.startswith("page 1: the page is written in Cyrillic script")
    assert "--ocr-lang" in said
    right = prepare(
        Path("ru.png"), png(typed_page(RUSSIAN, seed=3)), passage_chars=3000,
        max_line_chars=10**6, ocr_lang="rus",
    )  # fmt: skip
    assert right.warnings() == []
    [leaf] = right.leaves
    assert leaf.scan is not None
    assert leaf.scan.reading.confidence is not None
    assert leaf.scan.reading.confidence > 80
    assert any(w.text == "Петров" for w in leaf.scan.reading.words)


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.tif", b"", "empty file"),
        ("garbage.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "corrupt image"),
        ("text.jpg", b"plain words, not a JPEG", "corrupt image (not a JPEG file)"),
    ],
)
def test_bad_images_get_one_line(
    registry: Registry, tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    [result] = registry.ingest(OPERATOR, [write(tmp_path / name, data)], dossier="Scans")
    assert result.status == "error"
    assert result.error is not None
    assert reason in result.error
    assert "\n" not in result.error
    assert registry.dossiers(OPERATOR) == []  # nothing half-written


def test_a_decompression_bomb_is_refused_unread(tmp_path: Path) -> None:
    big = Image.new("1", (12_000, 8_000))  # 96 million pixels, a few kilobytes as PNG
    with pytest.raises(BadInput, match="pixel limit"):
        _prepare("bomb.png", png(big))
    assert MAX_PIXELS < 12_000 * 8_000


def test_an_unknown_language_is_refused_before_reading(registry: Registry, tmp_path: Path) -> None:
    path = write(tmp_path / "card.png", png(typed_page(ENGLISH, seed=4)))
    [result] = registry.ingest(OPERATOR, [path], dossier="Scans", ocr_lang="xyz")
    assert result.error is not None
    assert "no Tesseract language pack for xyz" in result.error
    [result] = registry.ingest(OPERATOR, [path], dossier="Scans", ocr_lang="rus deu")
    assert result.error is not None
    assert "joined by '+'" in result.error


def test_the_page_image_is_kept_byte_for_byte_and_verified(
    registry: Registry, tmp_path: Path
) -> None:
    data = png(typed_page(ENGLISH, seed=5))
    [result] = registry.ingest(
        OPERATOR, [write(tmp_path / "card.png", data)], dossier="Scans", ocr_lang="eng"
    )
    assert result.status == "ingested"
    assert result.warnings == ()
    _, [report] = registry.dossier(OPERATOR, "Scans")
    [leaf] = report.leaves
    with registry.store.read() as tx:
        stored = scans.image(tx, leaf.id)
        [(_, reading)] = scans.readings(tx, leaf.id)
        [detail] = [
            json.loads(row[0])
            for row in tx.all("SELECT detail FROM events WHERE action = 'report.ingest'")
        ]
    assert stored is not None
    assert stored.data == data
    assert detail["images"] == {"1": hashlib.sha256(data).hexdigest()}
    assert reading.languages == "eng"
    assert "Wolkenstein" in reading.text
    assert registry.verify(OPERATOR).ok
    # A re-run skips the scan already in, without reading it again.
    [again] = registry.ingest(OPERATOR, [tmp_path / "card.png"], dossier="Scans")
    assert again.status == "duplicate"
    with registry.store.write() as tx:
        tx.execute(
            "UPDATE leaf_images SET image = ? WHERE leaf_id = ?", (data[:-1] + b"\x00", leaf.id)
        )
    verdict = registry.verify(OPERATOR)
    assert not verdict.ok
    assert any("page image no longer matches its hash" in p for p in verdict.problems)


def test_a_scanned_name_is_found_by_search_and_in_the_card_index(
    registry: Registry, tmp_path: Path
) -> None:
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "card.png", png(typed_page(ENGLISH, seed=6)))],
        dossier="Scans",
    )
    hits = registry.search(OPERATOR, "Wolkenstein").hits
    assert len(hits) == 1
    registry.accept_all(OPERATOR)
    [found, *_] = registry.person_search(OPERATOR, "Ottokar Wolkenstein")
    assert found.preferred == "Ottokar Wolkenstein"
    assert found.score == 1.0


def test_a_page_read_in_the_wrong_script_is_read_again_and_still_verifies(
    registry: Registry, tmp_path: Path
) -> None:
    [result] = registry.ingest(
        OPERATOR,
        [write(tmp_path / "ru.png", png(typed_page(RUSSIAN, seed=8)))],
        dossier="Moscow",
        leaf_marking=MarkingRequest("SECRET"),
        ocr_lang="eng",
    )
    assert any("Cyrillic script" in said for said in result.warnings)
    _, [report] = registry.dossier(OPERATOR, "Moscow")
    [leaf] = report.leaves
    assert registry.search(OPERATOR, "Петров").hits == ()
    low = registry.add_reader(
        OPERATOR, "junior", MarkingRequest("RESTRICTED"), roles=("registrar",)
    )
    with pytest.raises(NotFound):  # a registrar acts only on what they may read
        registry.reocr(Actor.reader(low.id, "junior"), leaf.id, "rus")
    plain = registry.add_reader(OPERATOR, "plain", MarkingRequest("TOP SECRET"))
    with pytest.raises(Forbidden):
        registry.reocr(Actor.reader(plain.id, "plain"), leaf.id, "rus")
    scan = registry.reocr(OPERATOR, leaf.id, "rus")
    assert scan.languages == "rus"
    assert scan.readings == 2
    assert scan.warnings == ()
    assert "Петров" in registry.read(OPERATOR, leaf.id).original
    assert len(registry.search(OPERATOR, "Петров").hits) == 1
    with registry.store.read() as tx:
        first, second = (reading for _, reading in scans.readings(tx, leaf.id))
    assert first.languages == "eng"  # the earlier reading is kept
    assert "Петров" not in first.text
    assert "Петров" in second.text
    assert registry.verify(OPERATOR).ok
    [event] = registry.audit_log(OPERATOR, action="leaf.reocr")
    assert event.target == f"leaf:{leaf.id}"
    registry.ingest(OPERATOR, [write(tmp_path / "typed.txt", "typed\n")], dossier="Moscow")
    _, reports = registry.dossier(OPERATOR, "Moscow")
    typed = next(r for r in reports if r.filename == "typed.txt").leaves[0]
    with pytest.raises(BadInput, match="not a scan"):
        registry.reocr(OPERATOR, typed.id, "rus")


def test_a_pdf_of_more_pages_than_the_limit_is_refused_on_its_count() -> None:
    import io

    from pypdf import PdfWriter

    from looseleaf.ingest.scan import MAX_PAGES

    writer = PdfWriter()
    for _ in range(MAX_PAGES + 1):
        writer.add_blank_page(width=72, height=72)
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(
        BadInput, match=f"{MAX_PAGES + 1:,} pages is over the {MAX_PAGES:,}-page limit"
    ):
        _prepare("thick.pdf", out.getvalue())
