"""Bad input through the real entry points: the command line answers one
line on stderr and exit code 1 (`BadInput.exit_code`), never 70 (the code
of an internal error); the API answers 400 or 422 with one line of JSON,
never 500; the reading room's forms answer 400 pages, never 500."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from looseleaf.cli import run
from looseleaf.errors import BadInput
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.web.app import create_app
from tests.conftest import OPERATOR, fresh_registry_url
from tests.properties.typed import REGISTRY_SETTINGS, anything, in_argv

BAD_QUERIES = [
    "NOT",
    "a NOT",
    '"',
    "((",
    "-",
    "a (b OR -c)",
    "NOT NOT",
    "a OR",
    "(" * 40 + "a" + ")" * 40,
    "x" * 1001,
    "report:²",
    "dossier:a report:99999999999999999999",
    "a from:١٩٥١",
    "a level:NOPE",
    'a compartment:"NO SUCH/ONE"',
    "a\x00b",
]


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def one_line_on_stderr(code: int, out: str, err: str) -> str:
    assert code == BadInput.exit_code, (code, err)
    assert out == ""
    assert err.startswith("looseleaf: error: "), err
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A registry file with one reader, made through the command line itself."""
    url = str(tmp_path_factory.mktemp("cli") / "r.db")
    assert run(["--registry", url, "init"]) == 0
    assert run(["--registry", url, "reader", "add", "petrov", "--level", "secret"]) == 0
    return url


