"""What an auditor below full clearance sees of the audit log (issue 13), on
both backends.

Staff are readers too: the auditor role adds the power to read the log,
never clearance. A TOP SECRET auditor read into every compartment and a
CONFIDENTIAL one look at the same log after a SECRET/KI dossier has been
ingested, searched, slipped, reviewed, granted, read, marked, claimed,
noted, copied and indexed. Both see every event (the log stays complete and
verifiable); the low one sees nothing of what concerns material above it,
nor any words typed by an account cleared above it. Two registries that
differ only in those things answer the low auditor the same, through the
service layer and the command line.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from looseleaf.cli import run
from looseleaf.errors import Forbidden, NotFound
from looseleaf.model import Actor
from looseleaf.registry import ClaimInput, MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.web.app import create_app
from tests.conftest import OPERATOR, FakeClock, fresh_registry_url, write
from tests.web.conftest import BASE_URL, bearer

#: The words of the hidden material, one set per variant of the world. Only
#: things above the low auditor's clearance (or typed by accounts cleared
#: above it) ever contain them.
VARIANTS = {
    "a": {"word": "quokka", "name": "Ada Quokka"},
    "b": {"word": "wombat", "name": "Ada Wombat"},
}
ID_SECRET = "auditor clearance test"
LOW, HIGH = "low_auditor", "high_auditor"
#: Never issued: opaque ids have nine digits.
NEVER = 99
#: The low auditor's words: visible to both auditors in full.
OPEN_TITLE = "Harbour log"
OPEN_QUERY = "harbour"
OPEN_PURPOSE = "Check the harbour entries"


@dataclass(frozen=True)
class World:
    url: str
    settings: Settings
    hidden_leaves: list[int]
    open_leaves: list[int]
    hidden_hashes: list[str]
    read_event: int  # the seeker's read of a hidden leaf, under a grant
    word: str

    def secrets(self) -> list[str]:
        """Strings the low auditor must never be shown."""
        return [self.word, *self.hidden_hashes]


def _ingest(
    registry: Registry, actor: Actor, path: Path, title: str, *marking: str
) -> tuple[int, list[int]]:
    level, *compartments = marking
    [result] = registry.ingest(
        actor,
        [path],
        dossier=title,
        leaf_marking=MarkingRequest(level, tuple(compartments)),
        dossier_marking=MarkingRequest(level, tuple(compartments)),
    )
    assert result.status == "ingested", result.error
    assert result.report_id is not None
    _, reports = registry.dossier(OPERATOR, str(result.dossier_id))
    [report] = [r for r in reports if r.id == result.report_id]
    return result.report_id, [leaf.id for leaf in report.leaves]


def build(url: str, tmp: Path, variant: str) -> World:
    """The same history in every variant; only the hidden words differ."""
    word, name = VARIANTS[variant]["word"], VARIANTS[variant]["name"]
    settings = Settings(registry=url, alarm_large_grant=2)
    tmp.mkdir(parents=True, exist_ok=True)
    with Registry.init(settings, OPERATOR, clock=FakeClock()) as registry:
        registry.fix_ids(OPERATOR, ID_SECRET)
        ids: dict[str, int] = {}
        for account, level, compartments, roles in (
            (LOW, "CONFIDENTIAL", (), ("auditor",)),
            (HIGH, "TOP SECRET", ("KI", "ZED"), ("auditor",)),
            ("low_registrar", "CONFIDENTIAL", (), ("registrar",)),
            ("high_registrar", "TOP SECRET", ("KI",), ("registrar",)),
            ("keeper", "TOP SECRET", ("KI",), ("custodian",)),
            ("seeker", "SECRET", (), ()),
            ("insider", "SECRET", ("KI",), ()),
            ("clerk", "CONFIDENTIAL", (), ()),
        ):
            ids[account] = registry.add_reader(
                OPERATOR,
                account,
                MarkingRequest(level, compartments),
                roles=roles,
                password=f"{account}-pass",
            ).id

        def who(account: str) -> Actor:
            """The account itself, as through the API: what it types is its own."""
            return Actor.reader(ids[account], account)

        # The open dossier, by a registrar within the low auditor's clearance.
        _, open_leaves = _ingest(
            registry,
            who("low_registrar"),
            write(tmp / "harbour.txt", "The harbour log, first page.\fThe harbour log, second."),
            OPEN_TITLE,
            "CONFIDENTIAL",
        )
        # The hidden dossier: title, file name and text all carry the word.
        report_id, hidden = _ingest(
            registry,
            who("high_registrar"),
            write(tmp / f"{word}-plan.txt", f"The plan is {word}.\fThe {word} waits."),
            f"{word.title()} file",
            "SECRET",
            "KI",
        )
        assert report_id
        # A refused ingest: the file name is the registrar's own words.
        registry.ingest(
            who("high_registrar"),
            [tmp / f"{word}-missing.txt"],
            dossier=OPEN_TITLE,
            leaf_marking=MarkingRequest("CONFIDENTIAL"),
        )
        # Searches: one by an insider for the hidden word, one in the open.
        registry.search(who("insider"), word)
        registry.search(who("clerk"), OPEN_QUERY)
        # The operator acting as the clerk: the words are the operator's.
        registry.search(registry.as_reader("clerk", via=OPERATOR), OPEN_QUERY)
        # A slip for the hidden leaves, reviewed, granted and read at once
        # (which raises the curiosity alarm: all of a large grant read).
        slip = registry.request_slip(who("seeker"), f"Study the {word} plan", leaf_ids=hidden)
        keeper = who("keeper")
        for leaf_id in hidden:
            registry.review(keeper, slip.id, leaf_id)
        registry.decide_slip(keeper, slip.id, approve=hidden, days=30)
        for leaf_id in hidden:
            registry.read(who("seeker"), leaf_id)
        # A slip by query, and one for open leaves that the low auditor sees whole.
        registry.request_slip(who("insider"), f"More on {word}", query=word)
        registry.request_slip(who("clerk"), OPEN_PURPOSE, leaf_ids=open_leaves)
        registry.read(who("clerk"), open_leaves[0])
        # Markings: a hidden leaf raised, and an open leaf lowered by a
        # registrar cleared above the low auditor, whose reason is their own.
        registry.mark(
            who("high_registrar"),
            MarkingRequest("TOP SECRET"),
            f"the {word} plan is graver",
            leaf_ids=[hidden[1]],
        )
        registry.mark(
            who("high_registrar"),
            MarkingRequest("RESTRICTED"),
            f"nothing of {word} here",
            leaf_ids=[open_leaves[1]],
        )
        # Claims, notes, the card index, conflicts and a timeline, by the insider.
        registry.claim_add(
            who("insider"),
            ClaimInput(leaf_id=hidden[0], subject=name, property="arrested", date="1951-03-12"),
        )
        registry.add_note(who("insider"), f"Notes on {word}", [hidden[0]])
        registry.person_add(
            who("high_registrar"),
            name,
            forms=[("surname_only", name.split()[1])],
            marking=MarkingRequest("SECRET", ("KI",)),
        )
        registry.person_search(who("insider"), name)
        registry.conflicts(who("insider"), subject=name)
        registry.timeline(who("insider"), subject=name)
        # A numbered copy of a hidden leaf for the seeker.
        registry.issue_copy(keeper, "seeker", [hidden[0]], f"the {word} copy")
        hashes = [registry.leaf(OPERATOR, leaf_id).sha256 for leaf_id in hidden]
        [read] = [
            e
            for e in registry.audit_log(OPERATOR, reader="seeker", action="leaf.read")
            if e.target == f"leaf:{hidden[0]}"
        ]
    return World(url, settings, hidden, open_leaves, hashes, read.id, word)


@pytest.fixture
def world(registry_url: str, tmp_path: Path) -> World:
    return build(registry_url, tmp_path / "a", "a")


def auditor(registry: Registry, name: str) -> Actor:
    return registry.as_reader(name, via=OPERATOR)


def everything(registry: Registry, name: str) -> dict[str, Any]:
    """What the service layer answers an auditor, as plain data."""
    who = auditor(registry, name)
    return {
        "log": [e.as_json() for e in registry.audit_log(who)],
        "alarms": [e.as_json() for e in registry.alarms(who)],
        "exposure": {
            reader: registry.exposure(who, reader) for reader in ("seeker", "insider", "clerk")
        },
        "events": [e.as_json() for e in registry.event_log(who)],
    }


def shown(data: Any) -> str:
    return json.dumps(data, sort_keys=True, ensure_ascii=False)


def leaks(text: str, world: World) -> list[str]:
    """The hidden strings and hidden leaf ids that occur in `text`."""
    found = [s for s in world.secrets() if s.casefold() in text.casefold()]
    found += [str(i) for i in world.hidden_leaves if re.search(rf"\b{i}\b", text)]
    return found


# -- (1) the high auditor sees every detail, the low one every event ----------------


def test_the_low_auditor_sees_every_event_and_nothing_above_it(world: World) -> None:
    with Registry.open(world.settings) as registry:
        high = everything(registry, HIGH)
        low = everything(registry, LOW)
        full = [e.as_json() for e in registry.audit_log(OPERATOR)]
    # The same events, in the same order, by the same actors, at the same times.
    assert len(low["log"]) == len(high["log"]) == len(full)
    for key in ("id", "at", "actor", "action"):
        assert [e[key] for e in low["log"]] == [e[key] for e in high["log"]]
    assert [e["id"] for e in low["alarms"]] == [e["id"] for e in high["alarms"]]
    assert len(low["alarms"]) == 1
    assert {r: len(rows) for r, rows in low["exposure"].items()} == {
        r: len(rows) for r, rows in high["exposure"].items()
    }
    # The fully cleared auditor is shown the log as the operator is.
    assert high["log"] == full
    text = shown(high)
    for expected in [*world.secrets(), f"{world.word}-plan.txt", f"Study the {world.word} plan"]:
        assert expected.casefold() in text.casefold(), expected
    # The low auditor: none of it.
    assert leaks(shown(low), world) == []
    # ...but the open material in full, including the words of accounts
    # within its clearance.
    by_action: dict[str, list[dict[str, Any]]] = {}
    for event in low["log"]:
        by_action.setdefault(event["action"], []).append(event)
    [open_search] = [e for e in by_action["search"] if e["detail"].get("query") == OPEN_QUERY]
    assert open_search["actor"] == "reader:clerk"
    assert open_search["detail"]["leaves"]
    [via] = [e for e in by_action["search"] if " via operator:" in e["actor"]]
    assert (
        via["detail"]["query"] == via["detail"]["total"] == "[redacted: typed above your clearance]"
    )
    assert via["detail"]["leaves"] == open_search["detail"]["leaves"]
    assert any(e["detail"].get("title") == OPEN_TITLE for e in by_action["dossier.create"])
    assert any(e["detail"].get("purpose") == OPEN_PURPOSE for e in by_action["slip.request"])
    assert any(e["target"] == f"leaf:{world.open_leaves[0]}" for e in by_action["leaf.read"])
    # Hidden events keep their kind of target, and say why they are bare.
    hidden_reads = [e for e in by_action["leaf.read"] if e["target"] == "leaf"]
    seeker = [e for e in hidden_reads if e["actor"] == "reader:seeker"]
    assert len(seeker) == len(world.hidden_leaves)
    assert all(e["detail"] == {"redacted": "above your clearance"} for e in hidden_reads)
    # The open leaf lowered by a registrar cleared above: markings shown, reason not.
    [lowered] = [e for e in by_action["leaf.mark"] if e["target"] != "leaf"]
    assert lowered["detail"]["to"]["level"] == "RESTRICTED"
    assert lowered["detail"]["reason"] == "[redacted: typed above your clearance]"
    # The exposure report keeps each read's time and kind, never its leaf.
    for row in low["exposure"]["seeker"]:
        assert row["leaf"] is None
        assert row["how"] == "leaf.read"
    assert {row["leaf"] for row in low["exposure"]["clerk"]} == {world.open_leaves[0]}


def test_questions_about_hidden_things_are_answered_as_about_missing_ones(
    world: World,
) -> None:
    with Registry.open(world.settings) as registry:
        low, high = auditor(registry, LOW), auditor(registry, HIGH)
        assert registry.audit_log(low, leaf_id=world.hidden_leaves[0]) == []
        assert registry.audit_log(high, leaf_id=world.hidden_leaves[0])
        assert registry.audit_log(low, leaf_id=world.open_leaves[0])
        with pytest.raises(NotFound) as hidden:
            registry.audit_log(low, dossier=f"{world.word.title()} file")
        with pytest.raises(NotFound) as missing:
            registry.audit_log(low, dossier="No such file")
        assert str(hidden.value).replace(f"{world.word.title()} file", "X") == str(
            missing.value
        ).replace("No such file", "X")
        assert registry.audit_log(high, dossier=f"{world.word.title()} file")
        assert registry.readers_of(low, world.hidden_leaves) == {}
        assert registry.readers_of(high, world.hidden_leaves)
        assert registry.event_log(low, target=f"leaf:{world.hidden_leaves[0]}") == []
        # Probing ids and reading the log tells nothing either: a refused read
        # of a hidden leaf and one of an id never issued are recorded alike.
        for probe in (world.hidden_leaves[0], NEVER):
            with pytest.raises(NotFound):
                registry.read(low, probe)
        probes = registry.audit_log(low, reader=LOW, action="leaf.read.denied")
        assert [(e.target, e.detail) for e in probes] == [
            ("leaf", {"redacted": "above your clearance"})
        ] * 2
        assert registry.audit_log(low, leaf_id=NEVER) == []
        # Replaying a read of a hidden leaf would tell its marking: refused.
        with pytest.raises(Forbidden):
            registry.replay(low, world.read_event)
        assert registry.replay(high, world.read_event).allowed


# -- (3) the log still verifies for both, with the same proofs --------------------


def test_both_auditors_verify_the_log_and_get_the_same_proofs(world: World) -> None:
    with Registry.open(world.settings) as registry:
        low, high = auditor(registry, LOW), auditor(registry, HIGH)
        assert registry.verify(low).ok
        assert registry.verify(high).ok
        proofs = [registry.inclusion_proof(who, world.read_event) for who in (low, high, OPERATOR)]
        assert proofs[0]["entry_sha256"] == proofs[1]["entry_sha256"] == proofs[2]["entry_sha256"]
        assert proofs[0]["path"] == proofs[1]["path"]


# -- (2) the differential test ----------------------------------------------------


def cli(url: str, *args: str) -> tuple[int, str]:
    """One command with --json, as the low or high auditor; its output."""
    import contextlib
    import io

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(["--registry", url, *args])
    return code, out.getvalue() + err.getvalue()


def cli_answers(world: World, who: str) -> dict[str, tuple[int, str]]:
    asked = {
        "log": ["audit", "log", "--json"],
        "log hidden leaf": ["audit", "log", "--leaf", str(world.hidden_leaves[0]), "--json"],
        "log open leaf": ["audit", "log", "--leaf", str(world.open_leaves[0]), "--json"],
        "log hidden dossier": [
            "audit", "log", "--dossier", f"{world.word.title()} file", "--json",
        ],
        "alarms": ["audit", "alarms", "--json"],
        "exposure": ["audit", "exposure", "seeker", "--json"],
        "readers": ["audit", "readers", OPEN_TITLE, "--json"],
        "replay": ["audit", "replay", str(world.read_event), "--json"],
        "verify": ["audit", "verify", "--json"],
    }  # fmt: skip
    return {name: cli(world.url, *args, "--as", who) for name, args in asked.items()}


@dataclass
class Twins:
    a: World
    b: World


@pytest.fixture
def twins(backend: str, tmp_path: Path) -> Iterator[Twins]:
    with (
        fresh_registry_url(backend, tmp_path) as url_a,
        fresh_registry_url(backend, tmp_path) as url_b,
    ):
        yield Twins(build(url_a, tmp_path / "a", "a"), build(url_b, tmp_path / "b", "b"))


def _neutral(text: str, world: World) -> str:
    """The CLI echoes the dossier title it was asked about: the same question
    asked of both worlds names each world's own title."""
    return text.replace(f"{world.word.title()} file", "<title asked>")


