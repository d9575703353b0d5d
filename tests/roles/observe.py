"""Everything an account can be told, asked of one built world.

Three observers: every JSON API route, every reading-room page and form,
and every CLI command. Each takes its list of routes or commands from the
app or the command tree itself, and each route or command must have an
entry in the tables below, so a new one without an entry fails the test
(`uncovered`) instead of going unasked.

Questions name things by the builder's names (`{leaf:r0p1}`, `{secret-leaf:0}`,
`{missing}`), are realised with the world's own ids, and their answers are
turned back into names (`canon`), so two worlds whose ids differ can be
compared. Where a question names something the subject may not see, the same
question is also asked of an id that never existed, and the two answers must
be the same (`Observations.unlike_missing`); an id of something hidden
that turns up in any answer, other than as an echo of the question, is
marked `<HIDDEN:...>` (`Observations.shown_hidden`).
"""

from __future__ import annotations

import base64
import difflib
import hashlib
import io
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
import typer
from fastapi import FastAPI
from fastapi.testclient import TestClient
from pypdf import PdfReader

from looseleaf.cli import app as cli_app
from looseleaf.cli import common as cli_common
from looseleaf.cli import run as cli_run
from looseleaf.clock import Clock
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from looseleaf.store import copies as copy_store
from looseleaf.web.app import create_app
from tests.roles.world import (
    DOSSIERS,
    HIDDEN_TITLES,
    HIGH,
    KEEPER,
    LOW,
    MISSING,
    NAMES,
    OPAQUE_FROM,
    SECRET_NAMES,
    SECRET_WORDS,
    SUBJECT,
    VEILED,
    WORDS,
    World,
)
from tests.web.conftest import BASE_URL

# -- naming things ------------------------------------------------------------------


@dataclass(frozen=True)
class Ref:
    """A thing by its builder's name, in a JSON body, a form or a query."""

    name: str


_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9:_\-]*)\}")
#: An id as the store hands it out: nine digits, not part of a word, a hash or a number.
_OPAQUE = re.compile(r"(?<![\w.])(\d{9})(?![\w]|\.\d)")
#: Hidden refs asked for generically, so a question reads the same in both
#: variants whatever their hidden material: the first or last of a kind.
_SECRET = re.compile(r"^secret-([a-z]+):([01])$")


def resolve(world: World, name: str) -> int:
    """A builder's name, or `secret-KIND:0|1` (the first or last hidden thing of
    a kind, or an id that never existed if there is none), as an id."""
    if name == "missing":
        return MISSING
    found = _SECRET.match(name)
    if found:
        kind, which = found.groups()
        pool = [r for r in world.refs if r.startswith(f"hidden-{kind}:")]
        if not pool:
            return MISSING
        return world.refs[pool[0] if which == "0" else pool[-1]]
    return world.refs[name]


def is_secret(world: World, name: str) -> bool:
    return name.startswith("secret-") or name in world.hidden or name == "missing"


def _realise(world: World, value: Any) -> Any:
    if isinstance(value, Ref):
        return resolve(world, value.name)
    if isinstance(value, str):
        return _PLACEHOLDER.sub(lambda m: str(resolve(world, m.group(1))), value)
    if isinstance(value, list | tuple):
        return [_realise(world, item) for item in value]
    if isinstance(value, dict):
        return {key: _realise(world, item) for key, item in value.items()}
    return value


def _names_in(value: Any) -> set[str]:
    if isinstance(value, Ref):
        return {value.name}
    if isinstance(value, str):
        return set(_PLACEHOLDER.findall(value))
    if isinstance(value, list | tuple):
        return {name for item in value for name in _names_in(item)}
    if isinstance(value, dict):
        return {name for item in value.values() for name in _names_in(item)}
    return set()


def _as_missing(world: World, value: Any) -> Any:
    """The same question with every hidden thing in it replaced by one that never existed."""
    if isinstance(value, Ref):
        return Ref("missing") if is_secret(world, value.name) else value
    if isinstance(value, str):
        return _PLACEHOLDER.sub(
            lambda m: "{missing}" if is_secret(world, m.group(1)) else m.group(0), value
        )
    if isinstance(value, list | tuple):
        return [_as_missing(world, item) for item in value]
    if isinstance(value, dict):
        return {key: _as_missing(world, item) for key, item in value.items()}
    return value


