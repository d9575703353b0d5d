"""Scanned leaves: the page image handed to a reader as a facsimile, and
read again by OCR.

A facsimile is handed out the way a leaf's text is. The same rule decides
(a reader who may not read the leaf gets the same "not found" as for a
missing one), the read is on the record before a pixel is made (as a
`leaf.read`, naming the image, so who-read, exposure, replay and the
curiosity alarm count it like any read), and the image is drawn for that
reader alone, their name, the time and the grant burned in.

A page read again (other languages, a newer Tesseract) gets the new reading
as its text, recorded as `leaf.reocr` with the hash it had and the one it
has now; the earlier readings are all kept, and the audit's check follows
the chain from the hash recorded at ingest.
"""

from __future__ import annotations

import hashlib

from looseleaf.custody.facsimile import watermarked
from looseleaf.errors import BadInput, NotFound
from looseleaf.ingest import check_languages
from looseleaf.ingest.normalise import Normaliser
from looseleaf.ingest.scan import PageImage, read_page
from looseleaf.model import Actor, PageScan
from looseleaf.policy import Action
from looseleaf.registry.cardindex import CardIndex
from looseleaf.store import leaves, mentions, scans, search


class Scans(CardIndex):
    def facsimile(self, actor: Actor, leaf_id: int) -> bytes:
        """The page image of a leaf the actor may read, as a PNG watermarked
        for them."""
        with self._acting(
            actor,
            Action.LEAF_READ,
            leaf_id,
            hidden=("leaf", leaf_id),
            decide=lambda policy: policy.check(actor, Action.LEAF_READ, leaf_id, facts=True),
        ) as (tx, decision):
            found = leaves.by_id(tx, leaf_id)
            if found is None:
                raise NotFound("leaf", leaf_id)
            image = scans.image(tx, leaf_id)
            if image is None:
                raise NotFound("page image of leaf", leaf_id)
            masks = self._page_masks(tx, actor, leaf_id)
            if masks is None:
                raise NotFound("page image of leaf", leaf_id)  # it cannot be shown masked
            now = self.now()
            self._record(
                tx,
                actor,
                "leaf.read",
                target=f"leaf:{leaf_id}",
                detail={
                    "sha256": self.as_seen(tx, actor, found).sha256,
                    "facsimile": image.sha256,
                    "masks": len(masks),
                    "dossier": found.dossier_id,
                    "basis": decision.reason,
                    "grant": decision.grant_id,
                    "facts": decision.facts,
                },
                at=now,
            )
            self._watch(tx, actor, decision.grant_id, now)
        basis = f"grant {decision.grant_id}" if decision.grant_id else "clearance"
        return watermarked(image.data, f"{actor.name} · {now[:16]} · {basis}", masks=masks)

    def reocr(self, actor: Actor, leaf_id: int, ocr_lang: str) -> PageScan:
        """Read a scanned leaf's page again in `ocr_lang`: its text becomes the
        new reading (searched and indexed anew), the earlier one is kept. A
        registrar's act, on a leaf they may read (they are shown what OCR
        made of it: its confidence and warnings)."""
        languages = check_languages(ocr_lang)
        with self._acting(actor, Action.REPORT_INGEST) as (tx, _):
            found = leaves.by_id(tx, leaf_id)
            if found is None or not self.policy(tx).check(actor, Action.LEAF_READ, leaf_id).allowed:
                raise NotFound("leaf", leaf_id)
            image = scans.image(tx, leaf_id)
        if image is None:
            raise BadInput(f"leaf {leaf_id}", "is not a scan: it has no page image to read")
        page = PageImage(image.media_type, image.data, image.width, image.height)
        reading = read_page(f"leaf {leaf_id}", page, languages)  # slow: outside a transaction
        original = reading.text
        normalised = Normaliser.for_text(original)(original)
        digest = hashlib.sha256(original.encode("utf-8")).hexdigest()
        with self._acting(actor, Action.REPORT_INGEST) as (tx, _):
            search.forget(tx, "id = ?", (leaf_id,))
            was = leaves.set_text(tx, leaf_id, original, normalised, digest)
            search.remember(tx, "id = ?", (leaf_id,))
            scans.add_reading(tx, leaf_id, reading, self.now())
            mentions.clear(tx, leaf_id)
            self._index_report(tx, [(leaf_id, normalised)])
            self._record(
                tx,
                actor,
                "leaf.reocr",
                target=f"leaf:{leaf_id}",
                detail={
                    "languages": languages,
                    "was": was,
                    "sha256": digest,
                    "confidence": reading.confidence,
                    "warnings": list(reading.warnings),
                },
            )
            scan = leaves.scan_of(tx, leaf_id)
        assert scan is not None
        return scan
