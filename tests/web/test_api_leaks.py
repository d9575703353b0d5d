"""Differential leak test through HTTP (Hypothesis, both backends).

For random small registries (dossiers with marked titles, leaves with random
levels and compartments, card-index records, a reader with a random
clearance, grants from slips a custodian decided, withdrawals, re-markings)
and one "target" leaf the reader may not read, every reader-facing answer of
the JSON API must be the same whether the target says one thing or another
(other text, other source title, other file name, other length; and the
dossier titles the reader may not see other titles too), and, where the
reader never asked for it, whether the target exists at all. Nothing the reader
is shown (ids, titles, counts, snippets, scores, facets, cross-references,
slips, notes, errors) may depend on a leaf they may not read.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from looseleaf.model import Actor, Source
from looseleaf.policy import Action
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.web.app import create_app
from tests.conftest import OPERATOR, FakeClock
from tests.web.conftest import BASE_URL, bearer, fresh_url

LEVELS = ("UNCLASSIFIED", "CONFIDENTIAL", "SECRET", "TOP SECRET")
COMPARTMENTS = ("K", "M")
#: A compartment nobody is read into: a leaf in it is readable only by grant.
HIDDEN = "HIDDEN"
WORDS = ("harbour", "courier", "grain", "letter", "vienna", "budapest")
#: Only the target leaf ever holds these words (one set per variant).
SECRET_WORDS = {"a": ("zebra", "quartz"), "b": ("walnut", "mosaic")}
DOSSIERS = ("ORLOV, Kasimir", "WEBER, Ilse", "HARBOUR REPORTS")
#: Card-index records, each with the dossier (by number) that is on them.
PEOPLE = (
    ("Kasimir Orlov", [("surname_only", "Orlov")], 0),
    ("Ilse Weber", [("alias", "Weberin")], 1),
)
NAMES = ("Kasimir Orlov", "Orlov", "Ilse Weber", "Weberin")
#: Why the reader may not read the target. Those after the first three
#: involve the reader with the target (a slip, a grant, a read, a note), so
#: only its content can vary, not its existence.
REASONS = ("level", "compartment", "withdrawn", "returned", "expired", "remarked")
MISSING = 424_242
#: Registries per backend: each is built two or three times and asked some
#: 80 questions over HTTP (about 0.7 s on SQLite, 3 s on PostgreSQL). Raise
#: LOOSELEAF_LEAK_EXAMPLES for a deeper run.
_DEEP = os.environ.get("LOOSELEAF_LEAK_EXAMPLES")
EXAMPLES = {"sqlite": int(_DEEP or 15), "postgresql": int(_DEEP or 8)}

markings = st.tuples(st.sampled_from(LEVELS), st.sets(st.sampled_from(COMPARTMENTS)))
leaf_specs = st.lists(
    st.tuples(
        st.sampled_from(range(len(DOSSIERS))),
        markings,
        st.lists(st.sampled_from(WORDS + NAMES), min_size=1, max_size=4),
    ),
    min_size=1,
    max_size=5,
)


@dataclass(frozen=True)
class Spec:
    titles: tuple[str, ...]  # each dossier title's level
    covers: tuple[tuple[str, frozenset[str]], ...]  # each dossier's first leaf's marking
    records: tuple[str, ...]  # each card-index record's level
    leaves: tuple[tuple[int, tuple[str, frozenset[str]], tuple[str, ...]], ...]
    clearance: tuple[str, frozenset[str]]
    target_dossier: int
    target_level: str
    target_words: tuple[str, ...]  # shared words the target holds besides its secret ones
    reason: str
    asked: frozenset[int]  # body leaves the reader asks for on a slip
    approved: frozenset[int]  # of those, what the custodian approves (where allowed)
    withdrawn: frozenset[int]
    cited: frozenset[int]  # body leaves a note cites (where readable)


@st.composite
def specs(draw: st.DrawFn) -> Spec:
    reason = draw(st.sampled_from(REASONS))
    levels = LEVELS[:-1] if reason == "level" else LEVELS
    clearance = (
        draw(st.sampled_from(levels)),
        frozenset(draw(st.sets(st.sampled_from(COMPARTMENTS)))),
    )
    rank = LEVELS.index(clearance[0])
    if reason == "level":
        target_level = draw(st.sampled_from(LEVELS[rank + 1 :]))
    else:
        target_level = draw(st.sampled_from(LEVELS[: rank + 1]))
    body = draw(leaf_specs)
    numbers = st.sets(st.sampled_from(range(len(body))))
    asked = draw(numbers)
    return Spec(
        titles=tuple(draw(st.sampled_from(LEVELS)) for _ in DOSSIERS),
        covers=tuple(
            (draw(st.sampled_from(LEVELS)), frozenset(draw(st.sets(st.sampled_from(COMPARTMENTS)))))
            for _ in DOSSIERS
        ),
        records=tuple(draw(st.sampled_from(LEVELS)) for _ in PEOPLE),
        leaves=tuple((d, (lv, frozenset(c)), tuple(w)) for d, (lv, c), w in body),
        clearance=clearance,
        target_dossier=draw(st.sampled_from(range(len(DOSSIERS)))),
        target_level=target_level,
        target_words=tuple(draw(st.lists(st.sampled_from(WORDS + NAMES), max_size=3))),
        reason=reason,
        asked=frozenset(asked),
        approved=frozenset(draw(st.sets(st.sampled_from(sorted(asked))))) if asked else frozenset(),
        withdrawn=frozenset(draw(numbers)),
        cited=frozenset(draw(numbers)),
    )


@dataclass
class Built:
    registry: Registry
    reader: Actor
    token: str
    leaf_ids: list[int]  # every leaf but the target, in ingest order
    target: int


def _ingest(
    registry: Registry,
    directory: Path,
    name: str,
    text: str,
    dossier: int,
    marking: tuple[str, frozenset[str]],
    spec: Spec,
    source: str,
    titles: tuple[str, ...],
) -> int:
    path = directory / name
    path.write_text(text + "\n", encoding="utf-8")
    [result] = registry.ingest(
        OPERATOR,
        [path],
        dossier=titles[dossier],
        leaf_marking=MarkingRequest(marking[0], tuple(sorted(marking[1]))),
        dossier_marking=MarkingRequest(spec.titles[dossier]),
        source=Source(title=source),
    )
    assert result.status == "ingested", result
    _, reports = registry.dossier(OPERATOR, titles[dossier])
    return reports[-1].leaves[-1].id


def titles_seen(spec: Spec) -> list[bool]:
    """Which dossier titles the reader may see: a title's level, no higher than theirs."""
    rank = LEVELS.index(spec.clearance[0])
    return [LEVELS.index(level) <= rank for level in spec.titles]