def _show(value: Any) -> str:
    if isinstance(value, Ref):
        return "{" + value.name + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_show(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    return repr(value) if not isinstance(value, str) else value


# -- canonical answers ------------------------------------------------------------------


_Known = tuple[dict[int, str], list[tuple[int, str]]]


class Canon:
    """Turns one world's answers into words both worlds share: ids into the
    builder's names, new ids (made by the questions themselves) into
    `<new:N>` in the order they first appear, and what is random by design
    (tokens, signatures, PDF bytes, temporary paths) into placeholders."""

    def __init__(self, world: World) -> None:
        self.world = world
        self.fresh: dict[str, int] = {}
        #: The question being answered (set by the askers): names what it makes.
        self.question = ""
        self.opaque = world.opaque
        self.replacements: list[tuple[str, str]] = [(str(world.directory), "<dir>")]
        self.replacements.append((world.url, "<registry>"))
        database = urlsplit(world.url).path.lstrip("/")
        if world.url.startswith("postgresql") and database:
            self.replacements.append((database, "<database>"))
        self.replacements.append((world.token, "<token:main>"))
        self.replacements += [(t, f"<token:spare-{n}>") for n, t in enumerate(world.spares)]

    def _pdf(self, encoded: str, asked: set[int], known: _Known) -> str:
        """A copy by its text (its bytes hold random ids): what a masked word
        would be found in."""
        return "<pdf text>\n" + self.text(pdf_text(base64.b64decode(encoded)), asked, known)

    def labels(self) -> dict[int, str]:
        found: dict[int, str] = {}
        for ref, value in self.world.refs.items():
            if value < OPAQUE_FROM:
                continue
            if ref in self.world.known:
                found[value] = f"<{ref}>"
            elif ref in self.world.hidden:
                found.setdefault(value, f"<HIDDEN:{ref}>")
            else:
                assert value not in found or found[value] == f"<{ref}>", (ref, found.get(value))
                found[value] = f"<{ref}>"
        return found

    def _name(self, value: int, asked: set[int], labels: dict[int, str]) -> str:
        if value in asked:
            return "<asked>"
        if value == MISSING:
            return "<missing>"
        if value not in labels:
            # Named after the question that first showed it, so that one
            # extra new thing in one world does not rename all that follow.
            count = self.fresh.get(self.question, 0)
            self.fresh[self.question] = count + 1
            ref = f"new:{zlib.crc32(self.question.encode()):08x}:{count}"
            self.world.refs[ref] = value
            labels[value] = f"<{ref}>"
        return labels[value]

    def text(self, text: str, asked: set[int], known: _Known | None = None) -> str:
        labels, hashes = known or self.known()
        for old, new in self.replacements:
            if old:
                text = text.replace(old, new)
        for number, sha in hashes:
            text = text.replace(sha, f"<copy-sha256:{number}>")
        if not self.opaque:
            return text
        return _OPAQUE.sub(lambda m: self._name(int(m.group(1)), asked, labels), text)

    def known(self) -> _Known:
        """The names of ids and copies as they stand (read once per answer)."""
        return (self.labels() if self.opaque else {}), self._copy_hashes()

    def _copy_hashes(self) -> list[tuple[int, str]]:
        """Copies are PDFs stamped with ids and the time they are rendered, so
        their hashes differ between any two registries; named by number."""
        with self.world.registry.store.read() as tx:
            return [(c.number, c.sha256) for c in copy_store.listing(tx)]

    def data(self, value: Any, asked: set[int]) -> str:
        known = self.known()
        labels = known[0]

        def walk(item: Any) -> Any:
            if isinstance(item, bool) or item is None or isinstance(item, float):
                return item
            if isinstance(item, int):
                if self.opaque and OPAQUE_FROM <= item < 10 * OPAQUE_FROM:
                    return self._name(item, asked, labels)
                return item
            if isinstance(item, str):
                return self.text(item, asked, known)
            if isinstance(item, dict):
                return {
                    key: self._pdf(item[key], asked, known)
                    if key == "pdf_base64" and isinstance(item[key], str) and item[key]
                    else "<random>"
                    if key in _RANDOM_KEYS and item[key] is not None
                    else walk(item[key])
                    for key in sorted(item)
                }
            if isinstance(item, list):
                return [walk(part) for part in item]
            return item

        return json.dumps(_in_order(walk(value)), sort_keys=True, indent=1, ensure_ascii=False)


_LABEL = re.compile(r"<[A-Za-z][^<>]*>")
_EVENT = {"action", "actor", "at", "target", "id"}


def _in_order(value: Any) -> Any:
    """Ties in a ranking are broken by id, and ids are random per registry:
    ranked lists are compared with ties in a fixed order, and a page of a
    paged result by its size (which page a tie lands on is the id's choice)."""
    if isinstance(value, list):
        items = [_in_order(item) for item in value]
        if items and all(isinstance(item, dict) and "score" in item for item in items):
            return sorted(items, key=lambda i: (-float(i["score"]), json.dumps(i, sort_keys=True)))
        if items and all(isinstance(i, dict) and {"count", "label"} <= set(i) for i in items):
            return sorted(items, key=lambda i: (-int(i["count"]), json.dumps(i, sort_keys=True)))
        if items and all(isinstance(i, dict) and set(i) >= _EVENT for i in items):
            # Audit events: some pages ask the facade leaf by leaf in id order,
            # so the order of their events is the ids' (random); compared as
            # the multiset of what happened. Event ids are dense by design
            # (a gap would hide a deletion), so they count every event, and an
            # auditor is shown every event anyway (redacted above them): the
            # ids themselves are not compared.
            return {
                "events": sorted(
                    json.dumps({k: v for k, v in i.items() if k != "id"}, sort_keys=True)
                    for i in items
                )
            }
        if items and all(isinstance(i, str) and _LABEL.fullmatch(i) for i in items):
            return sorted(items)  # ids listed in id order: a random order now
        return items
    if isinstance(value, dict):
        found = {key: _in_order(item) for key, item in value.items()}
        if "hits" in found and found.get("next_cursor") is not None:
            found["hits"] = f"<{len(found['hits'])} hits>"
            found["next_cursor"] = "<cursor>"
        return found
    return value


#: Values random by design in every registry (signing keys, signatures, tokens)
#: or commitments to the whole audit log (tree heads and proofs), which any
#: two registries with different histories have different.
_RANDOM_KEYS = frozenset(
    {
        "token",
        "pdf_base64",
        "signature",
        "public_key",
        "key_id",
        "root",
        "old_root",
        "entry_sha256",
        "path",
    }
)


_CSRF = re.compile(r'(name="csrf" value=")[^"]*(")')


_LIST = re.compile(r"(<(ol|ul)\b[^>]*>)(.*?)(</\2>)", re.DOTALL)
#: Pages that list a ranking (ties broken by id, random per registry).
RANKED = ("/search", "/persons?", "/registrar/cardindex")


_HREF = re.compile(r'(href|action)="([^"]*)"')
#: A signed tree head on the verify page: a commitment to the whole log, under a random key.
_HEAD = re.compile(r"(root <code>|by key )[0-9A-Za-z+/=_:-]{8,}(</code>|\.)")
_SVG = re.compile(r"<svg\b.*?</svg>", re.DOTALL)
_GEOMETRY = re.compile(
    r'\s(?:x|y|x1|x2|y1|y2|cx|cy|r|d|width|height|viewBox|transform|points|text-anchor)="[^"]*"'
)


def pdf_text(data: bytes) -> str:
    """The text a PDF holds, as a text extractor reads it."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def page_text(text: str) -> str:
    """A page before its ids are named: without its CSRF values (random per
    visitor) or the signed tree head (random key), its links decoded (so an id
    in a query string is seen as one)."""
    text = _CSRF.sub(r"\1<csrf>\2", text)
    text = _HEAD.sub(r"\1<random>\2", text)
    return _HREF.sub(lambda m: f'{m.group(1)}="{unquote(m.group(2))}"', text)


def pictures(text: str) -> str:
    """Each picture (once its ids are named) as the sorted list of its
    elements without their geometry: nodes are laid out in id order, and ids
    are random per registry."""

    def elements(match: re.Match[str]) -> str:
        parts = [_GEOMETRY.sub("", part).strip() for part in re.split(r"(?=<)", match.group(0))]
        return "\n".join(sorted(part for part in parts if part))

    return _SVG.sub(elements, text)


_ROW = re.compile(r'<tr class="event [^"]*"><td>\d+</td>')
_TBODY = re.compile(r"(<tbody>)(.*?)(</tbody>)", re.DOTALL)


_SLIP = re.compile(r'<section class="slip".*?</section>\s*', re.DOTALL)
_LISTED = re.compile(r">(\s*)([^<>\n]*, [^<>\n]*)(?=<|$)", re.MULTILINE)


def graph_names(text: str, path: str) -> str:
    """A graph page gathers names leaf by leaf in leaf-id order (random per
    registry): each comma-separated list of names in a fixed order."""
    if "/graph" not in path:
        return text
    return _LISTED.sub(lambda m: ">" + m.group(1) + ", ".join(sorted(m.group(2).split(", "))), text)


def ranked(text: str, path: str) -> str:
    """A page (once its ids are names) with what it orders by id in a fixed
    order: ranked lists (ties broken by id), the custodian's queue (sorted by
    slip id), the audit page's events (see `_in_order`), since ids are random
    per registry."""
    if path.startswith("/queue"):
        slips = _SLIP.findall(text)
        if not slips:
            return text
        first = text.index(slips[0])
        rest = _SLIP.sub("", text[first:]).lstrip()
        return text[:first] + "\n".join(sorted(s.strip() for s in slips)) + "\n" + rest
    if path.startswith("/audit"):

        def rows(match: re.Match[str]) -> str:
            body = _ROW.sub('<tr class="event"><td>#</td>', match.group(2))
            head, *items = body.split("<tr")
            return (
                match.group(1) + head + "".join(sorted("<tr" + i for i in items)) + match.group(3)
            )

        return _TBODY.sub(rows, text)
    if not path.startswith(RANKED):
        return text

    def ordered(match: re.Match[str]) -> str:
        head, *items = match.group(3).split("<li")
        return match.group(1) + head + "".join(sorted("<li" + i for i in items)) + match.group(4)

    return _LIST.sub(ordered, text)


_NEW = re.compile(r"<new:[^>]+>")


def alike(missing: str, hidden: str) -> bool:
    """A question about a hidden thing and its twin about a missing one may
    each make something new (a slip, a note): its id is new either way."""
    return _NEW.sub("<new>", missing) == _NEW.sub("<new>", hidden)


# -- what was seen --------------------------------------------------------------------


@dataclass
class Observations:
    """One world's answers by question, and what went wrong inside that world."""

    answers: dict[str, str] = field(default_factory=dict)
    #: Questions about something hidden that were answered otherwise than for a missing id.
    unlike_missing: dict[str, tuple[str, str]] = field(default_factory=dict)

    def crashed(self) -> list[str]:
        """Questions answered with an internal error: a bug, whatever it shows."""
        return [
            key for key, answer in self.answers.items() if answer.startswith(("500\n", "exit 70\n"))
        ]

    def shown_hidden(self) -> list[str]:
        return [key for key, answer in self.answers.items() if "<HIDDEN:" in answer]


def differences(one: Observations, other: Observations, limit: int = 6) -> list[str]:
    """Each question answered differently, with a short diff."""
    found = []
    for key in [*one.answers, *(k for k in other.answers if k not in one.answers)]:
        a, b = one.answers.get(key, "(not asked)"), other.answers.get(key, "(not asked)")
        if a == b:
            continue
        diff = [
            line
            for line in difflib.unified_diff(a.splitlines(), b.splitlines(), "a", "b", n=0)
            if not line.startswith(("---", "+++", "@@"))
        ]
        shown = "\n      ".join(line[:160] for line in diff[:limit])
        more = f"\n      ... {len(diff) - limit} more lines" if len(diff) > limit else ""
        found.append(f"{key}\n      {shown}{more}")
    return found


# -- asking ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Ask:
    """One HTTP question, with builder's names where ids go."""

    method: str
    path: str
    params: dict[str, Any] | None = None
    json: Any = None
    form: dict[str, Any] | None = None
    files: tuple[tuple[str, str, bytes], ...] = ()
    token: str = "main"

    def key(self, where: str) -> str:
        parts = [where, self.method, self.path]
        for label, value in (("params", self.params), ("json", self.json), ("form", self.form)):
            if value is not None:
                parts.append(f"{label}={_show(value)}")
        parts += [f"file={name}" for name, _, _ in self.files]
        if self.token != "main":
            parts.append(f"as token {self.token}")
        return " ".join(parts)

    def names(self) -> set[str]:
        return _names_in([self.path, self.params, self.json, self.form])

    def as_missing(self, world: World) -> Ask:
        return replace(
            self,
            path=_as_missing(world, self.path),
            params=_as_missing(world, self.params),
            json=_as_missing(world, self.json),
            form=_as_missing(world, self.form),
        )


