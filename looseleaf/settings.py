"""Every setting, once: name, type, default and help.

Precedence is flag > `LOOSELEAF_<NAME>` environment variable > the
`[looseleaf]` table of a TOML file (`LOOSELEAF_CONFIG`, else `./looseleaf.toml`
when present) > default. One table means one place to document, and a test
checks the README names each setting.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from looseleaf.errors import BadInput

#: The largest whole number a setting takes: any more does not fit the store's integers.
MOST = 2**62


@dataclass(frozen=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str
    #: The largest value a whole-number setting takes (spans of time are held
    #: to what a date can be moved by: grants and tokens to the API's ten years).
    most: int = MOST
    #: The words a string setting may be, where it is one of a few.
    choices: tuple[str, ...] = ()

    @property
    def env(self) -> str:
        return f"LOOSELEAF_{self.name.upper()}"


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "registry",
        str,
        "./looseleaf.db",
        "Registry URL: a SQLite file path, or postgresql://... for PostgreSQL.",
    ),
    Setting(
        "default_level",
        str,
        "",
        "Level given to ingested leaves when --level is not given; empty means the "
        "registry's highest level, so nothing is left under-marked by accident.",
    ),
    Setting(
        "passage_chars",
        int,
        3000,
        "Largest passage, in characters, when a text source has no page breaks.",
    ),
    Setting("max_report_bytes", int, 256 * 1024 * 1024, "Largest file ingest accepts."),
    Setting(
        "max_line_chars",
        int,
        1024 * 1024,
        "Longest line a text source may have; longer means it is not a document.",
    ),
    Setting(
        "grant_days",
        int,
        14,
        "How long a grant runs when the custodian gives no --days.",
        most=3650,
    ),
    Setting(
        "token_days",
        int,
        30,
        "How long an API token lives when created without --days.",
        most=3650,
    ),
    Setting("session_hours", int, 12, "How long a reading-room login lasts.", most=24 * 3650),
    Setting(
        "durability",
        str,
        "full",
        "full: every commit (a read's record included) is on disk before it returns and "
        "survives power loss; crash: it survives the process being killed, not power loss.",
    ),
    Setting(
        "signing_key",
        str,
        "",
        "Path of the Ed25519 key that signs checkpoints, kept outside the registry; empty "
        "means beside a SQLite file (<name>.key), or ~/.looseleaf/keys/ for PostgreSQL.",
    ),
    Setting(
        "checkpoint_every",
        int,
        256,
        "Sign a checkpoint of the audit log after this many new events (and at exit).",
    ),
    Setting(
        "alarm_window_minutes",
        int,
        10,
        "The curiosity alarm looks at a reader's reads over this many minutes.",
        most=60 * 24 * 3650,
    ),
    Setting(
        "alarm_bulk_reads",
        int,
        200,
        "Reads by one reader within the alarm window that raise a bulk-reading alarm.",
    ),
    Setting(
        "alarm_large_grant",
        int,
        10,
        "A slip granting at least this many leaves, all read within the alarm window, "
        "raises an alarm.",
    ),
    Setting(
        "login_max_failures",
        int,
        5,
        "Failed logins in a row that lock an account name for login_window_minutes.",
    ),
    Setting(
        "login_window_minutes",
        int,
        15,
        "How long failed logins count against a name, and how long it stays locked.",
        most=60 * 24 * 3650,
    ),
    Setting(
        "ner",
        str,
        "auto",
        "Name extraction at ingest: auto uses spaCy's small English model if it is installed "
        "(pip install 'looseleaf[ner]'), off uses only the card index and name patterns.",
    ),
    Setting(
        "proposals",
        str,
        "review",
        "Records proposed from the names found at ingest: review (proposed at once, visible "
        "and searchable to registrars, who decide), auto (proposals scoring 0.9 or more become "
        "records when the ingesting account may curate), off (only `person propose`).",
        choices=("review", "auto", "off"),
    ),
    Setting(
        "ocr_lang",
        str,
        "eng",
        "Languages scans are read in when ingest is not given --ocr-lang: Tesseract's codes "
        "joined by '+' (rus+deu+eng), each with its language pack installed.",
    ),
)


@dataclass(frozen=True)
class Settings:
    registry: str = "./looseleaf.db"
    default_level: str = ""
    passage_chars: int = 3000
    max_report_bytes: int = 256 * 1024 * 1024
    max_line_chars: int = 1024 * 1024
    grant_days: int = 14
    token_days: int = 30
    session_hours: int = 12
    durability: str = "full"
    signing_key: str = ""
    checkpoint_every: int = 256
    alarm_window_minutes: int = 10
    alarm_bulk_reads: int = 200
    alarm_large_grant: int = 10
    login_max_failures: int = 5
    login_window_minutes: int = 15
    ner: str = "auto"
    proposals: str = "review"
    ocr_lang: str = "eng"

    @classmethod
    def load(
        cls,
        flags: Mapping[str, Any] | None = None,
        env: Mapping[str, str] | None = None,
        config: Path | None = None,
    ) -> Settings:
        env = os.environ if env is None else env
        if config is None:
            named = env.get("LOOSELEAF_CONFIG")
            config = Path(named) if named else Path("looseleaf.toml")
            if not named and not config.exists():
                config = None
        from_file = _read_config(config) if config is not None else {}
        values: dict[str, Any] = {}
        for setting in SETTINGS:
            raw: Any = setting.default
            if setting.name in from_file:
                raw = from_file[setting.name]
            if setting.env in env:
                raw = env[setting.env]
            if flags and flags.get(setting.name) is not None:
                raw = flags[setting.name]
            values[setting.name] = _coerce(setting, raw)
        return cls(**values)


def _coerce(setting: Setting, raw: Any) -> Any:
    what = f"setting {setting.name}={raw!r}"
    if setting.type is int:
        # A TOML true is not 1, nor 2.5 two; inf and nan are no numbers at all.
        if isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
            raise BadInput(what, "expected a whole number")
        try:
            value = int(raw)
        except (TypeError, ValueError):
            raise BadInput(what, "expected a whole number") from None
        if value <= 0:
            raise BadInput(what, "must be positive")
        if value > setting.most:
            raise BadInput(what, f"at most {setting.most}")
        return value
    if not isinstance(raw, str):
        raise BadInput(what, "expected a string")
    if "\x00" in raw:  # no file name, URL or word has one
        raise BadInput(what, "contains a NUL character")
    if setting.choices and raw not in setting.choices:
        raise BadInput(what, f"use {', '.join(setting.choices)}")
    return raw


def _read_config(path: Path) -> dict[str, Any]:
    what = f"configuration file {str(path)!r}"
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        raise BadInput(what, "not found") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise BadInput(what, f"not valid TOML ({' '.join(str(exc).split())})") from None
    except OSError as exc:  # a directory, no permission
        raise BadInput(what, f"cannot be read ({exc.strerror or type(exc).__name__})") from None
    except ValueError:  # a NUL in the name
        raise BadInput(what, "not a file name") from None
    table = data.get("looseleaf", {})
    if not isinstance(table, dict):
        raise BadInput(what, "[looseleaf] must be a table")
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(table) - known)
    if unknown:
        raise BadInput(what, f"unknown setting {unknown[0]!r}")
    return dict(table)
