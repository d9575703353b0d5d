"""Reading-room pages: pictures where people would rather look than read.

Three server-rendered SVG pictures, each built from what the facade hands
this viewer and nothing else, so a picture can show no more than the pages
it summarises: a dossier's timeline (reports and leaves by date, coloured
by marking), a cross-reference graph around a dossier or a card-index
record, and an access chart for auditors (reads per reader per day).

The drawing is done by small pure functions (`timeline_svg`, `graph_svg`,
`access_svg`) over plain values, through `xml.etree.ElementTree`, which
escapes every text and attribute. The SVG has no script and no `style`
attribute (the CSP allows styles from our own sheet only): colours are SVG
presentation attributes, the rest is in `static/pictures.css`.
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Annotated, Literal, NewType

from fastapi import APIRouter, Path, Query, Request
from markupsafe import Markup
from starlette.responses import Response

from looseleaf.errors import NotFound
from looseleaf.evidence.dates import MONTH_NAMES, When, parse
from looseleaf.model import CrossReference, Dossier, Event, Person, Report
from looseleaf.registry import Registry
from looseleaf.web.room.page import Desk, Me, Reg, page

router = APIRouter()

Id = Annotated[int, Path(ge=1, le=2**62)]

SVG_NS = "http://www.w3.org/2000/svg"

#: Colours for markings, in the order the markings are ranked (lowest level
#: first). Distinguishable in print and by most colour-blind readers.
PALETTE: tuple[str, ...] = (
    "#4e8542",  # green
    "#3f6fb5",  # blue
    "#d9a21b",  # ochre
    "#c2432f",  # red
    "#6d3f8f",  # purple
    "#2d9c9c",  # teal
    "#a0612b",  # brown
    "#d1609a",  # pink
    "#5a5a5a",  # grey
    "#8b8b2e",  # olive
)
INK = "#1d1d1b"
MUTED = "#6b665c"
RULE = "#d8d2c4"
PAPER = "#fbf8f1"

#: The graph asks for the cross-references of at most this many leaves
#: (each ask is on the audit record); the page says when it stopped short.
GRAPH_LEAVES = 200
#: The access chart pages through the log in chunks of this many reads, up to a cap.
ACCESS_PAGE = 5000
ACCESS_CAP = 50_000
#: Readers shown in the access chart, busiest first.
ACCESS_ROWS = 60

_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


# -- SVG helpers -----------------------------------------------------------------


def clean(text: str) -> str:
    """Text XML 1.0 can carry (control characters dropped); escaping is ElementTree's."""
    return _CONTROL.sub("", text)


def shorten(text: str, limit: int) -> str:
    text = " ".join(clean(text).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _num(value: float) -> str:
    return f"{value:.1f}".removesuffix(".0")


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: object) -> ET.Element:
    """A child element; `class_` -> `class`, `stroke_width` -> `stroke-width`."""
    shown = {
        name.rstrip("_").replace("_", "-"): _num(value) if isinstance(value, float) else str(value)
        for name, value in attrs.items()
        if value is not None
    }
    child = ET.SubElement(parent, tag, {name: clean(value) for name, value in shown.items()})
    if text is not None:
        child.text = clean(text)
    return child


def _svg(width: float, height: float, kind: str, title: str) -> ET.Element:
    root = ET.Element(
        "svg",
        {
            "xmlns": SVG_NS,
            "viewBox": f"0 0 {_num(width)} {_num(height)}",
            "width": _num(width),
            "height": _num(height),
            "class": f"picture pic-{kind}",
            "role": "img",
            "aria-labelledby": f"pic-{kind}-title",
        },
    )
    _el(root, "title", title, id=f"pic-{kind}-title")
    return root


#: SVG text built here by ElementTree: only this may be put into a page as markup.
Svg = NewType("Svg", str)


def _serialise(root: ET.Element) -> Svg:
    return Svg(ET.tostring(root, encoding="unicode", short_empty_elements=True))


def inline(svg: Svg) -> Markup:
    """A picture for a template to embed as is: ElementTree escaped every
    text and attribute in it, so it is markup, not text to escape again."""
    return Markup(svg)  # noqa: S704 - Svg comes only from _serialise


def marking_colours(
    markings: Iterable[str], rank: Callable[[str], int] | None = None
) -> dict[str, str]:
    """A colour for each marking shown, lowest level first (then by name).

    Only the markings given get a colour, so the legend names nothing the
    viewer was not shown. Past the palette, colours repeat; the legend and
    every mark's tooltip still name the marking.
    """

    def key(marking: str) -> tuple[int, str]:
        return (rank(marking) if rank else 0, marking)

    ordered = sorted(set(markings), key=key)
    return {marking: PALETTE[i % len(PALETTE)] for i, marking in enumerate(ordered)}


