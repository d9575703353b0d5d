"""Claim extraction on the labelled set, beside a baseline measured in the same run.

What is measured: the five seed texts are ingested into a fresh SQLite
registry with default settings (name extraction `auto`: spaCy's model when
it is installed, else the card index's patterns; the card index starts
empty), and the extractor's suggestions (`Registry.claims(status=
"suggested")`) are scored against tests/data/claims.yaml (308 dated claims
labelled by hand; see tests/data/README.md).

A suggestion matches a labelled claim when all of these hold:

- it cites a leaf of the same seed, and its span overlaps the labelled
  anchor (found in the seed's normalised text: a report's leaves are
  consecutive pieces of it, so the leaves are joined and the anchor is found
  with line breaks, hyphenation and soft hyphens allowed to differ);
- the property is the same;
- the subject names the labelled subject: a name that equals one of the
  entry's forms in tests/data/persons.yaml or that the card index's matcher
  (`looseleaf.cardindex.matcher.compare`) joins to one; for the events and
  bodies declared in claims.yaml (not persons.yaml entries), the names in
  EVENT_FORMS below;
- the date overlaps the labelled date and is no vaguer than it (a day
  suggested for a labelled month is right, a year for a labelled day is
  not); for a date labelled `approximate`, overlapping is enough.

Precision is the share of suggestions that match some labelled claim;
recall the share of labelled claims matched by some suggestion. Both are
given overall and per property.

The baseline is the first extractor as it stood before this benchmark (commit
9ee0403: every sentence with a date and a name the card index found; the
property of the first event word; the subject the name nearest before it),
copied here with its date grammar so that it stays fixed while the
extractor improves. It runs over the same leaves and the same name mentions.

The aim (issue 8): precision >= 0.9, recall >= 0.7.

    python benchmarks/claims.py [--seeds DIR] [--show-misses] [--show-wrong]

Imported as `benchmarks.claims` by tests/evidence/test_quality.py.
"""

from __future__ import annotations

import argparse
import calendar
import hashlib
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from looseleaf.cardindex.matcher import THRESHOLD, compare
from looseleaf.cardindex.names import fold
from looseleaf.model import Actor
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from looseleaf.store import leaves, mentions

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "claims.yaml"
PERSONS = REPO / "tests" / "data" / "persons.yaml"
SEEDS = REPO.parent / "shared" / "seeds"
AIM_PRECISION = 0.9
AIM_RECALL = 0.7
OPERATOR = Actor.operator("benchmark")

#: Names of the subjects claims.yaml declares itself (events and bodies that are
#: not persons.yaml entries): what a suggestion may call them. Matched without
#: case, a leading "the" dropped.
EVENT_FORMS: dict[str, tuple[str, ...]] = {
    "great_purge": (
        "Great Purge",
        "great purges",
        "purges",
        "purge",
        "Great Terror",
        "Yezhovshchina",
        "Yezhovschina",
    ),
    "trial_of_sixteen": (
        "Trial of the Sixteen",
        "the sixteen",
        "sixteen",
        "Zinoviev-Kamenev trial",
        "Zinoviev-Kamenev-Smirnov trial",
        "first Moscow Show Trial",
        "Moscow Show Trial",
        "Case of the Trotskyite-Zinoviev Terrorist Centre",
    ),
    "kirov_reprisals": ("Kirov reprisals", "reprisals", "executions after Kirov's murder"),
    "leningrad_nkvd_trial": ("trial of the Leningrad GPU officials", "Leningrad GPU"),
    "katyn_massacre": ("Katyn Massacre", "Katyn"),
    "party_congress_1934": ("XVIIth Party Congress", "Communist Party Congress", "Congress"),
    "operation_trust": (
        "Trust",
        "Trust Operation",
        "Operation Trust",
        "Monarchist Union of Central Russia",
    ),
    "special_office": ("Special Office", "Laboratory 1", "poison laboratory"),
    "administration_of_special_tasks": ("Administration of Special Tasks", "AST"),
}