def test_the_low_auditor_cannot_tell_two_registries_apart(twins: Twins) -> None:
    answers = {}
    for name, world in (("a", twins.a), ("b", twins.b)):
        with Registry.open(world.settings) as registry:
            low = everything(registry, LOW)
            high = everything(registry, HIGH)
            counted = len(registry.audit_log(OPERATOR))
        answers[name] = (low, high, counted)
    (low_a, high_a, count_a), (low_b, high_b, count_b) = answers["a"], answers["b"]
    assert count_a == count_b
    assert len(low_a["log"]) == len(low_b["log"]) == count_a
    assert low_a == low_b
    assert high_a != high_b  # the worlds do differ, for whoever may see it
    cli_a, cli_b = cli_answers(twins.a, LOW), cli_answers(twins.b, LOW)
    for asked in cli_a:
        assert _neutral(cli_a[asked][1], twins.a) == _neutral(cli_b[asked][1], twins.b), asked
        assert cli_a[asked][0] == cli_b[asked][0], asked
        assert leaks(_neutral(cli_a[asked][1], twins.a), twins.a) == [], asked
    assert cli_a["verify"][0] == 0
    assert json.loads(cli_a["verify"][1])["ok"] is True
    assert json.loads(cli_a["log hidden leaf"][1]) == []
    assert json.loads(cli_a["log open leaf"][1])
    assert cli_a["log hidden dossier"][0] == 2  # not found, as a missing title
    assert cli_a["replay"][0] != 0
    high_cli = cli_answers(twins.a, HIGH)
    assert all(code == 0 for code, _ in high_cli.values())
    assert twins.a.word in high_cli["log"][1]