def dossier_titles(variant: str, spec: Spec) -> tuple[str, ...]:
    """Each dossier's title; in variant "b" the titles the reader may not see are others."""
    if variant != "b":
        return DOSSIERS
    return tuple(
        title if seen else f"{title} - ANOTHER NAME"
        for title, seen in zip(DOSSIERS, titles_seen(spec), strict=True)
    )


def _target_text(variant: str, spec: Spec) -> tuple[str, str, str]:
    """(file name, text, source title) of the target in each variant."""
    if variant == "a":
        words = " ".join([*SECRET_WORDS["a"], *spec.target_words])
        return "target.txt", f"target {words}. Kasimir Orlov met Weberin.", "The agent's report"
    words = " ".join([*SECRET_WORDS["b"], *reversed(spec.target_words), "grain", "grain"])
    return "other-file.txt", f"another text entirely {words} and more", "A different source"


@contextmanager
def build(backend: str, directory: Path, spec: Spec, variant: str) -> Iterator[Built]:
    """The registry of `spec`; its target as in `variant` ("a", "b"), or
    absent ("none"). Every step is the same in each variant, in the same
    order, on a clock that stands still, so ids and times agree."""
    clock = FakeClock()
    titles = dossier_titles(variant, spec)
    with (
        fresh_url(backend, directory) as url,
        Registry.init(
            Settings(registry=url, durability="crash"), OPERATOR, clock=clock
        ) as registry,
    ):
        ids = [
            _ingest(registry, directory, f"cover-{n}.txt", f"cover{n} of the file",
                    n, spec.covers[n], spec, f"Cover {n}", titles)
            for n in range(len(DOSSIERS))
        ]  # fmt: skip
        for (name, forms, dossier), level in zip(PEOPLE, spec.records, strict=True):
            registry.person_add(
                OPERATOR, name, forms=forms, marking=MarkingRequest(level), dossier=titles[dossier]
            )
        body = [
            _ingest(registry, directory, f"leaf-{n}.txt", f"leaf{n} " + " ".join(words) + ".",
                    dossier, marking, spec, f"Report {n}", titles)
            for n, (dossier, marking, words) in enumerate(spec.leaves)
        ]  # fmt: skip
        ids += body
        target = ids[-1] + 1  # the id the target gets, or would get
        hidden = spec.reason in {"compartment", "returned", "expired"}
        readable_marking = (spec.target_level, spec.clearance[1])
        marking = (spec.target_level, frozenset({HIDDEN})) if hidden else readable_marking
        if variant != "none":
            name, text, source = _target_text(variant, spec)
            got = _ingest(
                registry, directory, name, text, spec.target_dossier, marking, spec, source, titles
            )
            assert got == target
        keeper = registry.add_reader(OPERATOR, "keeper", MarkingRequest("TOP SECRET"),
                                     roles=("custodian",))  # fmt: skip
        added = registry.add_reader(
            OPERATOR, "reader", MarkingRequest(spec.clearance[0], tuple(sorted(spec.clearance[1])))
        )
        reader = Actor.reader(added.id, added.name)
        seen = [
            registry.check(reader, Action.DOSSIER_SEE, n + 1).allowed for n in range(len(DOSSIERS))
        ]
        assert seen == titles_seen(spec)
        custodian = Actor.reader(keeper.id, keeper.name)
        if spec.asked:
            # The reader may also have asked for the target by id: never approved.
            asked = sorted(body[n] for n in spec.asked)
            slip = registry.request_slip(reader, "random pages", leaf_ids=[*asked, target])
            proposed = set(registry.slip(custodian, slip.id).proposed or ())
            approve = [
                body[n]
                for n in sorted(spec.approved)
                if body[n] in proposed
                and LEVELS.index(spec.leaves[n][1][0]) <= LEVELS.index(spec.clearance[0])
            ]
            registry.decide_slip(custodian, slip.id, approve=approve, days=30)
        if spec.reason in {"returned", "expired"}:
            slip = registry.request_slip(reader, "the target", leaf_ids=[target])
            registry.decide_slip(custodian, slip.id, approve=[target], days=1)
            registry.read(reader, target)
            if spec.reason == "returned":
                registry.return_slip(reader, slip.id)
        if spec.reason == "remarked":
            registry.read(reader, target)
            registry.add_note(reader, "seen before it was re-marked", [target])
            registry.mark(OPERATOR, MarkingRequest(spec.target_level, (HIDDEN,)), "re-marked",
                          leaf_ids=[target])  # fmt: skip
        for n in sorted(spec.withdrawn):
            registry.withdraw_leaf(OPERATOR, body[n], "withdrawn")
        if spec.reason == "withdrawn" and variant != "none":
            registry.withdraw_leaf(OPERATOR, target, "withdrawn")
        cited = [
            body[n]
            for n in sorted(spec.cited)
            if registry.check(reader, Action.LEAF_READ, body[n]).allowed
        ]
        if cited:
            registry.add_note(reader, "my working file", cited)
        clock.advance(days=2)  # a one-day grant has run out
        if variant != "none":
            assert not registry.check(reader, Action.LEAF_READ, target).allowed
        _, token, _ = registry.create_token(OPERATOR, "reader", days=30)
        yield Built(registry, reader, token, ids, target)