# -- the labelled set and the seeds as the registry holds them ---------------------------


@dataclass(frozen=True)
class Label:
    id: str
    seed: str
    start: int  # the anchor in the seed's joined leaf text
    end: int
    subject: str
    property: str
    first: str
    last: str
    approximate: bool
    planned: bool


@dataclass(frozen=True)
class LeafText:
    id: int
    seed: str
    offset: int  # where the leaf starts in the seed's joined leaf text
    text: str
    names: tuple[tuple[int, int, str, int | None], ...]


@dataclass(frozen=True)
class Corpus:
    texts: dict[str, str]  # seed -> its leaves' normalised text, joined by "\n"
    leaves: dict[int, LeafText]

    def report(self, seed: str) -> list[LeafText]:
        return sorted((x for x in self.leaves.values() if x.seed == seed), key=lambda x: x.id)


@dataclass(frozen=True)
class Suggested:
    seed: str
    leaf_id: int
    start: int  # in the seed's joined leaf text
    end: int
    subject: str
    property: str
    first: str
    last: str
    value: str | None
    planned: bool
    quote: str


def ingest(seeds: Path, directory: Path) -> tuple[Registry, Corpus]:
    """The five seeds in a fresh registry with default settings, one dossier each."""
    registry = Registry.init(Settings(registry=str(directory / "claims.db")), OPERATOR)
    for path in sorted(seeds.glob("*.txt")):
        registry.ingest(OPERATOR, [path], dossier=f"Seed {path.name[:3]}")
    return registry, corpus(registry, lambda filename: filename[:3])


def corpus(registry: Registry, key: Callable[[str], str]) -> Corpus:
    """Every leaf as the registry holds it, grouped into texts by `key` of its
    report's file name (a seed's number, a case document's id), each text the
    leaves' normalised text joined by "\n"."""
    texts: dict[str, list[str]] = {}
    found: dict[int, LeafText] = {}
    with registry.store.read() as tx:
        rows = tx.all(
            "SELECT l.id, r.filename FROM leaves l JOIN reports r ON r.id = l.report_id "
            "ORDER BY r.id, l.position"
        )
        for leaf_id, filename in rows:
            doc = key(str(filename))
            leaf = leaves.by_id(tx, int(leaf_id))
            assert leaf is not None
            text = leaves.text(tx, leaf).normalised
            parts = texts.setdefault(doc, [])
            offset = sum(len(p) + 1 for p in parts)
            parts.append(text)
            names = tuple(
                (start, end, name, person)
                for start, end, name, _, person, _ in mentions.on_leaf(tx, int(leaf_id))
            )
            found[int(leaf_id)] = LeafText(int(leaf_id), doc, offset, text, names)
    return Corpus({doc: "\n".join(parts) for doc, parts in texts.items()}, found)


def anchor_pattern(anchor: str) -> re.Pattern[str]:
    """The anchor as written in the seed, found in normalised text: whitespace,
    line-end hyphens and soft hyphens may come and go."""
    out: list[str] = []
    space = False
    for char in anchor:
        if char.isspace() or char in "¬\u00ad":
            space = True
            continue
        if out:
            out.append(r"[\s¬\u00ad]*" if space else r"(?:[\s¬\u00ad]|-\s)*")
        out.append("-?" if char == "-" else re.escape(char))
        space = False
    return re.compile("".join(out))


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _locate(text: str, anchor: str, occurrence: int) -> tuple[int, int] | None:
    """Where the occurrence-th anchor is: as written when the text has it so
    (quick), else as `anchor_pattern` finds it."""
    if not re.search(r"[\n¬\u00ad]|-\s", anchor) and text.count(anchor) >= occurrence:
        at = -1
        for _ in range(occurrence):
            at = text.find(anchor, at + 1)
        return at, at + len(anchor)
    found = list(anchor_pattern(anchor).finditer(text))
    if len(found) < occurrence:
        return None
    return found[occurrence - 1].span()


