"""The command line as a user and a script see it: --json everywhere, one-line
errors, exit codes, level names typed loosely."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from looseleaf import __version__
from looseleaf.cli import run
from looseleaf.store import SCHEMA_VERSION
from tests.conftest import write

PAGES = "Leaf one.\fLeaf two.\fLeaf three.\n"


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    code, out, err = cli(capsys, *args, "--json")
    assert code == 0, err
    return json.loads(out)


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_json(capsys, "version") == {"version": __version__, "schema_version": SCHEMA_VERSION}


def test_init_ingest_list_show(
    registry_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = ("--registry", registry_url)
    info = cli_json(capsys, *reg, "init")
    assert isinstance(info, dict)
    assert info["schema_version"] == SCHEMA_VERSION
    results = cli_json(
        capsys,
        *reg,
        "ingest",
        str(write(tmp_path / "a.txt", PAGES)),
        "--dossier",
        "Seaman",
        "--level",
        "secret",
        "--compartment",
        "seamen",
        "--dossier-level",
        "confidential",
        "--source-title",
        "Harbour card",
        "--grade",
        "b2",
    )
    assert isinstance(results, list)
    [result] = results
    assert result == {
        "file": str(tmp_path / "a.txt"),
        "status": "ingested",
        "report_id": result["report_id"],
        "dossier_id": result["dossier_id"],
        "leaves": 3,
        "error": None,
        "warnings": [],
    }
    # Opaque ids: nine digits, not the count of anything.
    assert all(100_000_000 <= result[key] <= 999_999_999 for key in ("report_id", "dossier_id"))
    dossiers = cli_json(capsys, *reg, "dossier", "list")
    assert isinstance(dossiers, list)
    [dossier] = dossiers
    assert dossier["title"] == "Seaman"
    assert dossier["marking"] == {"level": "CONFIDENTIAL", "compartments": []}
    assert (dossier["reports"], dossier["leaves"]) == (1, 3)
    shown = cli_json(capsys, *reg, "dossier", "show", "Seaman")
    assert isinstance(shown, dict)
    [report] = shown["reports"]
    assert report["source"]["grade"] == "B2"
    assert [leaf["position"] for leaf in report["leaves"]] == [1, 2, 3]
    assert all(
        leaf["marking"] == {"level": "SECRET", "compartments": ["SEAMEN"]}
        for leaf in report["leaves"]
    )
    assert cli_json(capsys, *reg, "dossier", "show", str(result["dossier_id"])) == shown
    leaf_id = report["leaves"][1]["id"]
    leaf = cli_json(capsys, *reg, "leaf", "show", str(leaf_id))
    assert isinstance(leaf, dict)
    assert leaf["leaf"]["id"] == leaf_id
    assert (leaf["original"], leaf["normalised"]) == ("Leaf two.", "Leaf two.")
    code, out, _ = cli(capsys, *reg, "leaf", "show", str(leaf_id), "--original")
    assert (code, out) == (0, "Leaf two.")
    code, out, _ = cli(capsys, *reg, "leaf", "show", str(leaf_id))
    assert code == 0
    assert "SECRET/SEAMEN" in out


@pytest.mark.parametrize("typed", ["TOP SECRET", "top-secret", "Top_Secret", "top  secret"])
def test_level_names_are_matched_loosely(
    typed: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = ("--registry", str(tmp_path / "r.db"))
    cli_json(
        capsys,
        *reg,
        "ingest",
        str(write(tmp_path / "a.txt", "x")),
        "--dossier",
        "D",
        "--level",
        typed,
    )
    dossiers = cli_json(capsys, *reg, "dossier", "list")
    assert isinstance(dossiers, list)
    [dossier] = dossiers
    assert dossier["marking"]["level"] == "TOP SECRET"


def test_ingest_creates_the_registry_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "new" / "r.db"
    code, _, err = cli(
        capsys,
        "--registry",
        str(path),
        "ingest",
        str(write(tmp_path / "a.txt", "x")),
        "--dossier",
        "D",
    )
    assert code == 0
    assert err.strip() == f"looseleaf: created registry {path}"


def test_withdraw_via_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    reg = ("--registry", str(tmp_path / "r.db"))
    results = cli_json(
        capsys, *reg, "ingest", str(write(tmp_path / "a.txt", PAGES)), "--dossier", "D"
    )
    assert isinstance(results, list)
    [ingested] = results
    report_id = ingested["report_id"]
    shown = cli_json(capsys, *reg, "dossier", "show", "D")
    assert isinstance(shown, dict)
    first = shown["reports"][0]["leaves"][0]["id"]
    assert cli_json(capsys, *reg, "leaf", "withdraw", str(first), "--reason", "wrong dossier") == {
        "leaf_id": first,
        "withdrawn": True,
    }
    assert cli_json(
        capsys, *reg, "report", "withdraw", str(report_id), "--reason", "retracted"
    ) == {
        "report_id": report_id,
        "leaves_withdrawn": 2,
    }


@pytest.mark.parametrize(
    ("args", "message", "exit_code"),
    [
        (["dossier", "list"], "no such registry (run `looseleaf init`)", 3),
        (["leaf", "show", "42"], "leaf 42: not found", 2),
        (["dossier", "show", "Trotsky"], "dossier Trotsky: not found", 2),
        (["ingest", "x.txt", "--dossier", "D", "--level", "cosmic"], "unknown level", 1),
        (["ingest", "x.txt", "--dossier", "D", "--compartment", "a b"], "compartment 'a b'", 1),
        (["leaf", "show", "abc"], "Invalid value for 'leaf_id'", 2),
    ],
)
def test_errors_are_one_line_without_traceback(
    args: list[str],
    message: str,
    exit_code: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    reg = ["--registry", str(tmp_path / "r.db")]
    if args[0] != "dossier" or args[1] != "list":
        run([*reg, "init"])
        capsys.readouterr()
    code, out, err = cli(capsys, *reg, *args)
    assert code == exit_code
    assert out == ""
    [line] = err.strip().splitlines()
    assert line.startswith("looseleaf: error: ")
    assert message in line


def test_a_real_process_prints_no_traceback_unless_debug(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "looseleaf",
        "--registry",
        str(tmp_path / "none.db"),
        "dossier",
        "list",
    ]
    plain = subprocess.run(command, capture_output=True, text=True, check=False)
    assert plain.returncode == 3
    assert plain.stderr.count("\n") == 1
    assert "Traceback" not in plain.stderr
    debug = subprocess.run(
        [*command[:3], "--debug", *command[3:]], capture_output=True, text=True, check=False
    )
    assert debug.returncode != 0
    assert "Traceback" in debug.stderr


def test_registry_comes_from_the_environment(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LOOSELEAF_REGISTRY", str(tmp_path / "env.db"))
    cli_json(capsys, "init")
    assert (tmp_path / "env.db").exists()


def test_search_json_carries_hits_and_facets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The facets are value types inside a dict: the serializer must reach them
    (it once crashed on every query with a hit)."""
    reg = ("--registry", str(tmp_path / "r.db"))
    cli_json(capsys, *reg, "ingest", str(write(tmp_path / "a.txt", PAGES)), "--dossier", "D")
    found = cli_json(capsys, *reg, "search", "leaf")
    assert isinstance(found, dict)
    assert found["total"] >= 1
    assert all(isinstance(value, dict) for facet in found["facets"].values() for value in facet)
