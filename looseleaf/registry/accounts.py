"""Accounts: readers, their clearance and roles, passwords, tokens and logins."""

from __future__ import annotations

import hashlib
import re
import secrets
from collections.abc import Sequence
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from looseleaf.clock import stamp
from looseleaf.errors import BadInput, LoginRefused, NotFound
from looseleaf.model import Actor, Marking, Reader, Role
from looseleaf.policy import Action
from looseleaf.redaction import rules
from looseleaf.registry.base import MarkingRequest, RegistryBase
from looseleaf.store import Tx, persons, readers, redactions

_NAME = re.compile(r"[\w.@\-]{1,64}")  # whole: `$` would let a trailing newline in
_HASHER = PasswordHasher()
#: Verified against when the name is unknown, so a wrong name costs as long as a wrong password.
_DUMMY_HASH = _HASHER.hash(secrets.token_hex(16))
_REFUSED = "name or password is wrong, or the account is disabled"


def token_digest(token: str) -> str:
    """Tokens are 256 random bits, so a plain SHA-256 is a safe way to store them."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class Accounts(RegistryBase):
    def add_reader(
        self,
        actor: Actor,
        name: str,
        clearance: MarkingRequest,
        *,
        roles: Sequence[str] = (),
        password: str | None = None,
        reader_class: str | None = None,
        person_id: int | None = None,
    ) -> Reader:
        """A new account; `reader_class` the redaction class it reads in (a
        `subject` reader is linked to their own record, `person_id`)."""
        if not _NAME.fullmatch(name):
            raise BadInput(f"reader name {name!r}", "use 1-64 letters, digits, '.', '@', '-', '_'")
        marking = self.marking(clearance)
        parsed_roles = sorted({Role.parse(role).value for role in roles})
        with self._acting(actor, Action.READER_MANAGE) as (tx, _):
            if readers.by_name(tx, self.levels, name) is not None:
                raise BadInput(f"reader {name!r}", "an account with this name exists already")
            reader_id = readers.create(tx, name, self.levels.rank(marking.level), self.now())
            readers.set_compartments(tx, reader_id, marking.compartments)
            readers.set_roles(tx, reader_id, parsed_roles)
            if password is not None:
                readers.set_password_hash(tx, reader_id, _hash(password))
            chosen = self._classify(tx, reader_id, reader_class or "staff", person_id)
            self._record(
                tx,
                actor,
                "reader.add",
                target=f"reader:{reader_id}",
                detail={
                    "name": name,
                    "clearance": marking.as_json(),
                    "roles": parsed_roles,
                    "class": chosen,
                    "person": person_id,
                },
            )
            return self._reader(tx, name)

    def set_reader(
        self,
        actor: Actor,
        name: str,
        *,
        level: str | None = None,
        compartments: Sequence[str] | None = None,
        roles: Sequence[str] | None = None,
        password: str | None = None,
        reader_class: str | None = None,
        person_id: int | None = None,
    ) -> Reader:
        """Change an account; a lowered clearance counts from the very next
        check, as does a new redaction class."""
        with self._acting(actor, Action.READER_MANAGE) as (tx, _):
            before = self._reader(tx, name)
            changed: dict[str, object] = {}
            if level is not None or compartments is not None:
                new = Marking.parse(
                    self.levels,
                    level or before.clearance.level,
                    before.clearance.compartments if compartments is None else compartments,
                )
                readers.set_level(tx, before.id, self.levels.rank(new.level))
                readers.set_compartments(tx, before.id, new.compartments)
                changed["clearance"] = {"from": before.clearance.as_json(), "to": new.as_json()}
            if roles is not None:
                parsed = sorted({Role.parse(role).value for role in roles})
                readers.set_roles(tx, before.id, parsed)
                self._unmixed(tx, before.id)
                changed["roles"] = {"from": sorted(before.roles), "to": parsed}
            if password is not None:
                readers.set_password_hash(tx, before.id, _hash(password))
                changed["password"] = "changed"  # noqa: S105 - what changed, not a secret
            if reader_class is not None or person_id is not None:
                chosen = self._classify(
                    tx,
                    before.id,
                    reader_class or before.reader_class,
                    before.person_id if person_id is None else person_id,
                )
                changed["class"] = {"from": before.reader_class, "to": chosen}
                changed["person"] = {"from": before.person_id, "to": person_id}
            self._record(tx, actor, "reader.set", target=f"reader:{before.id}", detail=changed)
            return self._reader(tx, name)

    def disable_reader(self, actor: Actor, name: str) -> Reader:
        with self._acting(actor, Action.READER_MANAGE) as (tx, _):
            found = self._reader(tx, name)
            readers.disable(tx, found.id, self.now())
            self._record(tx, actor, "reader.disable", target=f"reader:{found.id}", detail={})
            return self._reader(tx, name)

    def readers(self, actor: Actor) -> list[Reader]:
        with self._acting(actor, Action.READER_MANAGE) as (tx, _):
            return readers.listing(tx, self.levels)

    def reader(self, actor: Actor, name: str) -> Reader:
        """An account: admins see any; a reader sees their own."""
        if actor.reader_id is not None and actor.name == name:
            with self.store.read() as tx:
                return self._reader(tx, name)
        with self._acting(actor, Action.READER_MANAGE) as (tx, _):
            return self._reader(tx, name)

    def _classify(self, tx: Tx, reader_id: int, reader_class: str, person_id: int | None) -> str:
        """Put an account in a redaction class; a subject reader is linked to
        their own record (and only they are)."""
        chosen = rules.check_class(reader_class)
        if chosen == "subject" and person_id is None:
            raise BadInput("--class subject", "give --person RECORD: the reader's own record")
        if chosen != "subject" and person_id is not None:
            raise BadInput(f"--person {person_id}", "only a subject reader is linked to a record")
        if person_id is not None and persons.by_id(tx, person_id) is None:
            raise NotFound("record", person_id)
        readers.set_class(tx, reader_id, chosen, person_id)
        self._unmixed(tx, reader_id)
        return chosen

    def _unmixed(self, tx: Tx, reader_id: int) -> None:
        """A staff role works on what a redaction hides (a custodian signs
        it off, an auditor checks hashes, a registrar curates the card
        index): an account of a class that masks anything holds none."""
        found = readers.by_id(tx, self.levels, reader_id)
        assert found is not None
        staff = sorted(set(found.roles) - {Role.READER.value})
        if staff and redactions.policies(tx)[found.reader_class].redacts:
            raise BadInput(
                f"reader {found.name!r}",
                f"an account of the {found.reader_class} class holds no staff role "
                f"({', '.join(staff)})",
            )

    def _reader(self, tx: Tx, name: str) -> Reader:
        found = readers.by_name(tx, self.levels, name)
        if found is None:
            raise NotFound("reader", name)
        return found

    # -- logging in --------------------------------------------------------------

    def login(self, name: str, password: str) -> Actor:
        """Check a password. Failures are recorded, and too many in a row lock the
        name for a while, whether or not the next password is right."""
        now = self._clock()
        window = stamp(now - timedelta(minutes=self.settings.login_window_minutes))
        limit = self.settings.login_max_failures
        # Argon2 takes tens of milliseconds on purpose: the password is checked
        # outside the write transaction, whose one writer lock would otherwise
        # hold up every read and search of the registry meanwhile. The throttle
        # and the account are looked at again under the lock, where the attempt
        # is recorded, so concurrent attempts count as if they came in turn.
        with self.store.read() as tx:
            throttled = readers.failed_logins_since(tx, name, window) >= limit
            found = readers.password_hash(tx, name)
        verified = not throttled and _verify(found[1] if found else None, password)
        with self._writing() as tx:
            throttled = throttled or readers.failed_logins_since(tx, name, window) >= limit
            unchanged = readers.password_hash(tx, name) == found
            ok = verified and not throttled and unchanged
            ok = ok and found is not None and found[2] is None
            readers.record_login(tx, name, stamp(now), ok)
            self._record(
                tx,
                Actor(name=name, kind="login"),
                "login.ok" if ok else ("login.throttled" if throttled else "login.failed"),
                target=None if found is None else f"reader:{found[0]}",
                detail={"name": name},
            )
        if throttled:
            raise LoginRefused(
                f"login {name}: too many failed attempts; try again in "
                f"{self.settings.login_window_minutes} minutes"
            )
        if not ok or found is None:
            raise LoginRefused(f"login {name}: {_REFUSED}")
        return Actor.reader(found[0], name)

    def open_session(self, name: str, password: str) -> tuple[Actor, str, str]:
        """Log in for the reading room or a script: (actor, token, expiry). The
        token is a short-lived one (`session_hours`), stored only as its hash."""
        actor = self.login(name, password)
        assert actor.reader_id is not None
        token = secrets.token_urlsafe(32)
        expires = stamp(self._clock() + timedelta(hours=self.settings.session_hours))
        with self._writing() as tx:
            token_id = readers.add_token(
                tx,
                actor.reader_id,
                token_digest(token),
                label="session",
                now=self.now(),
                expires_at=expires,
            )
            self._record(
                tx,
                actor,
                "session.open",
                target=f"reader:{actor.reader_id}",
                detail={"token": token_id, "expires_at": expires},
            )
        return actor, token, expires

    def close_session(self, actor: Actor, token: str) -> None:
        """Log out: the presented token ends now, whoever else holds a copy of it."""
        with self._writing() as tx:
            token_id = readers.revoke_token_by_digest(tx, token_digest(token), self.now())
            if token_id is not None:
                self._record(tx, actor, "session.close", target=f"token:{token_id}", detail={})

    def create_token(
        self, actor: Actor, name: str, *, days: int | None = None, label: str | None = None
    ) -> tuple[int, str, str]:
        """(token id, the token itself, expiry). The token is shown once and stored
        only as its hash."""
        token = secrets.token_urlsafe(32)
        expires = self.later(days or self.settings.token_days)
        own = actor.reader_id is not None and actor.name == name
        with self._acting(actor, Action.TOKEN_OWN if own else Action.TOKEN_MANAGE) as (tx, _):
            found = self._reader(tx, name)
            token_id = readers.add_token(
                tx, found.id, token_digest(token), label=label, now=self.now(), expires_at=expires
            )
            self._record(
                tx,
                actor,
                "token.create",
                target=f"reader:{found.id}",
                detail={"token": token_id, "expires_at": expires, "label": label},
            )
        return token_id, token, expires

    def revoke_token(self, actor: Actor, token_id: int) -> None:
        with self._acting(actor, Action.TOKEN_MANAGE) as (tx, _):
            if not readers.revoke_token(tx, token_id, self.now()):
                raise NotFound("live token", token_id)
            self._record(tx, actor, "token.revoke", target=f"token:{token_id}", detail={})

    def authenticate_token(self, token: str) -> Actor:
        """The reader a live token belongs to: one query, on every API request."""
        with self.store.read() as tx:
            found = readers.token_owner(tx, token_digest(token), self.now())
        if found is None:
            raise LoginRefused("token: unknown, expired or revoked")
        return Actor.reader(*found)


def _hash(password: str) -> str:
    if len(password) < 8:
        raise BadInput("password", "use at least 8 characters")
    return _HASHER.hash(password)


def _verify(digest: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(digest or _DUMMY_HASH, password) and digest is not None
    except (VerificationError, InvalidHashError):
        return False
