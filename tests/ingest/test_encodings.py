"""Text that is not UTF-8 (issue 14): a Latin-1 or cp1251 file goes in with
its own words, its encoding told from its bytes or named with `--encoding`
and recorded on the ingest event; a name that is no encoding is one line;
a UTF-8 byte-order mark stays in the original and out of the normalised
text and its search snippets."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from looseleaf.cli import run
from looseleaf.errors import BadInput
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, counts, write

EMPTY = {"dossiers": 0, "reports": 0, "leaves": 0, "sources": 0}

FRENCH = (
    "Le témoin, François Lefèvre, a déclaré qu'il était à la gare à huit heures.\n\n"
    "Il a reconnu Hélène Ducrocq, née à Besançon, dans le train de Genève.\n"
)
SPANISH = (
    "¿Dónde estaba el señor Muñoz? Nadie lo sabe.\n\n"
    "Su esposa, María Peñalver, llegó a la estación de Córdoba a las ocho.\n"
)
RUSSIAN = (
    "Агент Орлов сообщил, что Брандт выехал из Риги в среду.\n\n"
    "Фёдор Ильич Жуков встретил его на вокзале в Вильнюсе.\n"
)
POLISH = (
    "Świadek Zbigniew Wróblewski zeznał, że widział mężczyznę w płaszczu.\n\n"
    "Ślad prowadził do Łodzi, gdzie mieszka jego siostra Jadwiga Ździebło.\n"
)


def _texts(registry: Registry, dossier: str) -> tuple[str, str]:
    """The dossier's one report: its leaves' original and normalised text."""
    _, [report] = registry.dossier(OPERATOR, dossier)
    read = [registry.read(OPERATOR, leaf.id) for leaf in report.leaves]
    return "".join(t.original for t in read), "\n\n".join(t.normalised for t in read)


def _ingest_event(registry: Registry) -> dict[str, object]:
    [event] = [e for e in registry.event_log(OPERATOR) if e.action == "report.ingest"]
    return dict(event.detail)


@pytest.mark.parametrize(
    ("name", "text", "encoding", "told"),
    [
        ("french.txt", FRENCH, "latin-1", "cp1252"),
        ("spanish.md", SPANISH, "latin-1", "cp1252"),
        ("russian.txt", RUSSIAN, "cp1251", "cp1251"),
        ("russian-koi8.txt", RUSSIAN, "koi8-r", "koi8-r"),
        ("polish.txt", POLISH, "cp1250", "cp1250"),
        ("polish-latin2.txt", POLISH, "iso-8859-2", "iso8859-2"),
    ],
)
def test_a_file_in_a_legacy_encoding_goes_in_with_its_own_words(
    name: str, text: str, encoding: str, told: str, registry: Registry, tmp_path: Path
) -> None:
    data = text.encode(encoding)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    path = write(tmp_path / name, data)
    [result] = registry.ingest(OPERATOR, [path], dossier="Witnesses")
    assert result.status == "ingested", result.error
    original, _ = _texts(registry, "Witnesses")
    assert original == text.rstrip("\n")
    detail = _ingest_event(registry)
    assert detail["encoding"] == told
    assert detail["sha256"] == hashlib.sha256(data).hexdigest()  # the file's own bytes


def test_words_of_a_cp1251_file_are_found_by_search(registry: Registry, tmp_path: Path) -> None:
    registry.ingest(
        OPERATOR, [write(tmp_path / "orlov.txt", RUSSIAN.encode("cp1251"))], dossier="Orlov"
    )
    hits = registry.search(OPERATOR, "Жуков").hits
    assert len(hits) == 1
    assert "[Жуков]" in hits[0].snippet


def test_an_html_page_without_a_charset_is_told_too(registry: Registry, tmp_path: Path) -> None:
    page = f"<html><body><p>{FRENCH}</p></body></html>".encode("latin-1")
    [result] = registry.ingest(OPERATOR, [write(tmp_path / "p.html", page)], dossier="Page")
    assert result.status == "ingested", result.error
    _, normalised = _texts(registry, "Page")
    assert "François Lefèvre" in normalised
    assert _ingest_event(registry)["encoding"] == "cp1252"


SHORT = "Иван Петров\n"  # too little text for any language to show


def test_encoding_named_on_the_command_line_overrides_the_guess(
    registry_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "short.txt", SHORT.encode("cp1251"))
    common = ["--registry", registry_url, "ingest", str(path), "--dossier", "Short"]
    assert run(common) == 1
    refused = capsys.readouterr().err
    assert (
        f"{path}: invalid UTF-8 at byte 0, and too little text to tell its encoding "
        "(name it with --encoding)"
    ) in refused

    assert run([*common, "--encoding", "CP1251"]) == 0
    assert "report" in capsys.readouterr().out
    # A KOI8-R reading of the same file would be other letters: the name decides.
    assert run([*common[:-1], "Short as KOI8-R", "--encoding", "koi8_r"]) == 0
    with Registry.open(Settings(registry=registry_url)) as registry:
        assert _texts(registry, "Short")[0] == SHORT.rstrip("\n")
        assert _texts(registry, "Short as KOI8-R")[0] == SHORT.encode("cp1251").decode(
            "koi8_r"
        ).rstrip("\n")
        encodings = [
            e.detail["encoding"]
            for e in registry.event_log(OPERATOR)
            if e.action == "report.ingest"
        ]
        assert encodings == ["cp1251", "koi8-r"]


def test_the_override_applies_to_a_utf_8_file_too(registry: Registry, tmp_path: Path) -> None:
    """Named, the encoding is used as named: UTF-8 bytes read as Latin-1."""
    path = write(tmp_path / "utf8.txt", "Müller\n".encode())
    registry.ingest(OPERATOR, [path], dossier="Named", encoding="latin-1")
    assert _texts(registry, "Named")[0] == "MÃ¼ller"
    assert _ingest_event(registry)["encoding"] == "iso8859-1"


@pytest.mark.parametrize("name", ["klingon", "rot13", "base64", ""])
def test_an_unknown_encoding_is_one_line_and_nothing_goes_in(
    name: str,
    registry_url: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = write(tmp_path / "a.txt", FRENCH.encode("latin-1"))
    code = run(
        ["--registry", registry_url, "ingest", str(path), "--dossier", "D", "--encoding", name]
    )
    assert code == 1
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("looseleaf: error:")]
    assert lines == [
        f"looseleaf: error: --encoding {name!r}: unknown character encoding "
        "(e.g. utf-8, cp1251, latin-1)"
    ]
    with Registry.open(Settings(registry=registry_url)) as registry:
        assert counts(registry) == EMPTY
        with pytest.raises(BadInput, match="unknown character encoding"):
            registry.ingest(OPERATOR, [path], dossier="D", encoding=name)


BOM = b"\xef\xbb\xbf"
REPORT = "# Report from Vienna\nOrlov-Brandt was seen at the Westbahnhof on 3 March.\n"


def test_a_byte_order_mark_stays_in_the_original_only(registry: Registry, tmp_path: Path) -> None:
    data = BOM + REPORT.encode()
    [result] = registry.ingest(OPERATOR, [write(tmp_path / "bom.md", data)], dossier="Vienna")
    assert result.status == "ingested", result.error
    original, normalised = _texts(registry, "Vienna")
    assert original == "\ufeff" + REPORT.rstrip("\n")
    assert normalised == (
        "# Report from Vienna\n\nOrlov-Brandt was seen at the Westbahnhof on 3 March."
    )
    detail = _ingest_event(registry)
    assert detail["encoding"] == "utf-8"
    assert detail["sha256"] == hashlib.sha256(data).hexdigest()
    [hit] = registry.search(OPERATOR, "Report").hits
    assert "\ufeff" not in hit.snippet
    assert "[Report] from Vienna\n\nOrlov-Brandt" in hit.snippet
