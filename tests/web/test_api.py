"""The HTTP JSON API, end to end on the demo registry, on SQLite and
PostgreSQL: logging in and out, the catalogue, custody, the audit desk and
accounts, and the web's own duties (errors as one line of JSON, the same 404
for a missing id and a forbidden one, security headers, CSRF, escaping)."""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from looseleaf.model import Actor
from looseleaf.policy import Action
from looseleaf.registry import MarkingRequest
from looseleaf.web.session import CSRF_COOKIE, SESSION_COOKIE
from tests.conftest import OPERATOR
from tests.web.conftest import As, Demo, bearer, log_in

#: Leaf ids of the demo registry (see looseleaf/demo/corpus/manifest.toml):
#: the seaman's file holds leaves 1-4 (SECRET/SEAMEN), the restricted
#: ORLOV-BRANDT file leaves 5-14 (TOP SECRET/ARCHIVE-KI), the crew list leaf 15.
ORLOV = "ORLOV-BRANDT, Kasimir"
MISSING = 987_654_321


def one_line_error(response: Any, status: int) -> str:
    """The API's error answer: JSON, exactly {"error": one line}, no traceback."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == ["error"]
    message: str = body["error"]
    assert message.strip()
    assert "\n" not in message
    assert "Traceback" not in response.text
    return message


def dossier_id(demo: Demo, title: str) -> int:
    found, _ = demo.registry.dossier(OPERATOR, title)
    return found.id


def leaf_ids(demo: Demo, title: str) -> list[int]:
    _, reports = demo.registry.dossier(OPERATOR, title)
    return [leaf.id for report in reports for leaf in report.leaves]


def actor(demo: Demo, name: str) -> Actor:
    return demo.registry.as_reader(name, via=OPERATOR)


def add_reader(
    demo: Demo, name: str, level: str, compartments: tuple[str, ...] = (), **kwargs: Any
) -> None:
    """An account made by the operator (who holds the registry): a script's reader."""
    demo.registry.add_reader(OPERATOR, name, MarkingRequest(level, compartments), **kwargs)


# -- logging in and out --------------------------------------------------------


def test_log_in_answers_a_token_and_sets_a_strict_session_cookie(client: TestClient) -> None:
    response = client.post("/api/session", json={"username": "petrov", "password": "petrov-demo"})
    assert response.status_code == 200
    body = response.json()
    assert body["reader"] == "petrov"
    assert len(body["token"]) >= 32
    assert body["expires_at"] > "2020"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}={body['token']};")
    for attribute in ("HttpOnly", "Secure", "SameSite=strict", "Path=/"):
        assert attribute.lower() in cookie.lower()

    # The cookie alone logs the browser in ...
    assert client.get("/api/me").json()["reader"]["name"] == "petrov"
    # ... and the token alone logs a script in.
    client.cookies.clear()
    one_line_error(client.get("/api/me"), 401)
    assert client.get("/api/me", headers=bearer(body["token"])).json()["reader"]["name"] == "petrov"


@pytest.mark.parametrize(
    ("username", "password"), [("petrov", "wrong-password"), ("nobody", "petrov-demo")]
)
def test_a_wrong_name_or_password_is_one_json_line_and_401(
    client: TestClient, username: str, password: str
) -> None:
    response = client.post("/api/session", json={"username": username, "password": password})
    message = one_line_error(response, 401)
    assert message == f"login {username}: name or password is wrong, or the account is disabled"
    assert SESSION_COOKIE not in response.headers.get("set-cookie", "")


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]
)
def test_log_in_takes_json_only(client: TestClient, content_type: str) -> None:
    """What another site's form can send is refused: it cannot log a browser in."""
    response = client.post(
        "/api/session",
        content=b'{"username": "petrov", "password": "petrov-demo"}',
        headers={"content-type": content_type},
    )
    one_line_error(response, 422)
    assert "set-cookie" not in response.headers


def test_repeated_failures_lock_the_name_even_for_the_right_password(
    client: TestClient, demo: Demo
) -> None:
    attempts = demo.registry.settings.login_max_failures
    for _ in range(attempts):
        response = client.post("/api/session", json={"username": "clerk", "password": "guess"})
        assert "too many" not in one_line_error(response, 401)
    response = client.post("/api/session", json={"username": "clerk", "password": "clerk-demo"})
    assert "too many failed attempts" in one_line_error(response, 401)
    # Another name is not locked by clerk's failures.
    assert log_in(client, "petrov")


