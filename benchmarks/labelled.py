"""Scores of the card index on the labelled set in tests/data/persons.yaml.

One place for the scoring that the benchmark (benchmarks/cardindex.py) and the
regression floors (tests/cardindex/test_quality.py) share, so the two cannot
drift apart:

- the set itself, loaded into `Entry`, `Form` and `Pair`;
- the form sets clustering is scored on: the *string forms* of persons, the
  string forms of every kind, and every form. A string form is any form but an
  alias, nickname, cover name or code name: a name a string matcher can be
  expected to join; knowing that Jacson is Mercader takes the registrar or an
  alias sentence, not spelling;
- pairwise precision, recall and F1 of a clustering against the entries, and
  the hard pairs (must merge, must not merge) it gets right or wrong, counted
  only where both forms are in the set being scored;
- extraction against gold mentions: every whole-word, case-sensitive
  occurrence of an in-seed form of a `kind: person` entry in the seeds that
  form's `seeds` names, overlapping occurrences merged into one span (that of
  the longest). A predicted span is right if it overlaps a gold span; a gold
  span is found if some predicted span overlaps it; a gazetteer hit is linked
  right if its person is the gold span's entry.

Imported as `labelled` by the benchmark scripts (run from benchmarks/) and as
`benchmarks.labelled` by the tests; it imports nothing from benchmarks/.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from looseleaf.cardindex.extract import Gazetteer, Mention, extract
from looseleaf.cardindex.names import Kind, parse

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data" / "persons.yaml"
SEEDS = REPO.parent / "shared" / "seeds"

#: Form types that no spelling rule can join to the rest of an entry.
NOT_STRING = frozenset({"alias", "nickname", "cover_name", "code_name"})
_ROMAN = re.compile(r"^[IVX]+$")

Labeller = Callable[[Sequence[str]], list[int]]


# -- the set ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Form:
    form: str
    type: str
    seeds: tuple[str, ...]
    in_seeds: bool
    note: str | None = None

    @property
    def string_form(self) -> bool:
        return self.type not in NOT_STRING


@dataclass(frozen=True)
class Entry:
    id: str
    preferred: str
    kind: str
    living: bool
    forms: tuple[Form, ...]
    note: str = ""

    @property
    def surname(self) -> str:
        """The last word of the preferred name that is not a regnal number."""
        words = [w for w in self.preferred.split() if not _ROMAN.match(w)]
        return words[-1] if words else self.preferred


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    merge: bool
    why: str


@dataclass(frozen=True)
class Labelled:
    entries: tuple[Entry, ...]
    pairs: tuple[Pair, ...]

    def entry_of(self) -> dict[str, Entry]:
        """The entry each form string belongs to (a string names one entry only)."""
        return {form.form: entry for entry in self.entries for form in entry.forms}


def load(path: Path = DATA) -> Labelled:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    entries = tuple(
        Entry(
            id=str(raw["id"]),
            preferred=str(raw["preferred"]),
            kind=str(raw["kind"]),
            living=bool(raw["living"]),
            forms=tuple(
                Form(
                    form=str(form["form"]),
                    type=str(form["type"]),
                    seeds=tuple(str(s) for s in form.get("seeds") or ()),
                    in_seeds=bool(form.get("in_seeds", True)),
                    note=form.get("note"),
                )
                for form in raw["forms"]
            ),
            note=str(raw.get("note", "")),
        )
        for raw in data["persons"]
    )
    owners: dict[str, str] = {}
    for entry in entries:
        for form in entry.forms:
            if owners.setdefault(form.form, entry.id) != entry.id:
                raise ValueError(f"{form.form!r} is under both {owners[form.form]} and {entry.id}")
    pairs = tuple(
        Pair(str(p["a"]), str(p["b"]), bool(p["merge"]), str(p.get("why", "")))
        for p in data["pairs"]
    )
    return Labelled(entries, pairs)


# -- clustering ------------------------------------------------------------------------


@dataclass(frozen=True)
class FormSet:
    name: str
    forms: tuple[str, ...]
    gold: tuple[str, ...]  # the entry id of each form


def form_sets(data: Labelled) -> list[FormSet]:
    """Persons' string forms, every kind's string forms, and every form."""

    def build(name: str, keep: Callable[[Entry, Form], bool]) -> FormSet:
        chosen: dict[str, str] = {}
        for entry in data.entries:
            for form in entry.forms:
                if keep(entry, form):
                    chosen.setdefault(form.form, entry.id)
        return FormSet(name, tuple(chosen), tuple(chosen.values()))

    return [
        build("persons, string forms", lambda e, f: e.kind == "person" and f.string_form),
        build("all kinds, string forms", lambda _e, f: f.string_form),
        build("every form", lambda _e, _f: True),
    ]


def _find(parent: list[int], item: int) -> int:
    while parent[item] != item:
        parent[item] = parent[parent[item]]
        item = parent[item]
    return item


def components(size: int, linked: Callable[[int, int], bool]) -> list[int]:
    """Union-find over `size` items; returns the smallest member index as a label."""
    parent = list(range(size))
    for i, j in itertools.combinations(range(size), 2):
        if linked(i, j):
            root_i, root_j = _find(parent, i), _find(parent, j)
            if root_i != root_j:
                parent[max(root_i, root_j)] = min(root_i, root_j)
    return [_find(parent, item) for item in range(size)]


def pairwise_prf(gold: Sequence[str], labels: Sequence[int]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of a clustering against gold cluster ids."""
    true_pos = predicted = actual = 0
    for i, j in itertools.combinations(range(len(gold)), 2):
        same_gold = gold[i] == gold[j]
        same_pred = labels[i] == labels[j]
        actual += same_gold
        predicted += same_pred
        true_pos += same_gold and same_pred
    precision = true_pos / predicted if predicted else 1.0
    recall = true_pos / actual if actual else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass(frozen=True)
