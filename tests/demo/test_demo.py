"""`looseleaf demo` builds the sample registry of BRIEF.md §8."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from looseleaf.cli import run
from looseleaf.model import Marking
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR


def test_demo_builds_the_petrov_case(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    registry = str(tmp_path / "demo.db")
    assert run(["--registry", registry, "demo", "--no-serve"]) == 0
    tour = capsys.readouterr().out
    assert "Petrov's cross-reference" in tour
    with Registry.open(Settings(registry=registry)) as built:
        titles = {d.title: d for d in built.dossiers(OPERATOR)}
        seaman = titles["LUPU, Grigore - seaman, Danube Steam Navigation"]
        target = titles["ORLOV-BRANDT, Kasimir"]
        assert seaman.marking == Marking("CONFIDENTIAL")
        assert target.marking == Marking("SECRET")
        _, reports = built.dossier(OPERATOR, str(target.id))
        assert {r.media_type for r in reports} == {"text/plain", "application/pdf"}
        assert {str(leaf.marking) for r in reports for leaf in r.leaves} == {
            "TOP SECRET/ARCHIVE-KI"
        }
        _, seaman_reports = built.dossier(OPERATOR, str(seaman.id))
        xref = built.read(OPERATOR, seaman_reports[1].leaves[0].id)
        assert "Orlov-Brandt" in xref.normalised
        assert str(xref.leaf.marking) == "SECRET/SEAMEN"
        scan = built.read(OPERATOR, seaman_reports[0].leaves[0].id)
        assert "¬" in scan.original
        assert "lighterman" in scan.normalised
        cyrillic = [built.read(OPERATOR, leaf.id).original for r in reports for leaf in r.leaves]
        assert any("Орлов-Брандт" in text for text in cyrillic)

        petrov = built.as_reader("petrov", via=OPERATOR)
        _, seen = built.dossier(petrov, "ORLOV-BRANDT, Kasimir")
        readable = [leaf.id for report in seen for leaf in report.leaves]
        [decided, pending, own] = built.slips(built.as_reader("keeper", via=OPERATOR))
        assert (own.reader, own.status) == ("lupu", "decided")  # his own file, granted
        assert decided.proposed is not None
        assert len(decided.proposed) == 3
        assert readable == list(decided.granted) == list(decided.proposed[:2])
        assert pending.status == "pending"
        [copy] = built.copies(OPERATOR, outstanding=True)
        assert (copy.reader, copy.leaves) == ("petrov", decided.granted[:1])
        # Lupu reads his own file: his own names in, his sister's masked.
        lupu = built.as_reader("lupu", via=OPERATOR)
        letter = next(
            leaf for leaf in own.granted if "Grigore" in built.read(lupu, leaf).normalised
        )
        assert "Grigore" in built.read(lupu, letter).normalised
        assert not any("Ileana" in built.read(lupu, leaf).normalised for leaf in own.granted)
    assert (tmp_path / "copy-1.pdf").read_bytes().startswith(b"%PDF-")


def test_demo_refuses_a_registry_with_dossiers_unless_fresh(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    registry = str(tmp_path / "demo.db")
    assert run(["--registry", registry, "demo", "--no-serve", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert {r["status"] for r in first} == {"ingested"}
    assert run(["--registry", registry, "demo", "--no-serve"]) == 1
    assert "use --fresh" in capsys.readouterr().err
    assert run(["--registry", registry, "demo", "--no-serve", "--fresh", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == first
