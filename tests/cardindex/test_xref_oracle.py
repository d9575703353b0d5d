"""A cross-reference slip is no oracle for cover names (issue 13, observation
7; issue 15, Petrov's case): a slip names a cross-reference the reader is
shown on that leaf or any other name written on it, and a cover name gets
the very answer any word of the leaf gets (a pending slip with nothing said),
while a name the leaf does not write gets the answer a made-up word gets,
through the facade, the HTTP API and the command line.

The world is the one of tests/evidence/test_cover_names.py: Anton Ravelsky,
cover name "Lucien", has a dossier whose title the readers there may see; one
leaf of the minutes names only Lucien, another names Ravelsky.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from looseleaf.cli import run
from looseleaf.custody import xref
from looseleaf.errors import LooseleafError, NotFound
from looseleaf.registry import Registry
from looseleaf.web.app import create_app
from tests.conftest import OPERATOR
from tests.evidence.test_cover_names import BLIND, COVER, REAL, SIGHTED, World, build
from tests.web.conftest import BASE_URL, As

#: A word no card index, title or leaf here knows.
MADE_UP = "Quillborne"
PURPOSE = "who is this?"


@pytest.fixture
def world(registry: Registry, tmp_path: Path) -> World:
    return build(registry, tmp_path)


def _refusal(world: World, name: str, leaf_id: int, asked: str) -> LooseleafError:
    with pytest.raises(LooseleafError) as caught:
        world.registry.request_slip(world.actor(name), PURPOSE, xref_leaf=(leaf_id, asked))
    return caught.value


def _same_answer(cover: LooseleafError, made_up: LooseleafError) -> None:
    assert type(cover) is type(made_up) is NotFound
    assert str(cover) == str(made_up).replace(MADE_UP, COVER)


#: A word of the leaf that names only the cover name, naming nobody.
PLACE = "Lyon"


@pytest.mark.parametrize("name", BLIND)
def test_a_cover_name_is_answered_like_any_word_of_the_leaf(world: World, name: str) -> None:
    actor = world.actor(name)
    cover = world.registry.request_slip(actor, PURPOSE, xref_leaf=(world.cover_leaf, COVER))
    place = world.registry.request_slip(actor, PURPOSE, xref_leaf=(world.cover_leaf, PLACE))
    assert (cover.status, cover.scope_kind, cover.proposed) == ("pending", "xref", None)
    assert (place.status, place.scope_kind, place.proposed) == ("pending", "xref", None)
    # A name the leaf does not write is refused as a made-up word is.
    _same_answer(
        _refusal(world, name, world.plain_leaf, COVER),
        _refusal(world, name, world.plain_leaf, MADE_UP),
    )
    # On the leaf that names only the cover name, the reader is shown no
    # cross-reference.
    assert world.registry.xrefs(actor, world.cover_leaf) == []


@pytest.mark.parametrize("name", BLIND[:-1])
def test_a_cross_reference_the_reader_is_shown_is_accepted(world: World, name: str) -> None:
    actor = world.actor(name)
    [shown] = world.registry.xrefs(actor, world.plain_leaf)
    assert (shown.text, shown.dossier_id) == (REAL, world.target_dossier)
    for asked in (REAL, "Ravelsky", shown.dossier_title):
        slip = world.registry.request_slip(actor, PURPOSE, xref_leaf=(world.plain_leaf, asked))
        assert slip.status == "pending"


@pytest.mark.parametrize("name", SIGHTED)
def test_a_decoder_may_raise_a_slip_from_the_cover_name(world: World, name: str) -> None:
    actor = world.actor(name)
    [shown, *_] = world.registry.xrefs(actor, world.cover_leaf)
    assert (shown.text, shown.dossier_id) == (COVER, world.target_dossier)
    slip = world.registry.request_slip(actor, PURPOSE, xref_leaf=(world.cover_leaf, COVER))
    assert slip.status == "pending"


def test_every_accepted_name_is_shown_on_the_leaf_or_written_on_it(world: World) -> None:
    """No name outside what `xrefs` shows the reader, the titles they may
    see and the words of the leaf opens a slip: the card index's forms of
    every record are tried."""
    registry = world.registry
    record = registry.person(OPERATOR, world.person_id)
    tried = [form.form for form in record.forms] + [MADE_UP, "Lyon", "Geneva"]
    for name in BLIND[:-1]:
        actor = world.actor(name)
        for leaf_id in (world.cover_leaf, world.plain_leaf):
            text = registry.read(actor, leaf_id).normalised
            shown = {x.text.casefold() for x in registry.xrefs(actor, leaf_id)}
            shown |= {x.dossier_title.casefold() for x in registry.xrefs(actor, leaf_id)}
            for asked in tried:
                if asked.casefold() in shown or xref.mentions(text, [asked]):
                    registry.request_slip(actor, PURPOSE, xref_leaf=(leaf_id, asked))
                    continue
                with pytest.raises(NotFound) as refused:
                    registry.request_slip(actor, PURPOSE, xref_leaf=(leaf_id, asked))
                assert str(refused.value) == f"dossier {asked}: not found"


def test_the_http_api_answers_a_cover_name_as_a_made_up_word(world: World) -> None:
    registry = world.registry
    with TestClient(create_app(registry), base_url=BASE_URL) as client:

        def ask(reader: str, asked: str) -> tuple[int, object]:
            _, token, _ = registry.create_token(OPERATOR, reader, days=1, label="test")
            response = As(client, token).post(
                "/api/slips",
                json={"purpose": PURPOSE, "xref": {"leaf": world.cover_leaf, "name": asked}},
            )
            return response.status_code, response.json()

        cover, place = ask("reader", COVER), ask("reader", PLACE)
        assert cover[0] == place[0] == 201
        assert isinstance(cover[1], dict)
        assert isinstance(place[1], dict)
        assert {k: v for k, v in cover[1].items() if k not in ("id", "scope", "created_at")} == {
            k: v for k, v in place[1].items() if k not in ("id", "scope", "created_at")
        }
        assert ask("reader", MADE_UP) == (404, {"error": f"dossier {MADE_UP}: not found"})
        status, body = ask("decoder", COVER)
        assert status == 201
        assert isinstance(body, dict)
        assert body["status"] == "pending"


def test_the_command_line_answers_a_cover_name_as_a_made_up_word(
    world: World, registry_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    def ask(reader: str, asked: str) -> tuple[int, str, str]:
        code = run(
            [
                "--registry",
                registry_url,
                "slip",
                "request",
                "--as",
                reader,
                "--xref",
                f"{world.plain_leaf}:{asked}",  # a leaf that does not write the cover name
                "--purpose",
                PURPOSE,
            ]
        )
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    for asked in (COVER, MADE_UP):
        assert ask("reader", asked) == (2, "", f"looseleaf: error: dossier {asked}: not found\n")
    code, out, err = ask("decoder", COVER)
    assert (code, err) == (0, "")
    assert "pending" in out