class Http:
    """The app of one world, asked over TestClient as the subject (bearer
    token, no cookie), redirects not followed (the Location is the answer)."""

    def __init__(self, world: World, canon: Canon, seen: Observations, client: TestClient) -> None:
        self.world = world
        self.canon = canon
        self.seen = seen
        self.client = client
        self.raw: dict[str, Any] = {}

    def token(self, name: str) -> str:
        if name == "main":
            return self.world.token
        return self.world.spares[int(name.split("-")[1])]

    def send(self, ask: Ask, where: str) -> tuple[int, Any, str]:
        """(status, parsed JSON or None, canonical answer)."""
        world = self.world
        self.canon.question = ask.key(where)
        path = _realise(world, ask.path)
        asked = {resolve(world, name) for name in ask.names() if is_secret(world, name)}
        self.client.cookies.clear()
        kwargs: dict[str, Any] = {}
        if ask.params is not None:
            kwargs["params"] = {k: str(v) for k, v in _realise(world, ask.params).items()}
        if ask.json is not None:
            kwargs["json"] = _realise(world, ask.json)
        if ask.form is not None:
            kwargs["data"] = {k: str(v) for k, v in _realise(world, ask.form).items()}
        if ask.files:
            kwargs["files"] = [(name, (file, data, "text/plain")) for name, file, data in ask.files]
        response = self.client.request(
            ask.method,
            path,
            headers={"Authorization": f"Bearer {self.token(ask.token)}"},
            follow_redirects=False,
            **kwargs,
        )
        parsed: Any = None
        kind = response.headers.get("content-type", "")
        if "json" in kind and response.content:
            parsed = response.json()
            body = self.canon.data(parsed, asked)
        elif "html" in kind:
            shown = ask.path + ("?" if ask.params else "")
            body = ranked(
                pictures(graph_names(self.canon.text(page_text(response.text), asked), shown)),
                shown,
            )
        elif "pdf" in kind:
            body = "<pdf text>\n" + self.canon.text(pdf_text(response.content), asked)
        elif kind.startswith("image/"):
            # A facsimile is drawn for its reader: the same bytes in both worlds, or a leak.
            body = f"<{kind} sha256 {hashlib.sha256(response.content).hexdigest()}>"
        else:
            body = self.canon.text(response.text, asked)
        location = response.headers.get("location")
        if location:
            body = f"Location: {self.canon.text(location, asked)}\n{body}"
        return response.status_code, parsed, f"{response.status_code}\n{body}"

    def ask(self, where: str, ask: Ask) -> Any:
        """Ask, record the answer, and for a question about something hidden
        ask the same of an id that never existed first: the answers must agree."""
        key = ask.key(where)
        secret = any(is_secret(self.world, n) and n != "missing" for n in ask.names())
        missing_answer = None
        if secret:
            twin = ask.as_missing(self.world)
            _, _, missing_answer = self.send(twin, where)
            self.seen.answers.setdefault(twin.key(where), missing_answer)
        _, parsed, answer = self.send(ask, where)
        self.seen.answers[key] = answer
        if missing_answer is not None and not alike(missing_answer, answer):
            self.seen.unlike_missing[key] = (answer, missing_answer)
        self.raw[key] = parsed
        return parsed


# -- the API's questions ----------------------------------------------------------------


@dataclass
class Context:
    """What the tables below build their questions from."""

    world: World
    answers: dict[str, Any] = field(default_factory=dict)

    def some(self, kind: str, *extra: str) -> list[str]:
        """Every visible thing of a kind, two hidden ones, named extras, and a missing one."""
        return [
            *self.world.names(f"{kind}:"),
            *extra,
            f"secret-{kind}:0",
            f"secret-{kind}:1",
            "missing",
        ]

    def leaves(self) -> list[str]:
        return self.some("leaf", "leaf:fading", "typed-leaf:0")

    def few(self, names: list[str], visible: int = 3) -> list[str]:
        """The CLI is a thin shell over the facade the HTTP routes were asked
        through already: a few visible things each, and every hidden one."""
        shown = [n for n in names if not is_secret(self.world, n)]
        return [*shown[:visible], *(n for n in names if is_secret(self.world, n))]

    def readable(self) -> list[str]:
        return self.world.names("leaf:")

    def dossiers(self) -> list[str]:
        extra = ["dossier:veiled"] if "dossier:veiled" in self.world.refs else []
        return self.some("dossier", *extra)

    def slips(self) -> list[str]:
        named = [r for r in self.world.refs if r.startswith("slip:")]
        return [*named, "secret-slip:0", "missing"]

    def ref_of(self, value: Any) -> str | None:
        for ref, found in self.world.refs.items():
            if found == value:
                return ref
        return None


def titles() -> list[str]:
    """Dossier titles to ask for by name: a visible one, the titles hidden in
    either variant (the veiled dossier's and the first hidden dossier's), none."""
    return [
        DOSSIERS[0],
        *VEILED.values(),
        *(pair[0] for pair in HIDDEN_TITLES.values()),
        "NO SUCH DOSSIER",
    ]


QUERIES = (
    *WORDS,
    *NAMES,
    *(word for pair in SECRET_WORDS.values() for word in pair),
    *SECRET_NAMES.values(),
    "sealed",
    "fading",
    "zebra OR harbour",
    "grain -zebra",
    "Quarzmann",
    "Nussbaum",
)
PERSON_QUERIES = (
    *NAMES,
    *SECRET_NAMES.values(),
    "Quarzmann",
    "Nussbaum",
    "Orlow",
    "zebra",
)
ACCOUNTS = (SUBJECT, KEEPER, LOW, HIGH, "nobody")

Asks = Callable[[Context], Iterable[Ask]]


def _each(method: str, path: str, names: Callable[[Context], Iterable[str]], **kw: Any) -> Asks:
    """One question per name, the name put where `{}` is in the path."""

    def asks(c: Context) -> Iterator[Ask]:
        for name in names(c):
            yield Ask(method, path.replace("{}", "{" + name + "}"), **kw)

    return asks


def _fixed(*asks: Ask) -> Asks:
    return lambda c: asks


def _with(where: str) -> Any:
    """An entry whose questions are asked with another entry's (`where`), in
    the order that entry needs: it asks nothing of its own."""
    del where
    return _fixed()


def _api_slips_post(c: Context) -> Iterator[Ask]:
    # A slip by ids echoes them: only ids the subject has named before (typed).
    yield Ask("POST", "/api/slips", json={"purpose": "ids", "leaves": [Ref("typed-leaf:0")]})
    yield Ask("POST", "/api/slips", json={"purpose": "ids", "leaves": [Ref("leaf:fading")]})
    for word in ("zebra", "walnut", "grain", "sealed"):
        yield Ask("POST", "/api/slips", json={"purpose": f"about {word}", "query": word})
    for leaf in c.readable():
        xrefs = c.answers.get(f"xrefs {leaf}")
        for xref in xrefs if isinstance(xrefs, list) else []:
            scope = {"leaf": Ref(leaf), "name": xref["text"]}
            yield Ask("POST", "/api/slips", json={"purpose": "xref", "xref": scope})
    for name in ("Falke", "Sperber", "Amsel", "Drossel", "Orlov"):
        for leaf in ("secret-leaf:0", *c.readable()[:2]):
            scope = {"leaf": Ref(leaf), "name": name}
            yield Ask("POST", "/api/slips", json={"purpose": "guess", "xref": scope})


def _proposed(c: Context, slip: str) -> list[Ref]:
    """The leaves the subject was shown as proposed on a slip (if any), by name."""
    found = c.answers.get(f"slip {slip}")
    proposed = found.get("proposed") if isinstance(found, dict) else None
    names = [c.ref_of(leaf) for leaf in proposed or []]
    return [Ref(name) for name in names if name is not None and name not in c.world.hidden]


def _api_decisions(c: Context) -> Iterator[Ask]:
    for slip in c.slips():
        path = "/api/slips/{" + slip + "}/decision"
        yield Ask("POST", path, json={"approve": [Ref("secret-leaf:0")]})
        yield Ask("POST", path, json={"deny": [Ref("typed-leaf:0")]})
    for slip in c.slips():
        shown = _proposed(c, slip)
        if shown:
            path = "/api/slips/{" + slip + "}/decision"
            yield Ask("POST", path, json={"approve": shown[:1], "deny": shown[1:], "days": 3})


def _api_copies_post(c: Context) -> Iterator[Ask]:
    for reader in (HIGH, SUBJECT, LOW):
        yield Ask(
            "POST",
            "/api/copies",
            json={"reader": reader, "leaves": [Ref("secret-leaf:0")], "purpose": "probe"},
        )
    yield Ask(
        "POST",
        "/api/copies",
        json={"reader": SUBJECT, "leaves": [Ref(c.readable()[0])], "purpose": "a copy"},
    )


def _api_notes_post(c: Context) -> Iterator[Ask]:
    for leaf in ("secret-leaf:0", "leaf:fading", "typed-leaf:0", c.readable()[0]):
        yield Ask("POST", "/api/notes", json={"text": "a note", "cite": [Ref(leaf)]})


