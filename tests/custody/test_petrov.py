"""Petrov's case, end to end through the command line.

A reader cleared TOP SECRET and read into SEAMEN reads a seaman's leaf
(SECRET/SEAMEN) that names a person whose dossier is TOP SECRET/ARCHIVE-KI.
The slip raised from that cross-reference proposes only the leaves of the
target dossier that mention the seaman; the custodian approves two; the
reader then reads exactly those two and no other leaf of that dossier.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from looseleaf.cli import run
from tests.conftest import write

SEAMAN = (
    "The boatswain Pavlo Koval came back from shore leave in Trieste and said he had\n"
    "drunk with Anton Brecht-Sokolov, whom he knew from the Odessa port.\n"
)
TARGET_PAGES = [
    "Brecht-Sokolov was born in Riga in 1899 and studied at Dorpat.",
    "In March he met the seaman Koval in Trieste; they spoke of the Odessa years.",
    "His correspondence with publishers in Vienna is summarised in the annex.",
    "A second meeting with Koval is reported for April, in the same tavern.",
    "The harbour master Ilse Weber reports a visit by Brecht-Sokolov to her office.",
    "Koval's name appears again on a list of crews for the autumn convoy.",
    "Nothing further is recorded for the winter.",
]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, object]:
    code = run(list(args))
    captured = capsys.readouterr()
    body = captured.out.strip()
    return code, (json.loads(body) if body.startswith(("{", "[")) else captured.err)


def test_petrov_reads_exactly_the_two_leaves_detached_for_him(
    registry_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    reg = ("--registry", registry_url)

    def ok(*args: str) -> object:
        code, body = cli(capsys, *reg, *args, "--json")
        assert code == 0, body
        return body

    ok(
        "ingest",
        str(write(tmp_path / "seaman.txt", SEAMAN)),
        "--dossier",
        "KOVAL, Pavlo - boatswain",
        "--level",
        "SECRET",
        "--compartment",
        "SEAMEN",
        "--dossier-level",
        "CONFIDENTIAL",
    )
    ok(
        "ingest",
        str(write(tmp_path / "target.txt", "\f".join(TARGET_PAGES))),
        "--dossier",
        "BRECHT-SOKOLOV, Anton",
        "--level",
        "TOP SECRET",
        "--compartment",
        "ARCHIVE-KI",
        "--dossier-level",
        "SECRET",
    )
    ok(
        "ingest",
        str(write(tmp_path / "weber.txt", "Ilse Weber, harbour master.")),
        "--dossier",
        "WEBER, Ilse",
        "--level",
        "SECRET",
    )
    ok("reader", "add", "petrov", "--level", "top secret", "--compartment", "SEAMEN")
    ok("reader", "add", "custodian", "--level", "top secret", "--compartment", "ARCHIVE-KI",
       "--role", "custodian")  # fmt: skip
    # A custodian who is not read into ARCHIVE-KI: staff are readers too.
    ok("reader", "add", "outsider", "--level", "top secret", "--role", "custodian")

    seaman = ok("dossier", "show", "KOVAL, Pavlo - boatswain", "--as", "petrov")
    [seaman_leaf] = seaman["reports"][0]["leaves"]  # type: ignore[index]
    target = ok("dossier", "show", "BRECHT-SOKOLOV, Anton")  # the operator sees all of it
    target_ids = [leaf["id"] for leaf in target["reports"][0]["leaves"]]  # type: ignore[index]
    assert len(target_ids) == 7

    read = ok("read", str(seaman_leaf["id"]), "--as", "petrov")
    assert "Brecht-Sokolov" in read["normalised"]  # type: ignore[index]
    for leaf_id in target_ids:
        code, err = cli(capsys, *reg, "read", str(leaf_id), "--as", "petrov")
        assert (code, err) == (2, f"looseleaf: error: leaf {leaf_id}: not found\n")

    slip = ok(
        "slip",
        "request",
        "--as",
        "petrov",
        "--xref",
        f"{seaman_leaf['id']}:Brecht-Sokolov",
        "--purpose",
        "who did Koval meet?",
    )
    assert isinstance(slip, dict)
    assert slip["status"] == "pending"
    assert "proposed" not in slip  # the reader is not told what was proposed

    # The outsider is told only how many proposals need a custodian read into them.
    theirs = ok("slip", "show", str(slip["id"]), "--as", "outsider")
    assert (theirs["proposed"], theirs["beyond"]) == ([], 3)  # type: ignore[index]
    queue = ok("slip", "show", str(slip["id"]), "--as", "custodian")
    assert queue["beyond"] == 0  # type: ignore[index]
    mentions_koval = [target_ids[i] for i in (1, 3, 5)]
    assert queue["proposed"] == mentions_koval  # type: ignore[index]

    review = ok(
        "slip",
        "review",
        str(slip["id"]),
        str(mentions_koval[1]),
        "--as",
        "custodian",
    )
    assert "Koval" in review["normalised"]  # type: ignore[index]

    decided = ok(
        "slip",
        "decide",
        str(slip["id"]),
        "--as",
        "custodian",
        "--approve",
        str(mentions_koval[0]),
        "--approve",
        str(mentions_koval[1]),
        "--days",
        "7",
    )
    assert decided["granted"] == mentions_koval[:2]  # type: ignore[index]
    assert decided["denied"] == [mentions_koval[2]]  # type: ignore[index]

    readable = []
    for leaf_id in target_ids:
        code, _ = cli(capsys, *reg, "read", str(leaf_id), "--as", "petrov", "--json")
        if code == 0:
            readable.append(leaf_id)
    assert readable == mentions_koval[:2]

    shown = ok("dossier", "show", "BRECHT-SOKOLOV, Anton", "--as", "petrov")
    listed = [leaf["id"] for r in shown["reports"] for leaf in r["leaves"]]  # type: ignore[index]
    assert listed == mentions_koval[:2]
    assert shown["dossier"]["leaves"] == 2  # type: ignore[index]


def _alike(answers: object) -> str:
    text = re.sub(r"\d{4}-\d\d-\d\dT[\d:.]+Z", "<time>", json.dumps(answers))
    first: dict[str, str] = {}
    return re.sub(r"\b\d{9}\b", lambda m: first.setdefault(m.group(), f"<id{len(first)}>"), text)


def _petrov_asks(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, *, held: bool
) -> tuple[list[object], object]:
    """Petrov, on the seaman's leaf, asks for the file of Brecht-Sokolov, whose
    dossier's very title is beyond him (TOP SECRET/ARCHIVE-KI) - or, with
    `held` false, of which nothing is held at all. Answers his outputs, and
    what the custodian then sees of the slip."""
    reg = ("--registry", str(tmp_path / ("held" if held else "none") / "r.db"))

    def ok(*args: str) -> object:
        code, body = cli(capsys, *reg, *args, "--json")
        assert code == 0, body
        return body

    ok("init")
    seaman = write(tmp_path / "seaman.txt", SEAMAN)
    ok("ingest", str(seaman), "--dossier", "KOVAL, Pavlo - boatswain", "--level", "SECRET",
       "--compartment", "SEAMEN", "--dossier-level", "CONFIDENTIAL")  # fmt: skip
    ok("reader", "add", "petrov", "--level", "top secret", "--compartment", "SEAMEN")
    ok("reader", "add", "custodian", "--level", "top secret", "--compartment", "ARCHIVE-KI",
       "--role", "custodian")  # fmt: skip
    if held:
        target = write(tmp_path / "target.txt", "\f".join(TARGET_PAGES))
        ok("ingest", str(target), "--dossier", "BRECHT-SOKOLOV, Anton", "--level", "TOP SECRET",
           "--compartment", "ARCHIVE-KI", "--dossier-level", "TOP SECRET",
           "--dossier-compartment", "ARCHIVE-KI")  # fmt: skip
    shown = ok("dossier", "show", "KOVAL, Pavlo - boatswain", "--as", "petrov")
    [leaf] = shown["reports"][0]["leaves"]  # type: ignore[index]
    seen: list[object] = [shown, ok("dossier", "list", "--as", "petrov")]
    slip = ok("slip", "request", "--as", "petrov", "--xref", f"{leaf['id']}:Brecht-Sokolov",
              "--purpose", "who did Koval meet?")  # fmt: skip
    assert isinstance(slip, dict)
    seen += [slip, ok("slip", "list", "--as", "petrov"), ok("slip", "show", str(slip["id"]),
             "--as", "petrov")]  # fmt: skip
    # A name the leaf does not write is refused alike, held or not.
    code, err = cli(capsys, *reg, "slip", "request", "--as", "petrov", "--xref",
                    f"{leaf['id']}:Trotsky", "--purpose", "x")  # fmt: skip
    seen.append((code, err))
    return seen, ok("slip", "show", str(slip["id"]), "--as", "custodian")


def test_a_reference_to_a_file_whose_title_is_hidden_can_be_asked_for_and_says_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    held, custodian_held = _petrov_asks(capsys, tmp_path, held=True)
    none, custodian_none = _petrov_asks(capsys, tmp_path, held=False)
    # Petrov cannot tell a hidden file from no file (each registry has its own
    # id key and clock: ids are compared by where they first appear).
    assert _alike(held) == _alike(none)
    assert held[2]["status"] == "pending"  # type: ignore[index]
    assert held[-1][0] == 2  # type: ignore[index]
    # The custodian read into ARCHIVE-KI is proposed the leaves that name Koval;
    # with nothing held, nothing.
    target_pages_with_koval = 3
    assert len(custodian_held["proposed"]) == target_pages_with_koval  # type: ignore[index]
    assert custodian_none["proposed"] == []  # type: ignore[index]