def _span(text: str) -> tuple[str, str]:
    def point(part: str, last: bool) -> str:
        pieces = [int(p) for p in part.split("-")]
        if len(pieces) == 3:
            return date(*pieces).isoformat()
        if len(pieces) == 2:
            year, month = pieces
            day = calendar.monthrange(year, month)[1] if last else 1
            return date(year, month, day).isoformat()
        return f"{pieces[0]}-12-31" if last else f"{pieces[0]}-01-01"

    first, _, last = text.partition("/")
    return point(first, False), point(last or first, True)


def read_anchors(claims: Iterable[dict[str, Any]], seeds: Path = SEEDS) -> list[dict[str, Any]]:
    """claims.yaml holds spans of the seeds, never their text: give each claim
    its `anchor` (and `date_anchor`) back from the seed file, with which
    `occurrence` of those words the span is. A span whose text no longer has
    the recorded hash means the seed changed: an error, not a silent miss."""
    texts = {path.name[:3]: path.read_text(encoding="utf-8") for path in seeds.glob("*.txt")}
    found = []
    for claim in claims:
        text = texts[claim["seed"]]
        read = dict(claim)
        for key, name in (("at", "anchor"), ("date_at", "date_anchor")):
            if key not in claim:
                continue
            start, end, digest = claim[key]
            words = text[start:end]
            if hashlib.sha256(words.encode("utf-8")).hexdigest()[:8] != digest:
                raise ValueError(f"{claim['id']}: {key} {start}-{end} no longer reads as labelled")
            read[name] = words
            if key == "at":
                read["occurrence"] = text.count(words, 0, start) + 1
        found.append(read)
    return found


def load_labels(corpus: Corpus, path: Path = DATA, seeds: Path = SEEDS) -> tuple[Label, ...]:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    labels = []
    for claim in read_anchors(data["claims"], seeds):
        text = corpus.texts[claim["seed"]]
        occurrence = claim.get("occurrence", 1)
        at = _locate(text, claim["anchor"], occurrence)
        if at is None:
            raise ValueError(f"{claim['id']}: anchor not in the ingested text")
        first, last = _span(str(claim["date"]))
        labels.append(
            Label(
                id=claim["id"],
                seed=claim["seed"],
                start=at[0],
                end=at[1],
                subject=claim["subject"],
                property=claim["property"],
                first=first,
                last=last,
                approximate=bool(claim.get("approximate", False)),
                planned=bool(claim.get("planned", False)),
            )
        )
    return tuple(labels)


def subject_forms(persons: Path = PERSONS, claims: Path = DATA) -> dict[str, tuple[str, ...]]:
    """Every name each labelled subject may go by."""
    entries = yaml.load(persons.read_text(encoding="utf-8"), Loader=_LOADER)["persons"]
    forms = {e["id"]: tuple(str(f["form"]) for f in e["forms"]) for e in entries}
    declared = yaml.load(claims.read_text(encoding="utf-8"), Loader=_LOADER)["subjects"]
    for subject in declared:
        forms[subject["id"]] = EVENT_FORMS[subject["id"]]
    return forms


# -- scoring ---------------------------------------------------------------------------


def _days(first: str, last: str) -> int:
    return (date.fromisoformat(last) - date.fromisoformat(first)).days


def date_fits(suggested: Suggested, label: Label) -> bool:
    if suggested.first > label.last or label.first > suggested.last:
        return False
    return label.approximate or _days(suggested.first, suggested.last) <= _days(
        label.first, label.last
    )


def _bare(name: str) -> str:
    name = re.sub(r"[’']s$", "", name.strip())
    return re.sub(r"^the\s+", "", name, flags=re.IGNORECASE).casefold()