class ClusterScore:
    precision: float
    recall: float
    f1: float
    clusters: int
    false_merges: tuple[Pair, ...]  # must-not pairs put in one cluster
    must_not: int  # must-not pairs with both forms in the set
    merged: int  # must-merge pairs put in one cluster
    must_merge: int  # must-merge pairs with both forms in the set


def score_clustering(
    form_set: FormSet, labels: Sequence[int], pairs: Iterable[Pair]
) -> ClusterScore:
    if len(labels) != len(form_set.forms):
        raise ValueError(f"{len(labels)} labels for {len(form_set.forms)} forms")
    precision, recall, f1 = pairwise_prf(form_set.gold, labels)
    label = dict(zip(form_set.forms, labels, strict=True))
    hard = [p for p in pairs if p.a in label and p.b in label]
    together = [p for p in hard if label[p.a] == label[p.b]]
    return ClusterScore(
        precision,
        recall,
        f1,
        clusters=len(set(labels)),
        false_merges=tuple(p for p in together if not p.merge),
        must_not=sum(not p.merge for p in hard),
        merged=sum(p.merge for p in together),
        must_merge=sum(p.merge for p in hard),
    )


def cluster_score(form_set: FormSet, labeller: Labeller, pairs: Iterable[Pair]) -> ClusterScore:
    return score_clustering(form_set, labeller(form_set.forms), pairs)


# -- extraction ------------------------------------------------------------------------


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    entry: str

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


def read_seeds(directory: Path = SEEDS) -> dict[str, str]:
    """Seed texts keyed by their prefix ("000".."004")."""
    return {
        path.name[:3]: path.read_text(encoding="utf-8") for path in sorted(directory.glob("*.txt"))
    }


