"""Two registries from one random spec, alike in all that one account may see.

The account under test (`subject`) holds one role and a random clearance.
Variant "a" and variant "b" of a spec hold the same visible material, made
by the same calls in the same order; they differ only in what the subject
may not see: the text, file name, source title, length and marking of
leaves above its clearance (hidden pages inside visible reports included,
so positions and sequence numbers are put to the test), hidden reports,
dossiers and dossier titles, card-index records and cover names, claims on
hidden leaves, other readers' slips and notes, a copy of hidden leaves, and
a leaf the subject read and noted before it was re-marked out of its reach.

Ids are opaque (a keyed permutation per registry), so one visible thing has
a different id in each variant. The builder therefore names everything it
makes (`leaf:r0p1`, `hidden-leaf:0`, ...) and `World.refs` maps each name
to its id in that registry; the observers ask by name and compare answers
with ids turned back into names. Where the store still counts (sequential
ids), the hidden material is made after all visible material, in equal
numbers in both variants, so visible ids agree without any renaming.
"""

from __future__ import annotations

import itertools
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from hypothesis import strategies as st

from looseleaf.demo.typewriter import png, typed_page
from looseleaf.model import DEFAULT_LEVELS, Actor, Source
from looseleaf.policy import Action
from looseleaf.registry import ClaimInput, MarkingRequest, Registry
from looseleaf.settings import Settings
from tests.conftest import OPERATOR, FakeClock
from tests.web.conftest import fresh_url

LEVELS = DEFAULT_LEVELS
COMPARTMENTS = ("K", "M")
#: A compartment the subject is never read into: a leaf in it is readable only by grant.
SEALED = "X"
ROLES = ("reader", "custodian", "registrar", "auditor", "decoder", "admin")
#: Roles shown other readers' slips: custodians decide them, auditors read
#: every event (their purposes and scopes are no leaf's content).
SLIP_STAFF = frozenset({"custodian", "auditor"})

SUBJECT = "subject"
KEEPER = "keeper"  # a custodian cleared for everything: decides the subject's slips
LOW = "low"  # an UNCLASSIFIED reader whose slips propose almost everything
HIGH = "high"  # a reader cleared for everything: holds a copy and notes of hidden leaves
#: An id that never existed: nine digits, like the real ones, so messages look alike.
MISSING = 123_456_789
#: Where ids are opaque they run from here (looseleaf.store.ids.FIRST).
OPAQUE_FROM = 100_000_000

DOSSIERS = ("ORLOV, Kasimir", "WEBER, Ilse", "HARBOUR REPORTS")
#: The dossier whose leaves the subject may read but whose title it may not see.
VEILED = {"a": "BRANDT, Otto", "b": "KELLER, Hans"}
HIDDEN_TITLES = {"a": ("QUARTZ, Zebra", "ZEBRA NETWORK"), "b": ("MOSAIC, Walnut", "WALNUT RING")}
WORDS = ("harbour", "courier", "grain", "letter", "vienna", "budapest")
#: Names visible leaves may carry: Falke and Sperber are each a cover name in
#: one variant, Amsel and Drossel each a hidden record's name in one variant.
NAMES = ("Kasimir Orlov", "Orlov", "Ilse Weber", "Weberin", "Falke", "Sperber", "Amsel", "Drossel")
#: Only hidden leaves hold these words (one set per variant).
SECRET_WORDS = {"a": ("zebra", "quartz"), "b": ("walnut", "mosaic")}
SECRET_NAMES = {"a": "Zebra Quartz", "b": "Walnut Mosaic"}
SECRET_YEARS = {"a": "1939", "b": "1951"}
#: A third party named on visible leaves, masked for a reader of a class
#: that masks anything (one per variant, of one length: the offsets after
#: it agree). The words must never reach that reader.
MASKED_NAMES = {"a": "Hedda Brunke", "b": "Greta Wormer"}
#: The reader's class, and which classes a reader-role subject may be in.
CLASSES = ("staff", "subject", "researcher", "journalist")
#: Hidden card-index records: (preferred name, an alias), per variant.
HIDDEN_PEOPLE = {
    "a": (("Amsel", "Zebra Quartz"), ("Quarzmann", "Zebrano")),
    "b": (("Drossel", "Walnut Mosaic"), ("Nussbaum", "Mosaico")),
}

Mark = tuple[str, frozenset[str]]


def readable(clearance: Mark, marking: Mark) -> bool:
    """The access rule's first two clauses, by clearance alone (no grants)."""
    level, compartments = marking
    return LEVELS.index(level) <= LEVELS.index(clearance[0]) and compartments <= clearance[1]


def marking_key(marking: Mark) -> tuple[int, tuple[str, ...]]:
    return LEVELS.index(marking[0]), tuple(sorted(marking[1]))


def request(marking: Mark) -> MarkingRequest:
    return MarkingRequest(marking[0], tuple(sorted(marking[1])))