@pytest.mark.parametrize("query", BAD_QUERIES[:-1])  # argv holds no NUL
def test_a_bad_query_on_the_command_line_is_one_line_and_exit_1(
    db: str, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    err = one_line_on_stderr(*cli(capsys, "--registry", db, "search", query))
    assert "internal error" not in err


#: Queries that crashed the engines once, and mean something after all.
MEANT = ["a (-b -c)", "a NOT NOT b", "x -(-y)", "(a) (b)"]


@pytest.mark.parametrize("query", MEANT)
def test_groups_of_not_are_searched(
    db: str, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, out, err = cli(capsys, "--registry", db, "search", query)
    assert (code, err) == (0, "")
    assert "0 leaves match" in out


@pytest.mark.parametrize("query", ["NOT", "a NOT", '"', "(("])
def test_the_reported_queries_name_the_query(
    db: str, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    err = one_line_on_stderr(*cli(capsys, "--registry", db, "search", "--as", "petrov", query))
    assert err.startswith(f"looseleaf: error: query {query!r}: ")


@settings(REGISTRY_SETTINGS, max_examples=25)  # each example runs the whole command
@given(query=in_argv(anything("NOT", "OR", "(", ")", '"', "-", "*", "level:", "a", " ")))
def test_any_query_on_the_command_line_answers_or_says_why_not(
    db: str, capsys: pytest.CaptureFixture[str], query: str
) -> None:
    code, out, err = cli(capsys, "--registry", db, "search", "--json", "--", query)
    if code == 0:
        assert err == ""
        assert '"total": 0' in out
    else:
        one_line_on_stderr(code, out, err)


@pytest.mark.parametrize(
    "args",
    [
        ("slip", "request", "--purpose", "p", "--xref", "²:Orlov", "--as", "petrov"),
        ("slip", "request", "--purpose", "p", "--xref", "99999999999999999999:X", "--as", "petrov"),
        ("slip", "request", "--purpose", "p", "--xref", "3", "--as", "petrov"),
        ("search", "--cursor", "²", "a"),
        ("search", "--cursor", "99999999999999999999", "a"),
        ("token", "create", "petrov", "--days", "99999999999"),
        ("token", "create", "petrov", "--days", "-3"),
        ("dossier", "show", "\udcff"),  # the bytes b"\xff", as Python hands argv over
        ("search", "source:\udcff a"),
        ("search", "a", "--as", "petr\udcffov"),
        ("reader", "add", "petrov\n", "--level", "secret"),
        ("claim", "add", "--leaf", "1", "--subject", "X", "--property", "born", "--date", "0000"),
    ],
)
def test_other_typed_values_on_the_command_line_are_one_line_errors(
    db: str, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    err = one_line_on_stderr(*cli(capsys, "--registry", db, *args))
    assert "internal error" not in err


def test_a_bad_setting_in_the_environment_is_one_line(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in [("LOOSELEAF_GRANT_DAYS", "inf"), ("LOOSELEAF_TOKEN_DAYS", "99999999")]:
        with monkeypatch.context() as patch:
            patch.setenv(name, value)
            one_line_on_stderr(*cli(capsys, "--registry", db, "dossier", "list"))


# -- the API and the reading room ------------------------------------------------


@dataclass(frozen=True)
class Served:
    client: TestClient
    reader: dict[str, str]
    auditor: dict[str, str]
    custodian: dict[str, str]


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def served(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    directory = Path(tmp_path_factory.mktemp(f"served-{request.param}"))
    with (
        fresh_registry_url(str(request.param), directory) as url,
        Registry.init(Settings(registry=url, signing_key=str(directory / "k")), OPERATOR) as reg,
    ):
        tokens = {}
        for name, roles in (("petrov", ()), ("auditor", ("auditor",)), ("keeper", ("custodian",))):
            reg.add_reader(OPERATOR, name, MarkingRequest("SECRET"), roles=roles)
            tokens[name] = {"Authorization": f"Bearer {reg.create_token(OPERATOR, name)[1]}"}
        with TestClient(create_app(reg), base_url="https://testserver") as client:
            yield Served(client, tokens["petrov"], tokens["auditor"], tokens["keeper"])


def one_line_json(response: Any) -> str:
    assert response.status_code in (400, 422), (response.status_code, response.text)
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert list(body) == ["error"]
    message: str = body["error"]
    assert message.strip()
    assert message.splitlines() == [message]
    return message


@pytest.mark.parametrize("query", BAD_QUERIES)
def test_a_bad_query_to_the_api_is_400_or_422_never_500(served: Served, query: str) -> None:
    answer = served.client.get("/api/search", params={"q": query}, headers=served.reader)
    one_line_json(answer)


@pytest.mark.parametrize("query", MEANT)
def test_groups_of_not_are_searched_by_the_api(served: Served, query: str) -> None:
    answer = served.client.get("/api/search", params={"q": query}, headers=served.reader)
    assert answer.status_code == 200, answer.text
    assert answer.json()["total"] == 0


def test_search_not_to_the_api_names_the_query(served: Served) -> None:
    answer = served.client.get("/api/search", params={"q": "NOT"}, headers=served.reader)
    assert answer.status_code == 400
    assert one_line_json(answer).startswith("query 'NOT': NOT needs something after it")


@REGISTRY_SETTINGS
@given(
    query=anything("NOT", "OR", "(", ")", '"', "-", "*", "dossier:", "from:", "a", " "),
    cursor=st.one_of(st.none(), anything("0", "20", "²")),
)
def test_any_query_to_the_api_answers_or_says_why_not(
    served: Served, query: str, cursor: str | None
) -> None:
    params = {"q": query} if cursor is None else {"q": query, "cursor": cursor}
    answer = served.client.get("/api/search", params=params, headers=served.reader)
    if answer.status_code != 200:
        one_line_json(answer)


def _room_refuses(answer: Any) -> None:
    """A reading-room page saying what is wrong, not the 500 of a crash."""
    assert answer.status_code in (400, 404, 422), (answer.status_code, answer.text[:300])
    assert "internal error" not in answer.text


@pytest.mark.parametrize("leaf", ["²", "١٢", "99999999999999999999"])
def test_typed_numbers_in_the_reading_room_are_refused_not_a_crash(
    served: Served, leaf: str
) -> None:
    room = served.client
    _room_refuses(room.get("/audit", params={"leaf": leaf}, headers=served.auditor))
    _room_refuses(room.post("/copies/verify", data={"number": leaf}, headers=served.custodian))
    _room_refuses(
        room.post(
            "/slips",
            data={"purpose": "p", "xref_leaf": leaf, "xref_name": "Orlov"},
            headers=served.reader,
            follow_redirects=False,
        )
    )
    _room_refuses(
        room.post(
            "/claims",
            data={"leaf": leaf, "subject": "X", "property": "born"},
            headers=served.reader,
            follow_redirects=False,
        )
    )
