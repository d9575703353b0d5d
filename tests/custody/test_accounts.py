"""Accounts: Argon2 passwords, throttled logins, hashed expiring tokens."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from looseleaf.errors import BadInput, Forbidden, LoginRefused, NotFound
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def reg(registry_url: str, clock: FakeClock) -> Iterator[Registry]:
    settings = Settings(registry=registry_url, login_max_failures=3, login_window_minutes=10)
    with Registry.init(settings, OPERATOR, clock=clock) as registry:
        registry.add_reader(OPERATOR, "anna", MarkingRequest("SECRET"), password="correct horse")
        yield registry


def test_passwords_are_argon2_and_never_stored_plain(reg: Registry) -> None:
    with reg.store.read() as tx:
        digest = tx.scalar("SELECT password_hash FROM readers WHERE name = 'anna'")
    assert digest.startswith("$argon2id$")
    assert "correct horse" not in digest
    assert reg.login("anna", "correct horse").name == "anna"


def test_wrong_name_and_wrong_password_look_the_same(reg: Registry) -> None:
    with pytest.raises(LoginRefused) as wrong_password:
        reg.login("anna", "wrong password")
    with pytest.raises(LoginRefused) as wrong_name:
        reg.login("nobody", "wrong password")
    assert str(wrong_password.value).split(": ", 1)[1] == str(wrong_name.value).split(": ", 1)[1]


def test_failed_logins_are_throttled_and_recorded(reg: Registry, clock: FakeClock) -> None:
    for _ in range(3):
        with pytest.raises(LoginRefused, match="wrong"):
            reg.login("anna", "guess")
    with pytest.raises(LoginRefused, match="too many failed attempts"):
        reg.login("anna", "correct horse")
    clock.advance(minutes=11)
    assert reg.login("anna", "correct horse").name == "anna"
    actions = [e.action for e in reg.event_log(OPERATOR) if e.action.startswith("login.")]
    assert actions == ["login.failed"] * 3 + ["login.throttled", "login.ok"]


def test_disabled_account_cannot_log_in_or_read(reg: Registry) -> None:
    anna = reg.login("anna", "correct horse")
    reg.disable_reader(OPERATOR, "anna")
    with pytest.raises(LoginRefused):
        reg.login("anna", "correct horse")
    assert reg.dossiers(anna) == []


def test_tokens_are_hashed_revocable_and_expire(reg: Registry, clock: FakeClock) -> None:
    token_id, token, _ = reg.create_token(OPERATOR, "anna", days=1, label="script")
    with reg.store.read() as tx:
        stored = tx.scalar("SELECT digest FROM tokens WHERE id = ?", (token_id,))
    assert token not in stored
    assert reg.authenticate_token(token).name == "anna"
    clock.advance(days=2)
    with pytest.raises(LoginRefused):
        reg.authenticate_token(token)
    second_id, second, _ = reg.create_token(OPERATOR, "anna")
    reg.revoke_token(OPERATOR, second_id)
    with pytest.raises(LoginRefused):
        reg.authenticate_token(second)
    with pytest.raises(NotFound):
        reg.revoke_token(OPERATOR, second_id)


def test_staff_actions_need_their_role(reg: Registry) -> None:
    anna = reg.as_reader("anna", via=OPERATOR)
    with pytest.raises(Forbidden, match=r"reader\.manage: not permitted"):
        reg.add_reader(anna, "eve", MarkingRequest("TOP SECRET"))
    with pytest.raises(Forbidden, match="needs the registrar role"):
        reg.mark(anna, MarkingRequest("SECRET"), "why", leaf_ids=[1])
    reg.set_reader(OPERATOR, "anna", roles=["admin"])
    reg.add_reader(anna, "eve", MarkingRequest("CONFIDENTIAL"))
    assert reg.reader(anna, "eve").clearance.level == "CONFIDENTIAL"
    with pytest.raises(BadInput, match="exists already"):
        reg.add_reader(anna, "eve", MarkingRequest("CONFIDENTIAL"))
    with pytest.raises(BadInput, match="unknown role"):
        reg.set_reader(anna, "eve", roles=["overlord"])
    with pytest.raises(BadInput, match="at least 8 characters"):
        reg.set_reader(anna, "eve", password="short")


def test_why_is_for_staff_only(reg: Registry) -> None:
    anna = reg.as_reader("anna", via=OPERATOR)
    with pytest.raises(Forbidden, match=r"policy\.explain: not permitted"):
        reg.why(anna, "anna", 1)
    reg.set_reader(OPERATOR, "anna", roles=["auditor"])
    assert reg.why(anna, "anna", 1).reason == "no leaf 1"
