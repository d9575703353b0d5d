"""The registry's signing key (Ed25519), kept outside the database.

Whoever holds the database file can rewrite rows, but cannot sign a
checkpoint without this key; and the last checkpoint is also written beside
the key (the local witness), so cutting the log's tail shows too.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from looseleaf.errors import RegistryError


def default_path(registry: str) -> Path:
    """Beside a SQLite file; for PostgreSQL, a per-URL file in ~/.looseleaf/keys."""
    if registry.startswith(("postgresql://", "postgres://")):
        digest = hashlib.sha256(registry.encode()).hexdigest()[:16]
        return Path.home() / ".looseleaf" / "keys" / f"{digest}.key"
    return Path(registry.removeprefix("sqlite:///")).with_suffix(".key")


@dataclass(frozen=True)
class PublicKey:
    key: Ed25519PublicKey

    @property
    def raw(self) -> bytes:
        return self.key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    @property
    def key_id(self) -> str:
        return hashlib.sha256(self.raw).hexdigest()[:16]

    def encode(self) -> str:
        return base64.b64encode(self.raw).decode("ascii")

    @classmethod
    def decode(cls, text: str) -> PublicKey:
        return cls(Ed25519PublicKey.from_public_bytes(base64.b64decode(text)))

    def verify(self, signature: bytes, statement: bytes) -> bool:
        try:
            self.key.verify(signature, statement)
        except InvalidSignature:
            return False
        return True


@dataclass(frozen=True)
class SigningKey:
    path: Path
    key: Ed25519PrivateKey

    @property
    def public(self) -> PublicKey:
        return PublicKey(self.key.public_key())

    def sign(self, statement: bytes) -> bytes:
        return self.key.sign(statement)

    @property
    def witness_path(self) -> Path:
        return self.path.with_name(self.path.name + ".checkpoint")

    def write_witness(self, checkpoint: dict[str, Any]) -> None:
        """Replace the local witness atomically: the newest signed tree head."""
        tmp = self.witness_path.with_name(self.witness_path.name + ".tmp")
        tmp.write_text(json.dumps(checkpoint, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.witness_path)

    def read_witness(self) -> dict[str, Any] | None:
        try:
            data: dict[str, Any] = json.loads(self.witness_path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            raise RegistryError(f"{self.witness_path}: unreadable witness ({exc})") from None
        return data


def load(path: Path, *, create: bool) -> SigningKey:
    """Load the key at `path`; create it (mode 0600) if asked and absent."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if not create:
            raise RegistryError(
                f"signing key {path}: not found (set LOOSELEAF_SIGNING_KEY to its path)"
            ) from None
        return _create(path)
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except ValueError as exc:
        raise RegistryError(f"signing key {path}: not a PEM private key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise RegistryError(f"signing key {path}: not an Ed25519 key")
    return SigningKey(path, key)


def _create(path: Path) -> SigningKey:
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return load(path, create=False)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return SigningKey(path, key)
