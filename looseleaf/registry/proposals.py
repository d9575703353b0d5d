"""Records proposed from the holdings: the names on the leaves a registrar
may read that no record they may know holds, grouped into the persons they
most likely are; the registrar accepts each (a record, marked at the join of
the leaves' markings, its forms linked on every leaf that holds them) or
rejects it (remembered). Each registrar is proposed what their own reading
gives: two registrars who may read different leaves may be proposed the same
man differently."""

from __future__ import annotations

from dataclasses import replace

from looseleaf.cardindex.card import CardView
from looseleaf.cardindex.extract import Mention, alias_hints, overlaps, unaided
from looseleaf.cardindex.names import fold, parse
from looseleaf.cardindex.proposal import Alias, Group, group
from looseleaf.custody.notes import derived_marking
from looseleaf.errors import BadInput, NotFound
from looseleaf.model import Actor, Marking, Suggestion
from looseleaf.policy import Action
from looseleaf.registry.base import MarkingRequest
from looseleaf.registry.categories import Categories
from looseleaf.registry.leafnames import hidden_types
from looseleaf.store import Tx, dossiers, leaves, proposals, suggestions

#: The score at which the setting `proposals = "auto"` makes a record unasked.
AUTO_SCORE = 0.9


class Proposals(Categories):
    def propose_records(self, actor: Actor, *, dossier: str | None = None) -> list[Suggestion]:
        """The records proposed to the actor (with a name on `dossier`, if
        given), grouped again from what they may read."""
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            dossier_id = None
            if dossier is not None:
                found = dossiers.find(tx, dossier, visible=self._titles_seen(actor))
                if found is None:
                    raise NotFound("dossier", dossier)
                dossier_id = found.id
            shown = self._regroup(tx, actor, dossier_id)
            self._record(
                tx,
                actor,
                "person.propose",
                target=None if dossier_id is None else f"dossier:{dossier_id}",
                detail={"proposed": len(shown), "names": sum(len(p.forms) for p in shown)},
            )
            return shown

    def _ingested(self, actor: Actor) -> None:
        """At ingest the proposals are grouped again for the ingesting account
        if it may curate; with the setting `auto`, the sure ones become
        records."""
        if self.settings.proposals == "off":
            return
        with self._acting(actor, Action.REPORT_INGEST) as (tx, _):
            if not self.policy(tx).check(actor, Action.PERSON_CURATE).allowed:
                return
            shown = self._regroup(tx, actor, None)
            self._record(
                tx,
                actor,
                "person.propose.ingest",
                target=None,
                detail={"proposed": len(shown), "names": sum(len(p.forms) for p in shown)},
            )
        if self.settings.proposals == "auto":
            self.accept_all(actor, min_score=AUTO_SCORE, only={p.id for p in shown})

    def _regroup(self, tx: Tx, actor: Actor, dossier_id: int | None) -> list[Suggestion]:
        """The proposals for this actor (with a name on `dossier_id`): the
        names on the leaves they may read that no record they may know holds,
        grouped. Made from what the actor may read alone, so that nothing
        they may not read or know (another leaf naming the same man, a
        record whose form found the name) changes what is proposed to them.
        A grouping already made keeps its id; a name rejected on leaves they
        may all read is not proposed again."""
        readable = set(leaves.readable_ids(tx, self._readable(actor)))
        suggested = {
            s.form for s in suggestions.pending(tx) if self._may_see(tx, actor, s)
        }  # a name suggested as a form of a record waits for that decision
        view = self._view(tx, actor)
        unlinked, shown = self._unlinked_for(tx, actor, view)
        named = [n for n in unlinked if n[0] not in suggested]
        texts = leaves.texts(tx, sorted({leaf for _, leaf in named}))
        aliases = [
            Alias(h.name, h.alias, leaf_id, h.type)
            for leaf_id, text in texts.items()
            for h in alias_hints(text, sorted(shown[leaf_id], key=lambda m: m.start))
        ]
        closed = {folded for folded, on in proposals.decided(tx) if readable.issuperset(on)}
        groups: dict[str, Group] = {}
        for found_group in group(named, aliases):
            folded = fold(found_group.preferred)
            if folded not in closed and not _held(view, found_group):
                groups.setdefault(folded, found_group)
        made = proposals.matching(tx, list(groups.values()))
        now = self.now()
        mine = [
            made.get((folded, proposals.forms_json(g))) or proposals.add(tx, g, now)
            for folded, g in groups.items()
        ]
        # What this actor was proposed before and is no longer: gone, if
        # they may read all of it (what they may not is someone else's).
        proposals.drop(
            tx,
            [
                p.id
                for p in proposals.pending(tx)
                if p.id not in mine and readable.issuperset(p.leaves)
            ],
        )
        on_dossier = None if dossier_id is None else set(leaves.ids_of_dossier(tx, dossier_id))
        return [
            p
            for p in (proposals.by_id(tx, i) for i in mine)
            if p is not None and (on_dossier is None or on_dossier & set(p.leaves))
        ]

    def _unlinked_for(
        self, tx: Tx, actor: Actor, view: CardView
    ) -> tuple[list[tuple[str, int]], dict[int, list[Mention]]]:
        """(name, leaf) of each name on a leaf the actor may read that no
        record they may know holds by a form they may see, and every name
        they are shown on each of those leaves. A name the card index found
        only by a record hidden from them is taken as the patterns would
        find it on that leaf without the card index."""
        hidden = hidden_types(self, tx, actor)
        named: list[tuple[int, Mention, int]] = []  # (leaf order, name, leaf)
        shown: dict[int, list[Mention]] = {}
        unseen: dict[int, list[tuple[int, int]]] = {}
        order: dict[int, int] = {}
        for text, leaf, start, end, person_id, form_type in proposals.candidates(
            tx, self._readable(actor), None
        ):
            order.setdefault(leaf, len(order))
            mention = Mention(start, end, text, "stored")
            if person_id is None:
                named.append((order[leaf], mention, leaf))
                shown.setdefault(leaf, []).append(mention)
            elif view.knows(person_id) and form_type not in hidden:
                shown.setdefault(leaf, []).append(mention)
            else:
                unseen.setdefault(leaf, []).append((start, end))
        model = self.settings.ner != "off"
        for leaf, text in leaves.texts(tx, sorted(unseen)).items():
            earlier: list[str] = []
            for page in leaves.earlier_on_report(tx, leaf):
                earlier += [m.text for m in unaided(page, model=model, earlier=earlier)]
            taken = [(m.start, m.end) for m in shown.get(leaf, ())]
            for m in unaided(text, model=model, earlier=list(dict.fromkeys(earlier))):
                if any(overlaps(m, span) for span in unseen[leaf]) and not any(
                    overlaps(m, span) for span in taken
                ):
                    named.append((order[leaf], m, leaf))
                    shown.setdefault(leaf, []).append(m)
        named.sort(key=lambda n: (n[0], n[1].start))
        return [(m.text, leaf) for _, m, leaf in named], shown

    def suggestions(self, actor: Actor) -> list[Suggestion]:
        """Pending suggestions, then the records proposed to the actor."""
        found = super().suggestions(actor)
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            return found + self._regroup(tx, actor, None)

    def decide_suggestion(self, actor: Actor, suggestion_id: int, *, accept: bool) -> Suggestion:
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            proposed = proposals.by_id(tx, suggestion_id) is not None
        if proposed:
            return self.decide_proposal(actor, suggestion_id, accept=accept)
        return super().decide_suggestion(actor, suggestion_id, accept=accept)

    def _may_see_proposal(self, tx: Tx, actor: Actor, proposal: Suggestion) -> bool:
        """A proposal is shown only to whom may read its every leaf."""
        policy = self.policy(tx)
        return all(policy.check(actor, Action.LEAF_READ, leaf).allowed for leaf in proposal.leaves)

    def decide_proposal(self, actor: Actor, proposal_id: int, *, accept: bool) -> Suggestion:
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            found = proposals.by_id(tx, proposal_id)
            if (
                found is None
                or found.status != "pending"
                or not self._may_see_proposal(tx, actor, found)
            ):
                raise NotFound("pending suggestion", proposal_id)
            types = proposals.form_types(tx, proposal_id)
            marking = derived_marking(
                self.levels, [Marking.from_key(k) for k in leaves.marking_keys(tx, found.leaves)]
            )
        person_id = None
        if accept:
            person = self.person_add(
                actor,
                found.form,
                kind=str(parse(found.form).kind),
                namesake=True,  # the registrar accepts it as a person of its own
                forms=[
                    (types.get(form, "spelling"), form)
                    for form in found.forms
                    if form != found.form
                ],
                marking=MarkingRequest(marking.level, tuple(sorted(marking.compartments))),
            )
            person_id = person.id
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            status = "accepted" if accept else "rejected"
            proposals.close(
                tx, proposal_id, status, by=str(actor), now=self.now(), person_id=person_id
            )
            self._record(
                tx,
                actor,
                f"person.proposal.{'accept' if accept else 'reject'}",
                target=None if person_id is None else f"person:{person_id}",
                detail={
                    "proposal": proposal_id,
                    "forms": len(found.forms),
                    "leaves": list(found.leaves),
                },
            )
        return replace(found, status=status, person_id=person_id)

    def accept_all(
        self, actor: Actor, *, min_score: float | None = None, only: set[int] | None = None
    ) -> list[Suggestion]:
        """Accept every pending suggestion and proposal the actor may see (at
        or above `min_score`; of the ids `only`, if given): forms and aliases
        first, then new records."""
        if min_score is not None and not 0 <= min_score <= 1:
            raise BadInput(f"--min-score {min_score}", "is a score from 0 to 1")
        floor = 0.0 if min_score is None else min_score
        decided = []
        for suggestion in self.suggestions(actor):
            if suggestion.score >= floor and (only is None or suggestion.id in only):
                decided.append(self.decide_suggestion(actor, suggestion.id, accept=True))
        return decided


def _held(view: CardView, proposed: Group) -> bool:
    """Whether a record the registrar may know already answers to this group:
    a surname alone that is the surname of a known record (Kostrov, once
    Pavel and Ilya Kostrov are records) is one of them, or neither; not a
    new person."""
    forms = [form for form, _ in proposed.forms]
    if any(len(form.split()) > 1 for form in forms):
        return False
    return any(view.exact(form) or any(ends for _, _, ends in view.partial(form)) for form in forms)