class Subjects:
    """Whether a suggested subject names a labelled one (cached: compare is slow)."""

    def __init__(self, forms: dict[str, tuple[str, ...]]) -> None:
        self.forms = forms
        self.events = {key for key in EVENT_FORMS if key in forms}
        self._seen: dict[tuple[str, str], bool] = {}

    def match(self, name: str, subject: str) -> bool:
        key = (name, subject)
        if key not in self._seen:
            self._seen[key] = self._match(name, subject)
        return self._seen[key]

    def _match(self, name: str, subject: str) -> bool:
        forms = self.forms.get(subject, ())
        bare = _bare(name)
        if any(bare == _bare(form) or fold(bare) == fold(form) for form in forms):
            return True
        if subject in self.events:
            return False
        for form in forms:
            found = compare(name, form)
            if found.never is None and found.score >= THRESHOLD:
                return True
        return False


@dataclass
class Tally:
    predicted: int = 0
    correct: int = 0
    gold: int = 0
    found: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    overall: Tally
    by_property: dict[str, Tally]
    wrong: list[Suggested] = field(default_factory=list)
    missed: list[Label] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.overall.precision

    @property
    def recall(self) -> float:
        return self.overall.recall

    @property
    def f1(self) -> float:
        return self.overall.f1


def matches(suggested: Suggested, label: Label, subjects: Subjects) -> bool:
    return (
        suggested.seed == label.seed
        and suggested.property == label.property
        and suggested.start < label.end
        and label.start < suggested.end
        and date_fits(suggested, label)
        and subjects.match(suggested.subject, label.subject)
    )


def score(suggestions: Sequence[Suggested], labels: Sequence[Label], subjects: Subjects) -> Score:
    overall = Tally()
    by_property: dict[str, Tally] = {}
    found: set[str] = set()
    wrong: list[Suggested] = []
    for suggested in suggestions:
        tally = by_property.setdefault(suggested.property, Tally())
        hits = [label.id for label in labels if matches(suggested, label, subjects)]
        overall.predicted += 1
        tally.predicted += 1
        if hits:
            overall.correct += 1
            tally.correct += 1
            found.update(hits)
        else:
            wrong.append(suggested)
    missed = []
    for label in labels:
        tally = by_property.setdefault(label.property, Tally())
        overall.gold += 1
        tally.gold += 1
        if label.id in found:
            overall.found += 1
            tally.found += 1
        else:
            missed.append(label)
    return Score(overall, by_property, wrong, missed)


# -- the two extractors ----------------------------------------------------------------


def ours(registry: Registry, corpus: Corpus) -> list[Suggested]:
    """The registry's own suggestions, made at ingest."""
    found = []
    for claim in registry.claims(OPERATOR, status="suggested"):
        if claim.date_first is None or claim.date_last is None:
            continue
        leaf = corpus.leaves[claim.leaf_id]
        found.append(
            Suggested(
                seed=leaf.seed,
                leaf_id=leaf.id,
                start=leaf.offset + claim.start,
                end=leaf.offset + claim.end,
                subject=claim.subject,
                property=claim.property,
                first=claim.date_first,
                last=claim.date_last,
                value=claim.value,
                planned=claim.planned,
                quote=claim.quote,
            )
        )
    return found


def baseline(corpus: Corpus) -> list[Suggested]:
    """The first extractor, run as the facade ran it: leaf by leaf, each leaf's
    last day-precise date carried to the next as context."""
    found = []
    for seed in sorted(corpus.texts):
        context: _When | None = None
        for leaf in corpus.report(seed):
            names = [_Name(s, e, n, p) for s, e, n, p in leaf.names]
            for hit in _baseline_suggest(leaf.text, names, context):
                found.append(
                    Suggested(
                        seed=seed,
                        leaf_id=leaf.id,
                        start=leaf.offset + hit.start,
                        end=leaf.offset + hit.end,
                        subject=hit.subject,
                        property=hit.property,
                        first=hit.when.first,
                        last=hit.when.last,
                        value=None,
                        planned=hit.planned,
                        quote=hit.quote,
                    )
                )
            last = [d for d in _baseline_dates(leaf.text, context) if d.precision == "day"]
            context = last[-1] if last else context
    return found


# The baseline, frozen: looseleaf/evidence/{dates,extract}.py as of commit 9ee0403,
# trimmed of docstrings.

