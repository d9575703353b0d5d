"""Accounts: Argon2 passwords, throttled logins, hashed expiring tokens."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from looseleaf.errors import BadInput, Forbidden, LoginRefused, NotFound
from looseleaf.registry import MarkingRequest, Registry, accounts
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


def test_concurrent_wrong_passwords_are_throttled_as_if_in_turn(reg: Registry) -> None:
    """The password is checked outside the write transaction, so attempts run
    side by side; the throttle still lets no more than the limit be judged."""
    barrier = threading.Barrier(8)
    outcomes: list[str] = []

    def attempt() -> None:
        barrier.wait()
        try:
            reg.login("anna", "guess")
        except LoginRefused as exc:
            outcomes.append(str(exc))

    threads = [threading.Thread(target=attempt) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    actions = [e.action for e in reg.event_log(OPERATOR) if e.action.startswith("login.")]
    assert sorted(actions) == ["login.failed"] * 3 + ["login.throttled"] * 5
    assert sum("too many failed attempts" in text for text in outcomes) == 5


def test_a_login_does_not_hold_the_writer_while_checking_the_password(
    reg: Registry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Argon2 is slow on purpose; reads (which are writes: their audit record)
    must not wait for it."""
    checking = threading.Event()
    release = threading.Event()
    real = accounts._verify

    def slow_verify(digest: str | None, password: str) -> bool:
        checking.set()
        release.wait(10)
        return real(digest, password)

    monkeypatch.setattr(accounts, "_verify", slow_verify)
    wrote = threading.Event()

    def write() -> None:
        with reg.store.write() as tx:
            tx.execute("SELECT 1")
        wrote.set()

    login = threading.Thread(target=reg.login, args=("anna", "correct horse"))
    writer = threading.Thread(target=write)
    login.start()
    try:
        assert checking.wait(10)
        writer.start()
        assert wrote.wait(5), "a write waited for the password check"
    finally:
        release.set()
        login.join()
        if writer.is_alive():
            writer.join()
    actions = [e.action for e in reg.event_log(OPERATOR) if e.action.startswith("login.")]
    assert actions == ["login.ok"]