def observe(built: Built) -> dict[str, Any]:
    """Every reader-facing answer of the API, as (status, body), by request."""
    seen: dict[str, Any] = {}
    app = create_app(built.registry)
    with TestClient(app, base_url=BASE_URL) as client:

        def call(method: str, path: str, **kwargs: Any) -> Any:
            response = client.request(method, path, headers=bearer(built.token), **kwargs)
            assert response.status_code < 500, (path, response.text)
            body = response.json() if response.content else None
            seen[f"{method} {path} {kwargs}"] = (response.status_code, body)
            return body

        call("GET", "/api/me")
        dossiers = call("GET", "/api/dossiers")
        for dossier_id in range(1, len(DOSSIERS) + 2):
            call("GET", f"/api/dossiers/{dossier_id}")
            call("GET", f"/api/dossiers/{dossier_id}/leaves")
        for leaf_id in [*built.leaf_ids, built.target, MISSING]:
            call("GET", f"/api/leaves/{leaf_id}")
            xrefs = call("GET", f"/api/leaves/{leaf_id}/xrefs")
            for xref in xrefs if isinstance(xrefs, list) else []:
                scope = {"leaf": leaf_id, "name": xref["text"]}
                call("POST", "/api/slips", json={"purpose": "p", "xref": scope})
        words = [*WORDS, *SECRET_WORDS["a"], *SECRET_WORDS["b"], "another"]
        queries = [*words, *NAMES, "zebra OR harbour", "grain -zebra", '"Kasimir Orlov"']
        for query in queries:
            call("GET", "/api/search", params={"q": query, "limit": 200})
        call("GET", "/api/search", params={"q": "harbour OR grain OR letter", "limit": 1})
        for query in [*NAMES, "Orlow", "zebra"]:
            call("GET", "/api/persons", params={"q": query})
        for person_id in range(1, len(PEOPLE) + 2):
            call("GET", f"/api/persons/{person_id}")
        slips = call("GET", "/api/slips")
        for slip_id in range(1, len(slips) + 3):
            call("GET", f"/api/slips/{slip_id}")
        call("GET", "/api/grants")
        call("GET", "/api/copies")
        call("GET", "/api/notes")
        for cite in (built.target, MISSING):
            call("POST", "/api/notes", json={"text": "a note", "cite": [cite]})
        call("POST", "/api/slips", json={"purpose": "the zebra", "query": "zebra"})
        call("POST", "/api/slips", json={"purpose": "ids", "leaves": [built.target]})
        call("GET", "/api/slips")
        call("GET", "/api/notes")
        assert isinstance(dossiers, list)
    return seen


