"""Every command of the CLI, run on the demo registry as the operator and as
a reader, with `--json` where it takes it: none may crash, and what it prints
for a script must be JSON.

The command tree is walked from the Typer app itself, so a new command
without an entry in `ENTRIES` fails `test_every_command_has_an_entry`. Each
command runs on its own copy of one demo registry (built once by the real
`looseleaf demo`), so commands that change the registry cannot disturb the
others. Exit codes are the CLI's own: 0, the domain errors (1 to 5) and the
usage errors (2); 70 is an internal error and fails the test.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from looseleaf.cli import run
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR
from tests.roles.observe import cli_commands

#: Exit codes a command may end with on the demo: success and the one-line
#: refusals (bad input, not found, forbidden, conflict, usage).
REFUSALS = {1, 2, 3, 4, 5}
INTERNAL = 70

SEAMAN = "LUPU, Grigore - seaman, Danube Steam Navigation"


@dataclass(frozen=True)
class Demo:
    directory: Path
    ids: dict[str, str]


COMMANDS = cli_commands()

#: Arguments for each command, with {placeholders} filled from the demo.
#: Each command gets at least one call meant to succeed for the operator;
#: some get a second that must be refused cleanly.
ENTRIES: dict[tuple[str, ...], list[list[str]]] = {
    ("init",): [[]],
    ("version",): [[]],
    ("ingest",): [
        ["{text_file}", "--dossier", "NEW DOSSIER"],
        ["{text_file}", "--dossier", "LATIN", "--encoding", "latin-1"],
        ["{text_file}", "--dossier", "X", "--encoding", "no-such-codec"],
        ["{missing}", "--dossier", "X"],
    ],
    ("read",): [["{leaf}"], ["{granted}"], ["999999999"]],
    ("why",): [["petrov", "{leaf}"], ["petrov", "{granted}"], ["nobody", "{leaf}"]],
    ("mark",): [
        ["{leaf}", "--level", "SECRET", "--reason", "tree"],
        ["{leaf}", "--level", "NO SUCH LEVEL", "--reason", "tree"],
    ],
    ("search",): [["Lupu"], ["Orlov OR Brandt"], ["NOT"], ['"unclosed']],
    ("conflicts",): [[]],
    ("timeline",): [["Lupu"]],
    ("demo",): [["--no-serve"]],
    ("dossier", "list"): [[]],
    ("dossier", "show"): [[SEAMAN], ["{dossier}"], ["NO SUCH DOSSIER"]],
    ("report", "withdraw"): [["{report}", "--reason", "test"], ["999999999", "--reason", "x"]],
    ("leaf", "show"): [["{leaf}"], ["{scan}"]],
    ("leaf", "reocr"): [["{scan}", "--ocr-lang", "rus"], ["{leaf}", "--ocr-lang", "rus"]],
    ("leaf", "withdraw"): [["{leaf}", "--reason", "test"]],
    ("reader", "add"): [
        ["newcomer", "--level", "SECRET"],
        ["petrov", "--level", "SECRET"],
        ["scholar", "--level", "SECRET", "--class", "researcher"],
        ["herself", "--level", "SECRET", "--class", "subject", "--person", "{person}"],
        ["mixed", "--level", "SECRET", "--class", "journalist", "--role", "custodian"],
        ["loose", "--level", "SECRET", "--class", "subject"],
    ],
    ("reader", "list"): [[]],
    ("reader", "show"): [["petrov"], ["nobody"]],
    ("reader", "set"): [["petrov", "--level", "SECRET"], ["petrov", "--class", "researcher"]],
    ("reader", "disable"): [["clerk"]],
    ("token", "create"): [["petrov"]],
    ("token", "revoke"): [["{token}"], ["999999999"]],
    ("slip", "request"): [["--purpose", "tree", "--leaf", "{leaf}"]],
    ("slip", "list"): [[], ["--status", "pending"]],
    ("slip", "show"): [["{slip}"], ["{pending}"]],
    ("slip", "review"): [["{pending}", "{proposed}"]],
    ("slip", "decide"): [
        ["{pending}", "--approve", "{proposed}"],
        ["{pending}", "--decoding", "approve"],
        ["{pending}", "--decoding", "maybe"],
    ],
    ("slip", "decode"): [["{leaf}", "Orlov-Brandt", "--purpose", "tree"], ["{leaf}", "Nobody"]],
    ("slip", "return"): [["{slip}"]],
    ("grant", "list"): [[], ["--reader", "petrov"]],
    ("copy", "issue"): [
        ["--reader", "petrov", "--leaf", "{granted}", "--purpose", "tree", "--out", "{out}"]
    ],
    ("copy", "return"): [["{copy}"]],
    ("copy", "list"): [[]],
    ("copy", "verify"): [["{copy}"]],
    ("note", "add"): [["--text", "a note", "--cite", "{granted}"]],
    ("note", "list"): [[]],
    ("note", "show"): [["{note}"], ["999999999"]],
    ("audit", "verify"): [[]],
    ("audit", "checkpoint"): [[]],
    ("audit", "log"): [[], ["--reader", "petrov"], ["--dossier", SEAMAN]],
    ("audit", "readers"): [[SEAMAN]],
    ("audit", "exposure"): [["petrov"]],
    ("audit", "replay"): [["{read_event}"]],
    ("audit", "proof"): [["{read_event}"]],
    ("audit", "alarms"): [[]],
    ("person", "search"): [["Orlov"], ["Лупу"]],
    ("person", "list"): [
        [],
        ["--letter", "o"],
        ["--kind", "organisation", "--limit", "5"],
        ["--letter", "Or"],
    ],
    ("person", "show"): [["{person}"], ["999999999"]],
    ("person", "add"): [["Tree Newcomer"], ["Tree Newcomer"], ["Tree Newcomer", "--namesake"]],
    ("person", "set"): [
        ["{person}", "--category", "informer", "--born", "1899"],
        ["{person}", "--category", "third-party", "--died", "1950"],
        ["{person}", "--consent", "letter of 2026-03-01"],
        ["{person}", "--withdraw-consent"],
        ["{person}", "--category", "villain"],
        ["{person}"],
    ],
    ("person", "import"): [["{authority}"]],
    ("person", "merge"): [["{person}", "{other_person}", "--reason", "tree"]],
    ("person", "split"): [
        ["{person}", "--form", "{person_form}", "--preferred", "Split Off", "--reason", "tree"]
    ],
    ("person", "alias", "add"): [["{person}", "Tree Alias"]],
    ("person", "alias", "reject"): [["{person}", "{person_form}", "--reason", "tree"]],
    ("person", "suggestion", "list"): [[]],
    ("person", "suggestion", "accept"): [
        ["{suggestion}"],
        ["--all"],
        ["--all", "--min-score", "2"],
    ],
    ("person", "propose"): [[], ["--dossier", SEAMAN]],
    ("person", "suggestion", "reject"): [["{suggestion}"]],
    ("xref", "list"): [["{leaf}"]],
    ("claim", "add"): [["--leaf", "{leaf}", "--subject", "Lupu", "--property", "born"]],
    ("claim", "list"): [[]],
    ("claim", "accept"): [["{claim}"]],
    ("claim", "reject"): [["{claim}"]],
    ("claim", "status"): [["{claim}", "disputed"]],
    ("claim", "extract"): [[]],
    ("redact", "suggest"): [["{leaf}"], ["999999999"]],
    ("redact", "approve"): [
        ["{leaf}"],
        ["{leaf}", "--keep", "--add", "0:4", "--remove", "0:2"],
        ["{leaf}", "--add", "9:3"],
    ],
    ("redact", "list"): [["{leaf}"]],
    ("redact", "show"): [
        ["{leaf}", "--class", "staff"],
        ["{leaf}", "--class", "researcher"],
        ["{leaf}", "--class", "subject", "--person", "{person}"],
        ["{leaf}", "--class", "nobody"],
    ],
    ("redact", "policy"): [
        [],
        ["journalist", "--mask", "third_party", "--mask", "none", "--lapses"],
        ["journalist", "--mask", "villain"],
    ],
}

#: Commands not run here, and why.
NOT_RUN = {("serve",): "starts a server that runs until stopped (tests/web/test_browser.py)"}

#: Every other command must succeed on at least one entry, for the operator
#: or a reader (notes and slips are a reader's). These may not, and why.
MAY_ALL_FAIL = {
    ("person", "suggestion", "reject"): "the demo's card index has no suggestions waiting",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    directory = tmp_path_factory.mktemp("command-tree") / "demo"
    directory.mkdir()
    db = directory / "looseleaf.db"
    assert run(["--registry", str(db), "demo", "--fresh", "--no-serve", "--json"]) == 0
    return Demo(directory, _ids(db, directory))


def _ids(db: Path, directory: Path) -> dict[str, str]:
    """Ids of the demo's things, read through the facade as the operator."""
    with Registry.open(Settings(registry=str(db))) as registry:
        found, reports = registry.dossier(OPERATOR, SEAMAN)
        leaf = reports[1].leaves[0].id
        petrov = registry.as_reader("petrov", via=OPERATOR)
        grants = registry.grants(OPERATOR, reader="petrov")
        pending = registry.slips(OPERATOR, status="pending")[0]
        decided = next(s for s in registry.slips(OPERATOR) if s.status != "pending")
        proposed = pending.proposed or ()
        persons = registry.person_search(OPERATOR, "Kasimir Orlov-Brandt")
        others = [m for m in registry.person_search(OPERATOR, "Grigore Lupu") if m.person_id]
        person = registry.person(OPERATOR, persons[0].person_id)
        suggestions = registry.suggestions(OPERATOR)
        claims = registry.claims(OPERATOR)
        reads = registry.audit_log(OPERATOR, action="leaf.read", limit=1)
        token_id, _, _ = registry.create_token(OPERATOR, "petrov")
        notes = registry.notes(petrov)
        copy = registry.copies(OPERATOR)[0]
        _, scanned = registry.dossier(OPERATOR, "Harbour police - shore passes")
    text_file = directory / "new.txt"
    text_file.write_text("A new report about the harbour.\n", encoding="utf-8")
    authority = directory / "authority.json"
    authority.write_text(json.dumps([{"preferred": "Tree Person"}]), encoding="utf-8")
    return {
        "leaf": str(leaf),
        "scan": str(scanned[-1].leaves[0].id),
        "granted": str(grants[0].leaf_id),
        "dossier": str(found.id),
        "report": str(reports[0].id),
        "slip": str(decided.id),
        "pending": str(pending.id),
        "proposed": str(proposed[0]) if proposed else "999999999",
        "copy": str(copy.number),
        "note": str(notes[0].id) if notes else "999999999",
        "person": str(person.id),
        "person_form": person.forms[-1].form,
        "other_person": str(next(m.person_id for m in others if m.person_id != person.id)),
        "suggestion": str(suggestions[0].id) if suggestions else "999999999",
        "claim": str(claims[0].id) if claims else "999999999",
        "read_event": str(reads[0].id),
        "token": str(token_id),
        "text_file": str(text_file),
        "authority": str(authority),
        "missing": str(directory / "no-such-file.txt"),
        "out": str(directory / "copy.pdf"),
    }


