"""`looseleaf claim`, `conflicts` and `timeline` as a registrar and a reader
use them: JSON for scripts, one-line errors, the reader's view trimmed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.test_cli import cli, cli_json
from tests.conftest import write

TEXT = (
    "The commander was shot on 11 June 1937 after a closed trial.\f"
    "Another file says the commander was shot on 12 June 1937.\n"
)


def test_claims_from_the_command_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "r.db")
    path = write(tmp_path / "file.txt", TEXT)
    assert cli(capsys, "--registry", db, "ingest", str(path), "--dossier", "F", "--level",
               "restricted")[0] == 0  # fmt: skip
    assert cli(capsys, "--registry", db, "reader", "add", "low", "--level", "restricted")[0] == 0
    leaves = cli_json(capsys, "--registry", db, "dossier", "show", "F")
    ids = [leaf["id"] for report in leaves["reports"] for leaf in report["leaves"]]  # type: ignore[index]
    for leaf_id, day in zip(ids, ("1937-06-11", "1937-06-12"), strict=True):
        made = cli_json(capsys, "--registry", db, "claim", "add", "--leaf", str(leaf_id),
                        "--subject", "Tukhachevsky", "--property", "executed", "--date", day,
                        "--quote", "shot")  # fmt: skip
        assert made["date"] == day  # type: ignore[index]
    conflicts = cli_json(capsys, "--registry", db, "conflicts", "--as", "low")
    assert isinstance(conflicts, list)
    [conflict] = conflicts
    assert [[c["leaf_id"] for c in side] for side in conflict["sides"]] == [[ids[0]], [ids[1]]]
    timeline = cli_json(capsys, "--registry", db, "timeline", "Tukhachevsky", "--as", "low")
    assert isinstance(timeline, list)
    assert [c["date"] for c in timeline] == ["1937-06-11", "1937-06-12"]
    decided = cli_json(capsys, "--registry", db, "claim", "accept", "--all")
    assert decided["status"] == "asserted"  # type: ignore[index]
    code, _, err = cli(capsys, "--registry", db, "claim", "add", "--leaf", str(ids[0]),
                       "--subject", "X", "--property", "dyed")  # fmt: skip
    assert code != 0
    assert err.count("\n") == 1
    assert "property 'dyed': unknown property" in err
    code, _, err = cli(capsys, "--registry", db, "claim", "accept", "--as", "low", "--all")
    assert code != 0
    assert "not permitted" in err
    json.dumps(decided)


def test_conflicts_among_suggestions_for_a_registrar_and_none_yet_for_a_reader(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "r.db")
    path = write(
        tmp_path / "file.txt",
        "Ivan Sorokin was arrested on 14 November 1937 at his flat.\f"
        "Ivan Sorokin was arrested on 17 November 1937, the indictment says.\n",
    )
    assert cli(capsys, "--registry", db, "ingest", str(path), "--dossier", "F", "--level",
               "restricted")[0] == 0  # fmt: skip
    assert cli(capsys, "--registry", db, "reader", "add", "low", "--level", "restricted")[0] == 0
    found = cli_json(capsys, "--registry", db, "conflicts")
    assert isinstance(found, list)
    [seen] = found
    assert (seen["property"], seen["suggested"]) == ("arrested", True)
    code, out, _ = cli(capsys, "--registry", db, "conflicts")
    assert code == 0
    assert "(suggested: a side awaits a registrar's decision)" in out
    assert cli_json(capsys, "--registry", db, "conflicts", "--as", "low") == []
    code, out, _ = cli(capsys, "--registry", db, "conflicts", "--as", "low")
    assert code == 0
    assert out.startswith("no conflicting claims among those open to you")
