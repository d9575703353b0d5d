"""Settings as typed into the environment or a looseleaf.toml: any value of
any setting is taken or refused in one line naming the setting and the
value; so is any configuration file, whatever its bytes or its TOML; and a
whole number in range reads back as itself."""

from __future__ import annotations

import json
import math
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from looseleaf.errors import BadInput
from looseleaf.settings import SETTINGS, Setting, Settings
from tests.properties.typed import anything, one_line

NUMBERS = ("0", "1", "-1", "14", " 12 ", "1_000", "1e3", "0x10", "²", "١٢", "9" * 30, "3650")
WHOLE = [s for s in SETTINGS if s.type is int]


def load(env: dict[str, str], config: Path | None = None) -> Settings | BadInput:
    try:
        return Settings.load(env=env, config=config)
    except BadInput as error:
        return error


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
@given(value=anything(*NUMBERS, "full", "crash", "auto", "off", "./r.db", "postgresql://"))
def test_any_environment_value_is_taken_or_refused_naming_it(setting: Setting, value: str) -> None:
    found = load({setting.env: value})
    if isinstance(found, BadInput):
        message = one_line(found)
        assert message.startswith(f"setting {setting.name}={value!r}: ")
        return
    taken = getattr(found, setting.name)
    if setting.type is int:
        assert 1 <= taken <= setting.most
        assert taken == int(value)
    else:
        assert taken == value
        assert "\x00" not in taken


@pytest.mark.parametrize("setting", WHOLE, ids=lambda s: s.name)
@given(data=st.data())
def test_a_whole_number_in_range_reads_back_and_one_past_it_is_refused(
    setting: Setting, data: st.DataObject
) -> None:
    number = data.draw(st.integers(1, setting.most))
    loaded = Settings.load(env={setting.env: str(number)}, config=None)
    assert getattr(loaded, setting.name) == number
    for wrong in (0, -number, setting.most + 1):
        found = load({setting.env: str(wrong)})
        assert isinstance(found, BadInput)
        one_line(found)


#: What a TOML file can say a setting is: every kind of TOML value.
toml_values = st.one_of(
    st.integers(-(2**63), 2**63 - 1).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(
        lambda f: "nan" if math.isnan(f) else ("inf" if f > 0 else "-inf") if math.isinf(f)
        else repr(f)
    ),
    st.booleans().map(lambda b: "true" if b else "false"),
    anything("full", "./r.db").map(lambda s: json.dumps(s, ensure_ascii=False)),
    st.sampled_from(["[1, 2]", "[]", '{ a = 1 }', "1979-05-27", "07:32:00", "1979-05-27T07:32:00Z",
                     "'literal'", '"""multi\nline"""', "0x10", "1_000", "+5"]),
)  # fmt: skip
names = st.one_of(
    st.sampled_from([s.name for s in SETTINGS]), st.from_regex(r"[a-z_]{1,12}", fullmatch=True)
)


TABLES = ("[looseleaf]", "", "looseleaf = 1\n[other]", "[looseleaf.sub]", "looseleaf = 'x'\n#")


@settings(max_examples=200, deadline=None)
@given(table=st.sampled_from(TABLES), entries=st.lists(st.tuples(names, toml_values), max_size=4))
def test_any_toml_configuration_is_taken_or_refused_in_one_line(
    tmp_path_factory: pytest.TempPathFactory, table: str, entries: list[tuple[str, str]]
) -> None:
    path = tmp_path_factory.mktemp("config") / "looseleaf.toml"
    path.write_text(table + "\n" + "".join(f"{k} = {v}\n" for k, v in entries), encoding="utf-8")
    found = load({}, path)
    if isinstance(found, BadInput):
        one_line(found)
        return
    for setting in SETTINGS:
        value = getattr(found, setting.name)
        assert isinstance(value, setting.type)
        assert not isinstance(value, bool)


@settings(max_examples=200, deadline=None)
@given(data=st.one_of(st.binary(max_size=200), anything("[looseleaf]", "=", "\n", '"', "'")))
def test_any_bytes_as_a_configuration_file_are_taken_or_refused(
    tmp_path_factory: pytest.TempPathFactory, data: bytes | str
) -> None:
    path = tmp_path_factory.mktemp("config") / "looseleaf.toml"
    if isinstance(data, str):
        path.write_text(data, encoding="utf-8")
    else:
        path.write_bytes(data)
    found = load({}, path)
    if isinstance(found, BadInput):
        one_line(found)


@settings(max_examples=100, deadline=None)
@given(name=anything(".", "..", "/", "looseleaf.toml", "\x00", "a" * 300))
def test_any_configuration_file_name_is_read_or_refused(name: str) -> None:
    """`LOOSELEAF_CONFIG` names a file that may not be one: a directory, a
    name too long, a NUL, or nothing there."""
    name = name.replace("..", "__").lstrip("/")  # only ever within the test's own folder
    with tempfile.TemporaryDirectory() as directory:
        (Path(directory) / "looseleaf.toml").write_text("[looseleaf]\ngrant_days = 3\n")
        found = load({"LOOSELEAF_CONFIG": str(Path(directory) / name)})
    if isinstance(found, BadInput):
        one_line(found)
    else:
        assert found.grant_days in (3, Settings().grant_days)
