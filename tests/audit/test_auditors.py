"""What auditors ask, through the command line: verify against a handed-out
checkpoint, who read what, exposure, replay, proofs, alarms."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from looseleaf.audit import log, merkle
from looseleaf.cli import run
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, write


def leaf_ids(registry: Registry, dossier: str) -> list[int]:
    """The leaves of `dossier`'s one report, in page order (ids are opaque)."""
    _, [report] = registry.dossier(OPERATOR, dossier)
    return [leaf.id for leaf in report.leaves]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, object]:
    code = run(list(args))
    out = capsys.readouterr().out
    return code, json.loads(out) if out.strip() else None


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    registry = str(tmp_path / "demo.db")
    assert run(["--registry", registry, "demo", "--no-serve"]) == 0
    capsys.readouterr()
    return registry


def test_verify_against_a_handed_out_checkpoint(
    demo: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, head = cli(capsys, "--registry", demo, "audit", "checkpoint", "--json")
    assert code == 0
    assert isinstance(head, dict)
    saved = write(tmp_path / "witness.json", json.dumps(head))
    assert run(["--registry", demo, "dossier", "list"]) == 0
    capsys.readouterr()
    code, verdict = cli(
        capsys, "--registry", demo, "audit", "verify", "--against", str(saved), "--json"
    )
    assert code == 0
    assert isinstance(verdict, dict)
    assert verdict["ok"] is True
    with Registry.open(Settings(registry=demo)) as registry, registry.store.write() as tx:
        tx.execute("UPDATE events SET actor = 'operator:someone-else' WHERE id = 3")
    code, verdict = cli(
        capsys, "--registry", demo, "audit", "verify", "--against", str(saved), "--json"
    )
    assert code == 1
    assert isinstance(verdict, dict)
    assert "do not match the checkpoint" in verdict["first_problem"]


def test_questions_auditors_ask(demo: str, capsys: pytest.CaptureFixture[str]) -> None:
    reg = ("--registry", demo)
    code, who = cli(capsys, *reg, "audit", "readers", "ORLOV-BRANDT, Kasimir", "--json")
    assert code == 0
    assert isinstance(who, dict)
    assert set(who) == {"keeper", "petrov"}
    assert len(who["petrov"]) == 2
    assert len(who["keeper"]) == 3  # the custodian read all three proposals for review
    code, seen = cli(capsys, *reg, "audit", "exposure", "petrov", "--json")
    assert isinstance(seen, list)
    assert [item["how"] for item in seen] == ["leaf.read"] * 3
    assert all(item["basis"] for item in seen)
    code, reads = cli(
        capsys, *reg, "audit", "log", "--reader", "petrov", "--action", "leaf.read", "--json"
    )
    assert isinstance(reads, list)
    code, replayed = cli(capsys, *reg, "audit", "replay", str(reads[-1]["id"]), "--json")
    assert isinstance(replayed, dict)
    assert replayed["allowed"] is True
    assert "grant" in replayed["reason"]
    code, proof = cli(capsys, *reg, "audit", "proof", str(reads[0]["id"]), "--json")
    assert isinstance(proof, dict)
    size = proof["checkpoint"]["size"]
    assert merkle.verify_inclusion(
        bytes.fromhex(proof["entry_sha256"]),
        reads[0]["id"] - 1,
        size,
        [bytes.fromhex(h) for h in proof["path"]],
        bytes.fromhex(proof["checkpoint"]["root"]),
    )
    assert proof["checkpoint"]["format"] == log.STATEMENT_VERSION
    code, consistent = cli(capsys, *reg, "audit", "proof", "--from", "5", "--json")
    assert isinstance(consistent, dict)
    assert merkle.verify_consistency(
        5,
        consistent["checkpoint"]["size"],
        bytes.fromhex(consistent["old_root"]),
        bytes.fromhex(consistent["checkpoint"]["root"]),
        [bytes.fromhex(h) for h in consistent["path"]],
    )


def test_replay_says_when_a_read_would_not_be_allowed(tmp_path: Path) -> None:
    settings = Settings(registry=str(tmp_path / "r.db"))
    with Registry.init(settings, OPERATOR) as registry:
        registry.ingest(
            OPERATOR,
            [write(tmp_path / "a.txt", "text")],
            dossier="D",
            leaf_marking=MarkingRequest("SECRET"),
        )
        registry.add_reader(OPERATOR, "anna", MarkingRequest("SECRET"))
        anna = registry.as_reader("anna", via=OPERATOR)
        [leaf_id] = leaf_ids(registry, "D")
        registry.read(anna, leaf_id)
        [event] = registry.audit_log(OPERATOR, reader="anna", action="leaf.read")
        assert registry.replay(OPERATOR, event.id).allowed is True
        with registry.store.write() as tx:  # a forged record: the level was too low
            detail = dict(event.detail)
            detail["facts"] = {
                **detail["facts"],
                "reader": {**detail["facts"]["reader"], "level": 1},
            }
            tx.execute("UPDATE events SET detail = ? WHERE id = ?", (json.dumps(detail), event.id))
        replayed = registry.replay(OPERATOR, event.id)
        assert replayed.allowed is False
        assert "below" in replayed.reason


def test_curiosity_alarm_on_a_large_grant_read_at_once(tmp_path: Path) -> None:
    settings = Settings(registry=str(tmp_path / "r.db"), alarm_large_grant=5, alarm_bulk_reads=1000)
    with Registry.init(settings, OPERATOR) as registry:
        registry.ingest(
            OPERATOR,
            [write(tmp_path / "a.txt", "\f".join(["p"] * 8))],
            dossier="D",
            leaf_marking=MarkingRequest("SECRET", ("KI",)),
        )
        registry.add_reader(OPERATOR, "anna", MarkingRequest("SECRET"))
        registry.add_reader(
            OPERATOR, "keeper", MarkingRequest("SECRET", ("KI",)), roles=["custodian"]
        )
        anna = registry.as_reader("anna", via=OPERATOR)
        keeper = registry.as_reader("keeper", via=OPERATOR)
        ids = leaf_ids(registry, "D")
        assert len(ids) == 8
        asked = ids[:6]
        slip = registry.request_slip(anna, "one fact", leaf_ids=asked)
        registry.decide_slip(keeper, slip.id, approve=asked)
        for leaf_id in asked[:5]:
            registry.read(anna, leaf_id)
        assert registry.alarms(OPERATOR) == []
        registry.read(anna, asked[5])
        registry.read(anna, asked[5])
        [alarm] = registry.alarms(OPERATOR)
        assert alarm.detail["kind"] == "grant"
        assert alarm.detail["reader"] == "anna"
        assert f"all 6 leaves of slip {slip.id}" in alarm.detail["what"]


def test_checkpoints_are_signed_in_the_background_and_at_close(tmp_path: Path) -> None:
    import time

    settings = Settings(registry=str(tmp_path / "r.db"), checkpoint_every=5)
    registry = Registry.init(settings, OPERATOR)
    registry.ingest(
        OPERATOR,
        [write(tmp_path / "a.txt", "one\ftwo")],
        dossier="D",
        leaf_marking=MarkingRequest("SECRET"),
    )
    registry.add_reader(OPERATOR, "anna", MarkingRequest("SECRET"))
    anna = registry.as_reader("anna", via=OPERATOR)
    ids = leaf_ids(registry, "D")
    assert len(ids) == 2
    for turn in range(12):
        registry.read(anna, ids[turn % 2])
    deadline = time.monotonic() + 10
    signed = 0
    while time.monotonic() < deadline and signed < 5:
        with registry.store.read() as tx:
            head = log.latest(tx)
        signed = head.size if head else 0
        time.sleep(0.01)
    assert signed >= 5
    registry.close()
    with Registry.open(settings) as again:
        verdict = again.verify(OPERATOR)
        assert verdict.ok
        assert verdict.unsigned == 0