def test_log_out_ends_the_token_at_once(client: TestClient) -> None:
    token = log_in(client, "petrov")
    other = log_in(client, "petrov")
    assert client.get("/api/me", headers=bearer(token)).status_code == 200
    response = client.delete("/api/session", headers=bearer(token))
    assert response.status_code == 204
    assert f'{SESSION_COOKIE}=""' in response.headers["set-cookie"]
    message = one_line_error(client.get("/api/me", headers=bearer(token)), 401)
    assert "expired or revoked" in message
    one_line_error(client.get("/api/dossiers", headers=bearer(token)), 401)
    # Only the token presented ends; another login of the same reader goes on.
    assert client.get("/api/me", headers=bearer(other)).status_code == 200


def test_me_is_my_clearance_roles_and_running_grants(as_reader: Any, demo: Demo) -> None:
    me = as_reader("petrov").get("/api/me").json()
    assert me["reader"]["name"] == "petrov"
    assert me["reader"]["clearance"] == {"level": "TOP SECRET", "compartments": ["SEAMEN"]}
    assert me["reader"]["roles"] == []
    assert "password" not in str(me).replace("has_password", "")
    assert sorted(g["leaf_id"] for g in me["grants"]) == sorted(demo.story.decided.granted)
    assert {g["slip_id"] for g in me["grants"]} == {demo.story.decided.id}


# -- the catalogue ---------------------------------------------------------------


def test_dossiers_count_only_the_leaves_i_may_read(as_reader: Any, demo: Demo) -> None:
    for name in ("petrov", "clerk", "auditor"):
        listed = {d["title"]: d for d in as_reader(name).get("/api/dossiers").json()}
        who = actor(demo, name)
        for title, found in listed.items():
            readable = [
                leaf_id
                for leaf_id in leaf_ids(demo, title)
                if demo.registry.check(who, Action.LEAF_READ, leaf_id).allowed
            ]
            assert found["leaves"] == len(readable), (name, title)
        expected = {
            d.title
            for d in demo.registry.dossiers(OPERATOR)
            if demo.registry.check(who, Action.DOSSIER_SEE, d.id).allowed
        }
        assert set(listed) == expected
    petrov = {d["title"]: d for d in as_reader("petrov").get("/api/dossiers").json()}
    assert petrov[ORLOV]["leaves"] == len(demo.story.decided.granted)
    # The auditor (CONFIDENTIAL) may not even know the ORLOV-BRANDT file exists.
    assert ORLOV not in {d["title"] for d in as_reader("auditor").get("/api/dossiers").json()}


def test_a_dossier_shows_only_the_leaves_i_may_read_and_no_text(as_reader: Any, demo: Demo) -> None:
    petrov = as_reader("petrov")
    orlov = dossier_id(demo, ORLOV)
    answer = petrov.get(f"/api/dossiers/{orlov}")
    assert answer.status_code == 200
    body = answer.json()
    assert body["dossier"]["title"] == ORLOV
    shown = [leaf["id"] for report in body["reports"] for leaf in report["leaves"]]
    assert sorted(shown) == sorted(demo.story.decided.granted)
    assert all(report["leaves"] for report in body["reports"])
    leaves = petrov.get(f"/api/dossiers/{orlov}/leaves").json()
    assert [leaf["id"] for leaf in leaves] == shown
    for leaf in leaves:
        assert set(leaf) >= {"id", "marking", "sha256", "chars"}
        assert not {"original", "normalised", "text"} & set(leaf)


def test_reading_a_leaf_is_in_the_audit_log_before_the_text_comes(
    as_reader: Any, demo: Demo
) -> None:
    auditor = as_reader("archivist")  # fully cleared: the "auditor" sees these redacted
    leaf = demo.story.xref_leaf
    query = {"reader": "petrov", "leaf": leaf, "action": "leaf.read"}
    before = auditor.get("/api/audit/log", params=query).json()
    answer = as_reader("petrov").get(f"/api/leaves/{leaf}")
    assert answer.status_code == 200
    body = answer.json()
    text = demo.registry.read(OPERATOR, leaf)
    assert body["original"] == text.original
    assert body["normalised"] == text.normalised
    assert body["leaf"]["id"] == leaf
    assert [x["dossier_title"] for x in body["xrefs"]] == [ORLOV]
    after = auditor.get("/api/audit/log", params=query).json()
    assert len(after) == len(before) + 1
    event = after[-1]
    assert event["actor"] == "reader:petrov"
    assert event["target"] == f"leaf:{leaf}"
    assert event["detail"]["sha256"] == body["leaf"]["sha256"]
    assert event["detail"]["basis"]