def _api_claims_post(c: Context) -> Iterator[Ask]:
    for leaf in ("secret-leaf:0", "leaf:fading", c.readable()[0]):
        for subject in ("Falke", "Sperber", "Amsel", "Kasimir Orlov"):
            yield Ask(
                "POST",
                "/api/claims",
                json={"leaf": Ref(leaf), "subject": subject, "property": "other"},
            )


def _api_claim_decisions(c: Context) -> Iterator[Ask]:
    for claim in ("secret-claim:0", "secret-claim:1", *c.world.names("claim:")):
        yield Ask("POST", "/api/claims/decision", json={"claims": [Ref(claim)], "accept": True})
    yield Ask("POST", "/api/claims/decision", json={"accept": False})


def _api_tokens(c: Context) -> Iterator[Ask]:
    for reader in (SUBJECT, LOW):
        yield Ask("POST", "/api/tokens", json={"reader": reader, "days": 1, "label": "probe"})


def _api_revoke(c: Context) -> Iterator[Ask]:
    yield Ask("DELETE", "/api/tokens/{token:spare-2}")
    yield Ask("DELETE", "/api/tokens/987654")


def _audit_queries(c: Context) -> Iterator[Ask]:
    yield Ask("GET", "/api/audit/log")
    for leaf in (*c.leaves(),):
        yield Ask("GET", "/api/audit/log", params={"leaf": Ref(leaf)})
    for reader in ACCOUNTS:
        yield Ask("GET", "/api/audit/log", params={"reader": reader})
    for action in ("leaf.read", "report.ingest", "slip.request", "leaf.mark"):
        yield Ask("GET", "/api/audit/log", params={"action": action})


#: Every API route: when it is asked (read, write, last) and what.
API: dict[tuple[str, str], tuple[str, Asks]] = {
    ("GET", "/openapi.json"): ("read", _fixed(Ask("GET", "/openapi.json"))),
    ("POST", "/api/session"): (
        "read",
        _fixed(
            Ask("POST", "/api/session", json={"username": SUBJECT, "password": "wrong"}),
        ),
    ),
    ("DELETE", "/api/session"): ("last", _fixed(Ask("DELETE", "/api/session", token="spare-0"))),
    ("GET", "/api/me"): ("read", _fixed(Ask("GET", "/api/me"))),
    ("GET", "/api/dossiers"): ("read", _fixed(Ask("GET", "/api/dossiers"))),
    ("GET", "/api/dossiers/{dossier_id}"): (
        "read",
        _each("GET", "/api/dossiers/{}", Context.dossiers),
    ),
    ("GET", "/api/dossiers/{dossier_id}/leaves"): (
        "read",
        _each("GET", "/api/dossiers/{}/leaves", Context.dossiers),
    ),
    ("GET", "/api/leaves/{leaf_id}"): ("read", _each("GET", "/api/leaves/{}", Context.leaves)),
    ("GET", "/api/leaves/{leaf_id}/facsimile"): (
        "read",
        _each("GET", "/api/leaves/{}/facsimile", Context.leaves),
    ),
    ("GET", "/api/leaves/{leaf_id}/xrefs"): (
        "read",
        _each("GET", "/api/leaves/{}/xrefs", Context.leaves),
    ),
    ("GET", "/api/leaves/{leaf_id}/redaction"): (
        "read",
        _each("GET", "/api/leaves/{}/redaction", Context.leaves),
    ),
    ("GET", "/api/leaves/{leaf_id}/redaction/suggestions"): (
        "read",
        _each("GET", "/api/leaves/{}/redaction/suggestions", Context.leaves),
    ),
    ("GET", "/api/leaves/{leaf_id}/redaction/preview"): (
        "read",
        _each(
            "GET",
            "/api/leaves/{}/redaction/preview",
            Context.leaves,
            params={"class": "researcher"},
        ),
    ),
    ("POST", "/api/leaves/{leaf_id}/redaction"): (
        "write",
        _each("POST", "/api/leaves/{}/redaction", Context.leaves, json={"keep": True}),
    ),
    ("GET", "/api/redaction/policies"): ("read", _fixed(Ask("GET", "/api/redaction/policies"))),
    ("POST", "/api/slips/decode"): (
        "write",
        lambda c: [
            Ask(
                "POST",
                "/api/slips/decode",
                json={"leaf": Ref(leaf), "name": name, "purpose": "who is it"},
            )
            for leaf in c.few(c.leaves(), 1)
            for name in ("Falke", "Sperber")
        ],
    ),
    ("POST", "/api/slips/{slip_id}/decoding"): (
        "write",
        lambda c: [
            Ask("POST", "/api/slips/{" + s + "}/decoding", json={"approve": False})
            for s in c.slips()
        ],
    ),
    ("GET", "/api/notices"): ("read", _fixed(Ask("GET", "/api/notices"))),
    ("PUT", "/api/redaction/policies/{name}"): (
        "last",
        _fixed(
            Ask(
                "PUT",
                "/api/redaction/policies/journalist",
                json={"masks": ["third_party", "none"], "lapses": True},
            )
        ),
    ),
    ("GET", "/api/search"): (
        "read",
        lambda c: [
            *(Ask("GET", "/api/search", params={"q": q, "limit": 200}) for q in QUERIES),
            Ask("GET", "/api/search", params={"q": "harbour OR grain OR letter", "limit": 1}),
        ],
    ),
    ("GET", "/api/persons"): (
        "read",
        lambda c: [Ask("GET", "/api/persons", params={"q": q}) for q in PERSON_QUERIES],
    ),
    ("GET", "/api/cards"): (
        "read",
        lambda c: [
            Ask("GET", "/api/cards"),
            Ask("GET", "/api/cards", params={"letter": "O", "kind": "person"}),
        ],
    ),
    ("GET", "/api/persons/{person_id}"): (
        "read",
        _each("GET", "/api/persons/{}", lambda c: c.some("person")),
    ),
    ("GET", "/api/slips"): (
        "read",
        _fixed(
            Ask("GET", "/api/slips"),
            Ask("GET", "/api/slips", params={"status": "pending"}),
        ),
    ),
    ("GET", "/api/slips/{slip_id}"): ("read", _each("GET", "/api/slips/{}", Context.slips)),
    ("POST", "/api/slips"): ("write", _api_slips_post),
    ("POST", "/api/slips/{slip_id}/decision"): ("write", _api_decisions),
    ("POST", "/api/slips/{slip_id}/return"): (
        "last",
        _each("POST", "/api/slips/{}/return", Context.slips),
    ),
    ("GET", "/api/grants"): (
        "read",
        lambda c: [
            Ask("GET", "/api/grants"),
            *(Ask("GET", "/api/grants", params={"reader": r}) for r in ACCOUNTS),
        ],
    ),
    ("GET", "/api/copies"): (
        "read",
        _fixed(
            Ask("GET", "/api/copies"),
            Ask("GET", "/api/copies", params={"outstanding": "true"}),
        ),
    ),
    ("POST", "/api/copies"): ("write", _api_copies_post),
    ("POST", "/api/copies/{number}/return"): (
        "last",
        _fixed(
            Ask("POST", "/api/copies/{copy:high}/return"),
            Ask("POST", "/api/copies/{copy:mine}/return"),
        ),
    ),
    ("POST", "/api/copies/{number}/verify"): (
        "read",
        _fixed(
            Ask("POST", "/api/copies/{copy:high}/verify"),
            Ask("POST", "/api/copies/{copy:mine}/verify"),
        ),
    ),
    ("GET", "/api/notes"): ("read", _fixed(Ask("GET", "/api/notes"))),
    ("POST", "/api/notes"): ("write", _api_notes_post),
    ("GET", "/api/audit/log"): ("read", _audit_queries),
    ("GET", "/api/audit/verify"): ("read", _fixed(Ask("GET", "/api/audit/verify"))),
    ("POST", "/api/audit/checkpoint"): ("read", _fixed(Ask("POST", "/api/audit/checkpoint"))),
    ("GET", "/api/audit/exposure"): (
        "read",
        lambda c: [Ask("GET", "/api/audit/exposure", params={"reader": r}) for r in ACCOUNTS],
    ),
    ("GET", "/api/audit/alarms"): ("read", _fixed(Ask("GET", "/api/audit/alarms"))),
    ("GET", "/api/readers"): ("read", _fixed(Ask("GET", "/api/readers"))),
    ("POST", "/api/readers"): (
        "write",
        _fixed(
            Ask("POST", "/api/readers", json={"name": "newcomer", "level": "SECRET"}),
        ),
    ),
    ("POST", "/api/tokens"): ("write", _api_tokens),
    ("DELETE", "/api/tokens/{token_id}"): ("last", _api_revoke),
    ("GET", "/api/claims"): (
        "read",
        lambda c: [
            Ask("GET", "/api/claims"),
            Ask("GET", "/api/claims", params={"status": "suggested"}),
            *(Ask("GET", "/api/claims", params={"subject": s}) for s in PERSON_QUERIES),
            *(Ask("GET", "/api/claims", params={"leaf": Ref(leaf)}) for leaf in c.leaves()),
        ],
    ),
    ("POST", "/api/claims"): ("write", _api_claims_post),
    ("POST", "/api/claims/decision"): ("write", _api_claim_decisions),
    ("GET", "/api/conflicts"): (
        "read",
        lambda c: [
            Ask("GET", "/api/conflicts"),
            *(Ask("GET", "/api/conflicts", params={"subject": s}) for s in PERSON_QUERIES),
        ],
    ),
    ("GET", "/api/timeline"): (
        "read",
        lambda c: [
            *(Ask("GET", "/api/timeline", params={"subject": s}) for s in PERSON_QUERIES),
            *(Ask("GET", "/api/timeline", params={"dossier": Ref(d)}) for d in c.dossiers()),
        ],
    ),
}


