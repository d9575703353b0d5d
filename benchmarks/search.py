"""Search latency on a large generated corpus, trimmed to a reader against untrimmed.

What is measured, on SQLite and PostgreSQL, on one registry of `--leaves` leaves
(default 1,000,000) of about 300 words each, with 10,000 readers and as many
grants as leaves:

- the store-level search, `store.search(tx, match, readable=..., filters=...,
  limit=20, offset=0)` inside `registry.store.read()`: the first page of 20 hits
  with their snippets, the total and the dossier and level facets, exactly as the
  facade asks for them. Each query runs three ways, one after the other in a
  rotating order: trimmed to a narrow reader, trimmed to a broad reader, and
  untrimmed (`readable=None`), so every trimmed figure has an untrimmed one from
  the same queries, on the same engine, in the same minutes;
- the whole facade, `Registry.search(reader, text, limit=20)`, for the narrow
  reader on the same query texts: parsing, name widening through the card index
  as the reader may see it, the trimmed query, dossier titles, and the audit
  event written and committed (durability "full").

Query kinds (`--queries` of each, the same texts on every backend): `term`, one
word; `phrase`, two words that the generator writes side by side; `name`, a
surname as typed (its English transliteration); `name+forms`, the same surname
widened by `search.names.expand` to an OR of every form of its card, as the
facade does (phrases for full names, terms for the surname in Cyrillic, ISO 9,
German, French and Polish spellings); `filtered`, a word plus `level:` or
`dossier:`, the filter built by the facade's own `_filters`. Words are drawn in
four bands of expected selectivity (common: in 20-60% of leaves, mid: 2-20%,
rare: 0.2-2%, very rare: under 0.2%), in turn; the table gives the median
number of matches.

The corpus comes from the seed alone. Every leaf has about 300 words: Zipf-
distributed general vocabulary (100 English function and common words, then
40,000 generated words), 30 words of its dossier's topic (200 topics of 150
words each, Zipf within the topic, so topical words are bursty), 2-8 fixed
collocations (2,000 word pairs, Zipf), and 0-6 mentions of people (300 with
Cyrillic names written in BGN, ISO 9, German, French or Polish transliteration
or in Cyrillic; 100 with Central European names, with or without their
diacritics), half of them the dossier's three principals. Every person has a
card (visible to every reader) with all those forms. Readers, markings, grants
and dossiers are benchmarks/access.py's generated world (same seed, same rows);
only the leaves' text differs.

Readers: the narrow reader is an active reader at the lowest level with no
compartments and the fewest live grants above none; the broad reader is an
active reader at the highest level with the most compartments. The table gives
how many leaves each may read.

Built registries are cached: a SQLite file under `--cache-dir`, a PostgreSQL
schema `bench_search_<leaves>_<seed>_g<generator>_s<schema>` kept in the
database, each with a JSON note of how long it took to build; `--rebuild`
builds afresh. Leaves are bulk-inserted in transactions of 50,000 leaves; the
SQLite FTS5 index is filled afterwards, 50,000 leaves per transaction (one
`rebuild` of 1M leaves did not finish in 25 minutes); PostgreSQL's GIN index
is dropped before the load and created after it.

On PostgreSQL the store keeps its connection, so psycopg prepares a statement
after its fifth run and PostgreSQL plans it generically after five more; the
warm-up runs every statement shape more often than that, so the figures are
those of a long-running server. A fresh connection (one CLI call) plans every
search for its words, which for common words can be much slower: `--explain`
shows such a custom plan.

`--explain` also times store.search()'s statements and its Python work apart
for the narrow reader, five queries of each kind and band, and prints the
plans of one common word and one common phrase (EXPLAIN QUERY PLAN on SQLite,
EXPLAIN ANALYZE on PostgreSQL).

The aims (from the project issue): p95 under 50 ms on SQLite for the narrow
reader, and trimmed within 1.5x of untrimmed (p50 and p95, over all kinds).

    python benchmarks/search.py [--leaves 1000000] [--queries 40] [--backend sqlite]
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import random
import re
import statistics
import sys
import time
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import accumulate
from pathlib import Path
from typing import Any

import psycopg
from access import (
    BATCH_LEAVES,
    PER_DOSSIER,
    READERS,
    SEED,
    Rows,
    World,
    percentile,
    populate,
    progress,
)
from databases import add_options, postgres_problem, with_search_path
from psycopg import sql as pgsql
from reporting import heading, ratio_line, verdict

from looseleaf.cardindex.translit import System, romanise
from looseleaf.model import Actor, FormType, Levels
from looseleaf.policy import Action
from looseleaf.policy.sql import Filter, readable_leaves
from looseleaf.registry import Registry
from looseleaf.search.fts import to_fts5, to_tsquery
from looseleaf.search.names import expand
from looseleaf.search.query import parse
from looseleaf.settings import Settings
from looseleaf.store import SCHEMA_VERSION, Tx, describe, persons
from looseleaf.store import search as store

GENERATOR = 1  # bump whenever the corpus changes: cached registries are keyed by it
WORDS_PER_LEAF = 300
GENERAL_WORDS = 40_000
TOPICS = 200
TOPIC_WORDS = 150
TOPICAL_PER_LEAF = 30
COLLOCATIONS = 2_000
CYRILLIC_PEOPLE = 300
LATIN_PEOPLE = 100
PRINCIPALS = 3
LIMIT = 20
WARMUP = 8
PLAN_LINES = 40
AIM_P95_MS = 50.0
AIM_RATIO = 1.5
KINDS = ("term", "phrase", "name", "name+forms", "filtered")
BANDS = ("common", "mid", "rare", "very rare")
#: Lower bounds of the bands, as a fraction of leaves (common stops at 60%).
BAND_FLOORS = (0.2, 0.02, 0.002, 0.0)
COMMON_CEILING = 0.6
CALLS = ("narrow", "broad", "untrimmed", "facade")

HEAD = ("the", "of", "and", "to", "in", "a", "that", "was", "he", "for", "it", "with", "as",
    "his", "on", "be", "at", "by", "had", "this", "which", "from", "or", "have", "an", "they",
    "not", "but", "were", "are", "been", "their", "has", "one", "all", "we", "she", "there",
    "who", "her", "would", "so", "no", "what", "if", "when", "more", "out", "up", "into",
    "them", "some", "could", "time", "other", "than", "then", "only", "its", "about", "also",
    "two", "may", "these", "many", "after", "our", "any", "over", "such", "through", "where",
    "most", "before", "must", "because", "those", "both", "each", "under", "against", "between",
    "while", "during", "without", "upon", "said", "made", "first", "man", "report", "agent",
    "station", "meeting", "letter", "officer", "city", "house", "party", "information")  # fmt: skip
_ONSETS = ("b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br",
    "dr", "gr", "kr", "pl", "st", "tr", "ch", "sh")  # fmt: skip
_VOWELS = ("a", "e", "i", "o", "u", "ai", "ou")
_CODAS = ("", "", "n", "r", "s", "l", "m", "t")
_CYR_ONSETS = ("б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х",
    "ц", "ч", "ш", "бр", "гр", "др", "кр", "пр", "ст", "тр")  # fmt: skip
_CYR_VOWELS = ("а", "е", "и", "о", "у")
_CYR_SUFFIXES = ("ов", "ев", "ин", "ский", "цкий", "енко", "ук", "ич", "ян")
_CYR_GIVEN = ("Николай", "Иван", "Пётр", "Алексей", "Григорий", "Фёдор", "Михаил", "Юрий",
    "Андрей", "Сергей", "Владимир", "Дмитрий", "Борис", "Лев", "Яков", "Анна", "Мария", "Елена",
    "Ольга", "Татьяна", "Евгения", "Надежда", "Вера", "Ксения")  # fmt: skip
_LAT_ONSETS = ("b", "c", "č", "d", "dz", "f", "g", "h", "j", "k", "l", "ł", "m", "n", "p", "r",
    "ř", "s", "š", "t", "v", "w", "z", "ž", "sz", "cz")  # fmt: skip
_LAT_VOWELS = ("a", "á", "e", "é", "ě", "i", "í", "o", "ó", "ö", "u", "ú", "ü", "y", "ă", "â")
_LAT_SUFFIXES = ("ski", "ová", "escu", "ić", "ák", "mann", "ész", "eanu", "ek")
_LAT_GIVEN = ("Grigore", "Józef", "František", "Jürgen", "Ştefan", "Zoltán", "Ilona",
    "Małgorzata", "Ágnes", "Václav", "Jiří", "Björn", "Søren", "Raúl", "Léon", "Hélène",
    "Françoise", "Mihály", "Tadeusz", "Zdeněk")  # fmt: skip
#: How often a Cyrillic name is written in each system (None: in Cyrillic).
_SYSTEMS: tuple[tuple[System | None, float], ...] = (
    (System.BGN, 0.45),
    (None, 0.15),
    (System.GERMAN, 0.12),
    (System.POLISH, 0.12),
    (System.FRENCH, 0.08),
    (System.ISO9, 0.08),
)
_WORD = re.compile(r"\w+")


def zipf(count: int, exponent: float = 1.0) -> list[float]:
    """Cumulative weights of ranks 1..count under Zipf's law, summing to 1."""
    weights = [1.0 / (rank**exponent) for rank in range(1, count + 1)]
    total = sum(weights)
    return list(accumulate(w / total for w in weights))


