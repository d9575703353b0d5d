"""The query syntax readers type, parsed once into a small tree.

    dzerzhinsky                 a word (case and diacritics do not matter)
    "iron felix"                a phrase
    trots*                      a prefix
    yezhov OR ezhov             either; AND is implied between terms
    -kirov  NOT kirov           leave out
    (a OR b) c                  grouping
    dossier:12 dossier:"LUPU, Grigore"  report:3  source:"Station V"
    level:SECRET  compartment:SEAMEN  grade:B2  from:1951-01-01  to:1951-12-31

Field filters narrow the whole query; they cannot sit inside OR or NOT.
A bad query gets one line saying what is wrong with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from looseleaf.errors import BadInput

FIELDS = ("dossier", "report", "source", "level", "compartment", "grade", "from", "to")
MAX_CHARS = 1000
#: Parentheses and NOTs inside one another, at most.
MAX_DEPTH = 16


@dataclass(frozen=True)
class Term:
    word: str  # one token as the engines split text: letters and digits
    prefix: bool = False


@dataclass(frozen=True)
class Phrase:
    words: tuple[str, ...]


@dataclass(frozen=True)
class And:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    items: tuple[Node, ...]


@dataclass(frozen=True)
class Not:
    item: Node


Node = Term | Phrase | And | Or | Not


@dataclass(frozen=True)
class Query:
    text: str
    expr: Node | None
    filters: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def words(self) -> list[str]:
        """Every searched word, for highlighting and "did you mean"."""
        return _words(self.expr) if self.expr is not None else []


_TOKEN = re.compile(
    r'\s*(?:(?P<open>\()|(?P<close>\))|(?P<field>[a-z]+):(?:"(?P<fq>[^"]*)"|(?P<fv>[^\s()"]+))'
    r'|"(?P<phrase>[^"]*)"|(?P<minus>-)(?=[\w"(])|(?P<word>[^\s()"]+))'
)
_WORD_PARTS = re.compile(r"\w+")
#: What no engine can take in a parameter (PostgreSQL refuses NUL; neither
#: encodes a lone surrogate, which undecodable bytes in argv become).
_UNREADABLE = re.compile("[\x00\ud800-\udfff]")


def parse(text: str) -> Query:
    if len(text) > MAX_CHARS:
        raise BadInput(f"query {text[:40]!r}...", f"longer than {MAX_CHARS} characters")
    if _UNREADABLE.search(text):
        raise BadInput(f"query {text!r}", "contains a NUL or an undecodable character")
    if text.count('"') % 2:
        raise BadInput(f"query {text!r}", "a quotation mark is not closed")
    tokens = _tokens(text)
    filters: dict[str, list[str]] = {}
    parser = _Parser(tokens, filters, text)
    expr = parser.expression()
    if parser.position != len(tokens):
        raise BadInput(f"query {text!r}", "a closing parenthesis has no opening one")
    if filters and _top_level_or(tokens):
        raise BadInput(f"query {text!r}", "field filters cannot be combined with a top-level OR")
    if expr is None and not filters:
        raise BadInput(f"query {text!r}", "nothing to search for")
    if expr is not None and not _positive(expr):
        raise BadInput(f"query {text!r}", "NOT needs something to leave out from")
    return Query(text, expr, {k: tuple(v) for k, v in filters.items()})


def _tokens(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    while position < len(text):
        match = _TOKEN.match(text, position)
        if match is None or match.end() == position:
            if text[position:].strip():
                raise BadInput(f"query {text!r}", f"cannot read it at {text[position:][:20]!r}")
            break
        position = match.end()
        kind = match.lastgroup
        if kind in ("fq", "fv"):
            kind = "field"
        if kind == "field":
            value = match.group("fq") if match.group("fq") is not None else match.group("fv")
            tokens.append(("field", f"{match.group('field')}\x1f{value}"))
        elif kind is not None:
            tokens.append((kind, match.group(kind)))
    return tokens


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]], filters: dict[str, list[str]], text: str):
        self.tokens = tokens
        self.filters = filters
        self.text = text
        self.position = 0
        self.depth = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.position] if self.position < len(self.tokens) else None

    def expression(self) -> Node | None:
        items = [self.conjunction()]
        while self._is_word("OR"):
            self.position += 1
            items.append(self.conjunction())
        present = [item for item in items if item is not None]
        if len(items) > 1 and len(present) != len(items):
            raise BadInput(f"query {self.text!r}", "OR needs something on both sides")
        if len(present) > 1:
            return Or(tuple(present))
        return present[0] if present else None

    def conjunction(self) -> Node | None:
        items: list[Node] = []
        while True:
            token = self.peek()
            if token is None or token[0] == "close" or self._is_word("OR"):
                break
            if self._is_word("AND"):
                self.position += 1
                continue
            item = self.unary()
            if isinstance(item, And):  # (a -b) c is a -b c: each NOT stays beside its words
                items.extend(item.items)
            elif item is not None:
                items.append(item)
        if len(items) > 1:
            return And(tuple(items))
        return items[0] if items else None

    def unary(self) -> Node | None:
        token = self.peek()
        if token is not None and (token[0] == "minus" or self._is_word("NOT")):
            self.position += 1
            after = self.peek()
            if after is None or after[0] == "close" or self._is_word("OR"):
                raise BadInput(f"query {self.text!r}", "NOT needs something after it")
            self._deeper()
            inner = self.unary()
            self.depth -= 1
            if inner is None:
                raise BadInput(f"query {self.text!r}", "NOT needs something after it")
            return inner.item if isinstance(inner, Not) else Not(inner)  # NOT NOT a is a
        return self.primary()

    def primary(self) -> Node | None:
        kind, value = self.tokens[self.position]
        self.position += 1
        if kind == "open":
            self._deeper()
            inner = self.expression()
            self.depth -= 1
            if self.peek() != ("close", ")"):
                raise BadInput(f"query {self.text!r}", "a parenthesis is not closed")
            self.position += 1
            return inner
        if kind == "close":
            raise BadInput(f"query {self.text!r}", "a closing parenthesis has no opening one")
        if kind == "field":
            name, _, argument = value.partition("\x1f")
            if name not in FIELDS:
                return self._word(f"{name}:{argument}")
            if self.depth:
                raise BadInput(f"query {self.text!r}", f"{name}: cannot be inside OR, NOT or ()")
            if not argument.strip():
                raise BadInput(f"query {self.text!r}", f"{name}: needs a value")
            self.filters.setdefault(name, []).append(argument.strip())
            return None
        if kind == "phrase":
            words = tuple(w.lower() for w in _WORD_PARTS.findall(value))
            if not words:
                return None
            return Phrase(words) if len(words) > 1 else Term(words[0])
        return self._word(value)

    def _word(self, value: str) -> Node | None:
        prefix = value.endswith("*")
        words = [w.lower() for w in _WORD_PARTS.findall(value)]
        if not words:
            return None
        if len(words) > 1:
            return Phrase(tuple(words))
        return Term(words[0], prefix=prefix)

    def _deeper(self) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise BadInput(
                f"query {self.text!r}", f"nested too deeply (at most {MAX_DEPTH} levels)"
            )

    def _is_word(self, operator: str) -> bool:
        token = self.peek()
        return token is not None and token == ("word", operator)


def _top_level_or(tokens: list[tuple[str, str]]) -> bool:
    depth = 0
    for token in tokens:
        depth += {"open": 1, "close": -1}.get(token[0], 0)
        if depth == 0 and token == ("word", "OR"):
            return True
    return False


def _positive(node: Node) -> bool:
    """Whether every part of the query finds something of its own: each AND
    has a word that is not left out, no side of an OR is only a NOT (at any
    depth), so that both engines can say it and say the same."""
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(not isinstance(item, Not) for item in node.items) and all(
            _positive(item.item if isinstance(item, Not) else item) for item in node.items
        )
    if isinstance(node, Or):
        return all(_positive(item) for item in node.items)
    return True


def _words(node: Node) -> list[str]:
    if isinstance(node, Term):
        return [node.word]
    if isinstance(node, Phrase):
        return list(node.words)
    if isinstance(node, Not):
        return []
    return [word for item in node.items for word in _words(item)]
