"""Each format becomes leaves the way a reader would expect."""

from __future__ import annotations

from pathlib import Path

from looseleaf.registry import Registry
from tests.conftest import OPERATOR, write
from tests.ingest.pdfs import encrypt, make_pdf


def test_pdf_gives_one_leaf_per_page(registry: Registry, tmp_path: Path) -> None:
    data = make_pdf(["Page one names Ramon Mercader.", "", "Page three: Jacques Mornard."])
    [result] = registry.ingest(OPERATOR, [write(tmp_path / "m.pdf", data)], dossier="D")
    assert (result.status, result.leaves) == ("ingested", 3)
    _, [report] = registry.dossier(OPERATOR, "D")
    texts = [registry.read(OPERATOR, leaf.id) for leaf in report.leaves]
    assert "Ramon Mercader" in texts[0].original
    assert texts[1].original == ""  # a blank page keeps its place
    assert "Jacques Mornard" in texts[2].normalised
    # The PDF defines no page labels: none counted from the page index.
    assert [leaf.label for leaf in report.leaves] == [None, None, None]
    assert [leaf.position for leaf in report.leaves] == [1, 2, 3]
    with registry.store.read() as tx:
        assert tx.scalar("SELECT original FROM reports WHERE id = ?", (report.id,)) == data


def test_pdf_with_empty_user_password_opens(registry: Registry, tmp_path: Path) -> None:
    data = encrypt(make_pdf(["Readable without a password."]), "")
    [result] = registry.ingest(OPERATOR, [write(tmp_path / "open.pdf", data)], dossier="D")
    assert result.status == "ingested"


def test_html_keeps_text_and_drops_scripts_and_styles(registry: Registry, tmp_path: Path) -> None:
    html = (
        "<html><head><title>T</title><style>p{color:red}</style>"
        "<script>alert('x')</script></head><body><h1>Dossier</h1>"
        "<p>Frank Jacson &amp; Jacques Mornard</p><p>Second paragraph.</p></body></html>"
    )
    [result] = registry.ingest(OPERATOR, [write(tmp_path / "p.html", html)], dossier="D")
    _, [report] = registry.dossier(OPERATOR, "D")
    text = registry.read(OPERATOR, report.leaves[0].id)
    assert result.status == "ingested"
    assert "Frank Jacson & Jacques Mornard" in text.original
    assert "alert" not in text.original
    assert "color" not in text.original
    assert report.media_type == "text/html"


def test_html_in_a_declared_legacy_charset(registry: Registry, tmp_path: Path) -> None:
    html = '<html><head><meta charset="windows-1251"></head><body><p>Дзержинский</p></body></html>'
    path = write(tmp_path / "cp.html", html.encode("windows-1251"))
    registry.ingest(OPERATOR, [path], dossier="D")
    _, [report] = registry.dossier(OPERATOR, "D")
    assert "Дзержинский" in registry.read(OPERATOR, report.leaves[0].id).original


def test_markdown_is_text_and_keeps_its_markup(registry: Registry, tmp_path: Path) -> None:
    md = "# Case file\n\n*Etienne* reported weekly.\n"
    registry.ingest(OPERATOR, [write(tmp_path / "c.md", md)], dossier="D")
    _, [report] = registry.dossier(OPERATOR, "D")
    assert report.media_type == "text/markdown"
    assert registry.read(OPERATOR, report.leaves[0].id).original == md.rstrip("\n")
