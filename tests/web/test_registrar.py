"""The registrar's pages of the reading room (issue 7): taking files in with
an upload, marking and withdrawing leaves, and curating the card index, all
through the `Registry` facade, on the demo registry (BRIEF.md §8).

clerk is the demo's registrar; petrov, a plain reader, meets the facade's 403
on every page and every change, and a change without the form's CSRF value
is refused before anything happens.
"""

from __future__ import annotations

import html
import re
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient

from looseleaf import demo as sample
from looseleaf.errors import NotFound
from looseleaf.model import Actor, Marking
from looseleaf.registry import Registry
from looseleaf.settings import Settings
from looseleaf.web.app import create_app
from looseleaf.web.room.registrar import safe_name
from tests.conftest import OPERATOR
from tests.web.conftest import serving

if TYPE_CHECKING:
    from playwright.sync_api import Browser, BrowserContext

BASE_URL = "https://testserver"
CREW_LISTS = "Danube Steam Navigation - crew lists"
NEW_DOSSIER = "MORARU, Ion - lighterman, Galati"
GALATI = (
    b"Report from Galati, April 1951.\n\n"
    b"Grigore Lupu, alias Moraru, was seen on the quay at dawn. The master said "
    b"that Lupu, known as Lupescu, had left the ship before it sailed.\n"
)
JUNK = bytes(range(256)) * 4


@dataclass(frozen=True)
class Room:
    registry: Registry
    client: TestClient
    story: sample.Story

    def reader(self, name: str) -> Actor:
        return self.registry.as_reader(name, via=OPERATOR)


@pytest.fixture
def room(registry_url: str, tmp_path: Path) -> Iterator[Room]:
    workdir = tmp_path / "demo"
    workdir.mkdir()
    with Registry.init(Settings(registry=registry_url), OPERATOR) as registry:
        sample.build(registry, OPERATOR, workdir)
        story = sample.stage(registry, OPERATOR, workdir)
        with TestClient(create_app(registry), base_url=BASE_URL) as client:
            yield Room(registry, client, story)


@pytest.fixture
def uploads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder uploads are saved in, to see that none is left."""
    folder = tmp_path / "uploads"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def enter(room: Room, name: str) -> None:
    """Log in (the session cookie), as the reading room's login would."""
    room.client.cookies.clear()
    response = room.client.post("/api/session", json={"username": name, "password": f"{name}-demo"})
    assert response.status_code == 200, response.text


def csrf_from(room: Room, path: str = "/") -> str:
    """The CSRF value a page puts in its forms (its cookie comes with the page)."""
    response = room.client.get(path)
    assert response.status_code == 200, response.text
    found = re.search(r'name="csrf" value="([^"]+)"', response.text)
    assert found is not None
    return found.group(1)


def upload(room: Room, files: list[tuple[str, bytes]], csrf: str | None, **fields: str) -> Any:
    data = {"dossier": NEW_DOSSIER, "level": "UNCLASSIFIED", **fields}
    if csrf is not None:
        data["csrf"] = csrf
    return room.client.post(
        "/registrar/ingest",
        data=data,
        files=[("files", (name, content, "application/octet-stream")) for name, content in files],
    )


def post(room: Room, path: str, csrf: str | None, **fields: str) -> Any:
    data = dict(fields) if csrf is None else {"csrf": csrf, **fields}
    return room.client.post(path, data=data, follow_redirects=False)


def titles(room: Room, actor: Actor) -> dict[str, int]:
    return {d.title: d.id for d in room.registry.dossiers(actor)}


def crew_leaf(room: Room) -> int:
    _, reports = room.registry.dossier(OPERATOR, CREW_LISTS)
    return reports[0].leaves[0].id


def events(room: Room, target: str | None = None) -> list[Any]:
    return room.registry.event_log(OPERATOR, target=target)


# -- the desk ------------------------------------------------------------------------