def test_a_refused_read_is_logged_and_is_the_missing_ids_404(as_reader: Any, demo: Demo) -> None:
    denied = demo.story.decided.denied[0]  # type: ignore[index]
    petrov = as_reader("petrov")
    refused = petrov.get(f"/api/leaves/{denied}")
    assert one_line_error(refused, 404) == f"leaf {denied}: not found"
    log = as_reader("archivist").get(
        "/api/audit/log", params={"reader": "petrov", "leaf": denied, "action": "leaf.read.denied"}
    )
    assert len(log.json()) == 1


def test_search_finds_only_leaves_the_searcher_may_read(as_reader: Any, demo: Demo) -> None:
    for name in ("petrov", "keeper", "clerk", "auditor"):
        who = actor(demo, name)
        answer = as_reader(name).get("/api/search", params={"q": "Vienna", "limit": 200})
        assert answer.status_code == 200
        result = answer.json()
        hits = [hit["leaf_id"] for hit in result["hits"]]
        everything = demo.registry.search(OPERATOR, "Vienna", limit=200).hits
        expected = [
            hit.leaf_id
            for hit in everything
            if demo.registry.check(who, Action.LEAF_READ, hit.leaf_id).allowed
        ]
        assert sorted(hits) == sorted(expected), name
        assert result["total"] == len(hits)
        assert sum(f["count"] for f in result["facets"]["level"]) == len(hits)
        for hit in result["hits"]:
            assert "[" in hit["snippet"]
    # Petrov (SEAMEN) finds Vienna on the seaman's leaves; the clerk finds none of them.
    assert as_reader("petrov").get("/api/search", params={"q": "Vienna"}).json()["total"] > 0


def test_search_input_is_checked(as_reader: Any) -> None:
    petrov = as_reader("petrov")
    one_line_error(petrov.get("/api/search"), 422)
    one_line_error(petrov.get("/api/search", params={"q": "Vienna", "limit": 0}), 422)
    assert "cursor" in one_line_error(
        petrov.get("/api/search", params={"q": "Vienna", "cursor": "x"}), 400
    )


def test_persons_are_found_by_their_name_forms(as_reader: Any, demo: Demo) -> None:
    found = as_reader("petrov").get("/api/persons", params={"q": "Lupu"}).json()
    assert [hit["preferred"] for hit in found][:1] == ["Grigore Lupu"]
    person = as_reader("petrov").get(f"/api/persons/{found[0]['person_id']}").json()
    assert person["preferred"] == "Grigore Lupu"
    assert "Lupu" in {form["form"] for form in person["forms"]}
    # The cover name FALKE decodes only for those allowed to decode.
    add_reader(demo, "decoder", "TOP SECRET", roles=("decoder",))
    decoded = as_reader("decoder").get("/api/persons", params={"q": "FALKE"}).json()
    assert [hit["preferred"] for hit in decoded] == ["Kasimir Orlov-Brandt"]
    assert as_reader("petrov").get("/api/persons", params={"q": "FALKE"}).json() == []


def test_xrefs_name_the_dossier_not_its_leaves(as_reader: Any, demo: Demo) -> None:
    found = as_reader("petrov").get(f"/api/leaves/{demo.story.xref_leaf}/xrefs").json()
    assert [(x["dossier_id"], x["dossier_title"]) for x in found] == [
        (dossier_id(demo, ORLOV), ORLOV)
    ]
    assert set(found[0]) == {
        "leaf_id", "start", "end", "text", "dossier_id", "dossier_title", "person_id"
    }  # fmt: skip
    one_line_error(as_reader("clerk").get(f"/api/leaves/{demo.story.xref_leaf}/xrefs"), 404)


# -- custody: slips, grants, copies, notes ----------------------------------------------


