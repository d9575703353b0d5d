"""The README documents every command and every setting, and starts with the two commands."""

from __future__ import annotations

import typer

from looseleaf.cli import app
from looseleaf.settings import SETTINGS
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(group: typer.Typer, prefix: str = "") -> list[str]:
    found = [
        f"{prefix}{info.name or info.callback.__name__}".strip()
        for info in group.registered_commands
        if info.callback is not None
    ]
    for sub in group.registered_groups:
        assert sub.typer_instance is not None
        found += _commands(sub.typer_instance, f"{prefix}{sub.name} ")
    return found


def test_readme_starts_with_make_demo_then_make_test() -> None:
    commands = [line.strip() for line in README.splitlines() if line.strip().startswith("make ")]
    assert commands[:2] == ["make demo", "make test"]


def test_every_command_is_in_the_readme() -> None:
    commands = _commands(app)
    assert "dossier list" in commands
    missing = [c for c in commands if f"looseleaf {c}" not in README]
    assert missing == []


def test_every_setting_is_in_the_readme() -> None:
    missing = [s.env for s in SETTINGS if s.env not in README]
    assert missing == []