# -- the HTTP API and the reading room ---------------------------------------------


def _room_login(client: TestClient, name: str) -> None:
    client.cookies.clear()
    form = client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token is not None
    response = client.post(
        "/login",
        data={"username": name, "password": f"{name}-pass", "csrf": token[1], "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def test_the_api_and_the_reading_room_answer_the_low_auditor_redacted(world: World) -> None:
    with Registry.open(world.settings) as registry:
        tokens = {name: registry.create_token(OPERATOR, name)[1] for name in (LOW, HIGH)}
        with TestClient(create_app(registry), base_url=BASE_URL) as client:
            pages: dict[str, dict[str, str]] = {LOW: {}, HIGH: {}}
            for name, token in tokens.items():
                for path in (
                    "/api/audit/log",
                    "/api/audit/alarms",
                    "/api/audit/exposure?reader=seeker",
                    f"/api/audit/log?leaf={world.hidden_leaves[0]}",
                ):
                    client.cookies.clear()
                    answer = client.get(path, headers=bearer(token))
                    assert answer.status_code == 200, (name, path, answer.text)
                    pages[name][path] = answer.text
                _room_login(client, name)
                for path in (
                    "/audit",
                    "/audit/alarms",
                    "/audit/exposure?reader=seeker",
                    "/audit/access",
                ):
                    answer = client.get(path)
                    assert answer.status_code == 200, (name, path, answer.text)
                    pages[name][path] = answer.text
    for path, text in pages[LOW].items():
        assert leaks(text, world) == [], path
    assert json.loads(pages[LOW][f"/api/audit/log?leaf={world.hidden_leaves[0]}"]) == []
    assert world.word in pages[HIGH]["/api/audit/log"]
    assert world.word in pages[HIGH]["/audit"]
    rows = json.loads(pages[LOW]["/api/audit/exposure?reader=seeker"])
    assert rows
    assert all(row["leaf"] is None for row in rows)
    assert "above your clearance" in pages[LOW]["/audit"]
    assert "above your clearance" in pages[LOW]["/audit/exposure?reader=seeker"]


# -- every action the registry records has a rule --------------------------------


def test_every_recorded_action_is_judged_by_a_rule() -> None:
    """An action added without an entry in the auditor's table would be shown
    redacted to every auditor below full clearance: name it there instead."""
    import ast

    from looseleaf.registry import auditor_view

    root = Path(auditor_view.__file__).parent

    def strings(node: ast.expr) -> set[str] | None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            body, other = strings(node.body), strings(node.orelse)
            return None if body is None or other is None else body | other
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = strings(node.left), strings(node.right)
            if left is None or right is None:
                return None
            return {a + b for a in left for b in right}
        return None

    recorded: set[str] = set()
    for path in root.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else ""
            if name in {"_record", "_hand_out"} and len(node.args) >= 3:
                found = strings(node.args[2])
            elif name == "record" and any(k.arg == "action" for k in node.keywords):
                [value] = [k.value for k in node.keywords if k.arg == "action"]
                found = strings(value)
            else:
                continue
            if found is None:  # an f-string: the refusals, judged by their target
                continue
            recorded |= found
    assert {"leaf.read", "slip.request", "alarm.raise", "registry.init"} <= recorded
    assert sorted(a for a in recorded if auditor_view.spec_of(a) is None) == []


# -- whose words count as typed above ------------------------------------------------


def test_an_accounts_past_clearance_and_grants_keep_its_words_redacted(
    registry_url: str, tmp_path: Path
) -> None:
    """A query typed while cleared high stays redacted after the account is
    lowered; so do the words of an account that ever held a grant above
    the auditor. An account that never knew more is shown in full."""
    with Registry.init(Settings(registry=registry_url), OPERATOR) as registry:
        ids = {
            name: registry.add_reader(OPERATOR, name, MarkingRequest(level), roles=roles).id
            for name, level, roles in (
                (LOW, "CONFIDENTIAL", ["auditor"]),
                ("keeper", "TOP SECRET", ["custodian"]),
                ("fallen", "TOP SECRET", []),
                ("granted", "CONFIDENTIAL", []),
                ("plain", "CONFIDENTIAL", []),
            )
        }
        _, [leaf_id] = _ingest(
            registry, OPERATOR, write(tmp_path / "k.txt", "a kept page"), "Kept", "SECRET", "KI"
        )

        def who(name: str) -> Actor:
            return Actor.reader(ids[name], name)

        registry.search(who("fallen"), "quokka")
        registry.set_reader(OPERATOR, "fallen", level="CONFIDENTIAL")
        registry.set_reader(OPERATOR, "granted", level="SECRET")
        slip = registry.request_slip(who("granted"), "a look", leaf_ids=[leaf_id])
        registry.set_reader(OPERATOR, "keeper", compartments=["KI"])
        registry.decide_slip(who("keeper"), slip.id, approve=[leaf_id], days=1)
        registry.set_reader(OPERATOR, "granted", level="CONFIDENTIAL")
        for name in ("granted", "plain"):
            registry.search(who(name), "wombat")
        queries = {
            e.actor: e.detail["query"]
            for e in registry.audit_log(registry.as_reader(LOW, via=OPERATOR), action="search")
        }
    assert queries == {
        "reader:fallen": "[redacted: typed above your clearance]",
        "reader:granted": "[redacted: typed above your clearance]",
        "reader:plain": "wombat",
    }


def test_a_cover_names_link_to_its_record_is_for_decoders_only(
    registry_url: str, tmp_path: Path
) -> None:
    """The decoding power is a role's, not a clearance: an auditor without it
    is not told which record a cover name hides, even of a record they may see."""
    with Registry.init(Settings(registry=registry_url), OPERATOR) as registry:
        for name, roles in ((LOW, ["auditor"]), ("decoding_auditor", ["auditor", "decoder"])):
            registry.add_reader(OPERATOR, name, MarkingRequest("CONFIDENTIAL"), roles=roles)
        person = registry.person_add(OPERATOR, "Ilse Weber", marking=MarkingRequest("CONFIDENTIAL"))
        registry.alias_add(OPERATOR, person.id, "AMSEL", "cover_name")
        registry.alias_add(OPERATOR, person.id, "Weberin", "alias")
        seen = {
            name: {
                e.detail.get("form", "?")
                for e in registry.audit_log(
                    registry.as_reader(name, via=OPERATOR), action="person.alias.add"
                )
            }
            for name in (LOW, "decoding_auditor")
        }
    assert seen == {LOW: {"?", "Weberin"}, "decoding_auditor": {"AMSEL", "Weberin"}}
