"""The CLI's `--json` and the API say the same thing in the same words:
for every command with an API twin, the same account asking the same demo
registry gets the same JSON from both (one serializer, `model.jsonable`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from looseleaf.cli import run
from tests.conftest import OPERATOR
from tests.web.conftest import Demo

#: (CLI words, API path and query), with {placeholders} from `_ids`.
TWINS: list[tuple[list[str], str, dict[str, str]]] = [
    (["dossier", "list"], "/api/dossiers", {}),
    (["dossier", "show", "{dossier}"], "/api/dossiers/{dossier}", {}),
    (["read", "{leaf}"], "/api/leaves/{leaf}", {}),
    (["xref", "list", "{xref_leaf}"], "/api/leaves/{xref_leaf}/xrefs", {}),
    (["search", "Lupu"], "/api/search", {"q": "Lupu"}),
    (["search", "Orlow-Brant", "--limit", "2"], "/api/search", {"q": "Orlow-Brant", "limit": "2"}),
    (["person", "search", "Орлов-Брандт"], "/api/persons", {"q": "Орлов-Брандт"}),
    (["person", "show", "{person}"], "/api/persons/{person}", {}),
    (["slip", "list"], "/api/slips", {}),
    (["slip", "list", "--status", "pending"], "/api/slips", {"status": "pending"}),
    (["slip", "show", "{slip}"], "/api/slips/{slip}", {}),
    (["grant", "list"], "/api/grants", {}),
    (["copy", "list"], "/api/copies", {}),
    (["note", "list"], "/api/notes", {}),
    (["claim", "list"], "/api/claims", {}),
    (["conflicts"], "/api/conflicts", {}),
    (["timeline", "Lupu"], "/api/timeline", {"subject": "Lupu"}),
]

#: The accounts compared: a reader, the custodian, the registrar.
ACCOUNTS = ["petrov", "keeper", "clerk"]


def _ids(demo: Demo) -> dict[str, str]:
    registry, story = demo.registry, demo.story
    person = registry.person_search(OPERATOR, "Kasimir Orlov-Brandt")[0].person_id
    return {
        "dossier": str(registry.leaf(OPERATOR, story.xref_leaf).dossier_id),
        "leaf": str(story.decided.granted[0]),
        "xref_leaf": str(story.xref_leaf),
        "person": str(person),
        "slip": str(story.decided.id),
    }


@pytest.mark.parametrize("account", ACCOUNTS)
def test_cli_and_api_answer_alike(
    demo: Demo,
    as_reader: Any,
    account: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    settings = demo.registry.settings
    config = tmp_path / "looseleaf.toml"
    config.write_text("[looseleaf]\n", encoding="utf-8")
    monkeypatch.setenv("LOOSELEAF_CONFIG", str(config))
    monkeypatch.setenv("LOOSELEAF_REGISTRY", settings.registry)
    monkeypatch.setenv("LOOSELEAF_SIGNING_KEY", settings.signing_key)
    ids = _ids(demo)
    script = as_reader(account)
    compared = 0
    for words, path, query in TWINS:
        argv = [w.format(**ids) for w in words]
        code = run([*argv, "--as", account, "--json"])
        captured = capsys.readouterr()
        response = script.get(path.format(**ids), params=query)
        if code != 0:
            # Refused on both, in the same way (not found, or not allowed).
            assert response.status_code in {403, 404}, (argv, captured.err, response.text)
            continue
        assert response.status_code == 200, (argv, response.text)
        assert json.loads(captured.out) == response.json(), f"`looseleaf {' '.join(argv)}`"
        compared += 1
    assert compared >= len(TWINS) - 3  # most twins answer, so the test compares something
