"""Every kind of bad input gets one line naming the file and the reason; the
good files in the same command still go in; nothing partial stays behind."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from looseleaf.cli import run
from looseleaf.registry import Registry
from looseleaf.store import is_postgres
from tests.conftest import OPERATOR, counts, write
from tests.ingest.pdfs import encrypt, make_pdf

GOOD = "A good report that goes in.\n\nIt has two paragraphs.\n"


def _huge_line(path: Path) -> Path:
    """A 200 MB file that is one line, written in chunks (never held in memory twice)."""
    chunk = b"x" * (8 * 1024 * 1024)
    with path.open("wb") as handle:
        for _ in range(25):
            handle.write(chunk)
    assert path.stat().st_size == 200 * 1024 * 1024
    return path


def _a_directory(parent: Path) -> Path:
    path = parent / "adir"
    path.mkdir()
    return path


BAD: dict[str, tuple[Callable[[Path], Path], str]] = {
    "empty": (lambda d: write(d / "empty.txt", b""), "empty file"),
    "blank": (lambda d: write(d / "blank.md", "  \n\n\t\n"), "no text (only white space)"),
    "binary junk": (lambda d: write(d / "junk.txt", os.urandom(4096)), "binary data"),
    "invalid utf-8": (
        lambda d: write(d / "latin1.txt", "Dzierżyński in Latin-2".encode("iso-8859-2")),
        "invalid UTF-8 at byte 5",
    ),
    "encrypted pdf": (
        lambda d: write(d / "locked.pdf", encrypt(make_pdf(["secret"]), "s3cret")),
        "encrypted PDF",
    ),
    "corrupt pdf": (
        lambda d: write(d / "broken.pdf", make_pdf(["some text"])[:300]),
        "corrupt PDF",
    ),
    "not a pdf": (lambda d: write(d / "fake.pdf", "just text"), "corrupt PDF (no %PDF- header)"),
    "huge single line": (lambda d: _huge_line(d / "line.txt"), "a line longer than"),
    "html of scripts": (
        lambda d: write(
            d / "scripts.html",
            "<html><head><script>var a = 1;</script></head><body>"
            "<script>document.write('x')</script><style>b{}</style><noscript></noscript>"
            "</body></html>",
        ),
        "no readable text (only markup, scripts or styles)",
    ),
    "unsupported type": (lambda d: write(d / "sheet.xlsx", "PK"), "unsupported file type '.xlsx'"),
    "missing": (lambda d: d / "not-there.txt", "no such file"),
    "directory": (_a_directory, "is a directory"),
}


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_is_refused_and_the_rest_goes_in(
    kind: str, registry: Registry, tmp_path: Path
) -> None:
    make, reason = BAD[kind]
    bad = make(tmp_path)
    good = write(tmp_path / "good.txt", GOOD)
    before = counts(registry)
    first, second = registry.ingest(OPERATOR, [bad, good], dossier="Mixed")
    assert first.status == "error"
    assert first.error is not None
    assert first.error.startswith(f"{bad}: ")
    assert reason in first.error
    assert "\n" not in first.error
    assert second.status == "ingested"
    after = counts(registry)
    assert after == {
        "dossiers": before["dossiers"] + 1,
        "reports": before["reports"] + 1,
        "leaves": before["leaves"] + second.leaves,
        "sources": before["sources"] + 1,
    }
    refusals = [e for e in registry.event_log(OPERATOR) if e.action == "report.refuse"]
    assert [e.detail["file"] for e in refusals] == [str(bad)]


def test_a_lone_bad_file_leaves_no_dossier_behind(registry: Registry, tmp_path: Path) -> None:
    [result] = registry.ingest(OPERATOR, [write(tmp_path / "e.txt", b"")], dossier="Never")
    assert result.status == "error"
    assert counts(registry) == {"dossiers": 0, "reports": 0, "leaves": 0, "sources": 0}


_FAIL_ON_THIRD_LEAF = {
    "sqlite": [
        "CREATE TRIGGER fail_third BEFORE INSERT ON leaves WHEN NEW.position = 3 "
        "BEGIN SELECT RAISE(ABORT, 'disk trouble on leaf 3'); END"
    ],
    "postgresql": [
        "CREATE FUNCTION fail_third() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NEW.position = 3 THEN RAISE EXCEPTION 'disk trouble on leaf 3'; END IF; "
        "RETURN NEW; END $$",
        "CREATE TRIGGER fail_third BEFORE INSERT ON leaves FOR EACH ROW "
        "EXECUTE FUNCTION fail_third()",
    ],
}


def test_a_failure_half_way_through_a_report_rolls_it_back(
    registry: Registry, tmp_path: Path
) -> None:
    """A real database error on the third leaf: the report, its source, its
    dossier and its first two leaves must all be gone."""
    backend = "postgresql" if is_postgres(registry.store.url) else "sqlite"
    with registry.store.write() as tx:
        for statement in _FAIL_ON_THIRD_LEAF[backend]:
            tx.execute(statement)
    pages = write(tmp_path / "pages.txt", "one\fTwo\fthree\ffour")
    with pytest.raises(Exception, match="disk trouble on leaf 3"):
        registry.ingest(OPERATOR, [pages], dossier="Half")
    assert counts(registry) == {"dossiers": 0, "reports": 0, "leaves": 0, "sources": 0}


def test_the_cli_prints_one_line_per_bad_file_and_fails(
    registry_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = write(tmp_path / "empty.txt", b"")
    junk = write(tmp_path / "junk.txt", b"\x00\x01\x02" * 100)
    good = write(tmp_path / "good.txt", GOOD)
    code = run(
        [
            "--registry",
            registry_url,
            "ingest",
            str(empty),
            str(good),
            str(junk),
            "--dossier",
            "Mixed",
            "--json",
        ]
    )
    captured = capsys.readouterr()
    assert code == 1
    assert captured.err.splitlines()[-2:] == [
        f"looseleaf: error: {empty}: empty file",
        f"looseleaf: error: {junk}: binary data, not a text document (contains NUL bytes)",
    ]
    assert "Traceback" not in captured.err
    import json

    statuses = [r["status"] for r in json.loads(captured.out)]
    assert statuses == ["error", "ingested", "error"]