def test_the_petrov_case_over_http(as_reader: Any, demo: Demo) -> None:
    """A slip from a cross-reference proposes only the leaves that bear on
    it; the custodian detaches some; the reader reads exactly those."""
    add_reader(demo, "anna", "TOP SECRET", ("SEAMEN",))
    anna = as_reader("anna")
    keeper = as_reader("keeper")
    volume = leaf_ids(demo, ORLOV)
    for leaf_id in volume:
        one_line_error(anna.get(f"/api/leaves/{leaf_id}"), 404)
    asked = anna.post(
        "/api/slips",
        json={
            "purpose": "Whom did Lupu meet in Vienna?",
            "xref": {"leaf": demo.story.xref_leaf, "name": "Orlov-Brandt"},
        },
    )
    assert asked.status_code == 201
    slip = asked.json()
    assert slip["status"] == "pending"
    assert slip["scope_kind"] == "xref"
    assert "proposed" not in slip
    assert "denied" not in slip
    # The reader's view of their own slip never says what was proposed.
    assert "proposed" not in anna.get(f"/api/slips/{slip['id']}").json()
    proposed = keeper.get(f"/api/slips/{slip['id']}").json()["proposed"]
    assert proposed
    assert set(proposed) < set(volume)  # not the whole volume
    approve = proposed[:1]
    decided = keeper.post(
        f"/api/slips/{slip['id']}/decision", json={"approve": approve, "days": 7}
    ).json()
    assert decided["status"] == "decided"
    assert decided["granted"] == approve
    assert sorted(decided["denied"]) == sorted(set(proposed) - set(approve))
    readable = [
        leaf_id for leaf_id in volume if anna.get(f"/api/leaves/{leaf_id}").status_code == 200
    ]
    assert readable == approve
    grants = anna.get("/api/grants").json()
    assert [g["leaf_id"] for g in grants] == approve
    assert [g["leaf_id"] for g in anna.get("/api/me").json()["grants"]] == approve
    listed = anna.get(f"/api/dossiers/{dossier_id(demo, ORLOV)}/leaves").json()
    assert [leaf["id"] for leaf in listed] == approve

    # Handing the leaves back ends the grant at once.
    returned = anna.post(f"/api/slips/{slip['id']}/return")
    assert returned.json() == {"grants_ended": 1}
    one_line_error(anna.get(f"/api/leaves/{approve[0]}"), 404)
    assert anna.get("/api/me").json()["grants"] == []
    assert anna.get(f"/api/slips/{slip['id']}").json()["returned_at"] is not None


def test_slips_by_leaves_and_by_query(as_reader: Any, demo: Demo) -> None:
    add_reader(demo, "anna", "TOP SECRET", ("SEAMEN",))
    anna = as_reader("anna")
    keeper = as_reader("keeper")
    wanted = leaf_ids(demo, ORLOV)[:2]
    by_leaves = anna.post(
        "/api/slips", json={"purpose": "the first two pages", "leaves": [*wanted, MISSING]}
    )
    assert by_leaves.status_code == 201
    assert by_leaves.json()["scope"] == {"leaves": [*wanted, MISSING]}  # as typed
    assert keeper.get(f"/api/slips/{by_leaves.json()['id']}").json()["proposed"] == wanted
    by_query = anna.post("/api/slips", json={"purpose": "the maker", "query": "instrument"})
    assert by_query.status_code == 201
    proposed = keeper.get(f"/api/slips/{by_query.json()['id']}").json()["proposed"]
    assert proposed
    for leaf_id in proposed:
        assert "instrument" in demo.registry.read(OPERATOR, leaf_id).normalised.lower()
    assert {s["id"] for s in anna.get("/api/slips").json()} == {
        by_leaves.json()["id"],
        by_query.json()["id"],
    }
    pending = {s["id"] for s in keeper.get("/api/slips", params={"status": "pending"}).json()}
    assert {by_leaves.json()["id"], by_query.json()["id"], demo.story.pending.id} <= pending
    # Exactly one scope, and a purpose.
    one_line_error(
        anna.post("/api/slips", json={"purpose": "both", "leaves": [1], "query": "x"}), 400
    )
    one_line_error(anna.post("/api/slips", json={"leaves": [1]}), 422)
    # A reader does not decide slips, not even to approve their own.
    one_line_error(
        anna.post(f"/api/slips/{by_leaves.json()['id']}/decision", json={"approve": wanted}), 403
    )
    # Another reader's slip does not exist for petrov.
    assert one_line_error(as_reader("petrov").get(f"/api/slips/{by_leaves.json()['id']}"), 404)