def comparable(answers: dict[str, Any], backend: str) -> dict[str, Any]:
    """On SQLite, search hits without their score and in leaf order: FTS5's
    bm25 ranks with statistics of the whole index (how many leaves, how long
    on average, how many hold each word), hidden leaves included, so scores
    and the order of equal hits are the one thing allowed to differ there
    (see `test_sqlite_search_scores_count_hidden_leaves`). PostgreSQL's
    ts_rank looks at each leaf alone, and is compared as it is."""
    if backend != "sqlite":
        return answers
    found = dict(answers)
    for key, (status, body) in answers.items():
        if key.startswith("GET /api/search") and status == 200:
            hits = sorted(
                ({k: v for k, v in hit.items() if k != "score"} for hit in body["hits"]),
                key=lambda hit: hit["leaf_id"],
            )
            whole = body["next_cursor"] is None
            found[key] = (status, {**body, "hits": hits if whole else len(hits)})
    return found


def _differences(one: dict[str, Any], other: dict[str, Any]) -> list[str]:
    keys = [*one, *(key for key in other if key not in one)]
    return [
        f"{key}:\n  {one.get(key, '(not asked)')}\n  {other.get(key, '(not asked)')}"
        for key in keys
        if one.get(key) != other.get(key)
    ]


def test_nothing_a_reader_is_shown_depends_on_a_leaf_they_may_not_read(
    backend: str, tmp_path: Path
) -> None:
    @settings(
        max_examples=EXAMPLES[backend],
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(spec=specs())
    def check(spec: Spec) -> None:
        directory = Path(tempfile.mkdtemp(dir=tmp_path))
        answers = {}
        variants = ["a", "b"] + (["none"] if spec.reason in REASONS[:3] else [])
        for variant in variants:
            home = directory / variant
            home.mkdir()
            with build(backend, home, spec, variant) as built:
                answers[variant] = comparable(observe(built), backend)
                target = built.target
        for variant in variants[1:]:
            differences = _differences(answers["a"], answers[variant])
            assert not differences, "\n".join([f"variant {variant} differs:", *differences[:5]])
        # The target answers exactly as an id that never existed.
        for path in ("/api/leaves/{}", "/api/leaves/{}/xrefs"):
            status, body = answers["a"][f"GET {path.format(target)} {{}}"]
            assert status == 404
            assert answers["a"][f"GET {path.format(MISSING)} {{}}"] == (
                404,
                {"error": body["error"].replace(str(target), str(MISSING))},
            )

    check()


@pytest.mark.xfail(
    strict=True,
    reason="known leak: SQLite FTS5's bm25 scores use whole-index statistics, hidden leaves "
    "included (PostgreSQL's ts_rank does not); the search leak tests compare hits, not scores",
)
def test_sqlite_search_scores_count_hidden_leaves(tmp_path: Path) -> None:
    """A search score on SQLite must not change with a leaf the reader may not read."""
    spec = Spec(
        titles=("UNCLASSIFIED",) * len(DOSSIERS),
        covers=(("UNCLASSIFIED", frozenset()),) * len(DOSSIERS),
        records=("UNCLASSIFIED",) * len(PEOPLE),
        leaves=((2, ("UNCLASSIFIED", frozenset()), ("harbour", "grain")),),
        clearance=("UNCLASSIFIED", frozenset()),
        target_dossier=2,
        target_level="SECRET",
        target_words=("harbour",),
        reason="level",
        asked=frozenset(),
        approved=frozenset(),
        withdrawn=frozenset(),
        cited=frozenset(),
    )
    scores = []
    for variant in ("a", "b"):
        (tmp_path / variant).mkdir()
        with build("sqlite", tmp_path / variant, spec, variant) as built:
            answer = observe(built)["GET /api/search {'params': {'q': 'harbour', 'limit': 200}}"]
            scores.append([hit["score"] for hit in answer[1]["hits"]])
    assert scores[0] == scores[1]
