"""The README as a test: every shell line of its ```sh blocks, run top to
bottom in one scratch directory against a freshly built demo registry,
exits 0.

Lines that need a server (`make`, `looseleaf serve`, `curl`, `TOKEN=...`)
are left out. The files a user brings (`card.pdf`, `authority.json`) are
made first; `../shared/seeds` is the project's shared folder. `looseleaf`
lines run in-process through `looseleaf.cli.run` (a new interpreter per line
would cost two seconds each), with the little shell they use done here:
quotes, `*` naming files, `> file`, and a password line on standard input.
Anything else a line might use goes to bash instead.
"""

from __future__ import annotations

import glob
import io
import json
import os
import re
import shlex
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from pathlib import Path

import pytest
from fpdf import FPDF

from looseleaf.cli import run
from looseleaf.demo.typewriter import tiff, typed_page
from tests.conftest import REPO

pytestmark = pytest.mark.seeds

README = REPO / "README.md"
#: Lines that need a running server or are not looseleaf's to run here.
SKIPPED = ("make ", "looseleaf serve", "curl ", "TOKEN=")
#: What `--password-stdin` reads.
PASSWORD = "a-long-enough-passphrase"
#: Shell syntax the in-process runner does not do (such lines go to bash).
SHELL_ONLY = re.compile(r"[|&;<`$(){}]")
BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Line:
    number: int  # the README line it starts on
    command: str  # continuations joined, comment dropped


def readme_lines(text: str) -> list[Line]:
    """The shell lines of the ```sh blocks, in README order (skipped ones left out)."""
    found: list[Line] = []
    in_block, pending, start = False, "", 0
    for number, raw in enumerate(text.splitlines(), start=1):
        if not in_block:
            in_block = raw.strip() == "```sh"
            continue
        if raw.strip().startswith("```"):
            assert not pending, f"README.md:{start}: a continuation runs off its block"
            in_block = False
            continue
        if not pending:
            start = number
        if raw.rstrip().endswith("\\"):
            pending += raw.rstrip()[:-1].strip() + " "
            continue
        command = _without_comment(pending + raw.lstrip(), start).strip()
        pending = ""
        if command and not command.startswith(SKIPPED):
            found.append(Line(start, command))
    assert not in_block, "README.md: a ```sh block is never closed"
    return found


def _without_comment(line: str, number: int) -> str:
    """The line up to a `#` that starts a word outside quotes; such a comment
    stands at least two spaces from the command."""
    quote = ""
    for at, char in enumerate(line):
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"":
            quote = char
        elif char == "#" and (at == 0 or line[at - 1].isspace()):
            command = line[:at]
            assert not command.strip() or command.endswith("  "), (
                f"README.md:{number}: put two spaces before the comment: {line.strip()!r}"
            )
            return command
    return line


def test_the_parser_joins_continuations_and_drops_comments() -> None:
    text = "\n".join(
        [
            "```sh",
            "make demo",
            "looseleaf a 'b # c' \\",
            '    --d "e"  # a comment',
            "# a whole-line comment",
            "looseleaf f#g",
            "```",
            "looseleaf outside a block",
        ]
    )
    assert readme_lines(text) == [
        Line(3, "looseleaf a 'b # c' --d \"e\""),
        Line(6, "looseleaf f#g"),
    ]


def _card(path: Path) -> None:
    """A one-page PDF with text, as a scanned card arrives."""
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(
        0,
        6,
        "HARBOUR OFFICE GALATI - SEAMAN'S CARD, SECOND COPY\n\n"
        "Boatswain Grigorii Loupou of the Danube Steam Navigation, card no. 4471,\n"
        "renewed at Galati on 2 April 1949. He was born at Braila in 1921.",
    )
    pdf.output(str(path))


#: An authority file as `looseleaf person import` reads it.
AUTHORITY = [
    {
        "preferred": "Felix Dzerzhinsky",
        "kind": "person",
        "living": False,
        "forms": [{"form": "Dzerzhinsky", "type": "surname_only"}],
        "level": "SECRET",
    },
    {
        "preferred": "Nikolai Yezhov",
        "living": False,
        "forms": [
            {"form": "Yezhov", "type": "surname_only"},
            {"form": "Tezhov", "type": "misspelling"},
        ],
        "level": "SECRET",
    },
    {
        "preferred": "Nikolai Jeschow",
        "living": False,
        "forms": [{"form": "Jeschow", "type": "surname_only"}],
        "level": "SECRET",
    },
]


def _in_process(command: str) -> tuple[int, str] | None:
    """Run a `looseleaf` line through `looseleaf.cli.run`: its exit code and
    stderr, or None when the line needs a real shell."""
    words = shlex.split(command)
    if words[0] != "looseleaf" or SHELL_ONLY.search(command):
        return None
    target: str | None = None
    if ">" in words:
        at = words.index(">")
        if at + 2 != len(words):
            return None
        target, words = words[at + 1], words[:at]
    args = [
        match
        for word in words[1:]
        for match in (sorted(glob.glob(word)) if glob.has_magic(word) else []) or [word]
    ]
    stdout, stderr = io.StringIO(), io.StringIO()
    stdin, sys.stdin = sys.stdin, io.StringIO(PASSWORD + "\n")
    try:
        with redirect_stdout(stdout), redirect_stderr(stderr):
            code = run(args)
    finally:
        sys.stdin = stdin
    if target is not None:
        Path(target).write_text(stdout.getvalue(), encoding="utf-8")
    return code, stderr.getvalue()


def _in_bash(command: str, registry: Path) -> tuple[int, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOOSELEAF_")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    env["LOOSELEAF_REGISTRY"] = str(registry)
    done = subprocess.run(
        ["bash", "-c", command],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        env=env,
        cwd=Path.cwd(),
        timeout=300,
        check=False,
    )
    return done.returncode, done.stderr


#: The README's scan of your own: a telegram typed in Russian (invented).
TELEGRAM = "ТЕЛЕГРАММА. ГАЛАЦ, 2 АПРЕЛЯ 1951 ГОДА.\nМатрос Лупу сошёл на берег в Вене."


def test_every_readme_shell_line_exits_0_on_the_demo(
    seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = readme_lines(README.read_text(encoding="utf-8"))
    commands = [line.command for line in lines]
    # A parser that lost lines would make this test pass on nothing.
    assert len(lines) >= 50, f"only {len(lines)} README lines found"
    assert any(c.startswith("looseleaf ingest card.pdf") and "--grade B2" in c for c in commands)
    assert "looseleaf audit verify --json" in commands

    for name in list(os.environ):
        if name.startswith("LOOSELEAF_"):
            monkeypatch.delenv(name)
    registry = tmp_path / "demo" / "looseleaf.db"
    registry.parent.mkdir()
    built = io.StringIO()
    with redirect_stdout(built), redirect_stderr(built):
        code = run(["--registry", str(registry), "demo", "--fresh", "--no-serve"])
    assert code == 0, built.getvalue()
    monkeypatch.setenv("LOOSELEAF_REGISTRY", str(registry))

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    (tmp_path / "shared").symlink_to(seeds.parent, target_is_directory=True)
    _card(scratch / "card.pdf")
    (scratch / "authority.json").write_text(json.dumps(AUTHORITY), encoding="utf-8")
    (scratch / "telegram.tif").write_bytes(tiff([typed_page(TELEGRAM, seed=5)]))
    monkeypatch.chdir(scratch)

    for line in lines:
        done = _in_process(line.command)
        code, stderr = done if done is not None else _in_bash(line.command, registry)
        assert code == 0, f"README.md:{line.number}: `{line.command}` exited {code}: {stderr}"