# -- the reading room's pages and forms --------------------------------------------------


def _room_forms(c: Context) -> Iterator[Ask]:
    first = c.readable()[0]
    yield Ask("POST", "/slips", form={"purpose": "ids", "leaves": Ref("typed-leaf:0")})
    yield Ask("POST", "/slips", form={"purpose": "about", "query": "walnut"})
    yield Ask(
        "POST",
        "/slips",
        form={"purpose": "x", "xref_leaf": Ref("secret-leaf:0"), "xref_name": "Orlov"},
    )
    yield Ask("POST", "/notes", form={"text": "room note", "cite": Ref("secret-leaf:0")})
    yield Ask("POST", "/notes", form={"text": "room note", "cite": Ref(first)})
    yield Ask(
        "POST",
        "/claims",
        form={"leaf": Ref("secret-leaf:0"), "subject": "Falke", "property": "other"},
    )
    yield Ask(
        "POST", "/claims", form={"leaf": Ref(first), "subject": "Sperber", "property": "other"}
    )
    yield Ask("POST", "/claims/decide", form={"claim": Ref("secret-claim:0"), "accept": "1"})
    yield Ask(
        "POST", "/conflicts/note", form={"claim": Ref("secret-claim:0"), "text": "which is right?"}
    )
    for slip in c.slips():
        yield Ask("POST", "/queue/{" + slip + "}", form={"approve": Ref("secret-leaf:0")})
    yield Ask(
        "POST", "/copies", form={"reader": HIGH, "leaves": Ref("secret-leaf:0"), "purpose": "probe"}
    )
    for number in ("copy:high", "copy:mine", "missing"):
        yield Ask("POST", "/copies/verify", form={"number": Ref(number)})
    yield Ask("POST", "/audit/verify", form={})


def _registrar_forms(c: Context) -> Iterator[Ask]:
    level = c.world.spec.clearance[0]
    for leaf in ("secret-leaf:0", "leaf:fading"):
        yield Ask(
            "POST", "/registrar/mark", form={"leaves": Ref(leaf), "level": level, "reason": "probe"}
        )
    yield Ask(
        "POST",
        "/registrar/mark",
        form={"report": Ref("secret-report:0"), "level": level, "reason": "probe"},
    )
    for title in titles():
        yield Ask(
            "POST",
            "/registrar/mark-dossier",
            form={"dossier": title, "level": level, "reason": "probe"},
        )
    yield Ask("POST", "/registrar/withdraw", form={"leaf": Ref("secret-leaf:1"), "reason": "probe"})
    yield Ask("POST", "/registrar/suggestions/{secret-suggestion:0}", form={"accept": "0"})
    for person in ("secret-person:0", "secret-person:1"):
        yield Ask(
            "POST",
            "/registrar/merge",
            form={"keep": Ref("person:weber"), "other": Ref(person), "reason": "probe"},
        )
        yield Ask(
            "POST",
            "/registrar/forms",
            form={"person": Ref(person), "form": "Probename", "type": "alias"},
        )
        yield Ask(
            "POST",
            "/registrar/forms/reject",
            form={"person": Ref(person), "form": "Amsel", "reason": "probe"},
        )
        yield Ask(
            "POST",
            "/registrar/split",
            form={
                "person": Ref(person),
                "forms": "Zebra Quartz",
                "preferred": "Other",
                "reason": "probe",
            },
        )
    for title in titles():
        yield Ask(
            "POST",
            "/registrar/persons",
            form={"preferred": "Newcomer", "level": level, "dossier": title},
        )
        yield Ask(
            "POST",
            "/registrar/ingest",
            form={"dossier": title, "level": level},
            files=(("files", "upload.txt", f"uploaded into {title}\n".encode()),),
        )


def _room_searches(c: Context) -> Iterator[Ask]:
    for q in ("grain", "zebra", "walnut", "Falke", "Sperber", "Amsel", "Drossel", "sealed"):
        yield Ask("GET", "/search", params={"q": q})


def _review(c: Context) -> Iterator[Ask]:
    for slip in c.slips():
        for leaf in ("secret-leaf:0", "typed-leaf:0", *(r.name for r in _proposed(c, slip))):
            yield Ask("GET", "/queue/{" + slip + "}/leaves/{" + leaf + "}")


#: Every reading-room route: when it is asked and what.
ROOM: dict[tuple[str, str], tuple[str, Asks]] = {
    ("GET", "/login"): ("read", _fixed(Ask("GET", "/login"))),
    ("POST", "/login"): (
        "read",
        _fixed(
            Ask("POST", "/login", form={"username": SUBJECT, "password": "wrong", "csrf": "x"}),
        ),
    ),
    ("POST", "/logout"): ("last", _fixed(Ask("POST", "/logout", form={}, token="spare-1"))),
    ("GET", "/"): ("read", _fixed(Ask("GET", "/"))),
    ("GET", "/dossiers/{dossier_id}"): ("read", _each("GET", "/dossiers/{}", Context.dossiers)),
    ("GET", "/leaves/{leaf_id}"): ("read", _each("GET", "/leaves/{}", Context.leaves)),
    ("GET", "/leaves/{leaf_id}/redaction"): (
        "read",
        lambda c: [
            *_each("GET", "/leaves/{}/redaction", Context.leaves)(c),
            *(
                Ask("GET", "/leaves/{" + leaf + "}/redaction", params={"preview": "researcher"})
                for leaf in c.few(c.leaves(), 1)
            ),
        ],
    ),
    ("POST", "/slips/decode"): (
        "write",
        lambda c: [
            Ask(
                "POST", "/slips/decode", form={"leaf": Ref(leaf), "name": "Falke", "purpose": "who"}
            )
            for leaf in c.few(c.leaves(), 1)
        ],
    ),
    ("POST", "/queue/{slip_id}/decoding"): (
        "write",
        lambda c: [
            Ask("POST", "/queue/{" + s + "}/decoding", form={"answer": "refuse"}) for s in c.slips()
        ],
    ),
    ("POST", "/leaves/{leaf_id}/redaction"): (
        "write",
        lambda c: [
            Ask("POST", "/leaves/{" + leaf + "}/redaction", form={"keep": "0", "add": ""})
            for leaf in c.few(c.leaves(), 1)
        ],
    ),
    ("GET", "/leaves/{leaf_id}/facsimile"): (
        "read",
        _each("GET", "/leaves/{}/facsimile", Context.leaves),
    ),
    ("GET", "/search"): ("read", _room_searches),
    ("GET", "/persons"): (
        "read",
        lambda c: (
            [Ask("GET", "/persons", params={"q": q}) for q in PERSON_QUERIES]
            + [Ask("GET", "/persons", params={"letter": "O"})]
        ),
    ),
    ("GET", "/persons/{person_id}"): (
        "read",
        _each("GET", "/persons/{}", lambda c: c.some("person")),
    ),
    ("POST", "/slips"): ("write", _room_forms),
    ("POST", "/slips/{slip_id}/return"): (
        "last",
        _each("POST", "/slips/{}/return", Context.slips, form={}),
    ),
    ("POST", "/notes"): ("write", _with("_room_forms")),
    ("GET", "/queue"): ("read", _fixed(Ask("GET", "/queue"))),
    ("GET", "/queue/{slip_id}/leaves/{leaf_id}"): ("read", _review),
    ("POST", "/queue/{slip_id}"): ("write", _with("_room_forms")),
    ("GET", "/copies"): ("read", _fixed(Ask("GET", "/copies"))),
    ("POST", "/copies"): ("write", _with("_room_forms")),
    ("POST", "/copies/{number}/return"): (
        "last",
        _fixed(
            Ask("POST", "/copies/{copy:high}/return", form={}),
        ),
    ),
    ("POST", "/copies/verify"): ("write", _with("_room_forms")),
    ("POST", "/claims"): ("write", _with("_room_forms")),
    ("GET", "/claims"): ("read", _fixed(Ask("GET", "/claims"))),
    ("POST", "/claims/decide"): ("write", _with("_room_forms")),
    ("GET", "/conflicts"): (
        "read",
        lambda c: [
            Ask("GET", "/conflicts"),
            *(
                Ask("GET", "/conflicts", params={"subject": s})
                for s in ("Kasimir Orlov", "Falke", "Zebra Quartz")
            ),
        ],
    ),
    ("POST", "/conflicts/note"): ("write", _with("_room_forms")),
    ("GET", "/timeline"): (
        "read",
        lambda c: [
            Ask("GET", "/timeline", params={"subject": s})
            for s in ("Kasimir Orlov", "Falke", "Sperber", *SECRET_NAMES.values())
        ],
    ),
    ("GET", "/audit"): (
        "read",
        lambda c: [
            Ask("GET", "/audit"),
            Ask("GET", "/audit", params={"leaf": Ref("secret-leaf:0")}),
            Ask("GET", "/audit", params={"reader": LOW}),
        ],
    ),
    ("POST", "/audit/verify"): ("write", _with("_room_forms")),
    ("GET", "/audit/alarms"): ("read", _fixed(Ask("GET", "/audit/alarms"))),
    ("GET", "/audit/exposure"): (
        "read",
        lambda c: [
            Ask("GET", "/audit/exposure", params={"reader": r}) for r in (SUBJECT, LOW, HIGH)
        ],
    ),
    ("GET", "/registrar"): ("read", _fixed(Ask("GET", "/registrar"))),
    ("GET", "/registrar/ingest"): ("read", _fixed(Ask("GET", "/registrar/ingest"))),
    ("POST", "/registrar/ingest"): ("write", _with("_registrar_forms")),
    ("GET", "/registrar/marking"): ("read", _fixed(Ask("GET", "/registrar/marking"))),
    ("POST", "/registrar/mark"): ("write", _registrar_forms),
    ("POST", "/registrar/mark-dossier"): ("write", _with("_registrar_forms")),
    ("POST", "/registrar/withdraw"): ("write", _with("_registrar_forms")),
    ("GET", "/registrar/cardindex"): (
        "read",
        lambda c: [
            Ask("GET", "/registrar/cardindex"),
            *(
                Ask("GET", "/registrar/cardindex", params={"q": q})
                for q in ("Amsel", "Falke", "Zebra")
            ),
        ],
    ),
    ("POST", "/registrar/suggestions/{suggestion_id}"): ("write", _with("_registrar_forms")),
    ("POST", "/registrar/merge"): ("write", _with("_registrar_forms")),
    ("POST", "/registrar/forms"): ("write", _with("_registrar_forms")),
    ("POST", "/registrar/forms/reject"): ("write", _with("_registrar_forms")),
    ("POST", "/registrar/persons"): ("write", _with("_registrar_forms")),
    ("POST", "/registrar/split"): ("write", _with("_registrar_forms")),
    ("GET", "/dossiers/{dossier_id}/timeline"): (
        "read",
        _each("GET", "/dossiers/{}/timeline", Context.dossiers),
    ),
    ("GET", "/dossiers/{dossier_id}/graph"): (
        "read",
        _each("GET", "/dossiers/{}/graph", Context.dossiers),
    ),
    ("GET", "/persons/{person_id}/graph"): (
        "read",
        _each("GET", "/persons/{}/graph", lambda c: c.some("person")),
    ),
    ("GET", "/audit/access"): ("read", _fixed(Ask("GET", "/audit/access"))),
}