def occurrences(text: str, form: str) -> list[tuple[int, int]]:
    """Whole-word, case-sensitive occurrences of `form` in `text`."""
    pattern = re.compile(rf"(?<!\w){re.escape(form)}(?!\w)")
    return [match.span() for match in pattern.finditer(text)]


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Overlapping spans become one, covering them all, for the entry of the longest."""
    merged: list[list[Span]] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if merged and span.start < max(s.end for s in merged[-1]):
            merged[-1].append(span)
        else:
            merged.append([span])
    out = []
    for group in merged:
        longest = max(group, key=lambda s: (s.end - s.start, -s.start))
        out.append(Span(group[0].start, max(s.end for s in group), longest.entry))
    return out


def gold_spans(
    data: Labelled, texts: Mapping[str, str], *, kinds: Iterable[str] = ("person",)
) -> dict[str, list[Span]]:
    """Gold mentions per seed: in-seed forms of entries of `kinds`, where their `seeds` say."""
    wanted = set(kinds)
    found: dict[str, list[Span]] = {seed: [] for seed in texts}
    for entry in data.entries:
        if entry.kind not in wanted:
            continue
        for form in entry.forms:
            for seed in form.seeds:
                if seed in texts:
                    found[seed].extend(
                        Span(start, end, entry.id)
                        for start, end in occurrences(texts[seed], form.form)
                    )
    return {seed: merge_spans(spans) for seed, spans in found.items()}


def person_ids(data: Labelled) -> dict[str, int]:
    """The integer person id each entry gets in a gazetteer (its position in the set)."""
    return {entry.id: number for number, entry in enumerate(data.entries)}


def cold_gazetteer(data: Labelled) -> Gazetteer:
    """What an index knows before any labelling: each person's preferred name and surname."""
    ids = person_ids(data)
    forms = []
    for entry in data.entries:
        if entry.kind == "person":
            forms.append((entry.preferred, ids[entry.id], None))
            if entry.surname != entry.preferred:
                forms.append((entry.surname, ids[entry.id], None))
    return Gazetteer(forms)


def warm_gazetteer(data: Labelled) -> Gazetteer:
    """An index that already holds every labelled form of every entry (the ceiling)."""
    ids = person_ids(data)
    numbered = ((entry, form) for entry in data.entries for form in entry.forms)
    return Gazetteer(
        (form.form, ids[entry.id], number) for number, (entry, form) in enumerate(numbered)
    )


@dataclass
class ExtractionScore:
    gold: int = 0
    found: int = 0  # gold spans overlapped by some predicted span
    predicted: int = 0
    right: int = 0  # predicted spans overlapping some gold span
    other_kinds: int = 0  # wrong predicted spans that name a labelled organisation or group
    bodies: int = 0  # wrong predicted spans that the parser itself takes for a body or group
    linked: int = 0  # gazetteer hits on a gold span
    linked_right: int = 0  # ... whose person is the gold span's entry
    by_method: dict[str, list[int]] = field(default_factory=dict)  # method -> [predicted, right]

    @property
    def precision(self) -> float:
        return self.right / self.predicted if self.predicted else 1.0

    @property
    def precision_named(self) -> float:
        """Precision with hits on labelled organisations and groups left out of the count."""
        counted = self.predicted - self.other_kinds
        return self.right / counted if counted else 1.0

    @property
    def precision_persons(self) -> float:
        """Precision over what extraction offers as persons: spans it takes for
        organisations or groups (NKVD, Central Committee, Trotskyists), found
        by design and not labelled in full, are left out of the count."""
        counted = self.predicted - self.other_kinds - self.bodies
        return self.right / counted if counted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def linking(self) -> float:
        return self.linked_right / self.linked if self.linked else 1.0


def score_extraction(
    data: Labelled, texts: Mapping[str, str], gazetteer: Gazetteer, *, model: bool = False
) -> ExtractionScore:
    """Extraction over each whole seed text, against the gold mentions."""
    gold = gold_spans(data, texts)
    others = gold_spans(data, texts, kinds=("organisation", "group"))
    entry_ids = [entry.id for entry in data.entries]
    score = ExtractionScore()
    for seed, text in texts.items():
        predicted = extract(text, gazetteer, model=model)
        spans = gold[seed]
        score.gold += len(spans)
        score.found += sum(any(span.overlaps(m.start, m.end) for m in predicted) for span in spans)
        for mention in predicted:
            hit = _best_overlap(mention, spans)
            counts = score.by_method.setdefault(mention.method, [0, 0])
            counts[0] += 1
            score.predicted += 1
            if hit is None:
                other = any(o.overlaps(mention.start, mention.end) for o in others[seed])
                score.other_kinds += other
                score.bodies += not other and parse(mention.text).kind is not Kind.PERSON
                continue
            counts[1] += 1
            score.right += 1
            if mention.method == "gazetteer" and mention.person_id is not None:
                score.linked += 1
                score.linked_right += entry_ids[mention.person_id] == hit.entry
    return score


def _best_overlap(mention: Mention, spans: Sequence[Span]) -> Span | None:
    best, most = None, 0
    for span in spans:
        shared = min(span.end, mention.end) - max(span.start, mention.start)
        if shared > most:
            best, most = span, shared
    return best