def remarking(marking: Mark) -> MarkingRequest:
    """A re-marking to exactly `marking` (a level alone would keep the old compartments)."""
    return MarkingRequest(marking[0], tuple(sorted(marking[1])), clear_compartments=not marking[1])


MARKINGS: tuple[Mark, ...] = tuple(
    (level, frozenset(chosen))
    for level in LEVELS
    for size in range(4)
    for chosen in itertools.combinations((*COMPARTMENTS, SEALED), size)
)


# -- the spec -------------------------------------------------------------------------


@dataclass(frozen=True)
class Page:
    words: tuple[str, ...]
    marking: Mark
    #: Readable only through a grant the keeper gives on the subject's slip.
    granted: bool = False


@dataclass(frozen=True)
class ReportSpec:
    dossier: int  # 0-2: the visible dossiers; 3: the veiled one
    pages: tuple[Page, ...]
    #: Its first page says "Kasimir Orlov was arrested in 1937." for the claim extractor.
    arrested: bool


@dataclass(frozen=True)
class Item:
    """One piece of hidden material, made before visible step `at`."""

    kind: str  # report, dossier, person, claim, note, slip
    at: int
    #: report: its dossier (0-3); person: its dossier (-1 none, 0-2, 9 a hidden one);
    #: claim, note: which hidden leaf it cites.
    target: int = 0
    pages: int = 1


@dataclass(frozen=True)
class Secrets:
    """What one variant holds that the subject may not see."""

    marking: Mark
    #: (report, before which visible page) of each hidden page inside a visible report.
    pages: tuple[tuple[int, int], ...]
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Spec:
    role: str
    clearance: Mark
    titles: tuple[Mark, ...]  # the title markings of the three visible dossiers
    veiled: bool
    records: tuple[Mark, Mark]  # Orlov's and Weber's card-index markings
    reports: tuple[ReportSpec, ...]
    fading: int  # the visible dossier of the leaf the subject reads, notes, then loses
    claimed: tuple[int, int]  # visible leaves (by number) the two visible claims cite
    cited: tuple[int, ...]  # visible leaves the subject's note cites
    copied: tuple[int, ...]  # visible leaves of the subject's copy
    read: tuple[int, ...]  # visible leaves the subject reads while the registry is made
    interleave: bool
    secrets: tuple[Secrets, Secrets]  # variant a, variant b
    #: The subject's redaction class (a staff role reads in "staff").
    reader_class: str = "staff"
    #: Visible leaves (by number) that name the masked third party.
    masked: tuple[int, ...] = ()

    def visible_pages(self) -> list[tuple[str, Page]]:
        """(name, page) of every visible page, in the order they are made."""
        return [
            (f"leaf:r{k}p{j}", page)
            for k, report in enumerate(self.reports)
            for j, page in enumerate(report.pages)
        ]

    def cover(self, variant: str) -> str:
        """Orlov's cover name: the same for those who may decode, else one per variant."""
        if self.role in {"decoder", "registrar"} or variant == "a":
            return "Falke"
        return "Sperber"

    def low_word(self, variant: str) -> str:
        """What the low reader's query slip asks for: custodians and auditors
        see the slip, so it is the same; for anyone else it is another
        reader's secret."""
        return SECRET_WORDS["a" if self.role in SLIP_STAFF else variant][0]


#: Visible steps, in order; hidden items are made before one of them (or after all).
PROLOGUE_AFTER_REPORTS = ("fading", "persons", "claims", "own-slips", "low-slips", "note", "copy")


def prologue(spec: Spec) -> list[str]:
    return [f"report:{k}" for k in range(len(spec.reports))] + list(PROLOGUE_AFTER_REPORTS)


_ITEM_KINDS = ("report", "dossier", "person", "claim", "note", "slip")


@st.composite
def _secrets(
    draw: st.DrawFn,
    reports: Sequence[ReportSpec],
    steps: int,
    unreadable: Sequence[Mark],
    role: str,
    veiled: bool,
    interleave: bool,
) -> Secrets:
    pages = []
    for k, report in enumerate(reports):
        for _ in range(draw(st.integers(0, 2))):
            where = draw(st.integers(0, len(report.pages))) if interleave else len(report.pages)
            pages.append((k, where))
    kinds = [kind for kind in _ITEM_KINDS if kind != "slip" or role not in SLIP_STAFF]
    at = st.integers(0, steps) if interleave else st.just(steps)
    first = draw(st.sampled_from(["report", "dossier"]))
    items = [
        Item(first, draw(at), draw(st.integers(0, 3 if veiled else 2)), draw(st.integers(1, 2)))
    ]
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(kinds))
        target = {
            "report": st.integers(0, 3 if veiled else 2),
            "person": st.sampled_from([-1, 0, 1, 2, 9]),
        }.get(kind, st.integers(0, 3))
        items.append(Item(kind, draw(at), draw(target), draw(st.integers(1, 2))))
    return Secrets(draw(st.sampled_from(unreadable)), tuple(sorted(pages)), tuple(items))


