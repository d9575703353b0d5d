"""Helpers for the extractor's stage tests: a report read as ingest reads it."""

from __future__ import annotations

from looseleaf.cardindex.extract import unaided
from looseleaf.evidence.extract import Name
from looseleaf.evidence.extract.report import _Report
from looseleaf.ingest.normalise import normalise


def reading(text: str) -> _Report:
    """A report over the normalised text with the names the card index's
    patterns find, not yet read."""
    text = normalise(text)
    names = [Name(m.start, m.end, text[m.start : m.end], None) for m in unaided(text, model=False)]
    return _Report(text, names, None)


def hits(text: str) -> set[tuple[str, str, str, str | None]]:
    """What the whole pass finds: (subject, property, date, value)."""
    return {(h.subject.text, h.property, h.when.label, h.value) for h in reading(text).read()}