@pytest.fixture
def copy_of_demo(demo: Demo, tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """The demo registry copied, with the ids' paths moved along."""
    target = tmp_path / "demo"
    shutil.copytree(demo.directory, target)
    ids = {k: v.replace(str(demo.directory), str(target)) for k, v in demo.ids.items()}
    return target / "looseleaf.db", ids


def test_every_command_has_an_entry() -> None:
    missing = sorted(set(COMMANDS) - set(ENTRIES) - set(NOT_RUN))
    gone = sorted(set(ENTRIES) - set(COMMANDS))
    assert missing == [], f"commands with no entry: {missing}"
    assert gone == [], f"entries for commands that are gone: {gone}"


def _run(capsys: pytest.CaptureFixture[str], argv: list[str]) -> tuple[int, str, str]:
    code = run(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("words", sorted(ENTRIES), ids=" ".join)
def test_every_command_runs_as_operator_and_reader(
    words: tuple[str, ...],
    copy_of_demo: tuple[Path, dict[str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    db, ids = copy_of_demo
    options = COMMANDS[words]
    succeeded = False
    for entry in ENTRIES[words]:
        args = [arg.format(**ids) for arg in entry]
        if words == ("demo",):
            args += ["--fresh"]
        for as_name in [None, "petrov", "clerk"] if "--as" in options else [None]:
            argv = ["--registry", str(db), *words, *args]
            if as_name is not None:
                argv += ["--as", as_name]
            if "--json" in options:
                argv += ["--json"]
            code, out, err = _run(capsys, argv)
            shown = " ".join(argv[2:])
            assert code != INTERNAL, f"`looseleaf {shown}` crashed: {err}"
            assert code == 0 or code in REFUSALS, f"`looseleaf {shown}` exit {code}: {err}"
            if code == 0:
                succeeded = True
                if "--json" in options:
                    json.loads(out)  # what a script reads is JSON
            else:
                assert err.startswith("looseleaf: error: "), f"`looseleaf {shown}`: {err!r}"
                assert err.count("\n") == 1, f"`looseleaf {shown}`: not one line: {err!r}"
    assert succeeded or words in MAY_ALL_FAIL, f"`looseleaf {' '.join(words)}` never succeeded"


def test_human_output_has_no_python_reprs(
    copy_of_demo: tuple[Path, dict[str, str]], capsys: pytest.CaptureFixture[str]
) -> None:
    """Tables for people: no `None`, no dict or tuple reprs, plurals right."""
    db, ids = copy_of_demo
    shown = []
    for words, entries in ENTRIES.items():
        looks = all(w in {"list", "show", "search", "log", "verify"} for w in words[1:])
        if words not in {("mark",), ("claim", "extract")} and (
            not looks
            or words in {("demo",), ("init",)}
            or any(w in {"add", "withdraw"} for w in words)
        ):
            continue
        if words in {("read",), ("leaf", "show"), ("search",)}:
            continue  # they print the holdings' own words, which may say "None"
        for entry in entries:
            code, out, _ = _run(
                capsys, ["--registry", str(db), *words, *(a.format(**ids) for a in entry)]
            )
            if code == 0:
                shown.append((" ".join(words), out))
    assert shown
    for command, out in shown:
        for bad in (" None", "{'", "('", "['", " 1 leaves", " 1 reports", " 1 new suggestions"):
            assert bad not in out, f"`looseleaf {command}` prints {bad!r}: {out}"
