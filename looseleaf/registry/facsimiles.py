"""Facsimiles: a scanned leaf's page image, handed to a reader the way its
text is. The same rule decides (a reader who may not read the leaf gets the
same "not found" as for a missing one), the read is on the record before a
pixel is made (as a `leaf.read`, naming the image, so who-read, exposure,
replay and the curiosity alarm count it like any read), and the image is
drawn for that reader alone, their name, the time and the grant burned in.
"""

from __future__ import annotations

from looseleaf.custody.facsimile import watermarked
from looseleaf.errors import NotFound
from looseleaf.model import Actor
from looseleaf.policy import Action
from looseleaf.registry.base import RegistryBase
from looseleaf.store import leaves, scans


class Facsimiles(RegistryBase):
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
            now = self.now()
            self._record(
                tx,
                actor,
                "leaf.read",
                target=f"leaf:{leaf_id}",
                detail={
                    "sha256": found.sha256,
                    "facsimile": image.sha256,
                    "dossier": found.dossier_id,
                    "basis": decision.reason,
                    "grant": decision.grant_id,
                    "facts": decision.facts,
                },
                at=now,
            )
            self._watch(tx, actor, decision.grant_id, now)
        basis = f"grant {decision.grant_id}" if decision.grant_id else "clearance"
        return watermarked(image.data, f"{actor.name} · {now[:16]} · {basis}")