@st.composite
def specs(draw: st.DrawFn, role: str, interleave: bool, reader_class: str | None = None) -> Spec:
    """A random registry for an account of `role`; `interleave` mixes the
    hidden material in among the visible (only where ids are opaque);
    `reader_class` fixes the subject's redaction class (else a reader's is
    drawn, and staff read in "staff")."""
    clearance: Mark = (
        draw(st.sampled_from(LEVELS)),
        frozenset(draw(st.sets(st.sampled_from(COMPARTMENTS)))),
    )
    fits = [m for m in MARKINGS if readable(clearance, m)]
    unreadable = [m for m in MARKINGS if not readable(clearance, m)]
    shown = st.sampled_from(fits)
    veiled = draw(st.booleans())
    targets = [0, 1, 2, *([3] if veiled else [])]
    targets += draw(st.lists(st.sampled_from(targets), max_size=2))
    reports = []
    for dossier in targets:
        pages = draw(
            st.lists(
                st.builds(
                    Page,
                    st.lists(st.sampled_from(WORDS + NAMES), min_size=1, max_size=4).map(tuple),
                    shown,
                ),
                min_size=1,
                max_size=3,
            )
        )
        reports.append(ReportSpec(dossier, tuple(pages), draw(st.booleans())))
    if draw(st.booleans()):
        # One page the subject may read only because the keeper grants it.
        k = draw(st.integers(0, len(reports) - 1))
        j = draw(st.integers(0, len(reports[k].pages) - 1))
        level = draw(st.sampled_from(LEVELS[: LEVELS.index(clearance[0]) + 1]))
        held = sorted(clearance[1])
        extra = frozenset(draw(st.sets(st.sampled_from(held)))) if held else frozenset()
        pages = list(reports[k].pages)
        pages[j] = Page(pages[j].words, (level, extra | {SEALED}), granted=True)
        reports[k] = ReportSpec(reports[k].dossier, tuple(pages), reports[k].arrested)
    count = sum(len(r.pages) for r in reports)
    some = st.integers(0, count - 1)
    steps = len(reports) + len(PROLOGUE_AFTER_REPORTS)
    secrets_a = draw(_secrets(reports, steps, unreadable, role, veiled, interleave))
    if interleave:
        secrets_b = draw(_secrets(reports, steps, unreadable, role, veiled, interleave))
    else:
        # Equal numbers, made in the same order: only content and marking differ.
        others = [m for m in unreadable if m != secrets_a.marking] or unreadable
        secrets_b = Secrets(draw(st.sampled_from(others)), secrets_a.pages, secrets_a.items)
    if reader_class is None:
        reader_class = draw(st.sampled_from(CLASSES)) if role == "reader" else "staff"
    masked = (
        tuple(sorted(draw(st.sets(some, min_size=1, max_size=3))))
        if reader_class != "staff"
        else ()
    )
    return Spec(
        role=role,
        clearance=clearance,
        titles=tuple(draw(shown) for _ in DOSSIERS),
        veiled=veiled,
        records=(draw(shown), draw(shown)),
        reports=tuple(reports),
        fading=draw(st.integers(0, 2)),
        claimed=(draw(some), draw(some)),
        cited=tuple(sorted(draw(st.sets(some, min_size=1, max_size=2)))),
        copied=tuple(sorted(draw(st.sets(some, min_size=1, max_size=2)))),
        read=tuple(sorted(draw(st.sets(some, max_size=2)))),
        interleave=interleave,
        secrets=(secrets_a, secrets_b),
        reader_class=reader_class,
        masked=masked,
    )


# -- building a variant -------------------------------------------------------------


@dataclass
class World:
    """One built variant: the registry, the subject, and every name's id."""

    variant: str
    spec: Spec
    registry: Registry
    url: str
    directory: Path
    clock: FakeClock
    settings: Settings
    subject: Actor
    token: str
    #: Tokens spent by the routes that end a session (logging out).
    spares: list[str]
    refs: dict[str, int] = field(default_factory=dict)
    #: Names of what the subject may not see (their ids must never be shown to it).
    hidden: set[str] = field(default_factory=set)
    #: Hidden things whose ids the subject knows: it typed them on a slip, read
    #: and cited them before they were re-marked, or (the veiled dossier) a leaf
    #: it may read names them. Their ids may be shown; nothing else of them.
    known: set[str] = field(default_factory=set)

    def id(self, ref: str) -> int:
        return MISSING if ref == "missing" else self.refs[ref]

    def names(self, prefix: str) -> list[str]:
        """Every name of one kind the subject may see, in a fixed order."""
        return [r for r in self.refs if r.startswith(prefix) and r not in self.hidden]

    def secret_names(self, prefix: str) -> list[str]:
        return [r for r in self.refs if r.startswith(prefix) and r in self.hidden]

    @property
    def opaque(self) -> bool:
        leaves = [self.refs[r] for r in self.refs if r.startswith(("leaf:", "hidden-leaf:"))]
        return bool(leaves) and min(leaves) >= OPAQUE_FROM