def test_a_grant_never_lifts_the_level(as_reader: Any, demo: Demo) -> None:
    add_reader(demo, "low", "SECRET", ("ARCHIVE-KI",))
    low = as_reader("low")
    wanted = leaf_ids(demo, ORLOV)[:1]
    slip = low.post("/api/slips", json={"purpose": "p", "leaves": wanted}).json()
    keeper = as_reader("keeper")
    assert keeper.get(f"/api/slips/{slip['id']}").json()["proposed"] == wanted
    refused = keeper.post(f"/api/slips/{slip['id']}/decision", json={"approve": wanted})
    assert "never lifts the level" in one_line_error(refused, 400)
    one_line_error(low.get(f"/api/leaves/{wanted[0]}"), 404)


def test_numbered_copies_are_issued_verified_and_returned(as_reader: Any, demo: Demo) -> None:
    keeper = as_reader("keeper")
    petrov = as_reader("petrov")
    leaf = demo.story.xref_leaf
    issued = keeper.post(
        "/api/copies", json={"reader": "petrov", "leaves": [leaf], "purpose": "for the file"}
    )
    assert issued.status_code == 201
    copy = issued.json()["copy"]
    pdf = base64.b64decode(issued.json()["pdf_base64"])
    assert pdf.startswith(b"%PDF")
    assert copy["reader"] == "petrov"
    assert copy["leaves"] == [leaf]
    number = copy["number"]
    assert number > demo.story.copy.number

    def verify(body: bytes | None) -> Any:
        headers = {} if body is None else {"content-type": "application/pdf"}
        answer = keeper.post(f"/api/copies/{number}/verify", content=body, headers=headers)
        assert answer.status_code == 200, answer.text
        return answer.json()

    assert verify(pdf)["matches"] is True
    assert verify(pdf[:-1] + b"x")["matches"] is False
    assert verify(None)["matches"] is None
    assert verify(None)["copy"]["number"] == number

    mine = {c["number"] for c in petrov.get("/api/copies").json()}
    assert {number, demo.story.copy.number} <= mine
    assert as_reader("clerk").get("/api/copies").json() == []
    outstanding = {c["number"] for c in keeper.get("/api/copies?outstanding=true").json()}
    assert number in outstanding
    returned = keeper.post(f"/api/copies/{number}/return")
    assert returned.status_code == 200
    assert returned.json()["returned_to"] == "reader:keeper"
    assert "returned already" in one_line_error(keeper.post(f"/api/copies/{number}/return"), 400)
    assert number not in {c["number"] for c in keeper.get("/api/copies?outstanding=true").json()}
    one_line_error(keeper.post(f"/api/copies/{MISSING}/return"), 404)

    # Only a custodian issues or takes back copies; a copy holds only what its reader may read.
    one_line_error(
        petrov.post("/api/copies", json={"reader": "petrov", "leaves": [leaf], "purpose": "x"}),
        403,
    )
    one_line_error(petrov.post(f"/api/copies/{number}/verify"), 403)
    denied = demo.story.decided.denied[0]  # type: ignore[index]
    one_line_error(
        keeper.post("/api/copies", json={"reader": "petrov", "leaves": [denied], "purpose": "x"}),
        400,
    )


def test_notes_cite_only_leaves_i_may_read(as_reader: Any, demo: Demo) -> None:
    petrov = as_reader("petrov")
    leaf = demo.story.xref_leaf
    written = petrov.post("/api/notes", json={"text": "Lupu saw K. again", "cite": [leaf]})
    assert written.status_code == 201
    note = written.json()
    assert note["citations"] == [{"leaf_id": leaf, "readable": True}]
    assert note["marking"] == {"level": "SECRET", "compartments": ["SEAMEN"]}
    assert note["id"] in {n["id"] for n in petrov.get("/api/notes").json()}
    # Citing a leaf petrov may not read is the same 404 as citing one that does not exist.
    denied = demo.story.decided.denied[0]  # type: ignore[index]
    hidden = one_line_error(petrov.post("/api/notes", json={"text": "t", "cite": [denied]}), 404)
    missing = one_line_error(petrov.post("/api/notes", json={"text": "t", "cite": [MISSING]}), 404)
    assert hidden.replace(str(denied), "ID") == missing.replace(str(MISSING), "ID")
    # Notes are private: another reader sees none of petrov's.
    assert note["id"] not in {n["id"] for n in as_reader("clerk").get("/api/notes").json()}


# -- the audit desk -----------------------------------------------------------------


