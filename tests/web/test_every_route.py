"""Every route of the app, API and reading room, asked by each demo account
(and by nobody): whatever the answer, it is never a server error.

The routes come from the app itself and from /openapi.json
(`tests.roles.observe.app_routes`), so a new route is asked here the day it
is added; its path parameters must be ones `_ids` can fill, or the test
fails naming it. Each route is asked plainly (no query, an empty form or
body) and, where `ASKS` says, with a typical query or body too.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

from looseleaf.demo import READERS
from tests.conftest import OPERATOR
from tests.roles.observe import app_routes, openapi_routes
from tests.web.conftest import BASE_URL, Demo

ACCOUNTS = [name for name, *_ in READERS]

#: Typical queries (GET) and bodies (POST: JSON for /api, a form otherwise).
ASKS: dict[tuple[str, str], list[dict[str, Any]]] = {
    ("GET", "/api/search"): [{"q": "Lupu"}, {"q": "NOT"}, {"q": '"'}],
    ("GET", "/search"): [{"q": "Lupu"}, {"q": "NOT"}, {"q": "(("}],
    ("GET", "/api/persons"): [{"q": "Orlov"}],
    ("GET", "/api/cards"): [{}, {"letter": "O", "kind": "person"}, {"letter": "é"}],
    ("GET", "/persons"): [{"q": "Orlov"}, {"letter": "O"}, {"letter": "#"}],
    ("GET", "/api/audit/exposure"): [{"reader": "petrov"}],
    ("GET", "/audit/exposure"): [{"reader": "petrov"}],
    ("GET", "/api/audit/log"): [{"reader": "petrov"}, {"leaf": "{leaf_id}"}],
    ("GET", "/audit"): [{"reader": "petrov"}, {"leaf": "{leaf_id}"}],
    ("GET", "/api/timeline"): [{"subject": "Lupu"}, {"dossier": "{dossier_id}"}],
    ("GET", "/timeline"): [{"subject": "Lupu"}],
    ("GET", "/api/claims"): [{"subject": "Lupu"}],
    ("GET", "/api/grants"): [{"reader": "petrov"}],
    ("GET", "/api/slips"): [{"status": "pending"}],
    ("POST", "/api/slips"): [{"purpose": "route test", "leaves": ["{leaf_id}"]}],
    ("POST", "/api/notes"): [{"text": "a note", "cite": ["{leaf_id}"]}],
    ("POST", "/api/copies"): [
        {"reader": "petrov", "leaves": ["{leaf_id}"], "purpose": "route test"}
    ],
    ("POST", "/api/slips/{slip_id}/decision"): [{"approve": ["{leaf_id}"]}],
    ("POST", "/api/readers"): [{"name": "newcomer", "level": "SECRET"}],
    ("POST", "/api/tokens"): [{"reader": "petrov"}],
    ("POST", "/api/claims"): [{"leaf": "{leaf_id}", "subject": "Lupu", "property": "born"}],
    ("POST", "/api/claims/decision"): [{"accept": True}],
    ("POST", "/api/leaves/{leaf_id}/redaction"): [{"keep": True}, {"add": ["0:4"]}],
    ("GET", "/api/leaves/{leaf_id}/redaction/preview"): [{"class": "researcher"}],
    ("PUT", "/api/redaction/policies/{name}"): [{"masks": ["third_party", "none"], "lapses": True}],
    ("POST", "/api/slips/decode"): [{"leaf": "{leaf_id}", "name": "Lupu", "purpose": "route"}],
    ("POST", "/api/slips/{slip_id}/decoding"): [{"approve": False}],
    ("POST", "/slips/decode"): [{"leaf": "{leaf_id}", "name": "Lupu", "purpose": "route"}],
    ("POST", "/queue/{slip_id}/decoding"): [{"answer": "refuse"}],
    ("POST", "/leaves/{leaf_id}/redaction"): [{"keep": "0", "add": ""}],
    ("POST", "/slips"): [{"purpose": "route test", "leaves": "{leaf_id}"}],
    ("POST", "/notes"): [{"text": "a note", "cite": "{leaf_id}"}],
    ("POST", "/registrar/mark"): [{"leaves": "{leaf_id}", "level": "SECRET"}],
    ("POST", "/registrar/withdraw"): [{"leaf": "{leaf_id}", "reason": "route test"}],
    ("POST", "/registrar/persons"): [{"preferred": "Route Newcomer"}],
}

#: Routes that end the session: asked last.
LAST = {("DELETE", "/api/session"), ("POST", "/logout")}


def _routes() -> list[tuple[str, str]]:
    from looseleaf.web.app import create_app

    app = create_app(None)  # type: ignore[arg-type]
    return sorted(set(app_routes(app)) | set(openapi_routes(app)))


def _ids(demo: Demo) -> dict[str, str]:
    registry, story = demo.registry, demo.story
    person = registry.person_search(OPERATOR, "Kasimir Orlov-Brandt")[0].person_id
    suggestions = registry.suggestions(OPERATOR)
    token_id, _, _ = registry.create_token(OPERATOR, "petrov")
    return {
        "leaf_id": str(story.decided.granted[0]),
        "dossier_id": str(registry.leaf(OPERATOR, story.xref_leaf).dossier_id),
        "slip_id": str(story.pending.id),
        "number": str(story.copy.number),
        "person_id": str(person),
        "suggestion_id": str(suggestions[0].id if suggestions else 999_999_999),
        "token_id": str(token_id),
        "name": "journalist",  # a reader class
    }


def _filled(value: Any, ids: dict[str, str]) -> Any:
    """A query or body with its {placeholders} filled; ids in a list are numbers."""
    if isinstance(value, str):
        whole = re.fullmatch(r"\{(\w+)\}", value)
        return ids[whole.group(1)] if whole else value
    if isinstance(value, list):
        return [
            int(v) if isinstance(v, str) and v.isdigit() else v
            for v in (_filled(v, ids) for v in value)
        ]
    if isinstance(value, dict):
        return {k: _filled(v, ids) for k, v in value.items()}
    return value


@pytest.mark.parametrize("account", [None, *ACCOUNTS])
def test_no_route_answers_a_server_error(demo: Demo, account: str | None) -> None:
    from looseleaf.web.app import create_app
    from looseleaf.web.session import CSRF_COOKIE, CSRF_HEADER

    ids = _ids(demo)
    routes = _routes()
    unknown = sorted(
        {name for _, path in routes for name in re.findall(r"\{(\w+)\}", path)} - set(ids)
    )
    assert unknown == [], f"path parameters the test cannot fill: {unknown}"
    errors = []
    answered: dict[tuple[str, str], int] = {}
    app = create_app(demo.registry)
    with TestClient(app, base_url=BASE_URL, raise_server_exceptions=False) as client:
        if account is not None:
            answer = client.post(
                "/api/session", json={"username": account, "password": f"{account}-demo"}
            )
            assert answer.status_code == 200, answer.text
        client.get("/login")  # the CSRF cookie
        ordered = [r for r in routes if r not in LAST] + [r for r in routes if r in LAST]
        for method, template in ordered:
            path = re.sub(r"\{(\w+)\}", lambda m: ids[m.group(1)], template)
            csrf = client.cookies.get(CSRF_COOKIE) or ""
            for ask in [{}, *ASKS.get((method, template), [])]:
                given = _filled(ask, ids)
                if method == "GET":
                    response = client.get(path, params=given)
                elif template.startswith("/api/"):
                    response = client.request(method, path, json=given, headers={CSRF_HEADER: csrf})
                else:
                    response = client.request(
                        method, path, data={"csrf": csrf, **given}, follow_redirects=False
                    )
                answered.setdefault((method, template), response.status_code)
                if response.status_code >= 500:
                    errors.append(f"{method} {template} {given}: {response.status_code}")
    assert errors == [], "\n".join(errors)
    # The routes were asked as the account, not turned away at the door.
    expected = 401 if account is None else 200
    assert answered[("GET", "/api/me")] == expected
    assert answered[("GET", "/api/dossiers")] == expected