class _Builder:
    def __init__(self, world: World) -> None:
        self.w = world
        self.reg = world.registry
        self.spec = world.spec
        self.v = world.variant
        self.secrets = world.spec.secrets[0 if world.variant == "a" else 1]
        self.dossier_ids: dict[str, int] = {}
        self.hidden_leaves: list[int] = []
        self.hidden_dossiers: list[int] = []
        self.counts: dict[str, int] = {}
        self.actors: dict[str, Actor] = {}
        self.visible_leaves: list[int] = []

    # names ---------------------------------------------------------------------

    def name(self, ref: str, value: int, *, hidden: bool) -> None:
        assert ref not in self.w.refs, ref
        self.w.refs[ref] = value
        if hidden:
            self.w.hidden.add(ref)

    def next(self, kind: str) -> int:
        found = self.counts.get(kind, 0)
        self.counts[kind] = found + 1
        return found

    def secret_leaf(self, number: int) -> int | None:
        """The `number`-th hidden leaf made so far (counted from the other end in
        variant b, so the same number names different material there)."""
        if not self.hidden_leaves:
            return None
        at = number % len(self.hidden_leaves)
        return self.hidden_leaves[-1 - at if self.v == "b" else at]

    # making things ---------------------------------------------------------------

    def ingest(
        self,
        name: str,
        pages: Sequence[tuple[str, Mark]],
        title: str,
        title_marking: Mark,
        source: str,
    ) -> tuple[int, int, list[int]]:
        """One report of `pages`, each page marked as given: (dossier, report, leaves)."""
        path = self.w.directory / "files" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\f".join(text for text, _ in pages) + "\n", encoding="utf-8")
        known = self.dossier_ids.get(title)
        [result] = self.reg.ingest(
            OPERATOR,
            [path],
            dossier=title,
            leaf_marking=request(pages[0][1]),
            dossier_marking=None if known is not None else request(title_marking),
            source=Source(title=source),
        )
        assert result.status == "ingested", result
        assert result.report_id is not None
        assert result.dossier_id is not None
        self.dossier_ids[title] = result.dossier_id
        _, reports = self.reg.dossier(OPERATOR, str(result.dossier_id))
        [report] = [r for r in reports if r.id == result.report_id]
        leaf_ids = [leaf.id for leaf in sorted(report.leaves, key=lambda leaf: leaf.position)]
        assert len(leaf_ids) == len(pages), (len(leaf_ids), len(pages))
        groups: dict[Mark, list[int]] = {}
        for leaf_id, (_, marking) in zip(leaf_ids, pages, strict=True):
            if marking != pages[0][1]:
                groups.setdefault(marking, []).append(leaf_id)
        for marking in sorted(groups, key=marking_key):
            self.reg.mark(OPERATOR, remarking(marking), "as found", leaf_ids=groups[marking])
        self.release(leaf_ids, [text for text, _ in pages])
        return result.dossier_id, result.report_id, leaf_ids

    def release(self, leaf_ids: Sequence[int], texts: Sequence[str] | None = None) -> None:
        """The keeper signs off each leaf's redaction: the masked third
        party's name where a page holds it, nothing else (so a class that
        masks anything may read every leaf its clearance allows)."""
        name = MASKED_NAMES[self.v]
        for n, leaf_id in enumerate(leaf_ids):
            text = texts[n] if texts else ""
            spans = []
            if name in text:
                start = self.reg.read(OPERATOR, leaf_id).normalised.index(name)
                spans.append(f"{start}:{start + len(name)}")
            self.reg.redact_approve(self.actors[KEEPER], leaf_id, add=spans, suggested=False)

    def secret_text(self, number: int) -> str:
        """A hidden page: the variant's secret words, a shared word only in "a",
        and every other page a sentence the claim extractor takes up."""
        one, two = SECRET_WORDS[self.v]
        text = f"sealed {self.v}{number} {one} {two}"
        text += " grain" if self.v == "a" else " the rest is missing from this page"
        if number % 2 == 0:
            text += f". {SECRET_NAMES[self.v]} was arrested in {SECRET_YEARS[self.v]}."
        return text

    def report_step(self, k: int) -> None:
        report = self.spec.reports[k]
        inserts = sorted(where for number, where in self.secrets.pages if number == k)
        pages: list[tuple[str, Mark, str | None]] = []
        for j, page in enumerate([*report.pages, None]):
            for _ in range(inserts.count(j)):
                pages.append((self.secret_text(self.next("page")), self.secrets.marking, None))
            if page is None:
                continue
            text = f"leaf r{k}p{j} " + " ".join(page.words) + "."
            if report.arrested and j == 0:
                text += " Kasimir Orlov was arrested in 1937."
            if self.visible_number(k, j) in self.spec.masked:
                text += f" the neighbour {MASKED_NAMES[self.v]} signed."
            pages.append((text, page.marking, f"leaf:r{k}p{j}"))
        if report.dossier == 3:
            title, title_marking = VEILED[self.v], self.secrets.marking
        else:
            title, title_marking = DOSSIERS[report.dossier], self.spec.titles[report.dossier]
        dossier_id, report_id, leaf_ids = self.ingest(
            f"report-{k}.txt", [(t, m) for t, m, _ in pages], title, title_marking, f"Report {k}"
        )
        for leaf_id, (_, _, ref) in zip(leaf_ids, pages, strict=True):
            if ref is None:
                self.name(f"hidden-leaf:{len(self.hidden_leaves)}", leaf_id, hidden=True)
                self.hidden_leaves.append(leaf_id)
            else:
                self.name(ref, leaf_id, hidden=False)
                self.visible_leaves.append(leaf_id)
        self.name(f"report:r{k}", report_id, hidden=False)
        if report.dossier == 3:
            if "dossier:veiled" not in self.w.refs:
                self.name("dossier:veiled", dossier_id, hidden=True)
                self.w.known.add("dossier:veiled")
        elif f"dossier:d{report.dossier}" not in self.w.refs:
            self.name(f"dossier:d{report.dossier}", dossier_id, hidden=False)

    def visible_number(self, k: int, j: int) -> int:
        """Page j of report k, counted among all visible pages."""
        return sum(len(r.pages) for r in self.spec.reports[:k]) + j

    def secret_report(self, item: Item, *, new_dossier: bool) -> None:
        number = self.next("report")
        if new_dossier:
            titles = HIDDEN_TITLES[self.v]
            title = titles[len(self.hidden_dossiers) % len(titles)]
            title += f" ({len(self.hidden_dossiers)})" if len(self.hidden_dossiers) >= 2 else ""
            title_marking = self.secrets.marking
        elif item.target == 3 and self.spec.veiled:
            title, title_marking = VEILED[self.v], self.secrets.marking
        else:
            target = item.target % 3
            title, title_marking = DOSSIERS[target], self.spec.titles[target]
        pages = [
            (self.secret_text(self.next("page")), self.secrets.marking) for _ in range(item.pages)
        ]
        name = f"sealed-{self.v}-{number}.txt" if self.v == "a" else f"other-{number}-b.txt"
        source = "The agent's report" if self.v == "a" else "A different source entirely"
        dossier_id, report_id, leaf_ids = self.ingest(name, pages, title, title_marking, source)
        for leaf_id in leaf_ids:
            self.name(f"hidden-leaf:{len(self.hidden_leaves)}", leaf_id, hidden=True)
            self.hidden_leaves.append(leaf_id)
        self.name(f"hidden-report:{number}", report_id, hidden=True)
        if new_dossier:
            self.name(f"hidden-dossier:{len(self.hidden_dossiers)}", dossier_id, hidden=True)
            self.hidden_dossiers.append(dossier_id)

    def secret_person(self, item: Item) -> None:
        number = self.next("person")
        preferred, alias = HIDDEN_PEOPLE[self.v][number % 2]
        if number >= 2:
            preferred += f" {number}"
        dossier: str | None = None
        if 0 <= item.target <= 2 and f"dossier:d{item.target}" in self.w.refs:
            dossier = str(self.w.refs[f"dossier:d{item.target}"])
        elif item.target == 9 and self.hidden_dossiers:
            dossier = str(self.hidden_dossiers[-1])
        person = self.reg.person_add(
            OPERATOR,
            preferred,
            forms=[("alias", alias)],
            marking=request(self.secrets.marking),
            dossier=dossier,
        )
        self.name(f"hidden-person:{number}", person.id, hidden=True)

    def secret(self, item: Item) -> bool:
        """Make one hidden item; False if it needs a hidden leaf and none exists yet."""
        if item.kind in {"claim", "note"} and not self.hidden_leaves:
            return False
        if item.kind == "report":
            self.secret_report(item, new_dossier=False)
        elif item.kind == "dossier":
            self.secret_report(item, new_dossier=True)
        elif item.kind == "person":
            self.secret_person(item)
        elif item.kind == "claim":
            leaf = self.secret_leaf(item.target)
            assert leaf is not None
            self.reg.claim_add(
                OPERATOR,
                ClaimInput(
                    leaf, SECRET_NAMES[self.v], "fled", quote="sealed", date=SECRET_YEARS[self.v]
                ),
            )
        elif item.kind == "note":
            leaf = self.secret_leaf(item.target)
            assert leaf is not None
            note = self.reg.add_note(self.actors[HIGH], f"{SECRET_WORDS[self.v][1]} notes", [leaf])
            self.name(f"hidden-note:{self.next('note')}", note.id, hidden=True)
        elif item.kind == "slip":
            word = SECRET_WORDS[self.v][1]
            slip = self.reg.request_slip(self.actors[LOW], f"errand {word}", query=word)
            self.name(f"hidden-slip:{self.next('slip')}", slip.id, hidden=True)
        return True

    # the visible steps --------------------------------------------------------------

    def accounts(self) -> None:
        everything = ("TOP SECRET", frozenset({*COMPARTMENTS, SEALED}))
        roles = () if self.spec.role == "reader" else (self.spec.role,)
        own = None
        if self.spec.reader_class == "subject":  # the subject's own card, by itself
            own = self.reg.person_add(
                OPERATOR, "Jana Kowal", category="subject", marking=request(self.spec.clearance)
            ).id
        for name, clearance, held in (
            (SUBJECT, self.spec.clearance, roles),
            (KEEPER, everything, ("custodian",)),
            (LOW, ("UNCLASSIFIED", frozenset()), ()),
            (HIGH, everything, ()),
        ):
            added = self.reg.add_reader(
                OPERATOR,
                name,
                request(clearance),
                roles=held,
                reader_class=self.spec.reader_class if name == SUBJECT else None,
                person_id=own if name == SUBJECT else None,
            )
            self.actors[name] = Actor.reader(added.id, added.name)
        self.w.subject = self.actors[SUBJECT]

    def fading(self) -> None:
        """A leaf the subject reads and notes, re-marked out of its reach at the end."""
        title = DOSSIERS[self.spec.fading]
        text = f"fading {self.v} " + " ".join(SECRET_WORDS[self.v])
        _, report_id, [leaf_id] = self.ingest(
            "fading.txt" if self.v == "a" else "faded-b.txt",
            [(text, ("UNCLASSIFIED", frozenset()))],
            title,
            self.spec.titles[self.spec.fading],
            "Fading" if self.v == "a" else "Faded source",
        )
        self.name("leaf:fading", leaf_id, hidden=True)
        self.w.known.add("leaf:fading")  # the subject has read and cited it: it knows the id
        self.name("report:fading", report_id, hidden=True)
        subject = self.actors[SUBJECT]
        self.reg.read(subject, leaf_id)
        note = self.reg.add_note(subject, "seen before it was re-marked", [leaf_id])
        self.name("note:fading", note.id, hidden=False)
        self.scans()

    def scans(self) -> None:
        """A scanned page the subject may read (the same in both variants: its
        facsimile's bytes must be too) and one it may not (another in each)."""
        title = DOSSIERS[2]
        for ref, name, text, marking in (
            ("leaf:scan", "harbour-scan.png", "Ferry timetable for June, harbour copy.",
             ("UNCLASSIFIED", frozenset[str]())),
            (f"hidden-leaf:{len(self.hidden_leaves)}", f"sealed-scan-{self.v}.png",
             f"sealed scan {' '.join(SECRET_WORDS[self.v])}", ("TOP SECRET", frozenset({SEALED}))),
        ):  # fmt: skip
            path = self.w.directory / "files" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(png(typed_page(text, seed=3)))
            known = self.dossier_ids.get(title)
            [result] = self.reg.ingest(
                OPERATOR,
                [path],
                dossier=title,
                leaf_marking=request(marking),
                dossier_marking=None if known is not None else request(self.spec.titles[2]),
                ocr_lang="eng",
            )
            assert result.status == "ingested", result
            assert result.dossier_id is not None
            self.dossier_ids[title] = result.dossier_id
            _, reports = self.reg.dossier(OPERATOR, str(result.dossier_id))
            [leaf_id] = [leaf.id for r in reports if r.id == result.report_id for leaf in r.leaves]
            self.release([leaf_id])
            hidden = ref.startswith("hidden-")
            self.name(ref, leaf_id, hidden=hidden)
            if hidden:
                self.hidden_leaves.append(leaf_id)

    def persons(self) -> None:
        for ref, preferred, forms, marking, dossier in (
            (
                "person:orlov",
                "Kasimir Orlov",
                [("surname_only", "Orlov"), ("cover_name", self.spec.cover(self.v))],
                self.spec.records[0],
                0,
            ),
            ("person:weber", "Ilse Weber", [("alias", "Weberin")], self.spec.records[1], 1),
        ):
            person = self.reg.person_add(
                OPERATOR,
                preferred,
                forms=forms,
                marking=request(marking),
                dossier=str(self.w.refs[f"dossier:d{dossier}"]),
                category="staff",  # named in the open for every class
            )
            self.name(ref, person.id, hidden=not readable(self.spec.clearance, marking))

    def claims(self) -> None:
        """Two claims on visible leaves, each quoting the leaf's own tag (no
        name in it): one about Orlov, one about his cover name, which only
        those who may decode may see is his. Orlov's is made on a leaf that
        names neither cover name (the registry refuses a claim naming whom a
        cover name on its leaf hides), or not at all."""
        pages = self.spec.visible_pages()
        count = len(pages)
        plain = [
            n
            for n in (self.spec.claimed[0] + k for k in range(count))
            if not {"Falke", "Sperber"} & set(pages[n % count][1].words)
        ]

        def tag(n: int) -> str:
            return f"leaf {pages[n][0].removeprefix('leaf:')}"

        if plain:
            n = plain[0] % count
            self.reg.claim_add(
                OPERATOR,
                ClaimInput(
                    self.visible_leaves[n], "Kasimir Orlov", "arrested", tag(n), date="1937"
                ),
            )
        n = self.spec.claimed[1]
        self.reg.claim_add(
            OPERATOR,
            ClaimInput(self.visible_leaves[n], "Falke", "role", tag(n), value="courier"),
        )

    def own_slips(self) -> None:
        subject, keeper = self.actors[SUBJECT], self.actors[KEEPER]
        granted = [self.w.refs[ref] for ref, page in self.spec.visible_pages() if page.granted]
        if granted:
            slip = self.reg.request_slip(subject, "the sealed page", leaf_ids=granted)
            self.reg.decide_slip(keeper, slip.id, approve=granted, days=30)
            self.name("slip:granted", slip.id, hidden=False)
        slip = self.reg.request_slip(subject, "everything about grain", query="grain")
        self.name("slip:query", slip.id, hidden=False)
        for n in self.spec.read:
            self.reg.read(subject, self.visible_leaves[n])

    def low_slips(self) -> None:
        low, keeper = self.actors[LOW], self.actors[KEEPER]
        seen = self.spec.role in SLIP_STAFF
        word = self.spec.low_word(self.v)
        slip = self.reg.request_slip(low, f"errand {word}", query=word)
        self.name("slip:low-query", slip.id, hidden=not seen)
        asked = [self.visible_leaves[0]]
        secret = self.secret_leaf(0)
        if secret is not None:
            asked.append(secret)
        slip = self.reg.request_slip(low, "these pages", leaf_ids=asked)
        self.name("slip:low-leaves", slip.id, hidden=not seen)
        proposed = self.reg.slip(keeper, slip.id).proposed or ()
        approve = [
            leaf_id
            for leaf_id in proposed
            if self.reg.leaf(OPERATOR, leaf_id).marking.level == "UNCLASSIFIED"
        ]
        self.reg.decide_slip(keeper, slip.id, approve=approve, days=30)

    def note(self) -> None:
        cited = [self.visible_leaves[n] for n in self.spec.cited]
        note = self.reg.add_note(self.actors[SUBJECT], "my working file", cited)
        self.name("note:mine", note.id, hidden=False)

    def copy(self) -> None:
        copied = [self.visible_leaves[n] for n in self.spec.copied]
        copy, _ = self.reg.issue_copy(self.actors[KEEPER], SUBJECT, copied, "for the subject")
        self.name("copy:mine", copy.number, hidden=False)

    def epilogue(self) -> None:
        secret = self.secret_leaf(0)
        assert secret is not None, "every variant holds at least one hidden leaf"
        copy, _ = self.reg.issue_copy(self.actors[KEEPER], HIGH, [secret], "for high")
        # Staff who hold receipts see that the copy exists, never what is on it.
        self.name("copy:high", copy.number, hidden=self.spec.role not in SLIP_STAFF)
        # A leaf of its own for the subject to name on a slip: its id is the
        # subject's own input wherever it is echoed, so it names nothing else.
        _, report_id, [decoy] = self.ingest(
            f"decoy-{self.v}.txt",
            [(self.secret_text(self.next("page")), self.secrets.marking)],
            DOSSIERS[2],
            self.spec.titles[2],
            "Decoy" if self.v == "a" else "Another decoy",
        )
        self.name("typed-leaf:0", decoy, hidden=True)
        self.name("typed-report:0", report_id, hidden=True)
        self.w.known.add("typed-leaf:0")
        slip = self.reg.request_slip(self.actors[SUBJECT], "guessing", leaf_ids=[decoy, MISSING])
        self.name("slip:typed", slip.id, hidden=False)
        self.reg.mark(
            OPERATOR,
            remarking(self.secrets.marking),
            "re-marked",
            leaf_ids=[self.w.refs["leaf:fading"]],
        )
        token_id, token, _ = self.reg.create_token(OPERATOR, SUBJECT, days=30, label="main")
        self.w.token = token
        self.name("token:main", token_id, hidden=False)
        for n in range(3):
            token_id, token, _ = self.reg.create_token(OPERATOR, SUBJECT, days=30, label="spare")
            self.w.spares.append(token)
            self.name(f"token:spare-{n}", token_id, hidden=False)

    def run(self) -> None:
        self.accounts()
        steps = prologue(self.spec)
        waiting: list[Item] = []
        for at, step in enumerate([*steps, None]):
            for item in self.secrets.items:
                if item.at == at and not self.secret(item):
                    waiting.append(item)
            if step is None:
                break
            if step.startswith("report:"):
                self.report_step(int(step.split(":")[1]))
            else:
                getattr(self, step.replace("-", "_"))()
        for item in waiting:
            assert self.secret(item)
        self.epilogue()
        self.label_derived()
        self.check_rule()

    def check_rule(self) -> None:
        """The world is what the spec says: every visible leaf readable by the
        subject, every hidden one not (by the policy's own check)."""
        subject = self.actors[SUBJECT]
        for ref, value in self.w.refs.items():
            if ref.startswith(("leaf:", "hidden-leaf:", "typed-leaf:")):
                allowed = self.reg.check(subject, Action.LEAF_READ, value).allowed
                assert allowed == (ref not in self.w.hidden), (ref, allowed)

    def label_derived(self) -> None:
        """Name what the registry made on its own (claims suggested at ingest,
        card-index suggestions, grants), in an order both variants share."""
        by_id = {value: ref for ref, value in self.w.refs.items() if not ref.startswith("typed-")}
        hidden = self.w.hidden

        def leaf_ref(leaf_id: int | None) -> str:
            return by_id.get(leaf_id, "?") if leaf_id is not None else "-"

        claims = self.reg.claims(OPERATOR)
        shown: dict[str, list[tuple[str, int]]] = {}
        secret_claims = 0
        for claim in claims:
            ref = leaf_ref(claim.leaf_id)
            person = by_id.get(claim.subject_id) if claim.subject_id is not None else None
            if ref in hidden or ref == "?" or (person is not None and person in hidden):
                self.name(f"hidden-claim:{secret_claims}", claim.id, hidden=True)
                secret_claims += 1
                continue
            fields = (claim.start, claim.end, claim.property, claim.subject, claim.value)
            shown.setdefault(ref, []).append((str((*fields, claim.status)), claim.id))
        for ref, found in shown.items():
            for n, (_, claim_id) in enumerate(sorted(found)):
                self.name(f"claim:{ref}:{n}", claim_id, hidden=False)
        secret_suggestions = 0
        visible_suggestions = []
        for suggestion in self.reg.suggestions(OPERATOR):
            record = suggestion.person_id
            refs = [leaf_ref(suggestion.leaf_id), "?" if record is None else by_id.get(record, "?")]
            if suggestion.other_id is not None:
                refs.append(by_id.get(suggestion.other_id, "?"))
            if any(r in hidden or r == "?" for r in refs if r != "-"):
                self.name(f"hidden-suggestion:{secret_suggestions}", suggestion.id, hidden=True)
                secret_suggestions += 1
            else:
                visible_suggestions.append(
                    (str((*refs, suggestion.kind, suggestion.form)), suggestion.id)
                )
        for n, (_, suggestion_id) in enumerate(sorted(visible_suggestions)):
            self.name(f"suggestion:{n}", suggestion_id, hidden=False)
        # Staff who decide slips or explain decisions see other readers' grants
        # of leaves they may read themselves; readers see only their own.
        staff = self.spec.role in {"custodian", "registrar", "auditor", "admin"}
        secret_grants = 0
        visible_grants = []
        for grant in self.reg.grants(OPERATOR):
            ref = leaf_ref(grant.leaf_id)
            if ref in hidden or ref == "?" or not (grant.reader == SUBJECT or staff):
                self.name(f"hidden-grant:{secret_grants}", grant.id, hidden=True)
                secret_grants += 1
            else:
                visible_grants.append((f"{grant.reader} {ref}", grant.id))
        for n, (_, grant_id) in enumerate(sorted(visible_grants)):
            self.name(f"grant:{n}", grant_id, hidden=False)


