"""The five historical seeds, read from ../shared/seeds (never copied here)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from looseleaf.cli import run

pytestmark = pytest.mark.seeds


def test_seeds_ingest_and_seed_002_reads_back_exactly(
    seeds: Path, registry_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    files = sorted(seeds.glob("*.txt"))
    assert len(files) == 5
    code = run(
        ["--registry", registry_url, "ingest", *map(str, files), "--dossier", "Seeds", "--json"]
    )
    results = json.loads(capsys.readouterr().out)
    assert code == 0
    assert [r["status"] for r in results] == ["ingested"] * 5
    assert all(r["leaves"] > 0 for r in results)

    assert run(["--registry", registry_url, "dossier", "show", "Seeds", "--json"]) == 0
    reports = json.loads(capsys.readouterr().out)["reports"]
    ocr = next(r for r in reports if r["filename"].startswith("002_"))
    raw = (seeds / ocr["filename"]).read_bytes()

    originals = []
    for leaf in ocr["leaves"]:
        assert run(["--registry", registry_url, "leaf", "show", str(leaf["id"]), "--json"]) == 0
        originals.append(json.loads(capsys.readouterr().out))
    # Each leaf's text, in order, is the file's text up to the whitespace
    # between leaves (the report keeps that; a leaf never shows it).
    text, at = raw.decode("utf-8"), 0
    for leaf in originals:
        found = text.index(leaf["original"], at)
        assert not text[at:found].strip()
        at = found + len(leaf["original"])
    assert not text[at:].strip()

    hyphenated = next(t for t in originals if "¬" in t["original"])
    assert (
        run(
            [
                "--registry",
                registry_url,
                "leaf",
                "show",
                str(hyphenated["leaf"]["id"]),
                "--original",
            ]
        )
        == 0
    )
    shown = capsys.readouterr().out.encode("utf-8")
    assert shown in raw
    assert "¬" not in hyphenated["normalised"]
    assert not re.search(r"[a-z]-\s*\n\s*[a-z]", hyphenated["normalised"])
    assert "government" in "".join(t["normalised"] for t in originals)

    again = run(
        ["--registry", registry_url, "ingest", *map(str, files), "--dossier", "Seeds", "--json"]
    )
    assert again == 0
    assert {r["status"] for r in json.loads(capsys.readouterr().out)} == {"duplicate"}