def test_auditors_verify_the_log_and_sign_checkpoints(as_reader: Any) -> None:
    auditor = as_reader("auditor")
    verdict = auditor.get("/api/audit/verify").json()
    assert verdict["ok"] is True
    assert verdict["problems"] == []
    assert verdict["events"] > 0
    head = auditor.post("/api/audit/checkpoint").json()
    assert head["size"] >= verdict["events"]
    assert re.fullmatch(r"[0-9a-f]{64}", head["root"])
    later = auditor.post("/api/audit/checkpoint").json()
    assert later["size"] >= head["size"]


def test_exposure_lists_what_a_reader_was_shown(as_reader: Any, demo: Demo) -> None:
    as_reader("petrov").get(f"/api/leaves/{demo.story.xref_leaf}")
    rows = as_reader("archivist").get("/api/audit/exposure", params={"reader": "petrov"}).json()
    shown = {row["leaf"] for row in rows}
    assert {demo.story.xref_leaf, *demo.story.decided.granted} <= shown
    granted = [row for row in rows if row["leaf"] in demo.story.decided.granted]
    assert all(row["grant"] is not None for row in granted)
    assert as_reader("auditor").get("/api/audit/alarms").json() == []


def test_a_bulk_reader_raises_the_curiosity_alarm(as_reader: Any, demo: Demo) -> None:
    demo.registry.settings = replace(demo.registry.settings, alarm_bulk_reads=16)
    petrov = as_reader("petrov")
    for _ in range(32):
        assert petrov.get(f"/api/leaves/{demo.story.xref_leaf}").status_code == 200
    alarms = as_reader("auditor").get("/api/audit/alarms").json()
    assert [a["detail"]["reader"] for a in alarms] == ["petrov"]
    assert alarms[0]["detail"]["kind"] == "bulk"


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/audit/log"),
        ("GET", "/api/audit/verify"),
        ("POST", "/api/audit/checkpoint"),
        ("GET", "/api/audit/exposure?reader=petrov"),
        ("GET", "/api/audit/alarms"),
        ("GET", "/api/readers"),
        ("POST", "/api/readers"),
        ("POST", "/api/tokens"),
        ("DELETE", "/api/tokens/1"),
        ("GET", "/api/grants?reader=keeper"),
    ],
)
def test_staff_desks_are_closed_to_plain_readers(as_reader: Any, method: str, path: str) -> None:
    body = {"/api/readers": {"name": "x"}, "/api/tokens": {"reader": "keeper"}}.get(path)
    answer = as_reader("petrov").request(method, path, json=body)
    assert "not permitted" in one_line_error(answer, 403)


# -- accounts ----------------------------------------------------------------------


def test_the_operators_admin_manages_readers_and_tokens(
    client: TestClient, as_reader: Any, demo: Demo
) -> None:
    add_reader(demo, "root", "UNCLASSIFIED", roles=("admin",))
    admin = as_reader("root")
    names = {r["name"] for r in admin.get("/api/readers").json()}
    assert {"petrov", "keeper", "clerk", "auditor", "root"} <= names
    added = admin.post(
        "/api/readers",
        json={
            "name": "vera",
            "level": "SECRET",
            "compartments": ["seamen"],
            "roles": ["reader"],
            "password": "vera-password",
        },
    )
    assert added.status_code == 201
    assert added.json()["clearance"] == {"level": "SECRET", "compartments": ["SEAMEN"]}
    assert added.json()["has_password"] is True
    assert "vera-password" not in added.text
    vera = As(client, log_in(client, "vera", "vera-password"))
    assert vera.get("/api/me").json()["reader"]["name"] == "vera"
    again = admin.post("/api/readers", json={"name": "vera", "level": "SECRET"})
    assert "exists already" in one_line_error(again, 400)
    one_line_error(admin.post("/api/readers", json={"name": "bad name!"}), 400)
    one_line_error(admin.post("/api/readers", json={"name": "w", "level": "COSMIC"}), 400)

    made = admin.post("/api/tokens", json={"reader": "vera", "days": 1, "label": "script"})
    assert made.status_code == 201
    token = made.json()
    assert client.get("/api/me", headers=bearer(token["token"])).json()["reader"]["name"] == "vera"
    assert admin.delete(f"/api/tokens/{token['id']}").status_code == 204
    one_line_error(client.get("/api/me", headers=bearer(token["token"])), 401)
    one_line_error(admin.delete(f"/api/tokens/{token['id']}"), 404)
    # A reader may make a token for themselves, not for anyone else.
    own = vera.post("/api/tokens", json={"reader": "vera"})
    assert own.status_code == 201
    one_line_error(vera.post("/api/tokens", json={"reader": "petrov"}), 403)