def _legend(parent: ET.Element, colours: Mapping[str, str], x: float, y: float) -> float:
    """The markings shown, left to right; returns the height used."""
    group = _el(parent, "g", class_="legend")
    _el(group, "text", "Marking:", x=x, y=y + 10, class_="legend-head")
    at = x + 62
    for marking, colour in colours.items():
        width = 22 + 7 * len(marking)
        if at + width > 940 and at > x + 62:
            at, y = x + 62, y + 18
        item = _el(group, "g", class_="legend-item")
        _el(item, "rect", x=at, y=y + 1, width=11, height=11, fill=colour)
        _el(item, "text", marking, x=at + 15, y=y + 10)
        at += width
    return y + 18


# -- dates -------------------------------------------------------------------------


def received_day(stamp: str) -> date:
    """The day of a registry timestamp ("2026-11-22T05:38:22.293283Z")."""
    return date.fromisoformat(stamp[:10])


# -- the timeline ------------------------------------------------------------------


@dataclass(frozen=True)
class Mark:
    """A leaf on the timeline: a square coloured by its marking, linked to it."""

    leaf_id: int
    label: str
    marking: str


@dataclass(frozen=True)
class Entry:
    """A report on the timeline: when (and whether that is its source's date or
    its receipt), its title, and the leaves of it the viewer may read."""

    report_id: int
    seq: int
    title: str
    when: When
    dated_by: Literal["source", "received"]
    received: str
    leaves: tuple[Mark, ...]


TimelineBy = Literal["source", "received"]


def timeline_entries(reports: Iterable[Report], by: TimelineBy = "source") -> list[Entry]:
    """Reports by date: their source's date where it can be read (else their
    receipt), or, `by="received"`, the day they were stitched on. Only the
    reports and leaves given appear: pass what the facade returned."""
    entries = []
    for report in reports:
        day = received_day(report.received_at)
        received = When.between(day, day, report.received_at[:10])
        when = parse(report.source.date) if by == "source" else None
        marks = tuple(
            Mark(leaf.id, leaf.label or f"leaf {leaf.position}", str(leaf.marking))
            for leaf in report.leaves
        )
        entries.append(
            Entry(
                report.id,
                report.seq,
                report.source.title,
                when or received,
                "source" if when else "received",
                report.received_at[:10],
                marks,
            )
        )
    return sorted(entries, key=lambda e: (e.when.first_day, e.when.last_day, e.seq))