def again(round_: str, asks: list[Any]) -> list[Any]:
    """After the writes, the lists are asked again (what the writes changed
    shows there): questions naming no one thing, three of each."""
    if round_ != "again":
        return asks

    def names_nothing(ask: Any) -> bool:
        return not _names_in([ask.path, ask.params] if isinstance(ask, Ask) else list(ask))

    return [ask for ask in asks if names_nothing(ask)][:3]


def app_routes(app: FastAPI) -> list[tuple[str, str]]:
    """(method, path) of every route the app serves (mounts, such as the
    static files, aside), however FastAPI keeps its included routers."""
    try:
        from fastapi.routing import iter_route_contexts
    except ImportError:  # an older FastAPI keeps a flat list
        contexts: Iterable[Any] = app.routes
    else:
        contexts = iter_route_contexts(app.routes)
    found = []
    for route in contexts:
        methods = getattr(route, "methods", None)
        path = getattr(route, "path", None)
        if not methods or path is None:
            continue
        found += [(method, path) for method in sorted(methods) if method != "HEAD"]
    return found


def openapi_routes(app: FastAPI) -> list[tuple[str, str]]:
    """The API as /openapi.json tells clients: a route hidden from the app's
    list cannot hide from the test either."""
    spec = app.openapi()
    return [(m.upper(), p) for p, methods in spec["paths"].items() for m in methods]


def uncovered(app: FastAPI) -> list[str]:
    """Routes without an entry in API or ROOM, and entries without a route."""
    served = set(app_routes(app)) | set(openapi_routes(app))
    tables = set(API) | set(ROOM)
    return [f"no entry for {m} {p}" for m, p in sorted(served - tables)] + [
        f"entry for a route that is gone: {m} {p}" for m, p in sorted(tables - served)
    ]


def observe_http(world: World, canon: Canon, seen: Observations) -> None:
    """Ask every API route and every reading-room page what the tables say,
    reads first, then writes, then reads again, then what ends a session."""
    app = create_app(world.registry)
    problems = uncovered(app)
    assert not problems, "\n".join(problems)
    context = Context(world)
    with TestClient(app, base_url=BASE_URL, raise_server_exceptions=False) as client:
        http = Http(world, canon, seen, client)
        for leaf in context.readable():
            found = http.ask("pre", Ask("GET", "/api/leaves/{" + leaf + "}/xrefs"))
            context.answers[f"xrefs {leaf}"] = found
        for slip in context.slips():
            context.answers[f"slip {slip}"] = http.ask(
                "pre", Ask("GET", "/api/slips/{" + slip + "}")
            )
        for round_ in ("read", "write", "again"):
            phase = "read" if round_ == "again" else round_
            for where, table in (("api", API), ("room", ROOM)):
                for _, (when, asks) in table.items():
                    if when == phase:
                        for ask in again(round_, list(asks(context))):
                            http.ask(f"{round_} {where}", ask)


def observe_endings(world: World, canon: Canon, seen: Observations) -> None:
    """What ends a session, hands back or revokes: asked last."""
    app = create_app(world.registry)
    context = Context(world)
    with TestClient(app, base_url=BASE_URL, raise_server_exceptions=False) as client:
        http = Http(world, canon, seen, client)
        for where, table in (("api", API), ("room", ROOM)):
            for _, (when, asks) in table.items():
                if when == "last":
                    for ask in asks(context):
                        http.ask(f"last {where}", ask)


# -- the CLI's commands ----------------------------------------------------------------


@dataclass(frozen=True)
class Skip:
    """A command an account cannot run: it has no --as, so it acts as the operator."""

    reason: str


Commands = Callable[[Context], Iterable[Sequence[Any]]]
OPERATOR_ONLY = Skip("no --as: the operator's own command, with the registry's full authority")


def _runs(*argv: str) -> Commands:
    return lambda c: [arg.split(" ") if " " in arg else [arg] for arg in argv]


def _cli_audit_events(c: Context) -> Iterator[list[Any]]:
    """Event ids the subject was shown in its own audit log (if it may read it)."""
    log = c.answers.get("cli audit log")
    ids = []
    if isinstance(log, list):
        reads = [e for e in log if isinstance(e, dict) and e.get("action") == "leaf.read"]
        ids = [str(e["id"]) for e in reads[:2]]
    for event in [*ids, "987654"]:
        yield ["audit", "replay", event]
        yield ["audit", "proof", event]
    yield ["audit", "proof", "--from", "1"]


def _cli_slips(c: Context) -> Iterator[list[Any]]:
    for slip in c.slips():
        yield ["slip", "show", "{" + slip + "}"]


def _cli_decide(c: Context) -> Iterator[list[Any]]:
    for slip in c.slips():
        yield ["slip", "decide", "{" + slip + "}", "--approve", "{secret-leaf:1}"]


def _cli_review(c: Context) -> Iterator[list[Any]]:
    for slip in c.slips():
        for leaf in ("secret-leaf:1", "typed-leaf:0"):
            yield ["slip", "review", "{" + slip + "}", "{" + leaf + "}"]


def _cli_request(c: Context) -> Iterator[list[Any]]:
    yield ["slip", "request", "--purpose", "ids", "--leaf", "{typed-leaf:0}"]
    yield ["slip", "request", "--purpose", "q", "--query", "mosaic"]
    yield ["slip", "request", "--purpose", "x", "--xref", "{secret-leaf:1}:Orlov"]
    for leaf in c.readable()[:2]:
        for name in ("Falke", "Sperber", "Amsel", "Drossel"):
            yield ["slip", "request", "--purpose", "x", "--xref", "{" + leaf + "}:" + name]