_MONTHS = {
    name.lower(): number
    for number in range(1, 13)
    for name in (calendar.month_name[number], calendar.month_abbr[number])
}
_MONTHS["sept"] = 9
_B_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_B_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_B_YEAR = r"(?P<year>1[5-9]\d\d|20[0-4]\d)"


def _b(template: str) -> str:
    return (
        template.replace("MONTH", _B_MONTH)
        .replace("DAY", _B_DAY)
        .replace("YEAR2", r"(?P<year2>\d{2,4})")
        .replace("YEAR", _B_YEAR)
    )


_B_FORMS = [
    (kind, re.compile(_b(text), re.IGNORECASE))
    for kind, text in [
        ("day", r"\b(?:the\s+)?DAY\s+(?:of\s+)?MONTH,?\s+(?:of\s+)?YEAR\b"),
        ("day", r"\bMONTH\s+DAY,?\s+YEAR\b"),
        ("day", r"\b(?P<iy>1[5-9]\d\d|20[0-4]\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b"),
        ("month", r"\bMONTH,?\s+(?:of\s+)?YEAR\b"),
        ("range", r"\bYEAR\s*(?:-|–|—|/|to|and)\s*YEAR2\b"),
        ("year", r"\bYEAR\b"),
        ("dayonly", r"\b(?:the\s+)?DAY\s+(?:of\s+)?MONTH\b"),
        ("dayonly", r"\bMONTH\s+DAY\b"),
        (
            "relative",
            r"\b(?:the|on\s+the)\s+(?P<rel>next|following|previous|preceding|same)\s+"
            r"(?:day|morning|evening|night|afternoon)\b",
        ),
        ("relative", r"\b(?P<rel>next|following)\s+(?:day|morning)\b"),
        ("relative", r"\bthe\s+day\s+(?P<rel>after|before)\b"),
        ("relative", r"\b(?P<rel>that)\s+(?:same\s+)?(?:day|night|evening)\b"),
    ]
]
_B_SHIFT = {
    "next": 1,
    "following": 1,
    "after": 1,
    "previous": -1,
    "preceding": -1,
    "before": -1,
    "same": 0,
    "that": 0,
}


@dataclass(frozen=True)
class _When:
    first: str
    last: str
    precision: str
    text: str
    start: int
    end: int
    relative_to: str | None = None

    @property
    def label(self) -> str:
        if self.precision == "day":
            return self.first
        if self.precision == "month":
            return self.first[:7]
        if self.precision == "year":
            return self.first[:4]
        return f"{self.first[:4]}/{self.last[:4]}"