def test_the_desk_links_every_registrar_page_and_counts_waiting_suggestions(
    room: Room, uploads: Path
) -> None:
    enter(room, "clerk")
    desk = room.client.get("/registrar")
    assert desk.status_code == 200
    for target in ("/registrar/ingest", "/registrar/marking", "/registrar/cardindex"):
        assert f'href="{target}"' in desk.text
    assert "No suggestions waiting" in desk.text
    assert 'href="/registrar"' in room.client.get("/").text  # the bar links the desk

    upload(room, [("galati.txt", GALATI)], csrf_from(room, "/registrar/ingest"))
    after = room.client.get("/registrar").text
    assert "<strong>2</strong> suggestions waiting" in after
    proposed = [s for s in room.registry.suggestions(room.reader("clerk")) if s.kind == "record"]
    assert f"<strong>{len(proposed)}</strong> records proposed from the holdings" in after


# -- taking files in ---------------------------------------------------------------------


def test_an_upload_takes_a_text_in_and_refuses_junk_with_its_reason_leaving_nothing(
    room: Room, uploads: Path
) -> None:
    enter(room, "clerk")
    form = room.client.get("/registrar/ingest")
    assert form.status_code == 200
    assert 'enctype="multipart/form-data"' in form.text
    assert 'type="file" name="files" multiple' in form.text
    assert '<script src="/static/registrar.js" defer></script>' in form.text
    assert "<progress" in form.text
    assert f'data-max-bytes="{room.registry.settings.max_report_bytes}"' in form.text
    before = len(events(room))

    answer = upload(
        room,
        [("galati.txt", GALATI), ("junk.txt", JUNK)],
        csrf_from(room, "/registrar/ingest"),
        source_title="Station report, Galati",
        source_author="Harbour police",
        source_date="1951-04-02",
        grade="b2",
    )
    assert answer.status_code == 200, answer.text
    rows = dict(re.findall(r"<tr class=\"filed-(\w+)\">\s*<td>([^<]+)</td>", answer.text))
    assert rows == {"ingested": "galati.txt", "error": "junk.txt"}
    assert "junk.txt: binary data, not a text document" in answer.text
    assert str(uploads) not in answer.text  # the reason names the file, not where it was kept
    assert list(uploads.iterdir()) == []  # no temporary file is left behind

    clerk = room.reader("clerk")
    dossier_id = titles(room, clerk)[NEW_DOSSIER]
    assert f'href="/dossiers/{dossier_id}"' in answer.text
    shown = room.client.get(f"/dossiers/{dossier_id}")
    assert shown.status_code == 200
    assert "MORARU, Ion" in shown.text
    assert NEW_DOSSIER in room.client.get("/").text

    found, reports = room.registry.dossier(OPERATOR, str(dossier_id))
    assert found.marking == Marking("UNCLASSIFIED")
    [report] = reports  # the junk left no report behind
    assert report.source.title == "Station report, Galati"
    assert (report.source.author, report.source.grade) == ("Harbour police", "B2")
    assert [str(leaf.marking) for leaf in report.leaves] == ["UNCLASSIFIED"]
    assert "alias Moraru" in room.registry.read(clerk, report.leaves[0].id).original
    recorded = [e.action for e in events(room)[before:]]
    assert recorded.count("report.ingest") == 1
    assert recorded.count("report.refuse") == 1

    again = upload(room, [("galati.txt", GALATI)], csrf_from(room, "/registrar/ingest"))
    assert '<tr class="filed-duplicate">' in again.text
    assert "duplicate: already in; skipped" in again.text
    assert len(room.registry.dossier(OPERATOR, str(dossier_id))[1]) == 1


def test_uploaded_names_are_kept_but_made_harmless(room: Room, uploads: Path) -> None:
    enter(room, "clerk")
    answer = upload(
        room,
        [("../../etc/note.txt", b"First copy of the note.\n"), ("note.txt", b"Second note.\n")],
        csrf_from(room, "/registrar/ingest"),
    )
    assert answer.status_code == 200
    assert answer.text.count('<tr class="filed-ingested">\n      <td>note.txt</td>') == 2
    _, reports = room.registry.dossier(OPERATOR, NEW_DOSSIER)
    assert [r.source.title for r in reports] == ["note.txt", "note.txt"]
    assert list(uploads.iterdir()) == []

    assert safe_name("../../etc/passwd") == "passwd"
    assert safe_name("C:\\Users\\clerk\\report.md") == "report.md"
    assert safe_name(".hidden.txt") == "hidden.txt"
    assert safe_name("..") == "upload"
    assert safe_name("Орлов-Брандт донесение.txt") == "Орлов-Брандт донесение.txt"
    assert safe_name('a<b>"c\x00.txt') == "a_b_c_.txt"
    long = safe_name("x" * 300 + ".pdf")
    assert len(long) == 120
    assert long.endswith(".pdf")


