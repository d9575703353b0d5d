"""Uploads to the reading room are read no further than the limit (issue 14):
a file sent to the registrar's desk is copied in chunks and no more than a
byte past the limit for one report is written, and a copy sent to be
verified is refused past it; nothing of either stays behind."""

from __future__ import annotations

import html
import re
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from looseleaf.registry import IngestResult, Registry
from tests.conftest import OPERATOR
from tests.web.conftest import Demo

LIMIT = 100_000
LINE = b"Orlov-Brandt was seen again on the quay at Galati.\n"


@pytest.fixture
def uploads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The temporary folder uploads are saved in, to see that none is left."""
    folder = tmp_path / "uploads"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _small_limit(registry: Registry, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "settings", replace(registry.settings, max_report_bytes=LIMIT))


def _enter(client: TestClient, name: str) -> None:
    client.cookies.clear()
    answer = client.post("/api/session", json={"username": name, "password": f"{name}-demo"})
    assert answer.status_code == 200, answer.text


def _csrf(client: TestClient, path: str) -> str:
    page = client.get(path)
    assert page.status_code == 200, page.text
    found = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert found is not None
    return found.group(1)


def test_an_upload_over_the_limit_is_copied_no_further_than_the_limit(
    demo: Demo, client: TestClient, uploads: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = demo.registry
    _small_limit(registry, monkeypatch)
    saved: list[tuple[int, int]] = []
    ingest = registry.ingest

    def spy(actor: Any, paths: list[Path], **choices: Any) -> list[IngestResult]:
        """What the desk saved for ingest: each file's size and the bytes on disk."""
        saved.extend((p.stat().st_size, p.stat().st_blocks * 512) for p in paths)
        return ingest(actor, paths, **choices)

    monkeypatch.setattr(registry, "ingest", spy)
    _enter(client, "clerk")
    big = LINE * (150_000 // len(LINE))  # within the allowance for one upload
    small = LINE * 10
    answer = client.post(
        "/registrar/ingest",
        data={
            "dossier": "Uploads",
            "level": "UNCLASSIFIED",
            "csrf": _csrf(client, "/registrar/ingest"),
        },
        files=[
            ("files", ("big.txt", big, "text/plain")),
            ("files", ("small.txt", small, "text/plain")),
        ],
    )
    assert answer.status_code == 200, answer.text
    assert f"big.txt: {len(big):,} bytes is over the {LIMIT:,}-byte limit" in answer.text
    [(big_size, big_disk), (small_size, _)] = saved
    assert big_size == len(big)  # what was sent, for the reason
    assert big_disk < LIMIT + 16 * 1024  # what was written: the limit, and no more
    assert small_size == len(small)
    _, [report] = registry.dossier(OPERATOR, "Uploads")  # the small file went in
    assert report.source.title == "small.txt"
    refusals = [e for e in registry.event_log(OPERATOR) if e.action == "report.refuse"]
    assert [e.detail["reason"].rsplit("/", 1)[-1] for e in refusals] == [
        f"big.txt: {len(big):,} bytes is over the {LIMIT:,}-byte limit"
    ]
    assert list(uploads.iterdir()) == []


def test_a_copy_to_verify_is_read_no_further_than_the_limit(
    demo: Demo, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = demo.registry
    _small_limit(registry, monkeypatch)
    _enter(client, "keeper")
    number = str(demo.story.copy.number)

    def verify(pdf: bytes) -> Any:
        return client.post(
            "/copies/verify",
            data={"number": number, "csrf": _csrf(client, "/copies")},
            files=[("pdf", ("copy.pdf", pdf, "application/pdf"))],
        )

    over = verify(b"%PDF-1.4\n" + b"x" * LIMIT)
    assert over.status_code == 400
    assert f"pdf 'copy.pdf': is over the {LIMIT:,}-byte limit" in html.unescape(over.text)
    under = verify(b"%PDF-1.4\n" + b"x" * 1000)
    assert under.status_code == 200, under.text
    checks = [e for e in registry.event_log(OPERATOR) if e.action == "copy.verify"]
    assert [e.detail["matches"] for e in checks] == [False]  # the refused one was not checked


@pytest.mark.parametrize("declared", [True, False])
def test_no_request_body_is_taken_past_the_limit(
    demo: Demo, client: TestClient, monkeypatch: pytest.MonkeyPatch, declared: bool
) -> None:
    """Whatever the route (here the API's copy check, which takes a raw PDF),
    a body over the limit is refused with 413, told by its length or counted."""
    _small_limit(demo.registry, monkeypatch)
    _, token, _ = demo.registry.create_token(OPERATOR, "keeper", days=1)
    body = b"%PDF-1.4\n" + b"0" * (LIMIT + 2 * 1024 * 1024)
    headers = {"Authorization": f"Bearer {token}", "content-type": "application/pdf"}

    def chunks() -> Any:
        for start in range(0, len(body), 65536):
            yield body[start : start + 65536]

    answer = client.post(
        f"/api/copies/{demo.story.copy.number}/verify",
        content=body if declared else chunks(),
        headers=headers,
    )
    assert answer.status_code == 413, answer.text
    assert f"over the {LIMIT:,}-byte limit" in answer.json()["error"]