def _b_day(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _b_read(kind: str, found: re.Match[str], context: _When | None) -> _When | None:
    groups = found.groupdict()
    text, start, end = found.group(0), found.start(), found.end()
    if kind == "day":
        if groups.get("iy"):
            year, month, day = int(groups["iy"]), int(groups["im"]), int(groups["id"])
        else:
            year, month, day = (
                int(groups["year"]),
                _MONTHS[groups["month"].lower()],
                int(groups["day"]),
            )
        iso = _b_day(year, month, day)
        return None if iso is None else _When(iso, iso, "day", text, start, end)
    if kind == "month":
        year, month = int(groups["year"]), _MONTHS[groups["month"].lower()]
        last = calendar.monthrange(year, month)[1]
        return _When(
            date(year, month, 1).isoformat(),
            date(year, month, last).isoformat(),
            "month",
            text,
            start,
            end,
        )
    if kind == "range":
        year, tail = int(groups["year"]), groups["year2"]
        other = int(str(year)[: 4 - len(tail)] + tail)
        if not year < other <= year + 30:
            return None
        return _When(f"{year}-01-01", f"{other}-12-31", "range", text, start, end)
    if kind == "year":
        year = int(groups["year"])
        return _When(f"{year}-01-01", f"{year}-12-31", "year", text, start, end)
    if context is None or context.precision in {"year", "range"}:
        return None
    if kind == "dayonly":
        month = _MONTHS[groups["month"].lower()]
        if groups["month"].lower() == "may" and not text[:1].isupper():
            return None
        iso = _b_day(int(context.first[:4]), month, int(groups["day"]))
        return None if iso is None else _When(iso, iso, "day", text, start, end, context.label)
    if context.precision != "day":
        return None
    shifted = date.fromisoformat(context.first) + timedelta(days=_B_SHIFT[groups["rel"].lower()])
    iso = shifted.isoformat()
    return _When(iso, iso, "day", text, start, end, context.label)


def _baseline_dates(text: str, context: _When | None = None) -> list[_When]:
    found: list[_When] = []
    position = 0
    candidates = sorted(
        (
            (match.start(), -(match.end() - match.start()), order, kind, match)
            for order, (kind, pattern) in enumerate(_B_FORMS)
            for match in pattern.finditer(text)
        ),
        key=lambda c: c[:3],
    )
    for start, _, _, kind, match in candidates:
        if start < position:
            continue
        when = _b_read(kind, match, context)
        if when is None:
            continue
        found.append(when)
        position = when.end
        if when.relative_to is None or when.precision == "day":
            context = when
    return found


_B_EVENTS = tuple(
    (prop, re.compile(pattern, re.IGNORECASE))
    for prop, pattern in [
        ("born", r"\bborn\b"),
        ("died", r"\b(?:died|dies|death of|passed away|perished)\b"),
        (
            "attacked",
            r"\b(?:attacked|assaulted|struck down|wounded|stabbed|assassination attempt)\b",
        ),
        ("executed", r"\b(?:shot|executed|execution of|put to death)\b"),
        ("sentenced", r"\bsentenced\b"),
        ("arrested", r"\b(?:arrested|arrest of|detained)\b"),
        ("tried", r"\b(?:tried|trial of|went on trial)\b"),
        ("appointed", r"\b(?:appointed|named head|became head|took over)\b"),
        ("dismissed", r"\b(?:dismissed|removed from|replaced as)\b"),
        ("absorbed", r"\b(?:absorbed|incorporated into|merged into)\b"),
        ("founded", r"\b(?:founded|established|set up|created)\b"),
        ("located-at", r"\b(?:arrived (?:at|in)|was in|stayed (?:at|in)|reached|landed at)\b"),
    ]
)
_B_PLANNED = re.compile(
    r"\b(?:will|shall|plan(?:s|ned)? to|intend(?:s|ed)? to|expect(?:s|ed)? to)\b", re.I
)
_B_SENTENCE = re.compile(r"[^.!?;\n]+(?:[.!?;]+|\n|$)")


@dataclass(frozen=True)
class _Name:
    start: int
    end: int
    text: str
    person_id: int | None


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    quote: str
    subject: str
    property: str
    when: _When
    planned: bool


def _baseline_suggest(text: str, names: Sequence[_Name], context: _When | None) -> list[_Found]:
    found: list[_Found] = []
    dates = _baseline_dates(text, context)
    for sentence in _B_SENTENCE.finditer(text):
        start, end = sentence.span()
        in_dates = [d for d in dates if start <= d.start < end]
        in_names = [n for n in names if start <= n.start < end]
        if not in_dates or not in_names:
            continue
        body = sentence.group(0)
        for prop, pattern in _B_EVENTS:
            event = pattern.search(body)
            if event is None:
                continue
            at = start + event.start()
            before = [n for n in in_names if n.end <= at] or in_names
            subject = before[-1]
            when = min(in_dates, key=lambda d: abs(d.start - at))
            found.append(
                _Found(
                    start=start,
                    end=start + len(body.rstrip()),
                    quote=body.strip(),
                    subject=subject.text,
                    property=prop,
                    when=when,
                    planned=bool(_B_PLANNED.search(body[: max(0, event.start())])),
                )
            )
            break
    return found


# -- the report ------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    labels: tuple[Label, ...]
    ours: Score
    baseline: Score
    suggested: int
    seconds: float


def run(seeds: Path = SEEDS) -> Run:
    """Ingest, extract, score: what the benchmark prints and the quality test checks."""
    with tempfile.TemporaryDirectory() as directory:
        started = time.perf_counter()
        registry, corpus = ingest(seeds, Path(directory))
        seconds = time.perf_counter() - started
        try:
            labels = load_labels(corpus, seeds=seeds)
            subjects = Subjects(subject_forms())
            mine = ours(registry, corpus)
            theirs = baseline(corpus)
        finally:
            registry.close()
    return Run(
        labels,
        score(mine, labels, subjects),
        score(theirs, labels, subjects),
        len(mine),
        seconds,
    )


def _row(name: str, who: str, tally: Tally) -> str:
    return (
        f"{name:<18} {who:<8} {tally.gold:>4} {tally.predicted:>5} {tally.correct:>5} "
        f"{tally.precision:>6.3f} {tally.recall:>6.3f} {tally.f1:>6.3f}"
    )


def _verdict(met: bool) -> str:
    return "met" if met else "NOT met"


def _show(items: Iterable[str]) -> None:
    for line in items:
        print("  " + line)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    parser.add_argument("--show-misses", action="store_true", help="list labelled claims missed")
    parser.add_argument("--show-wrong", action="store_true", help="list wrong suggestions")
    args = parser.parse_args(argv)
    if not args.seeds.is_dir() or not any(args.seeds.glob("*.txt")):
        print(f"no seed texts at {args.seeds}", file=sys.stderr)
        return 2
    started = time.perf_counter()
    result = run(args.seeds)
    counts = Counter(label.seed for label in result.labels)
    print(
        f"labelled: {len(result.labels)} dated claims in {DATA.relative_to(REPO)} "
        f"({', '.join(f'{seed}: {n}' for seed, n in sorted(counts.items()))})"
    )
    print(
        f"ours: the registry's suggestions at ingest ({result.suggested}); "
        f"ingest {result.seconds:.1f} s"
    )
    print("baseline: the first extractor (commit 9ee0403), same leaves and names")
    print()
    header = (
        f"{'property':<18} {'who':<8} {'gold':>4} {'sugg':>5} {'right':>5} "
        f"{'P':>6} {'R':>6} {'F1':>6}"
    )
    print(header)
    print("-" * len(header))
    print(_row("all", "ours", result.ours.overall))
    print(_row("", "baseline", result.baseline.overall))
    names = sorted(set(result.ours.by_property) | set(result.baseline.by_property))
    for name in names:
        print(_row(name, "ours", result.ours.by_property.get(name, Tally())))
        print(_row("", "baseline", result.baseline.by_property.get(name, Tally())))
    if args.show_misses:
        print("\nmissed (labelled, not suggested):")
        _show(f"{m.id} {m.property} {m.subject} {m.first}/{m.last}" for m in result.ours.missed)
    if args.show_wrong:
        print("\nwrong (suggested, matching no labelled claim):")
        _show(
            f"{w.seed} {w.property} {w.subject!r} {w.first}/{w.last} "
            f"{'planned ' if w.planned else ''}{w.value or ''} | {w.quote[:110]}"
            for w in result.ours.wrong
        )
    print()
    print("aims:")
    print(
        f"  precision >= {AIM_PRECISION:g}: {_verdict(result.ours.precision >= AIM_PRECISION)} "
        f"({result.ours.precision:.3f}; baseline {result.baseline.precision:.3f})"
    )
    print(
        f"  recall >= {AIM_RECALL:g}: {_verdict(result.ours.recall >= AIM_RECALL)} "
        f"({result.ours.recall:.3f}; baseline {result.baseline.recall:.3f})"
    )
    print()
    print(f"time: total {time.perf_counter() - started:.1f} s")
    print("reproduce: .venv/bin/python benchmarks/claims.py")
    return 0


if __name__ == "__main__":
    sys.exit(main())