def _cli_marks(c: Context) -> Iterator[list[Any]]:
    level = c.world.spec.clearance[0]
    yield ["mark", "{secret-leaf:1}", "--level", level, "--reason", "probe"]
    yield ["mark", "--report", "{secret-report:1}", "--level", level, "--reason", "probe"]
    for title in titles():
        yield ["mark", "--dossier-title", title, "--level", level, "--reason", "probe"]


def _cli_persons(c: Context) -> Iterator[list[Any]]:
    for person in c.some("person"):
        yield ["person", "show", "{" + person + "}"]
    for name in PERSON_QUERIES:
        yield ["person", "search", name]


def _cli_person_writes(c: Context) -> Iterator[list[Any]]:
    level = c.world.spec.clearance[0]
    for person in ("secret-person:1", "missing"):
        yield ["person", "alias", "add", "{" + person + "}", "Probe Name"]
        yield ["person", "set", "{" + person + "}", "--category", "informer", "--died", "1970"]
        yield ["person", "merge", "{person:orlov}", "{" + person + "}", "--reason", "probe"]
        yield [
            "person",
            "split",
            "{" + person + "}",
            "--form",
            "Zebrano",
            "--preferred",
            "P",
            "--reason",
            "probe",
        ]
    for title in titles():
        yield ["person", "add", "Cli Newcomer", "--level", level, "--dossier", title]


def _cli_import(c: Context) -> Iterator[list[Any]]:
    """An authority file naming each dossier title in turn (written once, the same in both)."""
    level = c.world.spec.clearance[0]
    for n, title in enumerate(titles()):
        record = {"preferred": f"Imported {n}", "level": level, "dossier": title}
        path = c.world.directory / f"import-{n}.json"
        path.write_text(json.dumps([record]), encoding="utf-8")
        yield ["person", "import", f"@dir@/import-{n}.json"]


def _cli_alias_reject(c: Context) -> Iterator[list[Any]]:
    for person in ("secret-person:1", "missing"):
        yield ["person", "alias", "reject", "{" + person + "}", "Drossel", "--reason", "probe"]


def _cli_suggestions(c: Context) -> Iterator[list[Any]]:
    for suggestion in ("secret-suggestion:1", "missing"):
        yield ["person", "suggestion", "reject", "{" + suggestion + "}"]


def _cli_claims(c: Context) -> Iterator[list[Any]]:
    yield ["claim", "list"]
    yield ["claim", "list", "--status", "suggested"]
    for subject in ("Falke", "Sperber", "Zebra Quartz", "Walnut Mosaic"):
        yield ["claim", "list", "--subject", subject]
    for leaf in ("secret-leaf:1", "leaf:fading", *c.readable()[:2]):
        yield ["claim", "list", "--leaf", "{" + leaf + "}"]
    for title in titles():
        yield ["claim", "list", "--dossier", title]


def _cli_claim_writes(c: Context) -> Iterator[list[Any]]:
    for leaf in ("secret-leaf:1", c.readable()[0]):
        yield [
            "claim",
            "add",
            "--leaf",
            "{" + leaf + "}",
            "--subject",
            "Falke",
            "--property",
            "other",
        ]
    yield ["claim", "accept", "{secret-claim:1}"]
    yield ["claim", "status", "{secret-claim:1}", "disputed"]
    yield ["claim", "extract"]
    yield ["claim", "reject", "--all"]


def _cli_copies(c: Context) -> Iterator[list[Any]]:
    yield ["copy", "list"]
    yield ["copy", "list", "--outstanding"]
    for number in ("copy:high", "copy:mine", "missing"):
        yield ["copy", "verify", "{" + number + "}"]


def _cli_copy_issue(c: Context) -> Iterator[list[Any]]:
    for n, leaf in enumerate(("secret-leaf:1", c.readable()[0])):
        out = f"@dir@/cli-copy-{n}.pdf"
        yield [
            "copy",
            "issue",
            "--reader",
            SUBJECT,
            "--leaf",
            "{" + leaf + "}",
            "--purpose",
            "probe",
            "--out",
            out,
        ]


#: Every CLI command: when it runs and with what arguments (each run also
#: gets --as subject and --json where the command has them), or why not.
CLI: dict[tuple[str, ...], tuple[str, Commands] | Skip] = {
    ("audit", "alarms"): ("read", _runs("audit alarms")),
    ("audit", "checkpoint"): ("read", _runs("audit checkpoint")),
    ("audit", "exposure"): ("read", lambda c: [["audit", "exposure", r] for r in ACCOUNTS]),
    ("audit", "log"): (
        "read",
        lambda c: [
            ["audit", "log"],
            *(
                ["audit", "log", "--leaf", "{" + leaf + "}"]
                for leaf in ("secret-leaf:1", "leaf:fading")
            ),
            *(["audit", "log", "--dossier", title] for title in titles()),
            ["audit", "log", "--reader", LOW],
        ],
    ),
    ("audit", "proof"): ("read", _cli_audit_events),
    ("audit", "readers"): (
        "read",
        lambda c: [
            *(["audit", "readers", title] for title in titles()),
            *(["audit", "readers", "{" + d + "}"] for d in c.few(c.dossiers(), 1)),
        ],
    ),
    ("audit", "replay"): ("read", _with("_cli_audit_events")),
    ("audit", "verify"): ("read", _runs("audit verify")),
    ("claim", "accept"): ("write", _cli_claim_writes),
    ("claim", "add"): ("write", _with("_cli_claim_writes")),
    ("claim", "extract"): ("write", _with("_cli_claim_writes")),
    ("claim", "list"): ("read", _cli_claims),
    ("claim", "reject"): ("write", _with("_cli_claim_writes")),
    ("claim", "status"): ("write", _with("_cli_claim_writes")),
    ("conflicts",): (
        "read",
        lambda c: [
            ["conflicts"],
            *(["conflicts", "--subject", s] for s in ("Falke", "Zebra Quartz")),
        ],
    ),
    ("copy", "issue"): ("write", _cli_copy_issue),
    ("copy", "list"): ("read", _cli_copies),
    ("copy", "return"): ("last", lambda c: [["copy", "return", "{copy:high}"]]),
    ("copy", "verify"): ("read", _with("_cli_copies")),
    ("demo",): OPERATOR_ONLY,
    ("dossier", "list"): ("read", _runs("dossier list")),
    ("dossier", "show"): (
        "read",
        lambda c: [
            *(["dossier", "show", title] for title in titles()),
            *(["dossier", "show", "{" + d + "}"] for d in c.few(c.dossiers(), 1)),
        ],
    ),
    ("grant", "list"): (
        "read",
        lambda c: [
            ["grant", "list"],
            *(["grant", "list", "--reader", r] for r in ACCOUNTS),
        ],
    ),
    ("ingest",): OPERATOR_ONLY,
    ("init",): OPERATOR_ONLY,
    ("leaf", "show"): OPERATOR_ONLY,
    ("leaf", "withdraw"): OPERATOR_ONLY,
    ("leaf", "reocr"): OPERATOR_ONLY,
    ("mark",): ("write", _cli_marks),
    ("note", "add"): (
        "write",
        lambda c: [
            ["note", "add", "--text", "cli note", "--cite", "{" + leaf + "}"]
            for leaf in ("secret-leaf:1", "leaf:fading", c.readable()[0])
        ],
    ),
    ("note", "list"): ("read", _runs("note list")),
    ("note", "show"): (
        "read",
        lambda c: [
            ["note", "show", "{" + n + "}"] for n in c.some("note", "note:mine", "note:fading")
        ],
    ),
    ("person", "add"): ("write", _cli_person_writes),
    ("person", "alias", "add"): ("write", _with("_cli_person_writes")),
    ("person", "set"): ("write", _with("_cli_person_writes")),
    ("person", "alias", "reject"): ("write", _cli_alias_reject),
    ("person", "import"): ("write", _cli_import),
    ("person", "merge"): ("write", _with("_cli_person_writes")),
    ("person", "search"): ("read", _cli_persons),
    ("person", "list"): (
        "read",
        lambda c: [["person", "list"], ["person", "list", "--letter", "O", "--kind", "person"]],
    ),
    ("person", "show"): ("read", _with("_cli_persons")),
    ("person", "split"): ("write", _with("_cli_person_writes")),
    ("person", "propose"): ("write", lambda c: [["person", "propose"]]),
    ("person", "suggestion", "accept"): (
        "write",
        lambda c: [
            ["person", "suggestion", "accept", "{secret-suggestion:0}"],
            ["person", "suggestion", "accept", "--all", "--min-score", "2"],
        ],
    ),
    ("person", "suggestion", "list"): ("read", _runs("person suggestion list")),
    ("person", "suggestion", "reject"): ("write", _cli_suggestions),
    ("read",): ("read", lambda c: [["read", "{" + leaf + "}"] for leaf in c.few(c.leaves())]),
    ("reader", "add"): ("write", lambda c: [["reader", "add", "clinewcomer", "--level", "SECRET"]]),
    ("reader", "disable"): ("last", lambda c: [["reader", "disable", LOW]]),
    ("reader", "list"): ("read", _runs("reader list")),
    ("reader", "set"): ("write", lambda c: [["reader", "set", HIGH, "--level", "SECRET"]]),
    ("reader", "show"): ("read", lambda c: [["reader", "show", r] for r in ACCOUNTS]),
    ("redact", "approve"): (
        "write",
        lambda c: [
            ["redact", "approve", "{" + leaf + "}", "--keep"] for leaf in c.few(c.leaves(), 1)
        ],
    ),
    ("redact", "list"): (
        "read",
        lambda c: [["redact", "list", "{" + leaf + "}"] for leaf in c.few(c.leaves(), 2)],
    ),
    ("redact", "policy"): (
        "last",
        lambda c: [
            ["redact", "policy"],
            ["redact", "policy", "journalist", "--mask", "third_party", "--mask", "none"],
        ],
    ),
    ("redact", "show"): (
        "read",
        lambda c: [
            ["redact", "show", "{" + leaf + "}", "--class", klass]
            for leaf in c.few(c.leaves(), 1)
            for klass in ("researcher", "subject")
        ],
    ),
    ("redact", "suggest"): (
        "read",
        lambda c: [["redact", "suggest", "{" + leaf + "}"] for leaf in c.few(c.leaves(), 2)],
    ),
    ("report", "withdraw"): OPERATOR_ONLY,
    ("search",): (
        "read",
        lambda c: [
            ["search", q, "--limit", "200"]
            for q in ("grain", "zebra", "walnut", "Falke", "Sperber", "Amsel", "Drossel", "sealed")
        ],
    ),
    ("serve",): Skip("serves the reading room, asked above over HTTP"),
    ("slip", "decide"): ("write", _cli_decide),
    ("slip", "decode"): (
        "write",
        lambda c: [
            ["slip", "decode", "{" + leaf + "}", name, "--purpose", "who is it"]
            for leaf in c.few(c.leaves(), 1)
            for name in ("Falke", "Sperber")
        ],
    ),
    ("slip", "list"): (
        "read",
        lambda c: [["slip", "list"], ["slip", "list", "--status", "pending"]],
    ),
    ("slip", "request"): ("write", _cli_request),
    ("slip", "return"): ("last", lambda c: [["slip", "return", "{" + s + "}"] for s in c.slips()]),
    ("slip", "review"): ("read", _cli_review),
    ("slip", "show"): ("read", _cli_slips),
    ("timeline",): (
        "read",
        lambda c: [
            *(["timeline", s] for s in ("Kasimir Orlov", "Falke", "Zebra Quartz", "Walnut Mosaic")),
            *(["timeline", "--dossier", title] for title in titles()),
        ],
    ),
    ("token", "create"): ("write", lambda c: [["token", "create", LOW, "--days", "1"]]),
    ("token", "revoke"): ("last", lambda c: [["token", "revoke", "987654"]]),
    ("version",): ("read", _runs("version")),
    ("why",): (
        "read",
        lambda c: [
            ["why", reader, "{" + leaf + "}"]
            for reader in (SUBJECT, LOW, HIGH)
            for leaf in ("secret-leaf:1", "leaf:fading", c.readable()[0])
        ],
    ),
    ("xref", "list"): (
        "read",
        lambda c: [["xref", "list", "{" + leaf + "}"] for leaf in c.few(c.leaves())],
    ),
}


