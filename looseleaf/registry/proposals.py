"""Records proposed from the holdings: `propose_records` groups the names no
record holds (found at ingest on leaves the registrar may read), a registrar
accepts each (a record, marked at the join of the leaves' markings, its
forms linked on every leaf that holds them) or rejects it (remembered)."""

from __future__ import annotations

from dataclasses import replace

from looseleaf.cardindex.extract import alias_hints
from looseleaf.cardindex.names import parse
from looseleaf.cardindex.proposal import Alias, group
from looseleaf.custody.notes import derived_marking
from looseleaf.errors import BadInput, NotFound
from looseleaf.model import Actor, Marking, Suggestion
from looseleaf.policy import Action
from looseleaf.registry.base import MarkingRequest
from looseleaf.registry.categories import Categories
from looseleaf.store import Tx, dossiers, leaves, proposals, suggestions
from looseleaf.store.base import Filter

#: The score at which the setting `proposals = "auto"` makes a record unasked.
AUTO_SCORE = 0.9
#: Proposals at ingest group every unlinked name; who sees each is decided when shown.
_EVERY_LEAF = Filter("1 = 1", ())


class Proposals(Categories):
    def propose_records(self, actor: Actor, *, dossier: str | None = None) -> list[Suggestion]:
        """Regroup the undecided proposals over every name no record holds,
        and answer those the actor may see (with a name on `dossier`, if
        given). Proposals are one view of the unlinked names, whoever asks:
        each is shown only to curators who may read all its leaves."""
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            dossier_id = None
            if dossier is not None:
                found = dossiers.find(tx, dossier, visible=self._titles_seen(actor))
                if found is None:
                    raise NotFound("dossier", dossier)
                dossier_id = found.id
            shown = self._regroup(tx, actor, "person.propose", dossier_id)
            return [p for p in (proposals.by_id(tx, i) for i in shown) if p is not None]

    def _ingested(self, actor: Actor) -> None:
        """At ingest the undecided proposals are regrouped, whoever ingests;
        with the setting `auto`, the sure ones become records if the
        ingesting account may curate."""
        if self.settings.proposals == "off":
            return
        with self._acting(actor, Action.REPORT_INGEST) as (tx, _):
            shown = self._regroup(tx, actor, "person.propose.ingest", None)
            curates = self.policy(tx).check(actor, Action.PERSON_CURATE).allowed
        if self.settings.proposals == "auto" and curates:
            self.accept_all(actor, min_score=AUTO_SCORE, only=set(shown))

    def _regroup(self, tx: Tx, actor: Actor, action: str, dossier_id: int | None) -> list[int]:
        """Every pending proposal made again from the unlinked names; the ids
        of those the actor may see (on `dossier_id`), which alone the audit
        record counts."""
        # A name already suggested as a form of a record waits for that decision.
        suggested = {s.form for s in suggestions.pending(tx)}
        named = [n for n in proposals.unlinked(tx, _EVERY_LEAF, None) if n[0] not in suggested]
        texts = leaves.texts(tx, sorted({leaf for _, leaf in named}))
        aliases = [
            Alias(h.name, h.alias, leaf_id, h.type)
            for leaf_id, text in texts.items()
            for h in alias_hints(text)
        ]
        now = self.now()
        groups = group(named, aliases)
        kept = proposals.keep_pending(tx, groups)
        made = sorted(kept) + [
            made_id
            for found_group in groups
            if (made_id := proposals.add(tx, found_group, now)) is not None
        ]
        on_dossier = None if dossier_id is None else set(leaves.ids_of_dossier(tx, dossier_id))
        shown = [
            p
            for p in (proposals.by_id(tx, i) for i in made)
            if p is not None
            and self._may_see_proposal(tx, actor, p)
            and (on_dossier is None or on_dossier & set(p.leaves))
        ]
        self._record(
            tx,
            actor,
            action,
            target=None if dossier_id is None else f"dossier:{dossier_id}",
            detail={"proposed": len(shown), "names": sum(len(p.forms) for p in shown)},
        )
        return [p.id for p in shown]

    def suggestions(self, actor: Actor) -> list[Suggestion]:
        """Pending suggestions, then the proposed records, that the actor may see."""
        found = super().suggestions(actor)
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            return found + self._proposals_seen(tx, actor)

    def decide_suggestion(self, actor: Actor, suggestion_id: int, *, accept: bool) -> Suggestion:
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            proposed = proposals.by_id(tx, suggestion_id) is not None
        if proposed:
            return self.decide_proposal(actor, suggestion_id, accept=accept)
        return super().decide_suggestion(actor, suggestion_id, accept=accept)

    def _proposals_seen(self, tx: Tx, actor: Actor) -> list[Suggestion]:
        return [p for p in proposals.pending(tx) if self._may_see_proposal(tx, actor, p)]

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
