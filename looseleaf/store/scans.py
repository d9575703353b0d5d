"""Page images and their OCR readings: the image never changes; a leaf read
again gets a new reading, the earlier ones kept in order."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from looseleaf.ingest import Scan
from looseleaf.ingest.scan import Reading, Word
from looseleaf.store.base import Tx


@dataclass(frozen=True)
class StoredImage:
    leaf_id: int
    media_type: str
    data: bytes
    sha256: str
    width: int
    height: int


def add(tx: Tx, leaf_ids: Sequence[int], scans: Sequence[Scan | None], now: str) -> None:
    for leaf_id, scan in zip(leaf_ids, scans, strict=True):
        if scan is None:
            continue
        image = scan.image
        tx.execute(
            "INSERT INTO leaf_images (leaf_id, media_type, image, sha256, width, height) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (leaf_id, image.media_type, image.data, scan.sha256, image.width, image.height),
        )
        add_reading(tx, leaf_id, scan.reading, now)


def add_reading(tx: Tx, leaf_id: int, reading: Reading, now: str) -> None:
    words = [[w.text, w.left, w.top, w.width, w.height, w.confidence] for w in reading.words]
    tx.execute(
        "INSERT INTO leaf_readings (leaf_id, languages, confidence, script, words, warnings, "
        "text, read_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            leaf_id,
            reading.languages,
            reading.confidence,
            reading.script,
            json.dumps(words, ensure_ascii=False),
            json.dumps(list(reading.warnings), ensure_ascii=False),
            reading.text,
            now,
        ),
    )


def image(tx: Tx, leaf_id: int) -> StoredImage | None:
    row = tx.one(
        "SELECT media_type, image, sha256, width, height FROM leaf_images WHERE leaf_id = ?",
        (leaf_id,),
    )
    if row is None:
        return None
    return StoredImage(leaf_id, str(row[0]), bytes(row[1]), str(row[2]), int(row[3]), int(row[4]))


def readings(tx: Tx, leaf_id: int) -> list[tuple[str, Reading]]:
    """(read at, reading) of a leaf, the first (at ingest) first."""
    return [
        (
            str(row[6]),
            Reading(
                text=str(row[5]),
                languages=str(row[0]),
                confidence=None if row[1] is None else float(row[1]),
                words=tuple(Word(*w) for w in json.loads(row[3])),
                script=None if row[2] is None else str(row[2]),
                warnings=tuple(json.loads(row[4])),
            ),
        )
        for row in tx.all(
            "SELECT languages, confidence, script, words, warnings, text, read_at "
            "FROM leaf_readings WHERE leaf_id = ? ORDER BY id",
            (leaf_id,),
        )
    ]


def hashes(tx: Tx, after: int, limit: int) -> list[tuple[int, bytes, str]]:
    """(leaf, image, stored hash) in leaf order, for the audit's check."""
    return [
        (int(r[0]), bytes(r[1]), str(r[2]))
        for r in tx.all(
            "SELECT leaf_id, image, sha256 FROM leaf_images WHERE leaf_id > ? "
            "ORDER BY leaf_id LIMIT ?",
            (after, limit),
        )
    ]
