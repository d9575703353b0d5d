"""The labelled claims in tests/data/claims.yaml stay true to the seeds."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from benchmarks.claims import read_anchors
from tests.conftest import REPO

pytestmark = pytest.mark.seeds

DATA = REPO / "tests" / "data"

PROPERTIES = {
    "born",
    "died",
    "attacked",
    "arrested",
    "tried",
    "sentenced",
    "executed",
    "appointed",
    "dismissed",
    "located-at",
    "member-of",
    "number-of-victims",
    "role",
    "founded",
    "dissolved",
    "absorbed",
    "married",
    "fled",
    "exiled",
    "released",
    "other",
}
REQUIRED = {"id", "seed", "at", "subject", "property", "date"}
OPTIONAL = {
    "date_at",
    "value",
    "relative_to",
    "date_in_context",
    "approximate",
    "place",
    "planned",
    "attributed_to",
    "note",
}
SEED_IDS = {"000", "001", "002", "003", "004"}
# The disagreements issue 8 names; each must be a conflict group here.
ISSUE_CONFLICTS = {
    "trotsky_death_date",
    "vyshinsky_role",
    "tukhachevsky_execution_date",
    "tukhachevsky_co_accused",
    "nkvd_absorbs_ogpu_year",
    "purge_death_toll",
    "abramowitch_alibi",
}
MAX_ANCHOR_WORDS = 11  # a span is a phrase, not a passage
COPIED_RUN = 9  # no run of this many seed words (longer than any name) in tests/data

_POINT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_YEAR = re.compile(r"(?<!\d)1[89]\d\d(?!\d)")


def _claims_file() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load((DATA / "claims.yaml").read_text(encoding="utf-8"))
    return data


def _person_ids() -> set[str]:
    data = yaml.safe_load((DATA / "persons.yaml").read_text(encoding="utf-8"))
    return {entry["id"] for entry in data["persons"]}


def _texts(seeds: Path) -> dict[str, str]:
    return {path.name[:3]: path.read_text(encoding="utf-8") for path in seeds.glob("*.txt")}


def _point(text: str) -> tuple[date, date, str]:
    """First and last day of an ISO date of year, month or day precision."""
    match = _POINT.match(text)
    if not match:
        raise ValueError(f"not an ISO date: {text!r}")
    year, month, day = match.groups()
    if month is None:
        return date(int(year), 1, 1), date(int(year), 12, 31), "year"
    if day is None:
        first = date(int(year), int(month), 1)
        following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, date.fromordinal(following.toordinal() - 1), "month"
    exact = date(int(year), int(month), int(day))
    return exact, exact, "day"


def parse_date(text: str) -> tuple[date, date]:
    """The span a labelled date covers: "1940-08-20", "1937-06", "1933" or a range "A/B"."""
    if not isinstance(text, str):
        raise TypeError(f"dates are strings: {text!r}")
    if "/" in text:
        start_text, end_text = text.split("/", 1)
        start, _, _ = _point(start_text)
        _, end, _ = _point(end_text)
        if end <= start or start_text == end_text:
            raise ValueError(f"empty or reversed range: {text!r}")
        return start, end
    start, end, _ = _point(text)
    return start, end


def locate(text: str, anchor: str, occurrence: int = 1) -> int:
    """Offset of the occurrence-th (1-based) exact match of anchor in text, or -1."""
    at = -1
    for _ in range(occurrence):
        at = text.find(anchor, at + 1)
        if at < 0:
            return -1
    return at


def test_parse_date_and_locate_reject_what_they_should() -> None:
    assert parse_date("1940-08-20") == (date(1940, 8, 20), date(1940, 8, 20))
    assert parse_date("1937-06") == (date(1937, 6, 1), date(1937, 6, 30))
    assert parse_date("1936-12") == (date(1936, 12, 1), date(1936, 12, 31))
    assert parse_date("1937/1938") == (date(1937, 1, 1), date(1938, 12, 31))
    for bad in ["1940-8-20", "20 August 1940", "1937-13", "1938/1937", "1940-02-30", "1937/1937"]:
        with pytest.raises(ValueError, match=r"ISO date|range|day is out of range|month must be"):
            parse_date(bad)
    assert locate("a b a b", "a b", 2) == 4
    assert locate("a b a b", "a b", 3) == -1


def test_claims_set_is_large_enough_and_well_formed() -> None:
    data = _claims_file()
    claims = data["claims"]
    assert len(claims) >= 100
    ids = [claim["id"] for claim in claims]
    assert len(ids) == len(set(ids))
    problems: list[tuple[object, ...]] = []
    for claim in claims:
        keys = set(claim)
        missing, unknown = REQUIRED - keys, keys - REQUIRED - OPTIONAL
        if missing or unknown:
            problems.append((claim.get("id"), sorted(missing), sorted(unknown)))
        if claim["seed"] not in SEED_IDS:
            problems.append((claim["id"], "seed", claim["seed"]))
        if claim["property"] not in PROPERTIES:
            problems.append((claim["id"], "property", claim["property"]))
        for flag in ("planned", "approximate", "date_in_context"):
            if flag in claim and not isinstance(claim[flag], bool):
                problems.append((claim["id"], flag, claim[flag]))
        for key in ("at", "date_at"):
            span = claim.get(key, [0, 1, ""])
            if (
                not (
                    isinstance(span, list)
                    and len(span) == 3
                    and isinstance(span[0], int)
                    and isinstance(span[1], int)
                    and 0 <= span[0] < span[1]
                    and re.fullmatch(r"[0-9a-f]{8}", str(span[2]))
                )
                and key in claim
            ):
                problems.append((claim["id"], key, span))
        for key in ("value", "place", "note", "attributed_to"):
            if key in claim and not isinstance(claim[key], str):
                problems.append((claim["id"], key, claim[key]))
    assert problems == []
    assert {claim["seed"] for claim in claims} == SEED_IDS
    assert any(claim.get("planned") for claim in claims)


def test_every_date_is_well_formed_and_plausible() -> None:
    wrong: list[tuple[object, ...]] = []
    for claim in _claims_file()["claims"]:
        try:
            start, end = parse_date(claim["date"])
        except (TypeError, ValueError) as exc:
            wrong.append((claim["id"], str(exc)))
            continue
        if start.year < 1800 or end.year > 1960:
            wrong.append((claim["id"], "outside the seeds' period"))
    assert wrong == []


def test_years_written_in_the_anchors_fall_inside_the_labelled_date(seeds: Path) -> None:
    wrong: list[tuple[object, ...]] = []
    for claim in read_anchors(_claims_file()["claims"], seeds):
        start, end = parse_date(claim["date"])
        written = claim["anchor"] + " " + claim.get("date_anchor", "")
        for year in map(int, _YEAR.findall(written)):
            if not start.year <= year <= end.year:
                wrong.append((claim["id"], year, claim["date"]))
    assert wrong == []


def test_every_span_still_reads_as_labelled_in_its_seed(seeds: Path) -> None:
    texts = _texts(seeds)
    wrong: list[tuple[object, ...]] = []
    for labelled in _claims_file()["claims"]:
        try:
            [claim] = read_anchors([labelled], seeds)
        except ValueError as exc:
            wrong.append((labelled["id"], str(exc)))
            continue
        text = texts[claim["seed"]]
        anchor = claim["anchor"]
        if locate(text, anchor, claim["occurrence"]) != claim["at"][0]:
            wrong.append((claim["id"], "anchor's occurrence is not its span", anchor))
        date_anchor = claim.get("date_anchor")
        if date_anchor is not None and text.count(date_anchor) != 1:
            wrong.append((claim["id"], "date_anchor not found once", date_anchor))
    assert wrong == []


def test_anchors_are_short_and_no_run_of_seed_text_is_copied(seeds: Path) -> None:
    long_anchors = [
        claim["id"]
        for claim in read_anchors(_claims_file()["claims"], seeds)
        for key in ("anchor", "date_anchor")
        if key in claim and len(claim[key].split()) > MAX_ANCHOR_WORDS
    ]
    assert long_anchors == []

    def runs(words: list[str]) -> set[str]:
        size = COPIED_RUN
        return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}

    seed_runs: set[str] = set()
    for text in _texts(seeds).values():
        seed_runs |= runs(text.split())
    for path in sorted(p for p in DATA.rglob("*") if p.is_file()):
        ours = path.read_text(encoding="utf-8").replace("\\n", " ")
        assert runs(ours.split()) & seed_runs == set(), path.name


def test_every_subject_is_in_the_card_index_or_declared() -> None:
    data = _claims_file()
    persons = _person_ids()
    declared = {entry["id"]: entry for entry in data["subjects"]}
    assert len(declared) == len(data["subjects"])
    assert set(declared) & persons == set()
    assert {entry["kind"] for entry in declared.values()} <= {"event", "organisation", "group"}
    unknown = [
        (claim["id"], claim["subject"])
        for claim in data["claims"]
        if claim["subject"] not in persons and claim["subject"] not in declared
    ]
    assert unknown == []
    unused = set(declared) - {claim["subject"] for claim in data["claims"]}
    assert unused == set()


def test_relative_dates_point_at_a_cited_claim_of_the_same_seed() -> None:
    claims = {claim["id"]: claim for claim in _claims_file()["claims"]}
    wrong: list[tuple[object, ...]] = []
    for claim in claims.values():
        ref = claim.get("relative_to")
        if ref is None:
            continue
        if ref == claim["id"] or ref not in claims:
            wrong.append((claim["id"], "unknown reference", ref))
        elif claims[ref]["seed"] != claim["seed"]:
            wrong.append((claim["id"], "reference in another seed", ref))
    assert wrong == []
    for claim in claims.values():  # no cycles
        seen = {claim["id"]}
        ref = claim.get("relative_to")
        while ref is not None:
            assert ref not in seen, claim["id"]
            seen.add(ref)
            ref = claims[ref].get("relative_to")


def test_conflicts_reference_claims_and_really_disagree() -> None:
    data = _claims_file()
    claims = {claim["id"]: claim for claim in data["claims"]}
    groups = {group["id"]: group for group in data["conflicts"]}
    assert len(groups) == len(data["conflicts"])
    assert set(groups) >= ISSUE_CONFLICTS
    for group in groups.values():
        members = group["claims"]
        assert group["description"]
        assert len(members) >= 2, group["id"]
        assert len(set(members)) == len(members), group["id"]
        for claim_id in members + group.get("see_also", []):
            assert claim_id in claims, (group["id"], claim_id)
        sides = {
            (claims[c].get("value"), claims[c]["date"], claims[c].get("place")) for c in members
        }
        assert len(sides) >= 2, f"{group['id']}: all its claims agree"
        assert not any(claims[c].get("planned") for c in members), group["id"]
    # The seed-002 alibi: one person, places that cannot all hold, overlapping dates.
    alibi = [claims[c] for c in groups["abramowitch_alibi"]["claims"]]
    assert {c["property"] for c in alibi} == {"located-at"}
    assert len({c["subject"] for c in alibi}) == 1
    assert len({c["place"] for c in alibi}) == len(alibi)


def test_not_conflicts_reference_claims_and_are_not_grouped_as_conflicts() -> None:
    data = _claims_file()
    claims = {claim["id"]: claim for claim in data["claims"]}
    groups = [set(group["claims"]) for group in data["conflicts"]]
    for pair in data["not_conflicts"]:
        members = pair["claims"]
        assert pair["why"]
        assert len(set(members)) >= 2, members
        assert all(claim_id in claims for claim_id in members), members
        assert not any(set(members) <= group for group in groups), members
    pairs = [[claims[c] for c in pair["claims"]] for pair in data["not_conflicts"]]
    # attack against death, and planned against actual arrival, are both there
    assert any({c["property"] for c in pair} == {"attacked", "died"} for pair in pairs)
    assert any(
        any(c.get("planned") for c in pair) and not all(c.get("planned") for c in pair)
        for pair in pairs
    )
