"""What a leaf's names tell an actor: which links from a name to a record
they may learn (the record one they may see; a cover or code name only for a
decoder), and so which cross-references a leaf shows them. Shared by the
card index, its A to Z, the proposals and custody's cross-reference slips,
so that none of them can tell more than the leaf view does."""

from __future__ import annotations

from looseleaf.model import SECRET_FORMS, Actor, CrossReference
from looseleaf.policy import Action, sql
from looseleaf.registry.base import RegistryBase
from looseleaf.store import Tx, dossiers, mentions
from looseleaf.store.base import Filter

_ALL = Filter("1 = 1", ())


def hidden_types(registry: RegistryBase, tx: Tx, actor: Actor) -> frozenset[str]:
    """The form types whose link to a record the actor may not learn: cover
    and code names, unless they hold the decoding power."""
    if actor.is_operator or registry.policy(tx).check(actor, Action.PERSON_DECODE).allowed:
        return frozenset()
    return SECRET_FORMS


def known_mentions(
    registry: RegistryBase, tx: Tx, actor: Actor, leaf_id: int
) -> list[tuple[int, int, str, int]]:
    """(start, end, text, record) of the names on a leaf whose link to a record
    the actor may know: the record must be one they may see, whatever the
    form (a name linked to a hidden record would tell what that record says:
    whom the name is, and which dossier is theirs). A cover or code name
    counts only for a decoder besides. For a redacting class, in the text of
    their layer: a masked name is none of them."""
    hidden = hidden_types(registry, tx, actor)
    policy = registry.policy(tx)
    sees: dict[int, bool] = {}
    found = []
    for start, end, text, _, person_id, form_type in mentions.on_leaf(tx, leaf_id):
        if person_id is None or form_type in hidden:
            continue
        if person_id not in sees:
            sees[person_id] = policy.check(actor, Action.PERSON_SEE, person_id).allowed
        if sees[person_id]:
            found.append((start, end, text, person_id))
    return registry._in_layer(tx, actor, leaf_id, found)


def cross_references(
    registry: RegistryBase, tx: Tx, actor: Actor, leaf_id: int
) -> list[CrossReference]:
    """The cross-references the actor is shown on a leaf they may read: the
    names they may know the record of, where that record has a dossier of its
    own whose title they may see. A slip raised from a cross-reference must
    name one of these (custody asks here), so that what a slip accepts can
    never tell a reader more than the leaf view shows them."""
    visible = _ALL
    if not actor.is_operator:
        assert actor.reader_id is not None
        visible = sql.visible_dossiers(actor.reader_id)
    own = tx.scalar("SELECT dossier_id FROM leaves WHERE id = ?", (leaf_id,))
    found = []
    for start, end, text, person_id in known_mentions(registry, tx, actor, leaf_id):
        target = dossiers.of_person(tx, person_id, visible)
        if target is None or target[0] == own:
            continue
        found.append(CrossReference(leaf_id, start, end, text, target[0], target[1], person_id))
    return found