def world_settings(url: str, directory: Path) -> Settings:
    """No name model (slow, and installed only sometimes), no background
    signing (its timing would differ), a key beside the registry."""
    return Settings(
        registry=url,
        durability="crash",
        ner="off",
        checkpoint_every=1_000_000,
        signing_key=str(directory / "registry.key"),
    )


@contextmanager
def build(spec: Spec, variant: str, backend: str, directory: Path) -> Iterator[World]:
    """Variant `variant` of `spec`, on a clock that stands still."""
    directory.mkdir(parents=True, exist_ok=True)
    clock = FakeClock()
    with fresh_url(backend, directory) as url:
        settings = world_settings(url, directory)
        with Registry.init(settings, OPERATOR, clock=clock) as registry:
            world = World(
                variant=variant,
                spec=spec,
                registry=registry,
                url=url,
                directory=directory,
                clock=clock,
                settings=settings,
                subject=OPERATOR,
                token="",
                spares=[],
            )
            _Builder(world).run()
            assert MISSING not in world.refs.values()
            yield world


@cache
def opaque_ids() -> bool:
    """Whether the store hands out opaque ids: one tiny registry tells."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        settings = world_settings(str(home / "probe.db"), home)
        with Registry.init(settings, OPERATOR) as registry:
            path = home / "probe.txt"
            path.write_text("probe\n", encoding="utf-8")
            [result] = registry.ingest(OPERATOR, [path], dossier="probe")
            return (result.report_id or 0) >= OPAQUE_FROM
