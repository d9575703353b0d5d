"""Run by test_crash.py in a child process: ingest and read without end,
printing each read only after its text came back, until killed."""

from __future__ import annotations

import sys
from itertools import count
from pathlib import Path

from looseleaf.model import Actor
from looseleaf.registry import MarkingRequest, Registry
from looseleaf.settings import Settings


def main(url: str, key: str, directory: str, durability: str) -> None:
    settings = Settings(registry=url, signing_key=key, checkpoint_every=7, durability=durability)
    operator = Actor.operator("worker")
    registry = Registry.open(settings)
    reader = registry.as_reader("petrov", via=operator)
    for n in count():
        path = Path(directory) / f"report-{n}.txt"
        path.write_text(f"Report {n}.\fSecond page of {n}.\fThird page of {n}.")
        [result] = registry.ingest(
            operator, [path], dossier=f"D{n % 3}", leaf_marking=MarkingRequest("SECRET")
        )
        _, reports = registry.dossier(operator, f"D{n % 3}")
        for leaf in reports[-1].leaves:
            text = registry.read(reader, leaf.id)
            sys.stdout.write(f"READ {leaf.id} {text.leaf.sha256}\n")
            sys.stdout.flush()
        del result


if __name__ == "__main__":
    main(*sys.argv[1:5])