def test_an_upload_over_the_limit_is_refused_before_it_is_taken_in(
    room: Room, uploads: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    enter(room, "clerk")
    small = replace(room.registry.settings, max_report_bytes=1000)
    monkeypatch.setattr(room.registry, "settings", small)
    assert 'data-max-bytes="1000"' in room.client.get("/registrar/ingest").text
    answer = upload(
        room, [("big.txt", b"A line of text.\n" * 10_000)], csrf_from(room, "/registrar/ingest")
    )
    assert answer.status_code == 413
    assert "over the 1,000-byte limit" in answer.text

    csrf = csrf_from(room, "/registrar/ingest").encode()

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        yield b'--b\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n' + csrf + b"\r\n"
        yield b'--b\r\nContent-Disposition: form-data; name="files"; filename="big.txt"\r\n\r\n'
        for _ in range(100):
            yield b"A line of text.\n" * 1000

    streamed = room.client.post(
        "/registrar/ingest",
        content=chunks(),
        headers={"content-type": "multipart/form-data; boundary=b"},
    )
    assert "content-length" not in streamed.request.headers
    assert streamed.status_code == 413
    assert "over the 1,000-byte limit" in streamed.text

    # Within the allowance for one upload, but over the limit for one report.
    one = upload(
        room, [("long.txt", b"A line of text.\n" * 200)], csrf_from(room, "/registrar/ingest")
    )
    assert one.status_code == 200
    assert "long.txt: 3,200 bytes is over the 1,000-byte limit" in one.text
    assert NEW_DOSSIER not in titles(room, OPERATOR)
    assert list(uploads.iterdir()) == []


def test_an_upload_needs_files_and_a_dossier_title(room: Room, uploads: Path) -> None:
    enter(room, "clerk")
    csrf = csrf_from(room, "/registrar/ingest")
    none = upload(room, [], csrf)
    assert none.status_code == 400
    assert "choose one or more files" in none.text
    untitled = upload(room, [("galati.txt", GALATI)], csrf, dossier=" ")
    assert untitled.status_code == 400
    assert "a dossier needs a title" in untitled.text
    bad_grade = upload(room, [("galati.txt", GALATI)], csrf, grade="Z9")
    assert bad_grade.status_code == 400
    assert "Admiralty scale" in bad_grade.text
    assert NEW_DOSSIER not in titles(room, OPERATOR)
    assert list(uploads.iterdir()) == []


# -- marking and withdrawal -----------------------------------------------------------------


def test_re_marking_a_leaf_is_on_the_audit_log_and_counts_at_once(room: Room) -> None:
    enter(room, "clerk")
    leaf_id = crew_leaf(room)
    auditor = room.reader("auditor")  # cleared CONFIDENTIAL, no compartments
    room.registry.read(auditor, leaf_id)

    page = room.client.get("/registrar/marking")
    assert page.status_code == 200
    assert 'action="/registrar/mark"' in page.text
    assert 'action="/registrar/withdraw"' in page.text
    answer = post(
        room,
        "/registrar/mark",
        csrf_from(room, "/registrar/marking"),
        leaves=str(leaf_id),
        level="SECRET",  # the clerk's own level: a registrar marks within their clearance
        compartments="",
        reason="names a crew member under another name",
    )
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/registrar/marking?done=marked&id=1")
    shown = room.client.get(answer.headers["location"])
    assert "Leaves re-marked: 1;" in shown.text

    assert room.registry.leaf(OPERATOR, leaf_id).marking == Marking("SECRET")
    [event] = [e for e in events(room, f"leaf:{leaf_id}") if e.action == "leaf.mark"]
    assert event.actor == "reader:clerk"
    assert event.detail["reason"] == "names a crew member under another name"
    assert event.detail["from"]["level"] == "RESTRICTED"
    assert event.detail["to"] == {"level": "SECRET", "compartments": []}
    assert event.detail["compartments"] == "kept"
    with pytest.raises(NotFound):
        room.registry.read(auditor, leaf_id)  # cleared CONFIDENTIAL only: gone at once

    # Above the clerk's own clearance: refused with the reason, nothing changed.
    above = post(
        room,
        "/registrar/mark",
        csrf_from(room, "/registrar/marking"),
        leaves=str(leaf_id),
        level="TOP SECRET",
        reason="raise it",
    )
    assert above.status_code == 403
    assert "a registrar marks only within their own clearance" in above.text
    assert room.registry.leaf(OPERATOR, leaf_id).marking == Marking("SECRET")


def test_re_marking_every_leaf_of_a_report_and_a_dossier_title(room: Room) -> None:
    enter(room, "clerk")
    _, reports = room.registry.dossier(OPERATOR, CREW_LISTS)
    report = reports[0]
    csrf = csrf_from(room, "/registrar/marking")
    answer = post(
        room,
        "/registrar/mark",
        csrf,
        report=str(report.id),
        level="UNCLASSIFIED",
        reason="crew lists are open",
    )
    assert answer.status_code == 303
    assert f"id={len(report.leaves)}" in answer.headers["location"]
    _, after = room.registry.dossier(OPERATOR, CREW_LISTS)
    assert {str(leaf.marking) for leaf in after[0].leaves} == {"UNCLASSIFIED"}

    titled = post(
        room,
        "/registrar/mark-dossier",
        csrf,
        dossier=CREW_LISTS,
        level="CONFIDENTIAL",
        reason="its existence is not public",
    )
    assert titled.status_code == 303
    assert "title re-marked" in room.client.get(titled.headers["location"]).text
    dossier, _ = room.registry.dossier(OPERATOR, CREW_LISTS)
    assert dossier.marking == Marking("CONFIDENTIAL")
    assert "dossier.mark" in [e.action for e in events(room, f"dossier:{dossier.id}")]

    typo = post(room, "/registrar/mark", csrf, leaves="12 x4", level="SECRET", reason="r")
    assert typo.status_code == 400
    assert "leaf 'x4': give a number" in html.unescape(typo.text)


def test_withdrawing_a_leaf_needs_a_reason(room: Room) -> None:
    enter(room, "clerk")
    leaf_id = crew_leaf(room)
    csrf = csrf_from(room, "/registrar/marking")
    refused = post(room, "/registrar/withdraw", csrf, leaf=str(leaf_id), reason="  ")
    assert refused.status_code == 400
    assert "a stated reason is required" in refused.text
    room.registry.read(room.reader("petrov"), leaf_id)  # still there

    answer = post(room, "/registrar/withdraw", csrf, leaf=str(leaf_id), reason="court order")
    assert answer.status_code == 303
    assert f"Leaf {leaf_id} withdrawn" in room.client.get(answer.headers["location"]).text
    with pytest.raises(NotFound):
        room.registry.read(room.reader("petrov"), leaf_id)
    [event] = [e for e in events(room, f"leaf:{leaf_id}") if e.action == "leaf.withdraw"]
    assert event.detail["reason"] == "court order"


# -- the card index -----------------------------------------------------------------------


def test_suggestions_from_an_upload_are_accepted_and_rejected(room: Room, uploads: Path) -> None:
    enter(room, "clerk")
    upload(room, [("galati.txt", GALATI)], csrf_from(room, "/registrar/ingest"))
    clerk = room.reader("clerk")
    pending = {s.form: s for s in room.registry.suggestions(clerk) if s.kind != "record"}
    assert set(pending) == {"Moraru", "Lupescu"}
    proposed = [s for s in room.registry.suggestions(clerk) if s.kind == "record"]
    lupu = pending["Moraru"].person_id
    assert lupu is not None

    page = room.client.get("/registrar/cardindex")
    assert page.status_code == 200
    for suggestion in pending.values():
        assert f'action="/registrar/suggestions/{suggestion.id}"' in page.text
    assert "“Moraru” is an alias of record" in page.text
    assert 'name="accept" value="1"' in page.text
    assert 'name="accept" value="0"' in page.text

    csrf = csrf_from(room, "/registrar/cardindex")
    accepted = post(room, f"/registrar/suggestions/{pending['Moraru'].id}", csrf, accept="1")
    assert accepted.status_code == 303
    assert (
        f"Suggestion {pending['Moraru'].id} accepted."
        in room.client.get(accepted.headers["location"]).text
    )
    rejected = post(room, f"/registrar/suggestions/{pending['Lupescu'].id}", csrf, accept="0")
    assert rejected.status_code == 303
    assert "it will not be made again" in room.client.get(rejected.headers["location"]).text

    assert room.registry.suggestions(clerk) == proposed  # the records proposed still wait
    forms = {f.form for f in room.registry.person(OPERATOR, lupu).forms}
    assert "Moraru" in forms
    assert "Lupescu" not in forms
    curation = room.client.get("/registrar/cardindex").text
    assert f'action="/registrar/suggestions/{pending["Moraru"].id}"' not in curation
    for record in proposed:
        assert f'action="/registrar/suggestions/{record.id}"' in curation
        assert f"a new record “{record.form}”" in curation
    actions = [e.action for e in events(room, f"person:{lupu}")]
    assert "person.suggestion.accept" in actions
    assert "person.suggestion.reject" in actions

    again = post(room, f"/registrar/suggestions/{pending['Moraru'].id}", csrf, accept="1")
    assert again.status_code == 404  # decided already


def test_records_are_added_found_given_forms_and_merged(room: Room) -> None:
    enter(room, "clerk")
    csrf = csrf_from(room, "/registrar/cardindex")
    added = post(
        room,
        "/registrar/persons",
        csrf,
        preferred="Grigori Loupou",
        kind="person",
        level="CONFIDENTIAL",
        note="a seaman in the Sulina crew list",
    )
    assert added.status_code == 303
    other = int(re.findall(r"id=(\d+)", added.headers["location"])[0])
    record = room.registry.person(OPERATOR, other)
    assert (record.preferred, record.living, str(record.marking)) == (
        "Grigori Loupou",
        False,
        "CONFIDENTIAL",
    )  # the box was not ticked

    with_form = post(
        room, "/registrar/forms", csrf, person=str(other), form="Loupou", type="surname_only"
    )
    assert with_form.status_code == 303
    assert {(f.form, f.type) for f in room.registry.person(OPERATOR, other).forms} >= {
        ("Loupou", "surname_only")
    }

    found = room.client.get("/registrar/cardindex", params={"q": "Grigore Lupu"})
    keep = room.registry.person_search(OPERATOR, "Grigore Lupu")[0].person_id
    assert f'href="/persons/{keep}"' in found.text

    merged = post(
        room,
        "/registrar/merge",
        csrf,
        keep=str(keep),
        other=str(other),
        reason="the same seaman: Romanian and French spellings",
    )
    assert merged.status_code == 303, merged.text[-600:]
    assert (
        f"Record {other} merged into record {keep}."
        in room.client.get(merged.headers["location"]).text
    )
    forms = {f.form for f in room.registry.person(OPERATOR, keep).forms}
    assert {"Grigore Lupu", "Grigori Loupou", "Loupou"} <= forms
    [event] = [e for e in events(room, f"person:{keep}") if e.action == "person.merge"]
    assert event.detail["merged"] == other
    assert event.detail["reason"] == "the same seaman: Romanian and French spellings"

    itself = post(room, "/registrar/merge", csrf, keep=str(keep), other=str(keep), reason="x")
    assert itself.status_code == 400
    third = post(
        room, "/registrar/persons", csrf, preferred="Ion Moraru", kind="person", level="SECRET"
    )
    assert third.status_code == 303
    unmerged = int(re.findall(r"id=(\d+)", third.headers["location"])[0])
    no_reason = post(room, "/registrar/merge", csrf, keep=str(keep), other=str(unmerged), reason="")
    assert no_reason.status_code == 400
    assert room.registry.person(OPERATOR, unmerged).preferred == "Ion Moraru"  # not merged
    assert "Ion Moraru" not in {f.form for f in room.registry.person(OPERATOR, keep).forms}


def test_a_form_is_rejected_and_a_record_split(room: Room) -> None:
    enter(room, "clerk")
    csrf = csrf_from(room, "/registrar/cardindex")
    keep = room.registry.person_search(OPERATOR, "Grigore Lupu")[0].person_id
    post(room, "/registrar/forms", csrf, person=str(keep), form="Gheorghe Lupu", type="spelling")
    post(room, "/registrar/forms", csrf, person=str(keep), form="Lupu senior", type="nickname")

    rejected = post(
        room,
        "/registrar/forms/reject",
        csrf,
        person=str(keep),
        form="Lupu senior",
        reason="his father",
    )
    assert rejected.status_code == 303
    confirmed = {f.form for f in room.registry.person(OPERATOR, keep).forms}
    assert "Lupu senior" not in confirmed

    split = post(
        room,
        "/registrar/split",
        csrf,
        person=str(keep),
        forms="Gheorghe Lupu\n",
        preferred="Gheorghe Lupu",
        reason="a cousin, not the seaman",
    )
    assert split.status_code == 303
    new = int(re.findall(r"id=(\d+)", split.headers["location"])[0])
    assert {f.form for f in room.registry.person(OPERATOR, new).forms} == {"Gheorghe Lupu"}
    assert "Gheorghe Lupu" not in {f.form for f in room.registry.person(OPERATOR, keep).forms}


# -- who may -------------------------------------------------------------------------------

PAGES = ["/registrar", "/registrar/ingest", "/registrar/marking", "/registrar/cardindex"]
CHANGES: list[tuple[str, dict[str, str]]] = [
    ("/registrar/mark", {"leaves": "1", "level": "TOP SECRET", "reason": "mine now"}),
    ("/registrar/mark-dossier", {"dossier": "1", "level": "UNCLASSIFIED", "reason": "x"}),
    ("/registrar/withdraw", {"leaf": "1", "reason": "x"}),
    ("/registrar/suggestions/1", {"accept": "1"}),
    ("/registrar/merge", {"keep": "1", "other": "2", "reason": "x"}),
    ("/registrar/forms", {"person": "1", "form": "Trotsky"}),
    ("/registrar/forms/reject", {"person": "1", "form": "Orlov-Brandt", "reason": "x"}),
    ("/registrar/persons", {"preferred": "Leon Trotsky"}),
    ("/registrar/split", {"person": "1", "forms": "FALKE", "reason": "x"}),
]


def test_a_plain_reader_is_refused_every_page_and_change(room: Room, uploads: Path) -> None:
    enter(room, "petrov")
    assert 'href="/registrar"' not in room.client.get("/").text
    for path in PAGES:
        answer = room.client.get(path)
        assert answer.status_code == 403, path
        assert "not permitted" in answer.text
    csrf = csrf_from(room)
    before = len(events(room))
    for path, fields in CHANGES:
        answer = post(room, path, csrf, **fields)
        assert answer.status_code == 403, (path, answer.text)
        assert "not permitted" in answer.text
    refused = upload(room, [("galati.txt", GALATI)], csrf)
    assert refused.status_code == 403
    assert "report.ingest: not permitted" in refused.text

    assert NEW_DOSSIER not in titles(room, OPERATOR)
    assert list(uploads.iterdir()) == []
    recorded = [e.action for e in events(room)[before:]]
    assert len(recorded) == len(CHANGES) + 1  # every refusal is on the record, nothing else
    assert all(action.endswith(".denied") for action in recorded)
    assert "report.ingest.denied" in recorded


def test_a_change_without_the_forms_csrf_value_is_refused(room: Room, uploads: Path) -> None:
    enter(room, "clerk")
    leaf_id = crew_leaf(room)
    marking = room.registry.leaf(OPERATOR, leaf_id).marking
    csrf_from(room, "/registrar/marking")  # the cookie is set; the field is left out
    before = len(events(room))
    for csrf in (None, "not-the-value"):
        answer = post(
            room, "/registrar/mark", csrf, leaves=str(leaf_id), level="SECRET", reason="x"
        )
        assert answer.status_code == 403
        assert "CSRF" in answer.text
        sent = upload(room, [("galati.txt", GALATI)], csrf)
        assert sent.status_code == 403
        assert "CSRF" in sent.text
    assert room.registry.leaf(OPERATOR, leaf_id).marking == marking
    assert NEW_DOSSIER not in titles(room, OPERATOR)
    assert len(events(room)) == before
    assert list(uploads.iterdir()) == []


# -- the upload in a real browser ---------------------------------------------------------


#: Records, in the page's window (which outlives the page's body), every time the
#: upload's progress bar is shown and what it says; registrar.js shows it when sending.
WATCH_PROGRESS = """() => {
  window.progressSeen = [];
  const bar = document.querySelector("form[data-upload] progress");
  new MutationObserver(() => {
    if (!bar.hidden) window.progressSeen.push([bar.value, bar.max]);
  }).observe(bar, {attributes: true});
}"""


@pytest.mark.browser
def test_the_upload_shows_its_progress_in_a_browser_and_works_without_script(
    room: Room, uploads: Path, tmp_path: Path, browser: Browser
) -> None:
    """Debian's Chromium under the room's CSP: with script the form is sent by
    registrar.js (an XMLHttpRequest, the bar shown) and the answer replaces the
    page; without script the same form posts as a document and answers alike."""
    files = tmp_path / "files"
    files.mkdir()
    (files / "galati.txt").write_bytes(GALATI)
    (files / "junk.txt").write_bytes(JUNK)
    chosen = [files / "galati.txt", files / "junk.txt"]
    with serving(room.registry) as base:
        scripted = in_browser(browser.new_context(base_url=base), chosen, script=True)
        assert scripted.sent_as == "xhr"
        assert "ingested" in scripted.rows["galati.txt"]
        assert scripted.progress_shown
        assert scripted.url.endswith("/registrar/ingest")

        plain = in_browser(
            browser.new_context(base_url=base, java_script_enabled=False), chosen, script=False
        )
        assert plain.sent_as == "document"
        assert "duplicate: already in; skipped" in plain.rows["galati.txt"]
        assert not plain.progress_shown
        for seen in (scripted, plain):
            assert "binary data, not a text document" in seen.rows["junk.txt"]
            assert seen.problems == []
    _, reports = room.registry.dossier(OPERATOR, NEW_DOSSIER)
    assert [r.source.title for r in reports] == ["galati.txt"]
    assert list(uploads.iterdir()) == []


@dataclass
class Uploaded:
    sent_as: str
    rows: dict[str, str]
    progress_shown: bool
    url: str
    problems: list[str]


def in_browser(context: BrowserContext, chosen: list[Path], *, script: bool) -> Uploaded:
    """clerk logs in, uploads `chosen` to the new dossier, and reads the results."""
    page = context.new_page()
    page.set_default_timeout(30_000)
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on(
        "console",
        lambda m: (
            problems.append(m.text)
            if m.type == "error" and "Failed to load resource" not in m.text
            else None
        ),
    )
    page.on(  # a failed load says which, here (the browser's own /favicon.ico aside)
        "response",
        lambda r: (
            problems.append(f"{r.status} {r.url}")
            if r.status >= 400 and not r.url.endswith("/favicon.ico")
            else None
        ),
    )
    page.goto("/login?next=/registrar/ingest")
    page.get_by_label("Name").fill("clerk")
    page.get_by_label("Password").fill("clerk-demo")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/registrar/ingest")
    if script:
        page.evaluate(WATCH_PROGRESS)
    page.set_input_files('input[name="files"]', chosen)
    page.fill('input[name="dossier"]', NEW_DOSSIER)
    page.select_option('select[name="level"]', "UNCLASSIFIED")
    with page.expect_response(
        lambda r: r.url.endswith("/registrar/ingest") and r.request.method == "POST"
    ) as sent:
        page.get_by_role("button", name="Take in").click()
    page.locator("#results").wait_for()
    rows = {
        row.locator("td").first.inner_text(): row.inner_text()
        for row in page.locator("#results tbody tr").all()
    }
    shown = bool(page.evaluate("window.progressSeen.length > 0")) if script else False
    found = Uploaded(sent.value.request.resource_type, rows, shown, page.url, problems)
    context.close()
    return found
