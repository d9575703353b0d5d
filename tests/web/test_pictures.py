"""The reading room's pictures: the SVG drawn by pure functions (valid XML,
escaped, coloured per marking, dates read as well as they can be), and the
pages on the demo registry, which show each viewer no more than they may
read and refuse the access chart to anyone but an auditor."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from looseleaf import demo as sample
from looseleaf.evidence.dates import When, parse
from looseleaf.model import (
    CrossReference,
    Dossier,
    Event,
    Leaf,
    Marking,
    NameForm,
    Person,
    Report,
    Source,
)
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings
from looseleaf.web.app import create_app
from looseleaf.web.room.pictures import (
    PALETTE,
    Entry,
    Mark,
    Scale,
    access_svg,
    dossier_graph,
    graph_svg,
    heat,
    marking_colours,
    person_graph,
    radial_layout,
    reader_of,
    reads_per_day,
    timeline_entries,
    timeline_svg,
)
from tests.conftest import OPERATOR

NS = "{http://www.w3.org/2000/svg}"
NASTY = "<script>alert(1)</script> & Söhne"

LUPU = "LUPU, Grigore - seaman, Danube Steam Navigation"
ORLOV = "ORLOV-BRANDT, Kasimir"
CREW = "Danube Steam Navigation - crew lists"


def parsed(svg: str) -> ET.Element:
    root = ET.fromstring(svg)
    assert root.tag == f"{NS}svg"
    return root


def texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter(f"{NS}text")]


def links(root: ET.Element) -> list[str]:
    return [a.attrib["href"] for a in root.iter(f"{NS}a")]


# -- dates ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("1940-08-20", date(1940, 8, 20), date(1940, 8, 20)),
        ("1940-08", date(1940, 8, 1), date(1940, 8, 31)),
        ("August 1940", date(1940, 8, 1), date(1940, 8, 31)),
        ("Feb. 1940", date(1940, 2, 1), date(1940, 2, 29)),
        ("20 August 1940", date(1940, 8, 20), date(1940, 8, 20)),
        ("August 20th, 1940", date(1940, 8, 20), date(1940, 8, 20)),
        ("spring 1951", date(1951, 3, 1), date(1951, 5, 31)),
        ("1937", date(1937, 1, 1), date(1937, 12, 31)),
        ("1930s", date(1930, 1, 1), date(1939, 12, 31)),
        ("1940–1941", date(1940, 1, 1), date(1941, 12, 31)),
        ("  1951-03-29T10:00:00Z ", date(1951, 3, 29), date(1951, 3, 29)),
    ],
)
def test_source_dates_are_read_as_periods(text: str, start: date, end: date) -> None:
    found = parse(text)
    assert found is not None
    assert (found.first_day, found.last_day, found.approximate) == (start, end, False)
    assert found.precise == (start == end)


def test_an_approximate_date_is_kept_as_such() -> None:
    found = parse("c. 1937")
    assert found is not None
    assert (found.first_day, found.last_day, found.approximate, found.precise) == (
        date(1937, 1, 1),
        date(1937, 12, 31),
        True,
        False,
    )
    assert found.text == "c. 1937"


@pytest.mark.parametrize(
    "text", [None, "", "n.d.", "undated", "1940-13-01", "31 April 1940", "Smarch 1940", "1941-1940"]
)
def test_dates_that_say_nothing_placeable_are_none(text: str | None) -> None:
    assert parse(text) is None


def _leaf(leaf_id: int, marking: str, position: int = 1) -> Leaf:
    return Leaf(
        leaf_id, 1, 1, position, None, "0" * 64, 100, Marking.from_key(marking), withdrawn_at=None
    )


def _report(report_id: int, title: str, when: str | None, received: str, *leaves: Leaf) -> Report:
    return Report(
        report_id,
        1,
        report_id,
        f"r{report_id}.txt",
        "text/plain",
        "0" * 64,
        10,
        Source(title, date=when),
        received,
        None,
        leaves,
    )


def test_reports_are_placed_by_source_date_else_by_receipt() -> None:
    reports = [
        _report(1, "Late report", "1951-06-11", "2020-01-02T10:00:00.000000Z", _leaf(1, "SECRET")),
        _report(2, "Undated scrap", "n.d.", "2020-01-03T10:00:00.000000Z", _leaf(2, "SECRET")),
        _report(3, "Early card", "April 1949", "2020-01-04T10:00:00.000000Z", _leaf(3, "SECRET")),
    ]
    by_source = timeline_entries(reports)
    assert [(e.title, e.dated_by) for e in by_source] == [
        ("Early card", "source"),
        ("Late report", "source"),
        ("Undated scrap", "received"),
    ]
    assert by_source[2].when == When.between(date(2020, 1, 3), date(2020, 1, 3), "2020-01-03")
    by_receipt = timeline_entries(reports, "received")
    assert [e.report_id for e in by_receipt] == [1, 2, 3]
    assert {e.dated_by for e in by_receipt} == {"received"}


# -- the timeline -------------------------------------------------------------------


def _entry(report_id: int, title: str, when: When, *marks: Mark) -> Entry:
    return Entry(report_id, report_id, title, when, "source", "2020-01-01", marks)


def test_marking_colours_one_per_marking_lowest_level_first() -> None:
    rank = {"RESTRICTED": 1, "SECRET": 3, "TOP SECRET": 4}
    colours = marking_colours(
        ["TOP SECRET/ARCHIVE-KI", "SECRET/SEAMEN", "RESTRICTED", "SECRET/SEAMEN", "SECRET"],
        lambda m: rank[m.split("/")[0]],
    )
    assert list(colours) == ["RESTRICTED", "SECRET", "SECRET/SEAMEN", "TOP SECRET/ARCHIVE-KI"]
    assert len(set(colours.values())) == 4
    assert list(colours.values()) == list(PALETTE[:4])
    assert marking_colours([]) == {}


def test_the_timeline_is_valid_svg_with_leaves_coloured_and_linked() -> None:
    day = When.between(date(1940, 8, 20), date(1940, 8, 20), "1940-08-20")
    year = When.between(date(1937, 1, 1), date(1937, 12, 31), "1937")
    entries = [
        _entry(2, "Card", year, Mark(5, "leaf 1", "RESTRICTED")),
        _entry(1, NASTY, day, Mark(7, "p. 1", "SECRET/SEAMEN"), Mark(8, "p. 2", "RESTRICTED")),
    ]
    colours = {"RESTRICTED": "#111111", "SECRET/SEAMEN": "#222222"}
    svg = timeline_svg(entries, colours, f"Timeline of {NASTY}")
    root = parsed(svg)
    assert "<script>" not in svg
    assert root.find(f"{NS}title") is not None
    assert root.find(f"{NS}title").text == f"Timeline of {NASTY}"  # type: ignore[union-attr]
    assert any(NASTY in t for t in texts(root))
    assert links(root) == ["/leaves/5", "/leaves/7", "/leaves/8"]
    squares = {
        rect.attrib["data-marking"]: rect.attrib["fill"]
        for a in root.iter(f"{NS}a")
        for rect in a.iter(f"{NS}rect")
    }
    assert squares == colours
    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "legend")
    assert texts(legend) == ["Marking:", "RESTRICTED", "SECRET/SEAMEN"]
    swatches = [r.attrib["fill"] for r in legend.iter(f"{NS}rect")]
    assert swatches == ["#111111", "#222222"]
    # the year is a bar over the year, the day a dot
    card = next(g for g in root.iter(f"{NS}g") if g.get("id") == "report-2")
    assert any(r.get("class") is None and r.get("rx") == "2" for r in card.iter(f"{NS}rect"))
    assert not any(el.tag == f"{NS}script" for el in root.iter())
    assert not any("style" in el.attrib for el in root.iter())


def test_an_empty_timeline_says_so() -> None:
    root = parsed(timeline_svg([], {}))
    assert "No leaf of this dossier is open to you." in texts(root)
    assert links(root) == []


def _scale(first: date, last: date) -> Scale:
    return Scale.over([When.between(first, last, "")], 0.0, 600.0)


def test_the_time_axis_has_tidy_ticks_inside_its_range() -> None:
    years = _scale(date(1937, 1, 1), date(1951, 12, 31))
    assert [label for _, label in years.ticks()] == [str(y) for y in range(1938, 1953, 2)]
    months = _scale(date(1951, 3, 1), date(1951, 7, 2))
    assert [label for _, label in months.ticks()][:3] == ["Mar 1951", "Apr 1951", "May 1951"]
    days = _scale(date(1951, 3, 1), date(1951, 3, 1))
    assert days.ticks()[0][1] == "1951-02-14"
    for scale in (years, months, days):
        assert all(scale.first <= day <= scale.last for day, _ in scale.ticks())
        assert scale.x(scale.first) == 0.0
        assert scale.x(scale.last) == 600.0


def test_the_ends_of_the_calendar_do_not_break_the_timeline() -> None:
    far = [parse("0001"), parse("9999"), parse("December 9999")]
    assert all(far)
    entries = [_entry(i, f"r{i}", p) for i, p in enumerate(far, 1) if p is not None]
    root = parsed(timeline_svg(entries, {}))
    assert "r3" in "".join(texts(root))
    assert _scale(date(9999, 12, 1), date(9999, 12, 31)).ticks()


def test_control_characters_do_not_break_the_xml() -> None:
    day = When.between(date(1940, 8, 20), date(1940, 8, 20), "1940-08-20")
    root = parsed(timeline_svg([_entry(1, "bell\x07 and\x00nul", day)], {}))
    assert any("bell and" in t for t in texts(root))


# -- the graph ----------------------------------------------------------------------


def _dossier(dossier_id: int, title: str) -> Dossier:
    return Dossier(dossier_id, title, Marking("SECRET"), "2020-01-01T00:00:00.000000Z", 1, 1)


def _xref(
    leaf_id: int, text: str, dossier_id: int, title: str, person: int | None
) -> CrossReference:
    return CrossReference(leaf_id, 0, len(text), text, dossier_id, title, person)


def test_a_dossier_graph_has_one_node_per_target_and_names_on_the_lines() -> None:
    graph = dossier_graph(
        _dossier(1, "LUPU"),
        [
            _xref(3, "Kasimir Orlov-Brandt", 2, NASTY, 7),
            _xref(4, "Orlov-Brandt", 2, NASTY, 7),
            _xref(4, "Ion Tudose", 5, "TUDOSE, Ion", None),
        ],
    )
    assert [n.key for n in graph.all_nodes()] == ["dossier:1", "dossier:2", "dossier:5"]
    assert graph.edges[("dossier:1", "dossier:2")].names == ("Kasimir Orlov-Brandt", "Orlov-Brandt")
    assert graph.edges[("dossier:1", "dossier:2")].href == "/persons/7"
    assert graph.edges[("dossier:1", "dossier:5")].href is None
    svg = graph_svg(graph, f"Cross-references from {NASTY}")
    root = parsed(svg)
    assert "<script>" not in svg
    assert set(links(root)) == {"/dossiers/1", "/dossiers/2", "/dossiers/5", "/persons/7"}
    shown = texts(root)
    assert NASTY in shown
    assert "Kasimir Orlov-Brandt, Orlov-Brandt" in shown
    assert "Ion Tudose" in shown
    assert not any("style" in el.attrib for el in root.iter())


def test_the_radial_layout_puts_the_centre_in_the_middle_and_rings_around_it() -> None:
    graph = dossier_graph(
        _dossier(1, "centre"), [_xref(1, f"name {i}", 10 + i, f"d{i}", None) for i in range(6)]
    )
    place = radial_layout(graph, ring=100)
    assert place["dossier:1"] == (0.0, 0.0)
    radii = {
        round((x**2 + (y / 0.8) ** 2) ** 0.5, 6) for k, (x, y) in place.items() if k != "dossier:1"
    }
    assert radii == {100.0}
    assert len({(round(x), round(y)) for x, y in place.values()}) == 7


def _person(person_id: int, name: str, dossier_id: int | None, *forms: NameForm) -> Person:
    return Person(
        person_id, name, "person", False, None, None, Marking("SECRET"), dossier_id, None, forms
    )


def test_a_person_graph_links_the_record_to_dossiers_naming_it_and_onwards() -> None:
    person = _person(2, "Grigore Lupu", 1)
    graph = person_graph(
        person,
        _dossier(1, "LUPU"),
        {3: (_dossier(3, "crew lists"), ("Grigore Lupu",)), 1: (_dossier(1, "LUPU"), ("Lupu",))},
        [
            (3, _xref(15, "Grigore Lupu", 1, "LUPU", 2)),  # back to the record's own dossier
            (3, _xref(15, "Kasimir Orlov-Brandt", 2, "ORLOV", 1)),
            (9, _xref(99, "Elsewhere", 8, "NOT DRAWN", None)),  # from a dossier not in the graph
        ],
    )
    assert {n.key for n in graph.all_nodes()} == {"person:2", "dossier:1", "dossier:2", "dossier:3"}
    assert graph.edges[("person:2", "dossier:1")].names == ("own dossier", "Lupu")
    assert graph.edges[("person:2", "dossier:3")].names == ("Grigore Lupu",)
    assert graph.edges[("dossier:3", "dossier:2")].names == ("Kasimir Orlov-Brandt",)
    assert ("dossier:3", "dossier:1") not in graph.edges
    root = parsed(graph_svg(graph))
    assert "NOT DRAWN" not in texts(root)
    assert "/persons/2" in links(root)


# -- the access chart ----------------------------------------------------------------


def _read(event_id: int, at: str, actor: str) -> Event:
    return Event(event_id, at, actor, "leaf.read", f"leaf:{event_id}", {})


def test_reads_are_counted_per_reader_per_day() -> None:
    assert reader_of("reader:anna via operator:root") == "anna"
    assert reader_of("reader:anna") == "anna"
    assert reader_of("operator:root") == "operator:root"
    events = [
        _read(1, "2026-03-01T23:59:59.000000Z", "reader:anna"),
        _read(2, "2026-03-02T00:00:00.000000Z", "reader:anna via operator:root"),
        _read(3, "2026-03-02T10:00:00.000000Z", "reader:anna"),
        _read(4, "2026-03-03T10:00:00.000000Z", "reader:boris"),
        _read(5, "2026-02-28T10:00:00.000000Z", "reader:boris"),  # before the period
        _read(6, "2026-03-04T10:00:00.000000Z", "reader:carl"),  # after it
    ]
    counts = reads_per_day(events, date(2026, 3, 1), 3)
    assert counts == {"anna": [1, 2, 0], "boris": [0, 0, 1]}
    assert list(counts) == ["anna", "boris"]  # busiest first


def test_the_access_chart_is_a_heatmap_with_counts() -> None:
    svg = access_svg({"anna": [1, 4, 0], NASTY: [0, 0, 2]}, date(2026, 3, 1))
    root = parsed(svg)
    assert "<script>" not in svg
    cells = [r for r in root.iter(f"{NS}rect") if "data-count" in r.attrib]
    assert [int(r.attrib["data-count"]) for r in cells] == [1, 4, 0, 0, 0, 2]
    fills = [r.attrib["fill"] for r in cells]
    assert fills[2] == fills[3] == "#ffffff"
    assert fills[1] == heat(4, 4) != fills[0] == heat(1, 4)
    tips = ["".join(r.itertext()) for r in cells]
    assert tips[1] == "anna, 2026-03-02: 4 reads"
    assert tips[5] == f"{NASTY}, 2026-03-03: 2 reads"
    assert "5" in texts(root)  # anna's total
    assert "No reads in this period." in texts(parsed(access_svg({}, date(2026, 3, 1))))


# -- the pages, on the demo registry ---------------------------------------------------


@dataclass(frozen=True)
class Room:
    registry: Registry
    client: TestClient
    dossiers: dict[str, int]
    persons: dict[str, int]


@pytest.fixture
def room(registry_url: str, tmp_path: Path) -> Iterator[Room]:
    """The demo registry, plus two reports on the crew lists: a RESTRICTED note
    naming Orlov-Brandt (whose dossier's title is SECRET) and an undated one
    with a hostile title."""
    with Registry.init(Settings(registry=registry_url), OPERATOR) as registry:
        sample.build(registry, OPERATOR, tmp_path)
        sample.stage(registry, OPERATOR, tmp_path)
        note = tmp_path / "crew-note.txt"
        note.write_text("Kasimir Orlov-Brandt came aboard at Braila with Grigore Lupu.\n")
        scrap = tmp_path / "scrap.txt"
        scrap.write_text("A scrap about the cook.\n")
        for path, title, when in ((note, "Crew note", "August 1951"), (scrap, NASTY, "n.d.")):
            registry.ingest(
                OPERATOR,
                [path],
                dossier=CREW,
                leaf_marking=MarkingRequest("RESTRICTED"),
                source=Source(title, date=when),
            )
        found = {d.title: d.id for d in registry.dossiers(OPERATOR)}
        persons = {
            name: registry.person_search(OPERATOR, name)[0].person_id
            for name in ("Grigore Lupu", "Kasimir Orlov-Brandt")
        }
        with TestClient(create_app(registry), base_url="https://testserver") as client:
            yield Room(registry, client, found, persons)


def log_in(room: Room, name: str) -> None:
    """Through the login form: its CSRF cookie and hidden field, then the session cookie."""
    room.client.cookies.clear()
    form = room.client.get("/login")
    token = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert token is not None
    response = room.client.post(
        "/login",
        data={"username": name, "password": f"{name}-demo", "csrf": token[1], "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def svg_of(html: str) -> ET.Element:
    found = re.search(r"<svg .*?</svg>", html, re.DOTALL)
    assert found is not None
    return parsed(found[0])


def leaf_links(html: str) -> set[int]:
    return {int(n) for n in re.findall(r'href="/leaves/(\d+)"', html)}


def test_petrovs_timeline_shows_the_leaves_he_may_read_and_no_others(room: Room) -> None:
    orlov = room.dossiers[ORLOV]
    _, every = room.registry.dossier(OPERATOR, str(orlov))
    all_leaves = {leaf.id for report in every for leaf in report.leaves}
    petrov = room.registry.as_reader("petrov", via=OPERATOR)
    _, his = room.registry.dossier(petrov, str(orlov))
    readable = {leaf.id for report in his for leaf in report.leaves}
    assert readable
    assert readable < all_leaves  # the case is only a test if something is held back

    log_in(room, "petrov")
    response = room.client.get(f"/dossiers/{orlov}/timeline")
    assert response.status_code == 200
    root = svg_of(response.text)
    assert {int(h.removeprefix("/leaves/")) for h in links(root)} == readable
    assert leaf_links(response.text) == readable
    shown_reports = {r.source.title for r in his}
    for report in every:
        assert (report.source.title in response.text) == (report.source.title in shown_reports)
    legend = next(g for g in root.iter(f"{NS}g") if g.get("class") == "legend")
    assert texts(legend) == ["Marking:", "TOP SECRET/ARCHIVE-KI"]
    assert f"{len(his)} reports and {len(readable)} leaves open to you" in response.text
    by_receipt = room.client.get(f"/dossiers/{orlov}/timeline?by=received")
    assert leaf_links(by_receipt.text) == readable


def test_a_timeline_shows_a_hostile_title_as_text(room: Room) -> None:
    log_in(room, "auditor")
    response = room.client.get(f"/dossiers/{room.dossiers[CREW]}/timeline")
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Söhne" in response.text
    assert response.text.count("<script") == 1  # the room's own script, nothing else
    assert ' style="' not in response.text
    assert '<link rel="stylesheet" href="/static/pictures.css">' in response.text
    undated = next(
        g for g in svg_of(response.text).iter(f"{NS}g") if NASTY in "".join(g.itertext())
    )
    assert any(c.get("fill") == "#fff" for c in undated.iter(f"{NS}circle"))  # placed by receipt


def test_no_node_for_a_dossier_whose_title_is_hidden(room: Room) -> None:
    crew, orlov, lupu = room.dossiers[CREW], room.dossiers[ORLOV], room.dossiers[LUPU]
    log_in(room, "petrov")  # cleared for the SECRET title: sees where the note points
    response = room.client.get(f"/dossiers/{crew}/graph")
    assert response.status_code == 200
    assert {f"/dossiers/{orlov}", f"/dossiers/{lupu}"} <= set(links(svg_of(response.text)))
    assert ORLOV in response.text

    log_in(room, "auditor")  # CONFIDENTIAL: may read the note, not see ORLOV's title
    response = room.client.get(f"/dossiers/{crew}/graph")
    assert response.status_code == 200
    hrefs = set(links(svg_of(response.text)))
    assert hrefs >= {f"/dossiers/{crew}", f"/dossiers/{lupu}"}
    assert f"/dossiers/{orlov}" not in response.text
    assert "orlov" not in response.text.lower()
    assert len([h for h in hrefs if h.startswith("/dossiers/")]) == 2

    person = room.client.get(f"/persons/{room.persons['Grigore Lupu']}/graph")
    assert person.status_code == 200
    assert f"/dossiers/{orlov}" not in person.text
    assert "Orlov" not in person.text
    assert {f"/dossiers/{crew}", f"/dossiers/{lupu}"} <= set(links(svg_of(person.text)))
    hidden = room.client.get(f"/persons/{room.persons['Kasimir Orlov-Brandt']}/graph")
    assert hidden.status_code == 404
    assert room.client.get(f"/dossiers/{orlov}/graph").status_code == 404


def test_a_persons_graph_for_a_reader_who_may_see_more(room: Room) -> None:
    log_in(room, "petrov")
    response = room.client.get(f"/persons/{room.persons['Grigore Lupu']}/graph")
    assert response.status_code == 200
    hrefs = set(links(svg_of(response.text)))
    dossiers = {room.dossiers[name] for name in (CREW, LUPU, ORLOV)}
    assert {f"/dossiers/{d}" for d in dossiers} <= hrefs
    assert "own dossier" in response.text


def test_the_auditor_sees_the_access_chart(room: Room) -> None:
    reads = room.registry.audit_log(OPERATOR, action="leaf.read")
    by_petrov = [e for e in reads if reader_of(e.actor) == "petrov"]
    assert by_petrov
    log_in(room, "auditor")
    response = room.client.get("/audit/access")
    assert response.status_code == 200
    root = svg_of(response.text)
    row = next(g for g in root.iter(f"{NS}g") if g.get("class") == "reader")
    assert texts(row)[0] == "petrov"
    cells = [int(r.attrib["data-count"]) for r in row.iter(f"{NS}rect")]
    assert len(cells) == 30
    assert sum(cells) == len(by_petrov)
    week = room.client.get("/audit/access?days=7")
    rows = [g for g in svg_of(week.text).iter(f"{NS}g") if g.get("class") == "reader"]
    assert all(len([r for r in g.iter(f"{NS}rect") if "data-count" in r.attrib]) == 7 for g in rows)
    # The custodian who issued the demo's copy read its leaf to do so: a row too.
    assert sorted(texts(g)[0] for g in rows) == ["keeper", "petrov"]
    assert room.client.get("/audit/access?days=0").status_code == 422


def test_a_plain_reader_may_not_see_the_access_chart(room: Room) -> None:
    log_in(room, "petrov")
    response = room.client.get("/audit/access")
    assert response.status_code == 403
    assert "not permitted" in response.text
    assert "<svg" not in response.text


def test_pictures_need_a_session(room: Room) -> None:
    room.client.cookies.clear()
    crew = room.dossiers[CREW]
    for path in (f"/dossiers/{crew}/timeline", f"/dossiers/{crew}/graph", "/audit/access"):
        response = room.client.get(path, follow_redirects=False)
        assert response.status_code == 303
        assert response.headers["location"].startswith("/login?next=")


def test_empty_evidence_pages_say_what_is_missing(room: Room) -> None:
    """Before anyone accepts the demo's suggested claims, a reader's conflicts
    and timeline pages say why they are empty."""
    log_in(room, "petrov")
    conflicts = room.client.get("/conflicts")
    assert conflicts.status_code == 200
    assert "count here once a registrar accepts them" in conflicts.text
    timeline = room.client.get("/timeline", params={"subject": "Lupu"})
    assert timeline.status_code == 200
    assert "join it once a registrar accepts them" in timeline.text
