"""What a person can type, and what a refusal of it must look like.

`typed` is any text a keyboard, a paste or a script can put in a `str`:
control characters and NUL included, lone surrogates not (the CLI refuses
argv's undecodable bytes before any parser sees them; see test_cli_api).
`near(...)` builds text out of a parser's own syntax with arbitrary
characters between the pieces, so that examples get past the first check.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from looseleaf.errors import BadInput

A = TypeVar("A")
T = TypeVar("T")

CHARACTERS = st.characters(exclude_categories=["Cs"])
#: Characters a parser is likeliest to trip on: every C0 control, DEL, the
#: C1 line break, Unicode line and paragraph separators, digits that are
#: digits to `isdigit` but not to `int`, letters that change length when cased.
AWKWARD = st.sampled_from(
    [chr(c) for c in range(32)] + ["\x7f", "\x85", "\u2028", "\u2029", "\ufeff", "\uffff"]
    + ["²", "١", "٣", "߀", "ß", "ﬁ", "İ", "ı", "K", "ǅ", "\u0301", "😀", " ", "\t"]
)  # fmt: skip
SOME = st.one_of(CHARACTERS, AWKWARD)

typed = st.text(SOME, max_size=60)
#: Long, but within reason: past every length limit a parser keeps.
long_typed = st.text(SOME, min_size=900, max_size=4000)

#: For tests that each example gives a registry: no deadline, fixtures shared.
REGISTRY_SETTINGS = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def near(*pieces: str, size: int = 10) -> st.SearchStrategy[str]:
    """Text of a parser's own pieces, with arbitrary characters between them."""
    part = st.one_of(st.sampled_from(pieces), st.text(SOME, max_size=3))
    return st.lists(part, max_size=size).map("".join)


def anything(*pieces: str) -> st.SearchStrategy[str]:
    """Any text at all, or text near the parser's syntax, or very long text."""
    if not pieces:
        return st.one_of(typed, long_typed)
    return st.one_of(typed, near(*pieces), near(*pieces, size=40), long_typed)


def in_argv(text: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    """What a command line can carry: no NUL (argv cannot hold one)."""
    return text.map(lambda t: t.replace("\x00", ""))


def attempt(parse: Callable[[A], T], given: A) -> T | BadInput:
    """What the parser answers: its value, or its `BadInput`. Any other
    exception is a bug and propagates, failing the test."""
    try:
        return parse(given)
    except BadInput as error:
        return error


def one_line(error: BadInput) -> str:
    """A refusal as the CLI prints it: one line, with a reason."""
    message = str(error)
    assert message.splitlines() == [message], repr(message)
    assert error.reason.strip(), repr(message)
    assert message == f"{error.what}: {error.reason}"
    return message


def refused(error: BadInput, given: str) -> str:
    """One line that names what was typed (as Python writes it, so that no
    control character or line break of it reaches the terminal)."""
    message = one_line(error)
    assert repr(given) in error.what, (given, message)
    return message
