"""The parsed query in each engine's own language: an FTS5 MATCH expression
for SQLite, a tsquery for PostgreSQL. Words reach the engines quoted, so no
operator or punctuation a reader types can change the query's shape."""

from __future__ import annotations

from looseleaf.search.query import Node, Not, Or, Phrase, Term


def to_fts5(node: Node) -> str:
    if isinstance(node, Term):
        return f'"{node.word}"' + ("*" if node.prefix else "")
    if isinstance(node, Phrase):
        return '"' + " ".join(node.words) + '"'
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(item) for item in node.items) + ")"
    if isinstance(node, Not):  # only reached inside And, which places it
        return to_fts5(node.item)
    positive = [to_fts5(item) for item in node.items if not isinstance(item, Not)]
    negative = [to_fts5(item) for item in node.items if isinstance(item, Not)]
    text = "(" + " AND ".join(positive) + ")"
    for item in negative:
        text = f"({text} NOT {item})"
    return text


def to_tsquery(node: Node) -> str:
    if isinstance(node, Term):
        return f"'{node.word}'" + (":*" if node.prefix else "")
    if isinstance(node, Phrase):
        return "(" + " <-> ".join(f"'{word}'" for word in node.words) + ")"
    if isinstance(node, Or):
        return "(" + " | ".join(to_tsquery(item) for item in node.items) + ")"
    if isinstance(node, Not):
        return f"!{to_tsquery(node.item)}"
    return "(" + " & ".join(to_tsquery(item) for item in node.items) + ")"