@dataclass(frozen=True)
class Scale:
    """Days to x: a linear scale between two dates, with tidy ticks."""

    first: date
    last: date
    left: float
    right: float

    @classmethod
    def over(cls, periods: Iterable[When], left: float, right: float) -> Scale:
        spans = list(periods)
        first = min(p.first_day for p in spans)
        last = max(p.last_day for p in spans)
        pad = timedelta(days=max(15, (last - first).days // 20))
        first = first - pad if first - date.min > pad else date.min
        last = last + pad if date.max - last > pad else date.max
        return cls(first, last, left, right)

    def x(self, day: date) -> float:
        days = max(1, (self.last - self.first).days)
        return self.left + (self.right - self.left) * (day - self.first).days / days

    def ticks(self) -> list[tuple[date, str]]:
        span = (self.last - self.first).days
        if span > 3 * 365:
            step = next(
                (s for s in (1, 2, 5, 10, 20, 50, 100, 200, 500) if span / 365 / s <= 10), 1000
            )
            start = (self.first.year + step - 1) // step * step
            return [
                (date(y, 1, 1), str(y))
                for y in range(start, self.last.year + 1, step)
                if self.first <= date(y, 1, 1) <= self.last
            ]
        if span > 75:
            step = next((s for s in (1, 2, 3, 6) if span / 30 / s <= 10), 12)
            found: list[tuple[date, str]] = []
            year, month = self.first.year, self.first.month
            while True:
                month += 1
                if month > 12:
                    year, month = year + 1, 1
                if year > self.last.year or date(year, month, 1) > self.last:
                    return found
                if (month - 1) % step == 0:
                    name = MONTH_NAMES[month - 1][:3]
                    found.append((date(year, month, 1), f"{name} {year}"))
        step = next((s for s in (1, 2, 7, 14) if span / s <= 12), 28)
        return [
            (self.first + timedelta(days=d), (self.first + timedelta(days=d)).isoformat())
            for d in range(0, span + 1, step)
        ]


#: The timeline's geometry: the label column, the plot, the leaf squares.
_WIDTH, _LABELS, _RIGHT = 960.0, 300.0, 940.0
_SIDE, _GAP, _PER_LINE = 10.0, 2.0, 30


def timeline_svg(
    entries: Sequence[Entry], colours: Mapping[str, str], title: str = "Timeline"
) -> Svg:
    """Reports as rows by date, each with its leaves as squares coloured by
    marking and linked to the leaf. A source date that covers a period (a
    month, a year) is drawn as a bar over it; a report placed by its receipt
    (no readable source date) has a hollow mark."""
    root = _svg(_WIDTH, 100, "timeline", title)
    top = (_legend(root, colours, 10, 8) if colours else 8.0) + 4
    if not entries:
        _el(root, "text", "No leaf of this dossier is open to you.", x=10, y=top + 20)
        return _fit(root, top + 40)
    scale = Scale.over((e.when for e in entries), _LABELS + 20, _RIGHT)
    axis_y = top + 22
    y = axis_y + 16
    rows: list[tuple[Entry, float, float]] = []
    for entry in entries:
        lines = max(1, math.ceil(len(entry.leaves) / _PER_LINE))
        rows.append((entry, y, max(24.0, 14 + lines * (_SIDE + _GAP))))
        y += rows[-1][2]
    _timeline_axis(root, scale, axis_y, y + 4)
    for i, (entry, row_y, height) in enumerate(rows):
        _timeline_row(root, entry, scale, colours, row_y, height, banded=i % 2 == 1)
    return _fit(root, _timeline_key(root, y + 18) + 14)


def _fit(root: ET.Element, height: float) -> Svg:
    root.set("viewBox", f"0 0 {_num(float(root.get('width', _WIDTH)))} {_num(height)}")
    root.set("height", _num(height))
    return _serialise(root)


def _timeline_axis(root: ET.Element, scale: Scale, axis_y: float, bottom: float) -> None:
    axis = _el(root, "g", class_="axis")
    _el(axis, "line", x1=scale.left, y1=axis_y, x2=scale.right, y2=axis_y, stroke=INK)
    for day, label in scale.ticks():
        x = scale.x(day)
        _el(axis, "line", x1=x, y1=axis_y - 4, x2=x, y2=bottom, stroke=RULE, class_="grid")
        _el(axis, "text", label, x=x, y=axis_y - 7, text_anchor="middle")


def _timeline_row(
    root: ET.Element,
    entry: Entry,
    scale: Scale,
    colours: Mapping[str, str],
    row_y: float,
    height: float,
    *,
    banded: bool,
) -> None:
    group = _el(root, "g", class_="report", id=f"report-{entry.report_id}")
    if banded:
        _el(group, "rect", x=0, y=row_y, width=_WIDTH, height=height, fill=PAPER, class_="band")
    where = "source date" if entry.dated_by == "source" else "received (no source date read)"
    about = f"{entry.seq}. {entry.title}\n{where}: {entry.when.text}\nreceived {entry.received}"
    _el(group, "title", f"{about}\n{len(entry.leaves)} leaves open to you")
    label = shorten(f"{entry.seq}. {entry.title}", 44)
    _el(group, "text", label, x=10, y=row_y + 15, class_="report-title")
    mid = row_y + 12
    x0, x1 = scale.x(entry.when.first_day), scale.x(entry.when.last_day)
    if entry.dated_by == "received":
        _el(group, "circle", cx=x0, cy=mid, r=5, fill="#fff", stroke=INK, stroke_width=1.5)
    elif entry.when.precise:
        _el(group, "circle", cx=x0, cy=mid, r=5, fill=INK)
    else:
        shade = 0.35 if entry.when.approximate else 0.6
        width = max(x1 - x0, 4.0)
        _el(
            group,
            "rect",
            x=x0,
            y=mid - 4,
            width=width,
            height=8,
            rx=2,
            fill=INK,
            fill_opacity=shade,
        )
    run = min(len(entry.leaves), _PER_LINE) * (_SIDE + _GAP)
    start = min(max(x0, x1) + 8, _RIGHT - run)
    for n, mark in enumerate(entry.leaves):
        link = _el(group, "a", href=f"/leaves/{mark.leaf_id}", class_="leaf")
        _el(link, "title", f"{mark.label} · {mark.marking}")
        x = start + (n % _PER_LINE) * (_SIDE + _GAP)
        y = row_y + 7 + (n // _PER_LINE) * (_SIDE + _GAP)
        fill = colours.get(mark.marking, MUTED)
        _el(link, "rect", x=x, y=y, width=_SIDE, height=_SIDE, fill=fill, data_marking=mark.marking)


def _timeline_key(root: ET.Element, y: float) -> float:
    keys = _el(root, "g", class_="key")
    _el(keys, "circle", cx=16, cy=y, r=5, fill=INK)
    _el(keys, "text", "source date", x=26, y=y + 4)
    _el(keys, "rect", x=110, y=y - 4, width=24, height=8, rx=2, fill=INK, fill_opacity=0.6)
    _el(keys, "text", "a month, season or year", x=140, y=y + 4)
    _el(keys, "circle", cx=316, cy=y, r=5, fill="#fff", stroke=INK, stroke_width=1.5)
    _el(keys, "text", "date received (no source date read)", x=326, y=y + 4)
    return y


# -- the cross-reference graph -----------------------------------------------------


@dataclass(frozen=True)
class Node:
    key: str  # "dossier:12", "person:3"
    label: str
    href: str
    kind: Literal["dossier", "person"]


@dataclass(frozen=True)
class Edge:
    """A line from one node to another, labelled by the names that link them
    (the words on a leaf), optionally linked to the card-index record."""

    source: str
    target: str
    names: tuple[str, ...]
    href: str | None = None


@dataclass
class Graph:
    centre: Node
    nodes: dict[str, Node] = field(default_factory=dict)
    edges: dict[tuple[str, str], Edge] = field(default_factory=dict)

    def add(self, node: Node) -> None:
        self.nodes.setdefault(node.key, node)

    def link(self, source: str, target: str, name: str, href: str | None = None) -> None:
        if source == target:
            return
        found = self.edges.get((source, target))
        if found is None:
            self.edges[(source, target)] = Edge(source, target, (name,), href)
        elif name not in found.names:
            self.edges[(source, target)] = Edge(
                source, target, (*found.names, name), found.href or href
            )

    def all_nodes(self) -> list[Node]:
        return [self.centre, *(n for k, n in self.nodes.items() if k != self.centre.key)]


def dossier_node(dossier_id: int, title: str) -> Node:
    return Node(f"dossier:{dossier_id}", title, f"/dossiers/{dossier_id}", "dossier")


def person_node(person: Person) -> Node:
    return Node(f"person:{person.id}", person.preferred, f"/persons/{person.id}", "person")


def dossier_graph(dossier: Dossier, xrefs: Iterable[CrossReference]) -> Graph:
    """The dossier at the centre and the dossiers its readable leaves point
    to, each line labelled by the names on the leaves (from `reg.xrefs`)."""
    graph = Graph(dossier_node(dossier.id, dossier.title))
    for xref in xrefs:
        target = dossier_node(xref.dossier_id, xref.dossier_title)
        graph.add(target)
        href = f"/persons/{xref.person_id}" if xref.person_id is not None else None
        graph.link(graph.centre.key, target.key, xref.text, href)
    return graph


def person_graph(
    person: Person,
    own_dossier: Dossier | None,
    named_in: Mapping[int, tuple[Dossier, tuple[str, ...]]],
    xrefs: Iterable[tuple[int, CrossReference]],
) -> Graph:
    """A record at the centre; the dossiers whose readable leaves name it (a
    line labelled by the forms found there) and its own dossier; and, from
    those dossiers, the further dossiers their same leaves point to. Lines
    are references on leaves, nothing more: no relation between persons is
    drawn or implied.

    `named_in` maps a dossier id to the dossier (title visible) and the name
    forms found on its readable leaves; `xrefs` pairs each cross-reference
    with the dossier of the leaf it is on."""
    graph = Graph(person_node(person))
    if own_dossier is not None:
        own = dossier_node(own_dossier.id, own_dossier.title)
        graph.add(own)
        graph.link(graph.centre.key, own.key, "own dossier")
    # By title, not by id: ids are opaque and their order says nothing.
    for dossier_id, (found, forms) in sorted(named_in.items(), key=lambda i: (i[1][0].title, i[0])):
        node = dossier_node(dossier_id, found.title)
        graph.add(node)
        for form in forms:
            graph.link(graph.centre.key, node.key, form)
    for from_dossier, xref in xrefs:
        if xref.person_id == person.id or f"dossier:{from_dossier}" not in graph.nodes:
            continue
        if own_dossier is not None and xref.dossier_id == own_dossier.id:
            continue
        target = dossier_node(xref.dossier_id, xref.dossier_title)
        graph.add(target)
        href = f"/persons/{xref.person_id}" if xref.person_id is not None else None
        graph.link(f"dossier:{from_dossier}", target.key, xref.text, href)
    return graph


def _label(graph: Graph, key: str) -> str:
    node = graph.centre if key == graph.centre.key else graph.nodes.get(key)
    return node.label if node is not None else key


def radial_layout(graph: Graph, ring: float = 190.0) -> dict[str, tuple[float, float]]:
    """The centre at (0, 0); each other node on a ring by its distance (in
    lines) from the centre, spread evenly, the outer rings in the order of
    the inner node they hang from."""
    neighbours: dict[str, list[str]] = {}
    for one, other in graph.edges:
        neighbours.setdefault(one, []).append(other)
        neighbours.setdefault(other, []).append(one)
    depth = {graph.centre.key: 0}
    parent: dict[str, str] = {}
    frontier = [graph.centre.key]
    while frontier:
        following = []
        for key in frontier:
            for other in sorted(neighbours.get(key, []), key=lambda k: (_label(graph, k), k)):
                if other not in depth:
                    depth[other] = depth[key] + 1
                    parent[other] = key
                    following.append(other)
        frontier = following
    outermost = max(depth.values())
    for node in graph.all_nodes():  # unlinked nodes (none, as built here) go outside
        depth.setdefault(node.key, outermost + 1)
    place: dict[str, tuple[float, float]] = {graph.centre.key: (0.0, 0.0)}
    angle: dict[str, float] = {graph.centre.key: 0.0}
    radius = 0.0
    for level in range(1, max(depth.values()) + 1):
        members = [n.key for n in graph.all_nodes() if depth[n.key] == level]
        members.sort(key=lambda k: (angle.get(parent.get(k, ""), 0.0), k))
        # Wider rings for crowded levels: a line of label text per node at the sides.
        radius = max(radius + ring, 3.6 * len(members))
        turn = -math.pi / 2 + math.pi / len(members)
        for i, key in enumerate(members):
            a = turn + 2 * math.pi * i / len(members)
            angle[key] = a
            place[key] = (radius * math.cos(a), radius * math.sin(a) * 0.8)
    return place


Point = tuple[float, float]


@dataclass(frozen=True)
class Line:
    """Where an edge is drawn: an SVG path and the point its label sits at."""

    path: str
    label: Point


def _toward(start: Point, end: Point, by: float) -> Point:
    length = math.hypot(end[0] - start[0], end[1] - start[1]) or 1.0
    return (
        start[0] + (end[0] - start[0]) / length * by,
        start[1] + (end[1] - start[1]) / length * by,
    )


def edge_line(one: Point, other: Point, centre: Point, *, flip: bool = False) -> Line:
    """A line from the centre is straight; a line between two outer nodes
    bows away from the centre, so that it and its label keep clear of the
    middle (the other way for the second of two nodes linked both ways)."""
    mid = ((one[0] + other[0]) / 2, (one[1] + other[1]) / 2)
    if centre in (one, other):
        start, end = _toward(one, other, 16), _toward(other, one, 16)
        return Line(f"M{_num(start[0])},{_num(start[1])} L{_num(end[0])},{_num(end[1])}", mid)
    length = math.hypot(other[0] - one[0], other[1] - one[1])
    out = (mid[0] - centre[0], mid[1] - centre[1])
    if math.hypot(*out) < 20:
        out = (one[1] - other[1], other[0] - one[0])
    bow = (-0.35 if flip else 0.35) * length
    bend = _toward(mid, (mid[0] + out[0], mid[1] + out[1]), bow)
    start, end = _toward(one, bend, 16), _toward(other, bend, 16)
    path = (
        f"M{_num(start[0])},{_num(start[1])} "
        f"Q{_num(bend[0])},{_num(bend[1])} {_num(end[0])},{_num(end[1])}"
    )
    # The curve's middle, B(1/2) of the quadratic Bézier: its furthest point out.
    return Line(path, (mid[0] / 2 + bend[0] / 2, mid[1] / 2 + bend[1] / 2))


def graph_svg(graph: Graph, title: str = "Cross-references") -> Svg:
    """Nodes (dossiers as squares, records as circles) linked to their pages,
    lines with arrowheads labelled by the names that link them (a name links
    to its card where the viewer may see it)."""
    at = radial_layout(graph)
    centre = at[graph.centre.key]
    lines = {
        key: edge_line(
            at[edge.source],
            at[edge.target],
            centre,
            flip=(edge.target, edge.source) in graph.edges and edge.source > edge.target,
        )
        for key, edge in graph.edges.items()
    }
    points = [*at.values(), *(line.label for line in lines.values())]
    low_x, high_x = min(p[0] for p in points), max(p[0] for p in points)
    low_y, high_y = min(p[1] for p in points), max(p[1] for p in points)
    pad_x, pad_y = 280.0, 50.0
    width = max(640.0, high_x - low_x + 2 * pad_x)
    height = max(100.0, high_y - low_y + 2 * pad_y)
    root = _svg(width, height, "graph", title)
    defs = _el(root, "defs")
    marker = _el(
        defs,
        "marker",
        id="pic-arrow",
        viewBox="0 0 10 10",
        refX=10,
        refY=5,
        markerWidth=7,
        markerHeight=7,
        orient="auto-start-reverse",
    )
    _el(marker, "path", d="M0,0 L10,5 L0,10 z", fill=MUTED)
    shift = f"translate({_num(width / 2 - (high_x + low_x) / 2)},{_num(pad_y - low_y)})"
    drawing = _el(root, "g", transform=shift)
    edges = _el(drawing, "g", class_="edges")
    for key, edge in graph.edges.items():
        group = _el(edges, "g", class_="edge")
        words = ", ".join(edge.names)
        _el(group, "title", words)
        _el(
            group,
            "path",
            d=lines[key].path,
            fill="none",
            stroke=MUTED,
            stroke_width=1.5,
            marker_end="url(#pic-arrow)",
        )
        holder = _el(group, "a", href=edge.href, class_="name") if edge.href else group
        x, y = lines[key].label
        _el(
            holder,
            "text",
            shorten(words, 36),
            x=x,
            y=y - 4,
            text_anchor="middle",
            class_="edge-label",
        )
    nodes = _el(drawing, "g", class_="nodes")
    for node in graph.all_nodes():
        _node(nodes, node, at[node.key], centre)
    return _serialise(root)


def _node(parent: ET.Element, node: Node, at: Point, centre: Point) -> None:
    x, y = at
    middle = at == centre
    kind = f"node {node.kind}" + (" centre" if middle else "")
    link = _el(parent, "a", href=node.href, class_=kind)
    _el(link, "title", node.label)
    fill = "#7a2e1f" if middle else ("#fff" if node.kind == "dossier" else "#f3dc7a")
    if node.kind == "dossier":
        _el(
            link,
            "rect",
            x=x - 11,
            y=y - 11,
            width=22,
            height=22,
            rx=2,
            fill=fill,
            stroke=INK,
            stroke_width=1.5,
        )
    else:
        _el(link, "circle", cx=x, cy=y, r=12, fill=fill, stroke=INK, stroke_width=1.5)
    anchor = "middle" if abs(x - centre[0]) < 40 else ("start" if x > centre[0] else "end")
    tx = x if anchor == "middle" else x + (16 if anchor == "start" else -16)
    ty = y + 28 if anchor == "middle" else y + 4
    _el(link, "text", shorten(node.label, 40), x=tx, y=ty, text_anchor=anchor, class_="node-label")


# -- the access chart --------------------------------------------------------------


def reader_of(actor: str) -> str:
    """Whose read an event records: "reader:anna via operator:root" -> "anna";
    the operator's own reads keep their "operator:" prefix."""
    who = actor.split(" via ", 1)[0]
    return who.removeprefix("reader:")


def reads_per_day(events: Iterable[Event], first: date, days: int) -> dict[str, list[int]]:
    """Reads per reader per day for `days` days from `first`, busiest reader first."""
    counts: dict[str, list[int]] = {}
    for event in events:
        offset = (received_day(event.at) - first).days
        if 0 <= offset < days:
            counts.setdefault(reader_of(event.actor), [0] * days)[offset] += 1
    return dict(sorted(counts.items(), key=lambda item: (-sum(item[1]), item[0])))


#: Sequential shades for the heatmap, lightest (fewest reads) first.
HEAT = ("#f6e3c8", "#efc28f", "#e39a5c", "#cc6b3a", "#a5402a", "#6f2118")


def heat(count: int, most: int) -> str:
    if count <= 0:
        return "#ffffff"
    if most <= 1:
        return HEAT[-1]
    return HEAT[min(len(HEAT) - 1, int((count - 1) / (most - 1) * len(HEAT)))]


def access_svg(counts: Mapping[str, Sequence[int]], first: date, title: str = "Reads") -> Svg:
    """A heatmap: one row per reader, one column per day, darker for more reads;
    each cell's tooltip gives the number, each row ends with the total."""
    days = max((len(row) for row in counts.values()), default=0)
    label_w, total_w = 150.0, 60.0
    cell = max(4.0, min(24.0, 720.0 / max(days, 1)))
    width = label_w + days * cell + total_w + 20
    top, row_h = 44.0, 20.0
    root = _svg(max(width, 480.0), top + row_h * max(len(counts), 1) + 40, "access", title)
    most = max((max(row) for row in counts.values() if row), default=0)
    if not counts:
        _el(root, "text", "No reads in this period.", x=10, y=top + 14, class_="empty")
        return _serialise(root)
    axis = _el(root, "g", class_="axis")
    every = next(s for s in (1, 2, 7, 14, 30, 61) if days / s <= 16 or s == 61)
    for d in range(days):
        day = first + timedelta(days=d)
        x = label_w + d * cell
        if d % every == 0:
            _el(
                axis,
                "text",
                f"{day.day:02} {MONTH_NAMES[day.month - 1][:3]}",
                x=x + cell / 2,
                y=top - 18,
                text_anchor="middle",
            )
            _el(axis, "line", x1=x, y1=top - 12, x2=x, y2=top - 2, stroke=MUTED)
    _el(axis, "text", "total", x=label_w + days * cell + 8, y=top - 6)
    for r, (reader, row) in enumerate(counts.items()):
        y = top + r * row_h
        group = _el(root, "g", class_="reader")
        _el(
            group,
            "text",
            shorten(reader, 22),
            x=label_w - 8,
            y=y + 14,
            text_anchor="end",
            class_="reader-name",
        )
        for d, count in enumerate(row):
            day = first + timedelta(days=d)
            rect = _el(
                group,
                "rect",
                x=label_w + d * cell,
                y=y + 1,
                width=cell - 1,
                height=row_h - 2,
                fill=heat(count, most),
                stroke=RULE,
                stroke_width=0.5,
                data_count=count,
            )
            noun = "read" if count == 1 else "reads"
            _el(rect, "title", f"{reader}, {day.isoformat()}: {count} {noun}")
            if count and cell >= 18:
                _el(
                    group,
                    "text",
                    str(count),
                    x=label_w + d * cell + cell / 2,
                    y=y + 14,
                    text_anchor="middle",
                    class_="count" + (" dark" if count * 2 > most else ""),
                )
        _el(group, "text", str(sum(row)), x=label_w + days * cell + 8, y=y + 14, class_="total")
    scale_y = top + row_h * len(counts) + 16
    keys = _el(root, "g", class_="key")
    _el(keys, "text", "fewer", x=label_w, y=scale_y + 10, text_anchor="end", dx=-6)
    for i, shade in enumerate(HEAT):
        _el(keys, "rect", x=label_w + i * 16, y=scale_y, width=15, height=12, fill=shade)
    _el(
        keys,
        "text",
        f"more (most in a day: {most})",
        x=label_w + len(HEAT) * 16 + 6,
        y=scale_y + 10,
    )
    return _serialise(root)


def reads_since(reg: Registry, desk: Desk, since: str) -> tuple[list[Event], bool]:
    """Every `leaf.read` event since `since`, paged by time; True if the cap
    was reached (the page then says the chart stops short)."""
    found: list[Event] = []
    seen = 0
    start = since
    while True:
        chunk = reg.audit_log(desk.actor, action="leaf.read", since=start, limit=ACCESS_PAGE)
        fresh = [event for event in chunk if event.id > seen]
        found.extend(fresh)
        if len(chunk) < ACCESS_PAGE:
            return found, False
        if not fresh or len(found) >= ACCESS_CAP or chunk[-1].at == start:
            return found[:ACCESS_CAP], True
        seen, start = chunk[-1].id, chunk[-1].at


# -- the pages -----------------------------------------------------------------------


@router.get("/dossiers/{dossier_id}/timeline")
def timeline(
    request: Request,
    dossier_id: Id,
    reg: Reg,
    me: Me,
    by: Annotated[TimelineBy, Query()] = "source",
) -> Response:
    found, reports = reg.dossier(me.actor, str(dossier_id))
    entries = timeline_entries(reports, by)
    shown = {mark.marking for entry in entries for mark in entry.leaves}
    colours = marking_colours(shown, lambda m: reg.levels.rank(m.split("/", 1)[0]))
    svg = timeline_svg(entries, colours, f"Timeline of {found.title}")
    return page(
        request,
        "timeline.html",
        me,
        dossier=found,
        svg=inline(svg),
        by=by,
        entries=entries,
        leaf_count=sum(len(e.leaves) for e in entries),
    )


def _leaves_of(reports: Iterable[Report]) -> list[int]:
    return [leaf.id for report in reports for leaf in report.leaves]


@router.get("/dossiers/{dossier_id}/graph")
def dossier_graph_page(request: Request, dossier_id: Id, reg: Reg, me: Me) -> Response:
    found, reports = reg.dossier(me.actor, str(dossier_id))
    leaves = _leaves_of(reports)
    xrefs = [x for leaf_id in leaves[:GRAPH_LEAVES] for x in reg.xrefs(me.actor, leaf_id)]
    graph = dossier_graph(found, xrefs)
    svg = graph_svg(graph, f"Cross-references from {found.title}")
    return page(
        request,
        "graph.html",
        me,
        centre=graph.centre,
        graph=graph,
        nodes={node.key: node for node in graph.all_nodes()},
        svg=inline(svg),
        read=min(len(leaves), GRAPH_LEAVES),
        leaves=len(leaves),
        dossier=found,
    )


def _visible_dossier(reg: Registry, desk: Desk, dossier_id: int) -> Dossier | None:
    try:
        return reg.dossier(desk.actor, str(dossier_id))[0]
    except NotFound:
        return None


@router.get("/persons/{person_id}/graph")
def person_graph_page(request: Request, person_id: Id, reg: Reg, me: Me) -> Response:
    person = reg.person(me.actor, person_id)
    forms_on: dict[int, list[str]] = {}
    for form in person.forms:
        for leaf_id in form.leaves:
            forms_on.setdefault(leaf_id, [])
            if form.form not in forms_on[leaf_id]:
                forms_on[leaf_id].append(form.form)
    # In the order the record gives them (its forms in turn, each form's
    # leaves in arrival order), never by id: ids are opaque, and an order by
    # them would differ with what else the registry holds.
    leaves = list(forms_on)
    read = leaves[:GRAPH_LEAVES]
    dossier_of = {leaf_id: reg.leaf(me.actor, leaf_id).dossier_id for leaf_id in read}
    titles: dict[int, Dossier | None] = {}
    for dossier_id in [*dossier_of.values(), person.dossier_id]:
        if dossier_id is not None and dossier_id not in titles:
            titles[dossier_id] = _visible_dossier(reg, me, dossier_id)
    named_in: dict[int, tuple[Dossier, tuple[str, ...]]] = {}
    for leaf_id, dossier_id in dossier_of.items():
        shown = titles.get(dossier_id)
        if shown is None:
            continue
        forms = named_in.get(dossier_id, (shown, ()))[1]
        extra = tuple(f for f in forms_on[leaf_id] if f not in forms)
        named_in[dossier_id] = (shown, forms + extra)
    xrefs = [
        (dossier_of[leaf_id], x)
        for leaf_id in read
        if dossier_of[leaf_id] in named_in
        for x in reg.xrefs(me.actor, leaf_id)
    ]
    own = titles.get(person.dossier_id) if person.dossier_id is not None else None
    graph = person_graph(person, own, named_in, xrefs)
    svg = graph_svg(graph, f"Cross-references around {person.preferred}")
    return page(
        request,
        "graph.html",
        me,
        centre=graph.centre,
        graph=graph,
        nodes={node.key: node for node in graph.all_nodes()},
        svg=inline(svg),
        read=len(read),
        leaves=len(leaves),
        person=person,
    )


@router.get("/audit/access")
def access(
    request: Request,
    reg: Reg,
    me: Me,
    days: Annotated[int, Query(ge=1, le=366)] = 30,
) -> Response:
    """Reads per reader per day, for auditors (the facade refuses anyone else)."""
    today = received_day(reg.now())
    first = today - timedelta(days=days - 1)
    events, capped = reads_since(reg, me, first.isoformat())
    counts = reads_per_day(events, first, days)
    readers = len(counts)
    shown = dict(list(counts.items())[:ACCESS_ROWS])
    svg = access_svg(shown, first, f"Reads per reader per day, {first} to {today}")
    return page(
        request,
        "access.html",
        me,
        svg=inline(svg),
        days=days,
        first=first,
        today=today,
        counts=shown,
        readers=readers,
        reads=len(events),
        capped=capped,
        until=events[-1].at[:16].replace("T", " ") if capped and events else None,
    )
