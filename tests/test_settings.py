"""Settings precedence: flag > LOOSELEAF_* env > looseleaf.toml > default."""

from __future__ import annotations

from pathlib import Path

import pytest

from looseleaf.errors import BadInput
from looseleaf.settings import SETTINGS, Settings


def test_defaults() -> None:
    loaded = Settings.load(env={}, config=None)
    assert loaded == Settings()
    assert {s.name: s.default for s in SETTINGS} == Settings().__dict__


def test_precedence(tmp_path: Path) -> None:
    config = tmp_path / "looseleaf.toml"
    config.write_text(
        '[looseleaf]\nregistry = "file.db"\npassage_chars = 900\ndefault_level = "SECRET"\n'
    )
    env = {"LOOSELEAF_REGISTRY": "env.db", "LOOSELEAF_PASSAGE_CHARS": "800"}
    loaded = Settings.load(flags={"registry": "flag.db"}, env=env, config=config)
    assert (loaded.registry, loaded.passage_chars, loaded.default_level) == (
        "flag.db",
        800,
        "SECRET",
    )
    assert Settings.load(env=env, config=config).registry == "env.db"
    assert Settings.load(env={}, config=config).registry == "file.db"


def test_config_file_named_by_environment(tmp_path: Path) -> None:
    config = tmp_path / "elsewhere.toml"
    config.write_text("[looseleaf]\nmax_line_chars = 10\n")
    assert Settings.load(env={"LOOSELEAF_CONFIG": str(config)}).max_line_chars == 10


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[looseleaf]\ncolour = 1\n", "unknown setting 'colour'"),
        ("[looseleaf\n", "not valid TOML"),
        ("[looseleaf]\npassage_chars = 'many'\n", "expected a whole number"),
        ("[looseleaf]\npassage_chars = -5\n", "must be positive"),
    ],
)
def test_bad_configuration_is_named(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "looseleaf.toml"
    config.write_text(text)
    with pytest.raises(BadInput, match=message):
        Settings.load(env={}, config=config)
