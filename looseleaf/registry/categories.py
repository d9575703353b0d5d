"""What a record is in the files, and when its person lived, with the source
of each: entered by a registrar, or taken from an accepted claim.

The redaction of a reader's copy (who is a third party, who is staff or an
informer, who has been dead thirty years) reads these, so each is a
recorded decision, and a date taken from a claim names the claim.
"""

from __future__ import annotations

from looseleaf.errors import BadInput
from looseleaf.evidence.dates import dates_in, parse
from looseleaf.model import Actor, Category, Person
from looseleaf.policy import Action
from looseleaf.registry.cardlist import CardList
from looseleaf.store import Tx, claims, persons

#: The properties of an accepted claim that date a record's life.
_LIFE = {"born": "born", "died": "died"}


class Categories(CardList):
    def person_set(
        self,
        actor: Actor,
        person_id: int,
        *,
        category: str | None = None,
        born: str | None = None,
        died: str | None = None,
        consent: str | None = None,
        withdraw_consent: bool = False,
    ) -> Person:
        """Say what a record is in the files, when its person was born or
        died (entered: the source is the registrar), or where their consent
        to being named is recorded. What each reader class may see named
        follows at once."""
        nothing = category is None and born is None and died is None and consent is None
        if nothing and not withdraw_consent:
            raise BadInput("person set", "give --category, --born, --died or --consent")
        if consent is not None and (withdraw_consent or not consent.strip()):
            raise BadInput("--consent", "say where the consent is recorded (or --withdraw-consent)")
        chosen = None if category is None else Category.parse(category)
        for flag, value in (("--born", born), ("--died", died)):
            if value is not None and not (parse(value) or dates_in(value)):
                raise BadInput(f"{flag} {value!r}", "is no date (1899, 1899-04, 3 April 1899)")
        source = f"entered by {actor}"
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            before = self._current(tx, person_id, actor)
            persons.set_facts(
                tx,
                person_id,
                category=chosen,
                born=None if born is None else (born.strip(), source),
                died=None if died is None else (died.strip(), source),
                consent=(None,)
                if withdraw_consent
                else None
                if consent is None
                else (f"{consent.strip()} (entered by {actor})",),
            )
            self._record(
                tx,
                actor,
                "person.update",
                target=f"person:{person_id}",
                detail={
                    "category": [before.category, chosen or before.category],
                    "born": [before.born, born or before.born],
                    "died": [before.died, died or before.died],
                    "consent": [
                        before.consent,
                        None if withdraw_consent else consent or before.consent,
                    ],
                },
            )
            self._remask(tx, [person_id])
            after = persons.by_id(tx, person_id)
        assert after is not None
        return after

    def _dated_by_claims(self, tx: Tx, claim_ids: list[int]) -> None:
        """Accepted claims of birth and death date the records they are
        about, where no date was entered or taken before: the claim is the
        source (a registrar's own entry is never overwritten by a claim)."""
        for claim in claims.listing(tx, readable=None, visible=None, claim_ids=claim_ids):
            column = _LIFE.get(claim.property)
            if column is None or claim.subject_id is None or not claim.date:
                continue
            record = persons.by_id(tx, claim.subject_id)
            if record is None or getattr(record, column) is not None:
                continue
            dated = (claim.date, f"claim {claim.id}")
            persons.set_facts(
                tx,
                record.id,
                born=dated if column == "born" else None,
                died=dated if column == "died" else None,
            )
            self._remask(tx, [record.id])