# -- the same 404 for missing and forbidden ------------------------------------------------


def _not_found(answer: Any, ident: int) -> tuple[int, str, str]:
    message = one_line_error(answer, 404)
    assert str(ident) in message
    return answer.status_code, answer.headers["content-type"], message.replace(str(ident), "ID")


@settings(
    max_examples=10,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(missing=st.integers(min_value=10_000, max_value=2**62))
def test_a_forbidden_id_and_a_missing_id_answer_the_same_404(
    as_reader: Any, demo: Demo, missing: int
) -> None:
    petrov = as_reader("petrov")
    auditor = as_reader("auditor")
    denied = demo.story.decided.denied[0]  # type: ignore[index]
    orlov = dossier_id(demo, ORLOV)
    person = demo.registry.person_search(OPERATOR, "Orlov-Brandt")[0].person_id
    keepers = as_reader("keeper").post("/api/slips", json={"purpose": "mine", "leaves": [1]})
    foreign_slip = keepers.json()["id"]
    for who, template, hidden in [
        (petrov, "/api/leaves/{}", denied),
        (petrov, "/api/leaves/{}/xrefs", denied),
        (petrov, "/api/slips/{}", foreign_slip),
        (auditor, "/api/dossiers/{}", orlov),
        (auditor, "/api/dossiers/{}/leaves", orlov),
        (auditor, "/api/persons/{}", person),
    ]:
        assert _not_found(who.get(template.format(hidden)), hidden) == _not_found(
            who.get(template.format(missing)), missing
        ), template
    for path in ("/api/slips/{}/return",):
        assert _not_found(petrov.post(path.format(foreign_slip)), foreign_slip) == _not_found(
            petrov.post(path.format(missing)), missing
        )


# -- errors, headers, CSRF, escaping ----------------------------------------------------------


def test_errors_are_json_never_a_traceback(client: TestClient, as_reader: Any) -> None:
    petrov = as_reader("petrov")
    assert one_line_error(client.get("/api/nowhere"), 404) == "not found"
    assert one_line_error(petrov.get("/api/no/such/route"), 404) == "not found"
    not_allowed = petrov.delete("/api/me")
    assert one_line_error(not_allowed, 405) == "method not allowed"
    assert not_allowed.headers["allow"] == "GET"
    assert one_line_error(petrov.post("/api/dossiers"), 405) == "method not allowed"
    assert client.put("/login").headers["allow"] == "GET"
    one_line_error(petrov.get("/api/leaves/abc"), 422)
    one_line_error(petrov.get("/api/leaves/0"), 422)
    one_line_error(petrov.get(f"/api/leaves/{2**70}"), 422)
    one_line_error(petrov.post("/api/notes", json={"text": ""}), 422)
    one_line_error(petrov.post("/api/notes", json={"text": "t", "extra": 1}), 422)
    one_line_error(petrov.post("/api/notes", json={"text": "t", "cite": [2**70]}), 422)
    one_line_error(
        petrov.post(
            "/api/notes", content=b"{not json", headers={"content-type": "application/json"}
        ),
        422,
    )
    one_line_error(client.post("/api/session", json={"username": "petrov"}), 422)
    # A parameter given twice is refused, not settled on one of its values.
    repeated = petrov.get("/api/audit/log?reader=petrov&reader=keeper")
    assert one_line_error(repeated, 400) == "query parameter 'reader': given more than once"
    one_line_error(client.get("/api/dossiers"), 401)
    one_line_error(client.get("/api/dossiers", headers=bearer("made-up-token")), 401)
    one_line_error(client.get("/api/dossiers", headers={"authorization": "Basic eDp5"}), 401)


def _secure(response: Any) -> None:
    headers = response.headers
    assert headers["cache-control"] == "no-store"
    csp = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "unsafe-eval" not in csp
    assert "default-src 'none'" in csp
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"
    assert headers["x-frame-options"] == "DENY"
    assert "server" not in headers


def test_security_headers_on_api_and_pages(client: TestClient, demo: Demo) -> None:
    token = log_in(client, "petrov")
    api_answers = [
        client.get("/api/me", headers=bearer(token)),
        client.get(f"/api/leaves/{demo.story.xref_leaf}", headers=bearer(token)),
        client.get("/api/leaves/1", headers=bearer("nonsense")),
        client.get("/api/nowhere"),
        client.get("/openapi.json"),
    ]
    page_answers = [
        client.get("/login"),
        client.get(f"/leaves/{demo.story.xref_leaf}", headers=bearer(token)),
        client.get("/", headers=bearer(token)),
    ]
    for answer in api_answers + page_answers:
        assert answer.status_code < 500
        _secure(answer)
    assert page_answers[1].status_code == 200
    assert page_answers[1].headers["content-type"].startswith("text/html")


def test_a_cookie_session_needs_the_csrf_header_to_change_anything(client: TestClient) -> None:
    response = client.post("/api/session", json={"username": "petrov", "password": "petrov-demo"})
    token = response.json()["token"]
    client.get("/login")  # a page of ours hands out the CSRF cookie
    csrf = client.cookies.get(CSRF_COOKIE)
    assert csrf
    note = {"text": "from the browser"}
    # Reading with the cookie alone is fine; changing anything is not.
    before = len(client.get("/api/notes").json())
    assert "CSRF" in one_line_error(client.post("/api/notes", json=note), 403)
    refused = client.post("/api/notes", json=note, headers={"x-csrf-token": "forged"})
    one_line_error(refused, 403)
    one_line_error(client.delete("/api/session"), 403)
    assert len(client.get("/api/notes").json()) == before
    assert client.post("/api/notes", json=note, headers={"x-csrf-token": csrf}).status_code == 201
    # A bearer token is not sent by browsers on their own: no CSRF header needed.
    assert client.post("/api/notes", json=note, headers=bearer(token)).status_code == 201
    assert len(client.get("/api/notes").json()) == before + 2


def test_a_leaf_with_markup_renders_as_text(client: TestClient, demo: Demo, tmp_path: Path) -> None:
    source = tmp_path / "hostile.txt"
    source.write_text("A note left in the file: <script>alert(1)</script> and <b>bold</b>.\n")
    [result] = demo.registry.ingest(
        OPERATOR,
        [source],
        dossier="HOSTILE",
        leaf_marking=MarkingRequest("UNCLASSIFIED"),
        dossier_marking=MarkingRequest("UNCLASSIFIED"),
    )
    [leaf] = leaf_ids(demo, "HOSTILE")
    token = log_in(client, "petrov")
    raw = client.get(f"/api/leaves/{leaf}", headers=bearer(token)).json()
    assert "<script>alert(1)</script>" in raw["original"]  # the API keeps it byte for byte
    page = client.get(f"/leaves/{leaf}", headers=bearer(token))
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text
    assert "<script>alert(1)" not in page.text
    assert "<b>bold</b>" not in page.text
    assert result.status == "ingested"


def test_the_schema_says_how_to_log_in(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    schemes = schema["components"]["securitySchemes"]
    assert schemes["HTTPBearer"]["scheme"] == "bearer"
    assert schemes["APIKeyCookie"] == {
        "type": "apiKey",
        "in": "cookie",
        "name": SESSION_COOKIE,
        "description": schemes["APIKeyCookie"]["description"],
    }
    either: list[dict[str, list[str]]] = [{"HTTPBearer": []}, {"APIKeyCookie": []}]
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            if (path, method) == ("/api/session", "post"):
                assert "security" not in operation
            else:
                assert operation["security"] == either, (path, method)


def test_no_bulk_download_exists(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    words = ("export", "download", "bulk", "dump", "zip", "archive", "backup", "all")
    for path in paths:
        assert not any(word in path.lower() for word in words), path
    # The only routes that hand out a leaf (its text, its page image) take one leaf id.
    text_routes = [path for path in paths if path.startswith("/api/leaves/{")]
    assert sorted(text_routes) == [
        "/api/leaves/{leaf_id}",
        "/api/leaves/{leaf_id}/facsimile",
        "/api/leaves/{leaf_id}/redaction",
        "/api/leaves/{leaf_id}/redaction/preview",
        "/api/leaves/{leaf_id}/redaction/suggestions",
        "/api/leaves/{leaf_id}/xrefs",
    ]
    for path, operations in paths.items():
        for method in operations:
            # A class's policy is replaced whole: the one PUT.
            allowed = {"get", "post", "delete"} | ({"put"} if "/policies/" in path else set())
            assert method in allowed, (path, method)
    for probe in ("/api/export", "/api/download", "/api/dossiers/1/export", "/api/leaves"):
        assert client.get(probe).status_code in {404, 405}
