"""Numbered copies: the only way leaf text leaves the building. A custodian
issues one to a reader of leaves both may read; it is a PDF whose every
page names its holder and its number, whose text is what the holder's class
may read (a scan's page image with the masked words blacked out), and
whose receipt stays until it is handed back. Its hash proves a copy later.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from looseleaf.custody import copies as copy_pdf
from looseleaf.custody.facsimile import watermarked
from looseleaf.errors import BadInput, NotFound
from looseleaf.model import Actor, Copy
from looseleaf.policy import Action
from looseleaf.registry.base import RegistryBase
from looseleaf.store import Tx, copies, scans


class Copies(RegistryBase):
    def issue_copy(
        self, actor: Actor, reader: str, leaf_ids: Sequence[int], purpose: str
    ) -> tuple[Copy, bytes]:
        """Render a numbered, watermarked copy of leaves the reader may read, and
        record its issue as a receipt. The only way text leaves the building."""
        if not leaf_ids:
            raise BadInput("--leaf", "a copy needs at least one leaf")
        if not purpose.strip():
            raise BadInput("--purpose", "a copy states its purpose")
        holder = self.as_reader(reader, via=actor)
        with self._acting(actor, Action.COPY_ISSUE) as (tx, _):
            policy = self.policy(tx)
            number = copies.next_number(tx)
            mark = f"COPY No. {number} - issued to {reader} - {self.now()[:10]}"
            pages = []
            for leaf_id in leaf_ids:
                mine = policy.issue(actor, leaf_id)
                if not mine.allowed:
                    raise NotFound("leaf", leaf_id)
                if not policy.check(holder, Action.LEAF_READ, leaf_id).allowed:
                    raise BadInput(
                        f"leaf {leaf_id}",
                        f"{reader} may not read it; a copy is only of leaves the reader may read",
                    )
                # The copy passes through the issuer's hands: a recorded read.
                # What the copy holds is what its holder's class may read.
                text = self._layered(
                    tx, holder, self._hand_out(tx, actor, "leaf.read", leaf_id, mine)
                )
                leaf = text.leaf
                label = f" ({leaf.label})" if leaf.label else ""
                heading = (
                    f"Leaf {leaf.id}{label} - dossier {leaf.dossier_id}, report {leaf.report_id}"
                    f" - {leaf.marking} - sha256 {leaf.sha256[:16]}"
                )
                image = scans.image(tx, leaf_id)
                masks = self._page_masks(tx, holder, leaf_id)
                picture = (
                    None
                    if image is None or masks is None  # no image that cannot be masked
                    else watermarked(image.data, mark, widest=1240, masks=masks)
                )
                pages.append(copy_pdf.CopyPage(leaf.id, heading, text.original, picture))
            pdf, count = copy_pdf.render(number, reader, self.now()[:10], pages)
            digest = hashlib.sha256(pdf).hexdigest()
            assert holder.reader_id is not None
            copies.create(
                tx,
                number=number,
                reader_id=holder.reader_id,
                purpose=purpose.strip(),
                issued_by=str(actor),
                now=self.now(),
                sha256=digest,
                pages=count,
                leaf_ids=list(leaf_ids),
            )
            self._record(
                tx,
                actor,
                "copy.issue",
                target=f"copy:{number}",
                detail={"reader": reader, "leaves": list(leaf_ids), "sha256": digest},
            )
            return copies.listing(tx, number=number)[0], pdf

    def return_copy(self, actor: Actor, number: int) -> Copy:
        with self._acting(actor, Action.COPY_RETURN) as (tx, _):
            self._copy(tx, actor, number)
            if not copies.mark_returned(tx, number, str(actor), self.now()):
                raise BadInput(f"copy {number}", "was returned already")
            self._record(tx, actor, "copy.return", target=f"copy:{number}", detail={})
            return copies.listing(tx, number=number)[0]

    def copies(self, actor: Actor, *, outstanding: bool = False) -> list[Copy]:
        if actor.reader_id is not None and not self.check(actor, Action.COPY_VERIFY).allowed:
            with self.store.read() as tx:
                return [
                    c for c in copies.listing(tx, outstanding=outstanding) if c.reader == actor.name
                ]
        with self._acting(actor, Action.COPY_VERIFY) as (tx, _):
            listed = copies.listing(tx, outstanding=outstanding)
            return [c for c in listed if self._known_copy(tx, actor, c)]

    def _known_copy(self, tx: Tx, actor: Actor, copy: Copy) -> bool:
        """Staff know of a copy only if their own clearance covers every leaf
        on it: a lower custodian neither lists, verifies nor takes back a copy
        of pages above them (a higher one does)."""
        policy = self.policy(tx)
        return all(policy.knows_leaf(actor, leaf_id) for leaf_id in copy.leaves)

    def _copy(self, tx: Tx, actor: Actor, number: int) -> Copy:
        found = copies.listing(tx, number=number)
        if not found or not self._known_copy(tx, actor, found[0]):
            raise NotFound("copy", number)
        return found[0]

    def verify_copy(self, actor: Actor, number: int, pdf: bytes | None = None) -> tuple[Copy, bool]:
        """The record of copy `number`, and whether `pdf` is that copy byte for byte."""
        with self._acting(actor, Action.COPY_VERIFY) as (tx, _):
            found = [self._copy(tx, actor, number)]
            matches = pdf is not None and hashlib.sha256(pdf).hexdigest() == found[0].sha256
            self._record(
                tx, actor, "copy.verify", target=f"copy:{number}", detail={"matches": matches}
            )
            return found[0], matches

    # -- working files -------------------------------------------------------------
