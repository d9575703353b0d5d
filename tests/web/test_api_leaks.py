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

import json
import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
#: Ids that are never issued (every id has nine digits): one the reader asks
#: for in every variant, and the one that stands for the target where it is absent.
MISSING = 424_242
ABSENT = 1_000_000_001
#: The same secret in every variant, as the clock stands still: ids agree
#: wherever the same things were made in the same order, so the order of equal
#: search hits (ties go by id) is the same too.
ID_SECRET = "api leak test"
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
    target: int  # ABSENT where the target was never made
    dossier_ids: list[int]  # by number in DOSSIERS
    person_ids: list[int]  # by number in PEOPLE
    slip_ids: list[int]  # the slips made while building
    #: Every id this registry issued that the reader may be shown, by what it
    #: is (`<leaf:3>`, `<target>`, `<dossier:0>`...): ids are opaque, and differ
    #: between registries whenever hidden things were made in between.
    labels: dict[int, str]


@dataclass(frozen=True)
class Ingested:
    dossier_id: int
    report_id: int
    leaf_id: int


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
) -> Ingested:
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
    assert result.dossier_id is not None, result
    assert result.report_id is not None, result
    _, reports = registry.dossier(OPERATOR, str(result.dossier_id))
    [leaf] = next(report for report in reports if report.id == result.report_id).leaves
    return Ingested(result.dossier_id, result.report_id, leaf.id)


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
    order, on a clock that stands still and with one id secret, so ids and
    times agree; `Built.labels` names each id by what it is, for comparing
    registries whose ids differ."""
    clock = FakeClock()
    titles = dossier_titles(variant, spec)
    with (
        fresh_url(backend, directory) as url,
        Registry.init(
            Settings(registry=url, durability="crash"), OPERATOR, clock=clock
        ) as registry,
    ):
        registry.fix_ids(OPERATOR, ID_SECRET)
        covers = [
            _ingest(registry, directory, f"cover-{n}.txt", f"cover{n} of the file",
                    n, spec.covers[n], spec, f"Cover {n}", titles)
            for n in range(len(DOSSIERS))
        ]  # fmt: skip
        dossier_ids = [made.dossier_id for made in covers]
        labels = {dossier_id: f"<dossier:{n}>" for n, dossier_id in enumerate(dossier_ids)}
        person_ids = []
        for n, ((name, forms, dossier), level) in enumerate(zip(PEOPLE, spec.records, strict=True)):
            person = registry.person_add(
                OPERATOR, name, forms=forms, marking=MarkingRequest(level), dossier=titles[dossier]
            )
            person_ids.append(person.id)
            labels[person.id] = f"<person:{n}>"
        made = [
            _ingest(registry, directory, f"leaf-{n}.txt", f"leaf{n} " + " ".join(words) + ".",
                    dossier, marking, spec, f"Report {n}", titles)
            for n, (dossier, marking, words) in enumerate(spec.leaves)
        ]  # fmt: skip
        assert [m.dossier_id for m in made] == [dossier_ids[d] for d, *_ in spec.leaves]
        body = [m.leaf_id for m in made]
        ids = [m.leaf_id for m in covers] + body
        for n, m in enumerate([*covers, *made]):
            labels |= {m.leaf_id: f"<leaf:{n}>", m.report_id: f"<report:{n}>"}
        hidden = spec.reason in {"compartment", "returned", "expired"}
        readable_marking = (spec.target_level, spec.clearance[1])
        marking = (spec.target_level, frozenset({HIDDEN})) if hidden else readable_marking
        target = ABSENT  # an id never issued, where the target is absent
        if variant != "none":
            name, text, source = _target_text(variant, spec)
            got = _ingest(
                registry, directory, name, text, spec.target_dossier, marking, spec, source, titles
            )
            assert got.dossier_id == dossier_ids[spec.target_dossier]
            target = got.leaf_id
            labels[got.report_id] = "<target report>"
        labels[target] = "<target>"
        slip_ids = []
        # The custodian is read into everything: a custodian decides only what
        # they may read themselves.
        everything = MarkingRequest("TOP SECRET", (HIDDEN, *COMPARTMENTS))
        keeper = registry.add_reader(OPERATOR, "keeper", everything, roles=("custodian",))
        added = registry.add_reader(
            OPERATOR, "reader", MarkingRequest(spec.clearance[0], tuple(sorted(spec.clearance[1])))
        )
        reader = Actor.reader(added.id, added.name)
        seen = [registry.check(reader, Action.DOSSIER_SEE, n).allowed for n in dossier_ids]
        assert seen == titles_seen(spec)
        custodian = Actor.reader(keeper.id, keeper.name)
        if spec.asked:
            # The reader may also have asked for the target by id: never approved.
            asked = [body[n] for n in sorted(spec.asked)]
            slip = registry.request_slip(reader, "random pages", leaf_ids=[*asked, target])
            slip_ids.append(slip.id)
            labels[slip.id] = "<slip:random pages>"
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
            slip_ids.append(slip.id)
            labels[slip.id] = "<slip:the target>"
            registry.decide_slip(custodian, slip.id, approve=[target], days=1)
            registry.read(reader, target)
            if spec.reason == "returned":
                registry.return_slip(reader, slip.id)
        if spec.reason == "remarked":
            registry.read(reader, target)
            note = registry.add_note(reader, "seen before it was re-marked", [target])
            labels[note.id] = "<note:re-marked>"
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
            labels[registry.add_note(reader, "my working file", cited).id] = "<note:working file>"
        for n, grant in enumerate(registry.grants(OPERATOR)):
            labels[grant.id] = f"<grant:{n}>"
        clock.advance(days=2)  # a one-day grant has run out
        if variant != "none":
            assert not registry.check(reader, Action.LEAF_READ, target).allowed
        _, token, _ = registry.create_token(OPERATOR, "reader", days=30)
        yield Built(registry, reader, token, ids, target, dossier_ids, person_ids, slip_ids, labels)


def observe(built: Built) -> dict[str, Any]:
    """Every reader-facing answer of the API, as (status, body), by request."""
    seen: dict[str, Any] = {}
    made: list[int] = []  # what the reader's own requests made
    app = create_app(built.registry)
    with TestClient(app, base_url=BASE_URL) as client:

        def call(method: str, path: str, **kwargs: Any) -> Any:
            response = client.request(method, path, headers=bearer(built.token), **kwargs)
            assert response.status_code < 500, (path, response.text)
            body: Any = response.json() if response.content else None
            seen[f"{method} {path} {kwargs}"] = (response.status_code, body)
            if method == "POST" and response.status_code == 201:  # a slip or a note of ours
                made.append(body["id"])
                built.labels[body["id"]] = f"<{path.removeprefix('/api/')} made {len(made)}>"
            return body

        call("GET", "/api/me")
        dossiers = call("GET", "/api/dossiers")
        for dossier_id in [*built.dossier_ids, MISSING]:
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
        for person_id in [*built.person_ids, MISSING]:
            call("GET", f"/api/persons/{person_id}")
        slips = call("GET", "/api/slips")
        listed = [slip["id"] for slip in slips] if isinstance(slips, list) else []
        for slip_id in [*dict.fromkeys([*built.slip_ids, *listed]), MISSING]:
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


#: A number standing alone, not a run of digits inside a word or a hash.
_ALONE = r"(?<![0-9A-Za-z])({})(?![0-9A-Za-z])"
#: An id of nine digits (every opaque id has nine).
_AN_ID = re.compile(_ALONE.format(r"[1-9]\d{8}"))


def relabelled(answers: dict[str, Any], labels: dict[int, str]) -> dict[str, Any]:
    """The answers with every id this registry issued written as what it is
    (`<leaf:3>`, `<target>`...), in requests, bodies and messages alike, and
    the lists ordered by id (search hits of equal score, the dossier facet,
    the names searched) put in the order of those labels: two registries give
    different ids, so only what the ids stand for can be compared."""
    pattern = re.compile(_ALONE.format("|".join(map(str, labels))))

    def rewrite(value: Any) -> Any:
        if isinstance(value, bool):
            return value
        if isinstance(value, int):
            return labels.get(value, value)
        if isinstance(value, str):
            return pattern.sub(lambda found: labels[int(found.group())], value)
        if isinstance(value, list | tuple):
            return type(value)(rewrite(item) for item in value)
        if isinstance(value, dict):
            return {rewrite(key): rewrite(item) for key, item in value.items()}
        return value

    found: dict[str, Any] = rewrite(answers)
    unlabelled = {
        key: ids for key in found if (ids := _AN_ID.findall(json.dumps([key, found[key]])))
    }
    assert not unlabelled, f"ids the test does not know: {unlabelled}"
    for key, (status, body) in found.items():
        if key.startswith("GET /api/search") and status == 200:
            if isinstance(body["hits"], list):
                body["hits"].sort(key=lambda hit: (-hit.get("score", 0), hit["leaf_id"]))
            body["facets"]["dossier"].sort(key=lambda facet: (-facet["count"], facet["value"]))
            body["names"].sort()
        for slip in body if key.startswith("GET /api/slips ") else [body]:
            if isinstance(slip, dict) and slip.get("scope_kind") == "leaves" and "scope" in slip:
                slip["scope"]["leaves"].sort()  # the ids the reader typed, sorted by id
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
                seen = observe(built)
                answers[variant] = relabelled(comparable(seen, backend), built.labels)
        for variant in variants[1:]:
            differences = _differences(answers["a"], answers[variant])
            assert not differences, "\n".join([f"variant {variant} differs:", *differences[:5]])
        # The target answers exactly as an id that never existed.
        for path in ("/api/leaves/{}", "/api/leaves/{}/xrefs"):
            status, body = answers["a"][f"GET {path.format('<target>')} {{}}"]
            assert status == 404
            assert answers["a"][f"GET {path.format(MISSING)} {{}}"] == (
                404,
                {"error": body["error"].replace("<target>", str(MISSING))},
            )

    check()


def test_search_scores_do_not_count_hidden_leaves(backend: str, tmp_path: Path) -> None:
    """Two registries that differ only in hidden leaves holding the searched
    words (how many, how long, how often they say them) give a reader the
    same hits, in the same order, with the same scores and totals: no score
    is computed from statistics over leaves the reader may not read (FTS5's
    bm25 was), and equal scores go in arrival order, not by opaque id."""
    readable = (
        "harbour grain letter",
        "the harbour master wrote to the harbour office about the harbour",
        "grain and more grain, then the harbour",
        "harbour " + "quiet " * 40 + "harbour",
        "a letter from the harbour master",
        "a letter from the harbour office",  # the same score: arrival order decides
        "grain only here",
    )
    queries = ("harbour", "harbour grain", "harbour OR grain", '"harbour master"', "harb*",
               "harbour -grain", "letter", "quiet")  # fmt: skip

    def answers(hidden: int) -> dict[str, Any]:
        directory = tmp_path / f"hidden-{hidden}"
        directory.mkdir()
        names: dict[int, str] = {}
        with (
            fresh_url(backend, directory) as url,
            Registry.init(
                Settings(registry=url, durability="crash"), OPERATOR, clock=FakeClock()
            ) as registry,
        ):

            def ingest(name: str, text: str, level: str) -> None:
                path = directory / f"{name}.txt"
                path.write_text(text + "\n", encoding="utf-8")
                [result] = registry.ingest(
                    OPERATOR,
                    [path],
                    dossier="HARBOUR REPORTS",
                    leaf_marking=MarkingRequest(level),
                    dossier_marking=MarkingRequest("UNCLASSIFIED"),
                    source=Source(title=name),
                )
                assert result.status == "ingested", result
                assert result.dossier_id is not None
                _, reports = registry.dossier(OPERATOR, str(result.dossier_id))
                [leaf] = next(r for r in reports if r.id == result.report_id).leaves
                names[leaf.id] = name

            for n, text in enumerate(readable):
                ingest(f"readable-{n}", text, "UNCLASSIFIED")
                for m in range(hidden):  # before, between and after them
                    words = " ".join(["harbour"] * (m + 1) + ["grain master"] * (m % 3) * 7)
                    ingest(f"hidden-{n}-{m}", f"{words} quiet harbour master {n} {m}", "SECRET")
            registry.add_reader(OPERATOR, "reader", MarkingRequest("UNCLASSIFIED"))
            _, token, _ = registry.create_token(OPERATOR, "reader", days=30)
            found: dict[str, Any] = {}
            with TestClient(create_app(registry), base_url=BASE_URL) as client:
                for query in queries:
                    response = client.get(
                        "/api/search", params={"q": query, "limit": 200}, headers=bearer(token)
                    )
                    assert response.status_code == 200, response.text
                    body = response.json()
                    hits = [(names[h["leaf_id"]], h["score"], h["snippet"]) for h in body["hits"]]
                    found[query] = (body["total"], hits)
        return found

    few, many = answers(0), answers(3)
    assert few == many
    totals, hits = few["harbour"]
    assert totals == 6
    order = [name for name, _, _ in hits]
    assert order.index("readable-4") + 1 == order.index("readable-5")  # tied, in arrival order
    assert order[0] == "readable-1"  # three times in eleven words
    assert all(score > 0 for _, score, _ in hits)
