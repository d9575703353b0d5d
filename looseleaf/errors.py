"""The errors a user can act on.

Each carries one line that names the input and the reason, because the CLI
prints exactly that line and nothing else (no traceback without `--debug`).
Anything that is not a `LooseleafError` is a bug and is reported as one.
"""

from __future__ import annotations


class LooseleafError(Exception):
    """Base of every error meant for the person at the keyboard."""

    exit_code = 1


class BadInput(LooseleafError):
    """A file, argument or value that cannot be taken as given."""

    def __init__(self, what: str, reason: str) -> None:
        super().__init__(f"{what}: {reason}")
        self.what = what
        self.reason = reason


class NotFound(LooseleafError):
    """The one answer for both "missing" and "not yours to see".

    The message names only what the caller already typed, so a denied id and
    an unknown id are indistinguishable.
    """

    exit_code = 2

    def __init__(self, kind: str, ident: object) -> None:
        super().__init__(f"{kind} {ident}: not found")


class RegistryError(LooseleafError):
    """The registry itself cannot be opened or is not in a usable state."""

    exit_code = 3


class Forbidden(LooseleafError):
    """A staff action the account may not take. Never used for a leaf or a
    dossier the actor may not see: those are `NotFound`."""

    exit_code = 4

    def __init__(self, action: str, reason: str) -> None:
        super().__init__(f"{action}: not permitted ({reason})")


class LoginRefused(LooseleafError):
    """One message for a wrong name, a wrong password and a disabled account."""

    exit_code = 5