def probabilities(cumulative: Sequence[float]) -> list[float]:
    return [b - a for a, b in zip([0.0, *cumulative[:-1]], cumulative, strict=True)]


def strip_marks(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# -- the generated corpus --------------------------------------------------------------


@dataclass
class Person:
    """A generated person: how they are written in leaves, and the forms of their card."""

    surname: str  # as typed into a search box: the English (BGN) or accented spelling
    preferred: str
    forms: list[tuple[str, str]]  # (form, type) on the card
    mentions: list[str]  # how a leaf names them
    mention_weights: list[float]  # cumulative


@dataclass
class Corpus:
    """Vocabulary, topics, collocations and people, from the seed alone."""

    general: list[str]
    general_cum: list[float]
    topics: list[list[str]]
    topic_cum: list[float]
    collocations: list[str]
    collocation_cum: list[float]
    people: list[Person]
    people_cum: list[float]
    seed: int

    @classmethod
    def of(cls, seed: int) -> Corpus:
        rng = random.Random(f"{seed}/corpus")
        seen = set(HEAD)

        def word() -> str:
            while True:
                made = "".join(
                    rng.choice(_ONSETS) + rng.choice(_VOWELS) + rng.choice(_CODAS)
                    for _ in range(rng.choice((2, 2, 3, 3, 4)))
                )
                if len(made) >= 4 and made not in seen:
                    seen.add(made)
                    return made

        general = [*HEAD] + [word() for _ in range(GENERAL_WORDS - len(HEAD))]
        topics = [[word() for _ in range(TOPIC_WORDS)] for _ in range(TOPICS)]
        content = general[200:20_000]
        collocations = [f"{rng.choice(content)} {rng.choice(content)}" for _ in range(COLLOCATIONS)]
        people = [_cyrillic_person(rng) for _ in range(CYRILLIC_PEOPLE)]
        people += [_latin_person(rng) for _ in range(LATIN_PEOPLE)]
        rng.shuffle(people)
        return cls(
            general=general,
            general_cum=zipf(len(general)),
            topics=topics,
            topic_cum=zipf(TOPIC_WORDS),
            collocations=collocations,
            collocation_cum=zipf(COLLOCATIONS),
            people=people,
            people_cum=zipf(len(people)),
            seed=seed,
        )

    def theme(self, dossier: int) -> tuple[int, list[int]]:
        """A dossier's topic and its principal people (Zipf: a few people are everywhere)."""
        rng = random.Random(f"{self.seed}/theme/{dossier}")
        ranks = range(len(self.people))
        return rng.randrange(TOPICS), rng.choices(ranks, cum_weights=self.people_cum, k=PRINCIPALS)

    def leaf(self, rng: random.Random, topic: int, principals: Sequence[int]) -> str:
        words = rng.choices(self.general, cum_weights=self.general_cum, k=WORDS_PER_LEAF)
        units = rng.choices(self.topics[topic], cum_weights=self.topic_cum, k=TOPICAL_PER_LEAF)
        units += rng.choices(
            self.collocations, cum_weights=self.collocation_cum, k=rng.randint(2, 8)
        )
        for _ in range(rng.randint(0, 6)):
            if rng.random() < 0.5:
                person = self.people[rng.choice(principals)]
            else:
                person = rng.choices(self.people, cum_weights=self.people_cum)[0]
            units.append(rng.choices(person.mentions, cum_weights=person.mention_weights)[0])
        for spot, unit in zip(rng.sample(range(WORDS_PER_LEAF), len(units)), units, strict=True):
            words[spot] = unit
        for end in range(rng.randint(8, 20), WORDS_PER_LEAF, 17):
            words[end] += "."
        return " ".join(words)

    # -- expected selectivity, for drawing query words by band -----------------------

    def general_share(self) -> list[float]:
        """Expected share of leaves holding each general word."""
        draws = WORDS_PER_LEAF - TOPICAL_PER_LEAF - 5 - 3
        return [1 - (1 - p) ** draws for p in probabilities(self.general_cum)]

    def topical_share(self) -> list[float]:
        return [(1 - (1 - p) ** TOPICAL_PER_LEAF) / TOPICS for p in probabilities(self.topic_cum)]

    def collocation_share(self) -> list[float]:
        return [1 - (1 - p) ** 5 for p in probabilities(self.collocation_cum)]


def _cyrillic_person(rng: random.Random) -> Person:
    stem = "".join(
        rng.choice(_CYR_ONSETS) + rng.choice(_CYR_VOWELS) for _ in range(rng.randint(1, 2))
    )
    surname = (stem + rng.choice(_CYR_SUFFIXES)).capitalize()
    given = rng.choice(_CYR_GIVEN)
    spelled: dict[System | None, tuple[str, str]] = {}
    for system, _ in _SYSTEMS:
        if system is None:
            spelled[None] = (given, surname)
        else:
            spelled[system] = (romanise(given, system), romanise(surname, system))
    mentions: list[str] = []
    weights: list[float] = []
    for system, share in _SYSTEMS:
        first, last = spelled[system]
        for text, style in ((last, 0.45), (f"{first} {last}", 0.35), (f"{first[0]}. {last}", 0.2)):
            mentions.append(text)
            weights.append(share * style)
    bgn_first, bgn_last = spelled[System.BGN]
    forms = {f"{bgn_first} {bgn_last}": FormType.SPELLING.value}
    for first, last in spelled.values():
        forms.setdefault(f"{first} {last}", FormType.TRANSLITERATION.value)
        forms.setdefault(last, FormType.SURNAME_ONLY.value)
    return Person(
        surname=bgn_last,
        preferred=f"{bgn_first} {bgn_last}",
        forms=list(forms.items()),
        mentions=mentions,
        mention_weights=list(accumulate(weights)),
    )


def _latin_person(rng: random.Random) -> Person:
    stem = "".join(
        rng.choice(_LAT_ONSETS) + rng.choice(_LAT_VOWELS) for _ in range(rng.randint(1, 2))
    )
    surname = (stem + rng.choice(_LAT_SUFFIXES)).capitalize()
    given = rng.choice(_LAT_GIVEN)
    mentions: list[str] = []
    weights: list[float] = []
    for first, last, share in (
        (given, surname, 0.7),
        (strip_marks(given), strip_marks(surname), 0.3),
    ):
        for text, style in ((last, 0.45), (f"{first} {last}", 0.35), (f"{first[0]}. {last}", 0.2)):
            mentions.append(text)
            weights.append(share * style)
    forms = {
        f"{given} {surname}": FormType.SPELLING.value,
        f"{strip_marks(given)} {strip_marks(surname)}": FormType.SPELLING.value,
        surname: FormType.SURNAME_ONLY.value,
        strip_marks(surname): FormType.SURNAME_ONLY.value,
    }
    return Person(
        surname=surname,
        preferred=f"{given} {surname}",
        forms=list(forms.items()),
        mentions=mentions,
        mention_weights=list(accumulate(weights)),
    )


class TextWorld(World):
    """benchmarks/access.py's world (readers, markings, grants, dossiers), with leaves
    of about 300 generated words instead of a one-line label."""

    def __init__(self, seed: int, levels: Levels, base: datetime, corpus: Corpus) -> None:
        super().__init__(seed, levels, base)
        self.corpus = corpus

    def dossier(self, index: int, into: Rows) -> None:
        first = len(into.leaves)
        super().dossier(index, into)
        rng = random.Random(f"{self.seed}/text/{index}")
        topic, principals = self.corpus.theme(index)
        for n in range(first, len(into.leaves)):
            row = into.leaves[n]
            text = self.corpus.leaf(rng, topic, principals)
            digest = hashlib.sha256(text.encode()).hexdigest()
            into.leaves[n] = (*row[:5], text, text, digest, len(text), *row[9:])


# -- building (or reusing) a registry -------------------------------------------------


def settings(url: str, key: Path, workdir: Path) -> Settings:
    """Defaults plus the registry URL and a signing key kept beside the cached registry."""
    config = workdir / "empty.toml"
    config.touch()
    return Settings.load(flags={"registry": url, "signing_key": str(key)}, env={}, config=config)


def add_cards(registry: Registry, corpus: Corpus, now: str) -> None:
    """One card per generated person, marked at the lowest level (visible to all)."""
    with registry.store.write() as tx:
        for person in corpus.people:
            person_id = persons.create(
                tx,
                preferred=person.preferred,
                kind="person",
                living=False,
                born=None,
                died=None,
                marking_id=1,
                dossier_id=None,
                note=None,
                now=now,
            )
            for form, form_type in person.forms:
                persons.add_form(tx, person_id, form, form_type, by="bench", now=now)


def build(
    registry: Registry, world: TextWorld, leaves: int, label: str, dialect: str
) -> dict[str, Any]:
    """Load the world into a fresh registry and index it; seconds taken, by step."""
    with registry.store.write() as tx:
        if dialect == "sqlite":
            # This connection only (it is closed after the build): a 1 GB page cache
            # instead of the store's 32 MB, which FTS5's segment merges thrash.
            tx.execute("PRAGMA cache_size = -1048576")
        else:
            tx.execute("DROP INDEX leaves_search")
    load = populate(registry, world, leaves, label)
    start = time.perf_counter()
    if dialect == "sqlite":
        # The store's own insert (as ingest's index_report uses it), in transactions
        # of BATCH_LEAVES: one 'rebuild' of 1M leaves in one transaction ran for
        # over 25 minutes here, re-reading its own pages from an ever larger WAL.
        for first in range(1, leaves + 1, BATCH_LEAVES):
            with registry.store.write() as tx:
                store.remember(tx, "id BETWEEN ? AND ?", (first, first + BATCH_LEAVES - 1))
    else:
        with registry.store.write() as tx:
            tx.execute("SET LOCAL maintenance_work_mem = '1GB'")
            tx.execute("CREATE INDEX leaves_search ON leaves USING GIN (search)")
    index = time.perf_counter() - start
    progress(f"{label}: full-text index built in {index:.0f} s")
    add_cards(registry, world.corpus, registry.now())
    with registry.store.write() as tx:
        tx.execute("ANALYZE")
    return {"load_seconds": round(load, 1), "index_seconds": round(index, 1)}


def cache_key(args: argparse.Namespace) -> str:
    return f"search_{args.leaves}_{args.seed}_g{GENERATOR}_s{SCHEMA_VERSION}"


def sqlite_registry(
    args: argparse.Namespace, world: Callable[[], TextWorld]
) -> tuple[Registry, dict[str, Any], bool]:
    key = cache_key(args)
    path = args.cache_dir / f"{key}.db"
    note = args.cache_dir / f"{key}.json"
    signing = args.cache_dir / f"{key}.key"
    cached = not args.rebuild and path.exists() and note.exists()
    if not cached:
        building = args.cache_dir / f"{key}.building.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
        path.unlink(missing_ok=True)
        registry = Registry.init(
            settings(str(building), signing, args.cache_dir), Actor.operator("bench")
        )
        info = build(registry, world(), args.leaves, f"sqlite {args.leaves:,}", "sqlite")
        registry.close()  # the last connection to close folds the WAL into the file
        for suffix in ("-wal", "-shm"):
            if Path(f"{building}{suffix}").exists():
                Path(f"{building}{suffix}").rename(f"{path}{suffix}")
        building.rename(path)
        info["built_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        note.write_text(json.dumps(info))
    info = json.loads(note.read_text())
    registry = Registry.open(settings(str(path), signing, args.cache_dir))
    info["where"] = str(path)
    info["bytes"] = path.stat().st_size
    with registry.store.read() as tx:
        info["fts_bytes"] = int(
            tx.scalar("SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'leaf_search%'")
        )
    return registry, info, cached


def postgres_registry(
    args: argparse.Namespace, world: Callable[[], TextWorld]
) -> tuple[Registry, dict[str, Any], bool]:
    key = f"bench_{cache_key(args)}"
    note = args.cache_dir / f"{cache_key(args)}.postgresql.json"
    signing = args.cache_dir / f"{cache_key(args)}.postgresql.key"
    with psycopg.connect(args.postgres, autocommit=True) as admin:
        found = admin.execute("SELECT 1 FROM pg_namespace WHERE nspname = %s", (key,)).fetchone()
        if args.rebuild or found is None or not note.exists():
            for name in (key, f"{key}_building"):
                admin.execute(
                    pgsql.SQL("DROP SCHEMA IF EXISTS {} CASCADE").format(pgsql.Identifier(name))
                )
            admin.execute(pgsql.SQL("CREATE SCHEMA {}").format(pgsql.Identifier(f"{key}_building")))
            found = None
    cached = found is not None
    if not cached:
        url = with_search_path(args.postgres, f"{key}_building")
        registry = Registry.init(settings(url, signing, args.cache_dir), Actor.operator("bench"))
        info = build(registry, world(), args.leaves, f"postgresql {args.leaves:,}", "postgresql")
        registry.close()
        with psycopg.connect(args.postgres, autocommit=True) as admin:
            admin.execute(
                pgsql.SQL("ALTER SCHEMA {} RENAME TO {}").format(
                    pgsql.Identifier(f"{key}_building"), pgsql.Identifier(key)
                )
            )
        info["built_at"] = datetime.now(UTC).isoformat(timespec="seconds")
        note.write_text(json.dumps(info))
    info = json.loads(note.read_text())
    url = with_search_path(args.postgres, key)
    registry = Registry.open(settings(url, signing, args.cache_dir))
    info["where"] = f"{describe(args.postgres)} schema {key}"
    with registry.store.read() as tx:
        info["bytes"] = int(
            tx.scalar(
                "SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c "
                "JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')"
            )
        )
        info["fts_bytes"] = int(tx.scalar("SELECT pg_relation_size('leaves_search')"))
    return registry, info, cached


# -- readers and queries ---------------------------------------------------------------


@dataclass(frozen=True)
class Reader:
    actor: Actor
    level: str
    compartments: int
    live_grants: int
    readable: int


def pick_readers(registry: Registry, leaves: int) -> dict[str, Reader]:
    now = registry.now()
    with registry.store.read() as tx:
        rows = tx.all(
            "SELECT r.id, r.name, r.level, "
            "(SELECT COUNT(*) FROM reader_compartments rc WHERE rc.reader_id = r.id), "
            "(SELECT COUNT(*) FROM grants g WHERE g.reader_id = r.id AND g.ended_at IS NULL "
            "AND g.expires_at > ?) FROM readers r WHERE r.disabled_at IS NULL",
            (now,),
        )
        narrow = min((r for r in rows if r[4] > 0), key=lambda r: (r[2], r[3], r[4], r[0]))
        broad = max(rows, key=lambda r: (r[2], r[3], r[4], -r[0]))
        picked: dict[str, Reader] = {}
        for label, row in (("narrow", narrow), ("broad", broad)):
            readable = readable_leaves(int(row[0]), now)
            count = tx.scalar(
                f"SELECT COUNT(*) FROM leaves l WHERE {readable.sql}", readable.params
            )
            picked[label] = Reader(
                Actor.reader(int(row[0]), row[1]),
                registry.levels.name(int(row[2])),
                int(row[3]),
                int(row[4]),
                int(count),
            )
    progress(
        ", ".join(
            f"{label} {r.actor.name} ({r.level}, {r.compartments} compartments, "
            f"{r.live_grants} live grants) may read {r.readable:,} of {leaves:,} leaves"
            for label, r in picked.items()
        )
    )
    return picked


@dataclass(frozen=True)
class QuerySpec:
    kind: str
    band: str
    text: str


def band_of(share: float) -> int | None:
    if share > COMMON_CEILING:
        return None
    return next(i for i, floor in enumerate(BAND_FLOORS) if share >= floor)


def queries(corpus: Corpus, args: argparse.Namespace) -> list[QuerySpec]:
    """`--queries` of every kind, the bands in turn, from the seed alone."""
    rng = random.Random(f"{args.seed}/queries")
    words: list[list[str]] = [[] for _ in BANDS]
    for word, share in zip(corpus.general, corpus.general_share(), strict=True):
        if (band := band_of(share)) is not None:
            words[band].append(word)
    for topic in corpus.topics:
        for word, share in zip(topic, corpus.topical_share(), strict=True):
            if (band := band_of(share)) is not None:
                words[band].append(word)
    pairs: list[list[str]] = [[] for _ in BANDS]
    for pair, share in zip(corpus.collocations, corpus.collocation_share(), strict=True):
        pairs[band_of(share) or 0].append(pair)
    # People by rank: the first few are in a large share of leaves, the last in few.
    ranks = len(corpus.people)
    people = [corpus.people[a:b] for a, b in ((0, 3), (3, 30), (30, 150), (150, ranks))]
    dossiers = args.leaves // PER_DOSSIER
    levels = Levels().names
    made: list[QuerySpec] = []
    for n in range(args.queries):
        band = n % len(BANDS)
        made.append(QuerySpec("term", BANDS[band], rng.choice(words[band])))
        made.append(QuerySpec("phrase", BANDS[band], f'"{rng.choice(pairs[band])}"'))
        surname = rng.choice(people[band]).surname
        made.append(QuerySpec("name", BANDS[band], surname))
        made.append(QuerySpec("name+forms", BANDS[band], surname))
        if n % 2:
            word = rng.choice(words[band // 2])  # common or mid: a dossier has only 100 leaves
            made.append(
                QuerySpec("filtered", BANDS[band // 2], f"{word} dossier:{n % dossiers + 1}")
            )
        else:
            level = rng.choice(levels)
            made.append(
                QuerySpec("filtered", BANDS[band], f'{rng.choice(words[band])} level:"{level}"')
            )
    return made


@dataclass
class Prepared:
    spec: QuerySpec
    match: str
    filters: list[Filter]
    samples: dict[str, list[tuple[int, int]]] = field(default_factory=dict)
    step: int = 0  # when it ran


def prepare(registry: Registry, specs: Sequence[QuerySpec], actor: Actor) -> list[Prepared]:
    """Each query translated as the facade would; names widened only for `name+forms`,
    through the card index as `actor` sees it."""
    made: list[Prepared] = []
    with registry.store.read() as tx:
        view = registry._view(tx, actor)

        def preferred(person_id: int) -> str:
            return str(persons.summaries(tx, [person_id])[0][1])

        for spec in specs:
            query = parse(spec.text)
            assert query.expr is not None
            expr = query.expr
            if spec.kind == "name+forms":
                expr, _ = expand(expr, view, preferred)
            match = to_fts5(expr) if tx.dialect == "sqlite" else to_tsquery(expr)
            filters = registry._filters(tx, actor, query)
            made.append(Prepared(spec, match, filters))
    return made


# -- timing ------------------------------------------------------------------------------


def run_store(registry: Registry, item: Prepared, reader: Reader | None) -> tuple[int, int]:
    clock = time.perf_counter_ns
    start = clock()
    with registry.store.read() as tx:
        readable = access = None
        if reader is not None:
            assert reader.actor.reader_id is not None
            readable = readable_leaves(reader.actor.reader_id, registry.now())
            access = (reader.actor.reader_id, registry.now())
        _, total, _ = store.search(
            tx,
            item.match,
            readable=readable,
            filters=item.filters,
            limit=LIMIT,
            offset=0,
            reader=access,
        )
    return clock() - start, total


def run_facade(registry: Registry, item: Prepared, reader: Reader) -> tuple[int, int]:
    clock = time.perf_counter_ns
    start = clock()
    result = registry.search(reader.actor, item.spec.text, limit=LIMIT)
    return clock() - start, result.total


def measure(
    name: str, registry: Registry, items: list[Prepared], readers: dict[str, Reader]
) -> None:
    """Every query run every way, in a rotating order; samples kept on the items."""

    def call(way: str, item: Prepared) -> tuple[int, int]:
        if way == "untrimmed":
            return run_store(registry, item, None)
        if way == "facade":
            return run_facade(registry, item, readers["narrow"])
        return run_store(registry, item, readers[way])

    order = list(range(len(items)))
    random.Random(f"{name}/order").shuffle(order)
    progress(f"{name}: warming up")
    for index in order[:WARMUP]:
        for way in CALLS:
            call(way, items[index])
    started = time.perf_counter()
    for step, index in enumerate(order):
        item = items[index]
        item.step = step
        gc.collect()
        gc.freeze()
        for turn in range(len(CALLS)):
            way = CALLS[(step + turn) % len(CALLS)]
            item.samples.setdefault(way, []).append(call(way, item))
        if (step + 1) % max(1, len(order) // 10) == 0:
            progress(
                f"{name}: {step + 1}/{len(order)} queries, {time.perf_counter() - started:.0f} s"
            )
    gc.unfreeze()


def check_hits(registry: Registry, items: Sequence[Prepared], readers: dict[str, Reader]) -> str:
    """Untimed sanity check: every trimmed hit of a few queries is readable by its reader."""
    tried = agree = 0
    for item in items[: len(KINDS) * 2]:
        for reader in readers.values():
            assert reader.actor.reader_id is not None
            with registry.store.read() as tx:
                rows, _, _ = store.search(
                    tx,
                    item.match,
                    readable=readable_leaves(reader.actor.reader_id, registry.now()),
                    filters=item.filters,
                    limit=LIMIT,
                    offset=0,
                    reader=(reader.actor.reader_id, registry.now()),
                )
            for row in rows:
                tried += 1
                agree += registry.check(reader.actor, Action.LEAF_READ, row.leaf_id).allowed
    return f"{agree}/{tried}"


# -- figures -------------------------------------------------------------------------------


def ms(samples: Sequence[tuple[int, int]]) -> dict[str, float]:
    ordered = sorted(ns / 1e6 for ns, _ in samples)
    return {
        "samples": len(ordered),
        "p50": round(percentile(ordered, 0.50), 2),
        "p95": round(percentile(ordered, 0.95), 2),
        "max": round(ordered[-1], 2),
    }


def matches(samples: Sequence[tuple[int, int]]) -> int:
    return int(statistics.median(total for _, total in samples))


def summarise(items: Sequence[Prepared], readers: dict[str, Reader]) -> dict[str, Any]:
    def group(chosen: Sequence[Prepared]) -> dict[str, Any]:
        untrimmed = [s for item in chosen for s in item.samples["untrimmed"]]
        row: dict[str, Any] = {
            "untrimmed_ms": ms(untrimmed),
            "untrimmed_matches": matches(untrimmed),
        }
        for label in readers:
            trimmed = [s for item in chosen for s in item.samples[label]]
            row[label] = {
                "ms": ms(trimmed),
                "matches": matches(trimmed),
                "ratio_p50": round(ms(trimmed)["p50"] / row["untrimmed_ms"]["p50"], 2),
                "ratio_p95": round(ms(trimmed)["p95"] / row["untrimmed_ms"]["p95"], 2),
            }
        facade = [s for item in chosen for s in item.samples["facade"]]
        row["facade_narrow"] = {"ms": ms(facade), "matches": matches(facade)}
        return row

    found: dict[str, Any] = {"kinds": {}, "term_bands": {}}
    for kind in KINDS:
        found["kinds"][kind] = group([i for i in items if i.spec.kind == kind])
    found["kinds"]["all"] = group(items)
    for band in BANDS:
        chosen = [i for i in items if i.spec.kind == "term" and i.spec.band == band]
        if chosen:
            found["term_bands"][band] = group(chosen)
    return found


def backend_lines(name: str, result: dict[str, Any]) -> list[str]:
    info, readers = result["build"], result["readers"]
    built = "reused from the cache" if result["cached"] else "built in this run"
    lines = [
        f"{name}: {info['where']} ({built}): load {info['load_seconds']:.0f} s, full-text index "
        f"{info['index_seconds']:.0f} s; {info['bytes'] / 2**30:.2f} GiB, of which the "
        f"full-text index {info['fts_bytes'] / 2**30:.2f} GiB",
    ]
    for label, reader in readers.items():
        lines.append(
            f"  {label:<6} {reader['name']}: {reader['level']}, {reader['compartments']} "
            f"compartments, {reader['live_grants']} live grants; may read "
            f"{reader['readable']:,} leaves ({reader['readable_share']:.1%})"
        )
    header = (
        f"{'reader':<7} {'kind':<11} {'matches':>9} {'trimmed p50':>11} {'p95 ms':>8} "
        f"{'untrimmed p50':>13} {'p95 ms':>8} {'x p50':>6} {'x p95':>6} {'all matches':>11}"
    )
    lines += ["", *heading(header)]
    for label in readers:
        for kind, row in result["figures"]["kinds"].items():
            mine = row[label]
            lines.append(
                f"{label:<7} {kind:<11} {mine['matches']:>9,} {mine['ms']['p50']:>11.2f} "
                f"{mine['ms']['p95']:>8.2f} {row['untrimmed_ms']['p50']:>13.2f} "
                f"{row['untrimmed_ms']['p95']:>8.2f} {mine['ratio_p50']:>6.2f} "
                f"{mine['ratio_p95']:>6.2f} {row['untrimmed_matches']:>11,}"
            )
    facade = result["figures"]["kinds"]["all"]["facade_narrow"]["ms"]
    store_narrow = result["figures"]["kinds"]["all"]["narrow"]["ms"]
    lines.append(
        f"narrow  facade      Registry.search (widening, audit write): p50 {facade['p50']:.2f} ms, "
        f"p95 {facade['p95']:.2f} ms ({facade['p50'] / store_narrow['p50']:.2f}x / "
        f"{facade['p95'] / store_narrow['p95']:.2f}x the store-level call)"
    )
    lines += ["", f"single term by band ({name}):"]
    header = (
        f"{'band':<10} {'matches':>9} {'narrow p50':>10} {'p95 ms':>8} {'broad p50':>9} "
        f"{'p95 ms':>8} {'untrimmed p50':>13} {'p95 ms':>8} {'facade p50':>10} {'p95 ms':>8}"
    )
    lines += heading(header)
    for band, row in result["figures"]["term_bands"].items():
        n, b, u = row["narrow"]["ms"], row["broad"]["ms"], row["untrimmed_ms"]
        f = row["facade_narrow"]["ms"]
        lines.append(
            f"{band:<10} {row['untrimmed_matches']:>9,} {n['p50']:>10.2f} {n['p95']:>8.2f} "
            f"{b['p50']:>9.2f} {b['p95']:>8.2f} {u['p50']:>13.2f} {u['p95']:>8.2f} "
            f"{f['p50']:>10.2f} {f['p95']:>8.2f}"
        )
    lines.append(f"trimmed hits that `check` allows: {result['hits_readable']}")
    return lines


def block_ratios(items: Sequence[Prepared], label: str, q: float, blocks: int = 5) -> list[float]:
    """Trimmed/untrimmed at percentile `q` in each of `blocks` consecutive parts of the run."""
    ordered = sorted(items, key=lambda item: item.step)
    ratios = []
    for n in range(blocks):
        part = ordered[n * len(ordered) // blocks : (n + 1) * len(ordered) // blocks]
        mine = sorted(ns for item in part for ns, _ in item.samples[label])
        theirs = sorted(ns for item in part for ns, _ in item.samples["untrimmed"])
        if mine and theirs:
            ratios.append(percentile(mine, q) / percentile(theirs, q))
    return ratios


def aims(report: dict[str, Any]) -> list[str]:
    lines = ["", "aims (ratio per fifth of the run in brackets):"]
    for name, result in report["backends"].items():
        if "skipped" in result:
            continue
        kinds = result["figures"]["kinds"]
        for label in ("narrow", "broad"):
            every = kinds["all"][label]
            for q, key in ((0.5, "ratio_p50"), (0.95, "ratio_p95")):
                lines.append(
                    ratio_line(
                        name,
                        f"trimmed/untrimmed p{round(q * 100)} {label}",
                        every[key],
                        result["blocks"][label][key],
                        f"<= {AIM_RATIO:g}x",
                        every[key] <= AIM_RATIO,
                    )
                )
        if name == "sqlite":
            p95 = kinds["all"]["narrow"]["ms"]["p95"]
            lines.append(
                f"{name:<11} narrow reader p95 {p95:.2f} ms over all kinds; aim < "
                f"{AIM_P95_MS:g} ms: {verdict(p95 < AIM_P95_MS)}"
            )
    return lines


def table(report: dict[str, Any]) -> str:
    lines = [
        f"looseleaf search benchmark (seed {report['seed']}; {report['leaves']:,} leaves of "
        f"~{WORDS_PER_LEAF} words; {READERS:,} readers; {report['leaves']:,} grants; "
        f"{report['queries']} queries per kind; limit {LIMIT} with total and facets; trimmed "
        "narrow, trimmed broad, untrimmed and the facade interleaved)",
        f"wall time {report['seconds']:.0f} s; 1-min load average {report['load_average_start']:g} "
        f"at start, {report['load_average_end']:g} at end ({report['cpus']} CPUs)",
    ]
    for name, result in report["backends"].items():
        lines.append("")
        if "skipped" in result:
            lines.append(f"{name}: skipped ({result['skipped']})")
            continue
        lines += backend_lines(name, result)
    lines += aims(report)
    return "\n".join(lines)


# -- statement breakdown and plans (--explain) ---------------------------------------------


class Recording(Tx):
    """A transaction that times and remembers every statement it runs, for EXPLAIN."""

    def __init__(self, tx: Tx) -> None:
        super().__init__(tx._store, tx.connection)
        self.seen: list[tuple[str, list[Any], float]] = []

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        start = time.perf_counter()
        rows = super().all(sql, params)
        self.seen.append((sql, list(params), (time.perf_counter() - start) * 1e3))
        return rows


def explain(registry: Registry, items: Sequence[Prepared], reader: Reader) -> list[str]:
    """Time search()'s statements and its Python work apart; one common query's plans."""
    assert reader.actor.reader_id is not None
    rows: list[tuple[str, str, list[float], float, float]] = []
    legend: dict[int, str] = {}
    plans: list[str] = []
    for kind in KINDS:
        for band in BANDS:
            chosen = [i for i in items if i.spec.kind == kind and i.spec.band == band][:5]
            if not chosen:
                continue
            sql_ms: list[list[float]] = []
            python_ms: list[float] = []
            total_ms: list[float] = []
            for item in chosen:
                with registry.store.read() as tx:
                    recording = Recording(tx)
                    start = time.perf_counter()
                    store.search(
                        recording,
                        item.match,
                        readable=readable_leaves(reader.actor.reader_id, registry.now()),
                        filters=item.filters,
                        limit=LIMIT,
                        offset=0,
                        reader=(reader.actor.reader_id, registry.now()),
                    )
                    total = (time.perf_counter() - start) * 1e3
                    for n, (text, _, ms_) in enumerate(recording.seen):
                        legend.setdefault(n, " ".join(text.split())[:90])
                        while len(sql_ms) <= n:
                            sql_ms.append([])
                        sql_ms[n].append(ms_)
                    python_ms.append(total - sum(ms_ for *_, ms_ in recording.seen))
                    total_ms.append(total)
                    if kind in ("term", "phrase") and band == "common" and item is chosen[0]:
                        plans += plan(tx, item, recording.seen)
            rows.append((
                kind, band, [statistics.median(t) for t in sql_ms],
                statistics.median(python_ms), statistics.median(total_ms),
            ))  # fmt: skip
    width = max(len(r[2]) for r in rows)
    lines = ["", f"store.search, {reader.actor.name} trimmed, by statement (median ms of 5):"]
    lines += [f"  statement {n + 1}: {text}..." for n, text in sorted(legend.items())]
    lines += heading(
        f"{'kind':<11} {'band':<10} "
        + " ".join(f"{f'statement {n + 1}':>12}" for n in range(width))
        + f" {'Python':>8} {'total':>8}"
    )
    for kind, band, medians, python, total in rows:
        cells = [f"{m:>12.2f}" for m in medians] + [f"{'-':>12}"] * (width - len(medians))
        lines.append(f"{kind:<11} {band:<10} " + " ".join(cells) + f" {python:>8.2f} {total:>8.2f}")
    return lines + widening(registry, items, reader) + plans


def widening(registry: Registry, items: Sequence[Prepared], reader: Reader) -> list[str]:
    """What the facade adds before its query: the reader's view of the card index and
    `expand`, which widens every word that names a record."""
    views: list[float] = []
    expands: list[float] = []
    for item in items[:50]:
        with registry.store.read() as tx:
            start = time.perf_counter()
            view = registry._view(tx, reader.actor)
            middle = time.perf_counter()
            expr = parse(item.spec.text).expr
            assert expr is not None
            expand(expr, view, lambda p: str(persons.summaries(tx, [p])[0][1]))
            views.append((middle - start) * 1e3)
            expands.append((time.perf_counter() - middle) * 1e3)
    return [
        "",
        f"facade name widening for {reader.actor.name}: the reader's view of the card index "
        f"{statistics.median(views):.2f} ms, expand() {statistics.median(expands):.2f} ms "
        f"(median over {len(views)} queries)",
    ]


def plan(tx: Tx, item: Prepared, statements: Sequence[tuple[str, list[Any], float]]) -> list[str]:
    lines = ["", f"plans for {item.spec.text!r}:"]
    for text, params, _ in statements:
        lines.append(f"  {text[:160]}{'...' if len(text) > 160 else ''}")
        if tx.dialect == "sqlite":
            for row in tx.all(f"EXPLAIN QUERY PLAN {text}", params):
                lines.append(f"    {row[3]}")
        else:
            shown = tx.all(f"EXPLAIN (ANALYZE, COSTS OFF) {text}", params)
            lines += [f"    {row[0]}" for row in shown[:PLAN_LINES]]
            if len(shown) > PLAN_LINES:
                lines.append(f"    ... ({len(shown) - PLAN_LINES} more lines)")
    return lines


# -- running ---------------------------------------------------------------------------------


def run_backend(
    name: str,
    open_registry: Callable[[], tuple[Registry, dict[str, Any], bool]],
    specs: Sequence[QuerySpec],
    args: argparse.Namespace,
    report: dict[str, Any],
) -> None:
    registry, info, cached = open_registry()
    try:
        readers = pick_readers(registry, args.leaves)
        items = prepare(registry, specs, readers["narrow"].actor)
        measure(name, registry, items, readers)
        result: dict[str, Any] = {
            "build": info,
            "cached": cached,
            "readers": {
                label: {
                    "name": r.actor.name,
                    "level": r.level,
                    "compartments": r.compartments,
                    "live_grants": r.live_grants,
                    "readable": r.readable,
                    "readable_share": r.readable / args.leaves,
                }
                for label, r in readers.items()
            },
            "figures": summarise(items, readers),
            "blocks": {
                label: {
                    "ratio_p50": [round(r, 2) for r in block_ratios(items, label, 0.5)],
                    "ratio_p95": [round(r, 2) for r in block_ratios(items, label, 0.95)],
                }
                for label in readers
            },
            "hits_readable": check_hits(registry, items, readers),
        }
        if args.explain:
            result["explain"] = explain(registry, items, readers["narrow"])
        report["backends"][name] = result
    finally:
        registry.close()


def default_cache() -> Path:
    root = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(root) / "looseleaf" / "bench-search"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n", 1)[0])
    parser.add_argument(
        "--leaves", type=int, default=1_000_000, help="leaves in the registry (default %(default)s)"
    )
    parser.add_argument(
        "--queries", type=int, default=40, help="timed queries of each kind (default %(default)s)"
    )
    parser.add_argument("--seed", type=int, default=SEED, help="data seed (default %(default)s)")
    parser.add_argument(
        "--cache-dir",
        type=Path,
        default=default_cache(),
        help="where built registries are kept between runs (default %(default)s)",
    )
    parser.add_argument("--rebuild", action="store_true", help="build afresh, ignoring the cache")
    parser.add_argument(
        "--explain",
        action="store_true",
        help="also time search()'s statements apart and print query plans",
    )
    add_options(parser)
    args = parser.parse_args(argv)
    if args.leaves < 10 * PER_DOSSIER or args.leaves % PER_DOSSIER or args.queries < len(BANDS):
        parser.error(
            f"--leaves must be a multiple of {PER_DOSSIER}, at least {10 * PER_DOSSIER}; "
            f"--queries at least {len(BANDS)}"
        )
    args.cache_dir.mkdir(parents=True, exist_ok=True)

    started = time.perf_counter()
    base = datetime.now(UTC).replace(microsecond=0)
    corpus = Corpus.of(args.seed)
    specs = queries(corpus, args)

    def world() -> TextWorld:
        return TextWorld(args.seed, Levels(), base, corpus)

    report: dict[str, Any] = {
        "seed": args.seed,
        "leaves": args.leaves,
        "queries": args.queries,
        "cpus": os.cpu_count(),
        "load_average_start": round(os.getloadavg()[0], 2),
        "backends": {},
    }
    if args.backend in {"both", "sqlite"}:
        run_backend("sqlite", lambda: sqlite_registry(args, world), specs, args, report)
    if args.backend in {"both", "postgresql"}:
        problem = postgres_problem(args.postgres)
        if problem is not None:
            reason = f"cannot use {describe(args.postgres)}: {problem}"
            progress(f"postgresql: skipped ({reason})")
            report["backends"]["postgresql"] = {"skipped": reason}
        else:
            run_backend("postgresql", lambda: postgres_registry(args, world), specs, args, report)
    report["seconds"] = round(time.perf_counter() - started, 1)
    report["load_average_end"] = round(os.getloadavg()[0], 2)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(table(report))
        for name, result in report["backends"].items():
            if "explain" in result:
                print(f"\n{name}:" + "\n".join(result["explain"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