def cli_commands() -> dict[tuple[str, ...], set[str]]:
    """Every leaf command of the CLI, by its words, with the options it takes."""
    found: dict[tuple[str, ...], set[str]] = {}

    def walk(command: Any, words: tuple[str, ...]) -> None:
        children = getattr(command, "commands", None)
        if children is not None:
            for name, child in children.items():
                walk(child, (*words, name))
            return
        found[words] = {opt for param in command.params for opt in getattr(param, "opts", ())}

    walk(typer.main.get_command(cli_app), ())
    return found


def cli_uncovered() -> list[str]:
    commands = cli_commands()
    return [f"no entry for `looseleaf {' '.join(w)}`" for w in sorted(set(commands) - set(CLI))] + [
        f"entry for a command that is gone: {' '.join(w)}" for w in sorted(set(CLI) - set(commands))
    ]


@contextmanager
def cli_environment(world: World) -> Iterator[None]:
    """The CLI opens the world's registry with its settings, its key and its
    clock: settings from the environment (and an empty configuration file, so
    no ./looseleaf.toml can change them), the clock by a Registry whose
    `open` hands the world's clock on."""
    config = world.directory / "looseleaf.toml"
    config.write_text("[looseleaf]\n", encoding="utf-8")
    clock: Clock = world.clock

    class Clocked(Registry):
        @classmethod
        def open(cls, settings: Settings, *, clock: Clock = clock) -> Registry:
            return Registry.open(settings, clock=clock)

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LOOSELEAF_CONFIG", str(config))
        patch.setenv("LOOSELEAF_REGISTRY", world.url)
        patch.setenv("LOOSELEAF_SIGNING_KEY", world.settings.signing_key)
        patch.setenv("LOOSELEAF_NER", world.settings.ner)
        patch.setenv("LOOSELEAF_DURABILITY", world.settings.durability)
        patch.setenv("LOOSELEAF_CHECKPOINT_EVERY", str(world.settings.checkpoint_every))
        patch.delenv("LOOSELEAF_DEBUG", raising=False)
        patch.setattr(cli_common, "Registry", Clocked)
        # Building the click command from the Typer app takes longer than most
        # commands run; `looseleaf.cli.run` builds it on every call, so it is
        # built once here and handed out again.
        built = typer.main.get_command(cli_app)
        made = typer.main.get_command
        patch.setattr(typer.main, "get_command", lambda app: built if app is cli_app else made(app))
        yield


def observe_cli(
    world: World, canon: Canon, seen: Observations, rounds: Sequence[tuple[str, str]]
) -> None:
    """Run every command the table names in each (round, phase), as the
    subject, with --json."""
    problems = cli_uncovered()
    assert not problems, "\n".join(problems)
    options = cli_commands()
    context = Context(world)
    with cli_environment(world):

        def run(words: tuple[str, ...], argv: Sequence[Any], where: str) -> None:
            extra = [
                *(["--as", SUBJECT] if "--as" in options[words] else []),
                *(["--json"] if "--json" in options[words] else []),
            ]
            template = [str(a) for a in argv]
            names = _names_in(template)
            secret = any(is_secret(world, n) and n != "missing" for n in names)
            key = f"{where} cli looseleaf {' '.join(template)}"
            missing = None
            if secret:
                twin = [_as_missing(world, a) for a in template]
                missing = _cli_once(world, canon, [*twin, *extra])[1]
                seen.answers.setdefault(f"{where} cli looseleaf {' '.join(twin)}", missing)
            parsed, answer = _cli_once(world, canon, [*template, *extra])
            seen.answers[key] = answer
            if missing is not None and not alike(missing, answer):
                seen.unlike_missing[key] = (answer, missing)
            if template == ["audit", "log"]:
                context.answers["cli audit log"] = parsed

        for label, phase in rounds:
            for words, entry in CLI.items():
                if isinstance(entry, Skip) or entry[0] != phase:
                    continue
                for argv in again(label, list(entry[1](context))):
                    run(words, argv, label)


def _cli_once(world: World, canon: Canon, argv: Sequence[str]) -> tuple[Any, str]:
    canon.question = " ".join(argv)
    asked = {resolve(world, n) for n in _names_in(list(argv)) if is_secret(world, n)}
    realised = [str(_realise(world, a)).replace("@dir@", str(world.directory)) for a in argv]
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = cli_run(realised)
    parsed: Any = None
    text = out.getvalue()
    try:
        parsed = json.loads(text) if text.strip() else None
    except ValueError:
        body = canon.text(text, asked)
    else:
        body = canon.data(parsed, asked)
    return parsed, f"exit {code}\n{body}\n{canon.text(err.getvalue().strip(), asked)}"


def observe(world: World) -> Observations:
    """Everything, in the one order both variants share."""
    seen = Observations()
    canon = Canon(world)
    observe_http(world, canon, seen)
    observe_cli(world, canon, seen, [("read", "read"), ("write", "write")])
    observe_endings(world, canon, seen)
    observe_cli(world, canon, seen, [("last", "last")])
    return seen
