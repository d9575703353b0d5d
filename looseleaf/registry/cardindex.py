"""The card index in the facade: records, their forms, mentions found at
ingest, cross-references, and the registrar's curation.

Every answer passes the policy. A record is shown only to readers cleared
for its marking; a cover or code name is matched or shown only to readers
who may decode; a mention or a form's leaves only where the leaf is
readable; a cross-reference only where the dossier's title is visible, and
never with the leaves of that dossier that mention anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from looseleaf.cardindex.card import Card, CardView
from looseleaf.cardindex.extract import (
    AliasHint,
    Gazetteer,
    Mention,
    alias_hints,
    extract,
    unaided,
)
from looseleaf.cardindex.matcher import Index
from looseleaf.cardindex.names import fold
from looseleaf.custody.notes import derived_marking
from looseleaf.errors import BadInput, Forbidden, NotFound
from looseleaf.model import (
    Actor,
    Category,
    CrossReference,
    FormType,
    Marking,
    NameLink,
    Person,
    PersonMatch,
    RecordKind,
    Suggestion,
)
from looseleaf.policy import Action, sql
from looseleaf.registry.base import MarkingRequest, RegistryBase
from looseleaf.registry.leafnames import cross_references, hidden_types, known_mentions
from looseleaf.store import Tx, claims, dossiers, markings, mentions, persons, suggestions
from looseleaf.store.base import Filter

_ALL = Filter("1 = 1", ())


class CardIndex(RegistryBase):
    _gazetteer: tuple[tuple[int, int, int], Gazetteer] | None = None
    _card: tuple[tuple[int, int, int], Card] | None = None

    # -- curation (registrar) -------------------------------------------------

    def person_add(
        self,
        actor: Actor,
        preferred: str,
        *,
        kind: str = RecordKind.PERSON,
        forms: Sequence[tuple[str, str]] = (),
        living: bool = True,
        born: str | None = None,
        died: str | None = None,
        marking: MarkingRequest | None = None,
        dossier: str | None = None,
        note: str | None = None,
        successor_of: int | None = None,
        namesake: bool = False,
        category: str | None = None,
    ) -> Person:
        """A new record. Its preferred name is its first form; the record is
        marked like a dossier title (default: the registry's default level).
        A name a record the actor may see already has is refused unless this
        is a `namesake` (another person of that name): one person, one card."""
        preferred = preferred.strip()
        if not preferred:
            raise BadInput("person name", "a record needs a preferred name")
        record_kind = RecordKind.parse(kind)
        record_category = None if category is None else Category.parse(category)
        typed = [(FormType.parse(t), form.strip()) for t, form in forms]
        for _, form in typed:
            if not form:
                raise BadInput("--form", "a name form cannot be empty")
        resolved = self.marking(marking or MarkingRequest())
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            if marking is None or marking.level is None:
                resolved = self.capped(tx, actor, resolved)
            self._within(tx, actor, resolved, "the marking")
            if not namesake:
                held = sorted({person for person, _ in self._view(tx, actor).exact(preferred)})
                if held:
                    raise BadInput(
                        f"person name {preferred!r}",
                        f"is record {held[0]} already (--namesake for another person of that name)",
                    )
            dossier_id = None
            if dossier:
                found = dossiers.find(tx, dossier, visible=self._titles_seen(actor))
                if found is None:
                    raise NotFound("dossier", dossier)
                dossier_id = found.id
            now = self.now()
            person_id = persons.create(
                tx,
                preferred=preferred,
                kind=record_kind,
                living=living,
                born=born,
                died=died,
                marking_id=markings.intern(tx, self.levels, resolved),
                dossier_id=dossier_id,
                note=note,
                now=now,
                category=record_category,
                source=f"entered by {actor}",
            )
            seen = {fold(preferred)}
            persons.add_form(tx, person_id, preferred, FormType.SPELLING, by=str(actor), now=now)
            for form_type, form in typed:
                if fold(form) not in seen:
                    seen.add(fold(form))
                    persons.add_form(tx, person_id, form, form_type, by=str(actor), now=now)
            if successor_of is not None:
                self._current(tx, successor_of, actor)
                persons.succeed(tx, successor_of, person_id, born)
            self._record(
                tx,
                actor,
                "person.add",
                target=f"person:{person_id}",
                detail={"preferred": preferred, "kind": record_kind, "forms": len(seen)},
            )
            self._index_forms(tx, person_id)
            self._remask(tx, [person_id])
            created = persons.by_id(tx, person_id)
        assert created is not None
        return created

    def alias_add(
        self,
        actor: Actor,
        person_id: int,
        form: str,
        form_type: str = FormType.ALIAS,
        *,
        valid_from: str | None = None,
        valid_to: str | None = None,
    ) -> Person:
        typed = FormType.parse(form_type)
        if not form.strip():
            raise BadInput("name form", "cannot be empty")
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            self._current(tx, person_id, actor)
            existing = persons.find_form(tx, person_id, form)
            now = self.now()
            if existing is not None and existing[2] == "confirmed":
                raise BadInput(f"name form {form!r}", f"record {person_id} has it already")
            if existing is not None:
                persons.set_form_status(tx, existing[0], "confirmed")
            else:
                persons.add_form(
                    tx,
                    person_id,
                    form.strip(),
                    typed,
                    by=str(actor),
                    now=now,
                    valid_from=valid_from,
                    valid_to=valid_to,
                )
            suggestions.remember(tx, form, str(person_id), same=True, by=str(actor), now=now)
            self._record(
                tx,
                actor,
                "person.alias.add",
                target=f"person:{person_id}",
                detail={"form": form.strip(), "type": typed},
            )
            self._index_forms(tx, person_id)
            shown = persons.by_id(tx, person_id)
        assert shown is not None
        return shown

    def alias_reject(self, actor: Actor, person_id: int, form: str, reason: str) -> None:
        """The form does not name this record: unlink it everywhere and never
        suggest it again."""
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            self._current(tx, person_id, actor)
            existing = persons.find_form(tx, person_id, form)
            now = self.now()
            if existing is not None:
                persons.set_form_status(tx, existing[0], "rejected")
                mentions.relink_form(tx, existing[0], None)
            suggestions.remember(tx, form, str(person_id), same=False, by=str(actor), now=now)
            self._record(
                tx,
                actor,
                "person.alias.reject",
                target=f"person:{person_id}",
                detail={"form": form, "reason": reason},
            )

    def merge(self, actor: Actor, keep: int, other: int, reason: str) -> Person:
        """Two records are one: `other`'s forms and mentions move to `keep`."""
        if keep == other:
            raise BadInput("merge", "a record cannot be merged with itself")
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            kept = self._current(tx, keep, actor)
            gone = self._current(tx, other, actor)
            persons.merge(tx, keep, other)
            # The merged record is marked as the higher of the two (the union
            # of their compartments): a merge never declassifies a name.
            joined = derived_marking(self.levels, [kept.marking, gone.marking])
            persons.remark(tx, keep, markings.intern(tx, self.levels, joined))
            now = self.now()
            suggestions.remember(tx, gone.preferred, str(keep), same=True, by=str(actor), now=now)
            self._record(
                tx,
                actor,
                "person.merge",
                target=f"person:{keep}",
                detail={"merged": other, "preferred": kept.preferred, "reason": reason},
            )
            merged = persons.by_id(tx, keep)
        assert merged is not None
        return merged

    def split(
        self, actor: Actor, person_id: int, forms: Sequence[str], preferred: str, reason: str
    ) -> Person:
        """Some forms name someone else: they move to a new record (same marking),
        with their mentions, and are never matched back."""
        if not forms:
            raise BadInput("split", "name the forms that belong to the other record")
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            source = self._current(tx, person_id, actor)
            form_ids = []
            for form in forms:
                found = persons.find_form(tx, person_id, form)
                if found is None or found[2] != "confirmed":
                    raise BadInput(f"name form {form!r}", f"record {person_id} has no such form")
                form_ids.append(found[0])
            if len(form_ids) == len(source.forms):
                raise BadInput("split", "at least one form must stay with the record")
            marking_id = persons.marking_of(tx, person_id)
            assert marking_id is not None
            now = self.now()
            new_id = persons.create(
                tx,
                preferred=preferred.strip() or forms[0],
                kind=source.kind,
                living=source.living,
                born=None,
                died=None,
                marking_id=marking_id,
                dossier_id=None,
                note=None,
                now=now,
            )
            persons.move_forms(tx, form_ids, new_id)
            for form_id in form_ids:
                mentions.relink_form(tx, form_id, new_id)
            for form in forms:
                suggestions.remember(tx, form, str(person_id), same=False, by=str(actor), now=now)
            self._record(
                tx,
                actor,
                "person.split",
                target=f"person:{person_id}",
                detail={"new": new_id, "forms": list(forms), "reason": reason},
            )
            created = persons.by_id(tx, new_id)
        assert created is not None
        return created

    def suggestions(self, actor: Actor) -> list[Suggestion]:
        """Pending suggestions a registrar may see: a name found on a leaf they
        may not read, or about a record they may not know, is not shown to them."""
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            return [s for s in suggestions.pending(tx) if self._may_see(tx, actor, s)]

    def _may_see(self, tx: Tx, actor: Actor, suggestion: Suggestion) -> bool:
        policy = self.policy(tx)
        if (
            suggestion.leaf_id is not None
            and not policy.check(actor, Action.LEAF_READ, suggestion.leaf_id).allowed
        ):
            return False
        return all(
            policy.check(actor, Action.PERSON_SEE, record).allowed
            for record in (suggestion.person_id, suggestion.other_id)
            if record is not None
        )

    def decide_suggestion(self, actor: Actor, suggestion_id: int, *, accept: bool) -> Suggestion:
        """Accept (the form joins the record, or the two records merge) or reject
        (remembered: never suggested again)."""
        with self._acting(actor, Action.PERSON_CURATE) as (tx, _):
            found = suggestions.by_id(tx, suggestion_id)
            if (
                found is None
                or found.person_id is None
                or found.status != "pending"
                or not self._may_see(tx, actor, found)
            ):
                raise NotFound("pending suggestion", suggestion_id)
            person_id = found.person_id
            now = self.now()
            status = "accepted" if accept else "rejected"
            suggestions.close(tx, suggestion_id, status, str(actor), now)
            suggestions.remember(
                tx, found.form, str(person_id), same=accept, by=str(actor), now=now
            )
            if accept and found.kind == "merge" and found.other_id is not None:
                persons.merge(tx, person_id, found.other_id)
            elif accept and persons.find_form(tx, person_id, found.form) is None:
                form_type = FormType.ALIAS if found.kind == "alias" else FormType.SPELLING
                persons.add_form(tx, person_id, found.form, form_type, by=str(actor), now=now)
            self._record(
                tx,
                actor,
                "person.suggestion." + ("accept" if accept else "reject"),
                target=f"person:{found.person_id}",
                detail={"suggestion": suggestion_id, "form": found.form, "kind": found.kind},
            )
            if accept:
                self._index_forms(tx, person_id)
        return replace(found, status="accepted" if accept else "rejected")

    # -- reading the card index ------------------------------------------------

    def person_search(self, actor: Actor, name: str, *, limit: int = 20) -> list[PersonMatch]:
        """Records the actor may know of, found by any form they may see, best first."""
        if not name.strip():
            raise BadInput("name", "search for a name")
        with self._acting(actor, Action.PERSON_SEARCH) as (tx, _):
            view = self._view(tx, actor)
            exact = view.exact(name)
            fuzzy = view.fuzzy(name, floor=0.8)
            partial = view.partial(name)
            owners = [p for p, _ in exact] + [p for p, _, _ in fuzzy] + [p for p, _, _ in partial]
            records = {p: (title, kind) for p, title, kind in persons.summaries(tx, owners)}
            hits: dict[int, PersonMatch] = {}
            for person_id, form in exact:
                hits.setdefault(
                    person_id,
                    PersonMatch(person_id, *records[person_id], form, 1.0, ("the same form",)),
                )
            for person_id, form, match in fuzzy:
                if person_id not in hits:
                    hits[person_id] = PersonMatch(
                        person_id, *records[person_id], form, match.score, match.reasons
                    )
            # A part of a name (a surname alone, one of a double surname, a
            # given name) finds the record too, below every likelier reading.
            for person_id, form, ends in sorted(partial, key=lambda hit: not hit[2]):
                if person_id not in hits:
                    score, why = (
                        (0.75, "the surname or a part of it") if ends else (0.6, "a part of it")
                    )
                    hits[person_id] = PersonMatch(
                        person_id, *records[person_id], form, score, (f"{name!r} is {why}",)
                    )
            # Ties go to the record named most often on what the asker may read
            # (a bare "Reznik" is likelier the Reznik the files speak of), then
            # by name, never by id: ids are opaque and say nothing of order.
            tied = [h.person_id for h in hits.values() if h.score < 1.0]
            named = persons.counts(
                tx,
                tied,
                self._readable(actor),
                self._visible_dossiers(actor),
                hidden_types(self, tx, actor),
            )
            found = sorted(
                hits.values(),
                key=lambda h: (
                    -h.score,
                    -named.get(h.person_id, (0, 0))[0],
                    h.preferred.casefold(),
                    h.person_id,
                ),
            )[:limit]
            self._record(
                tx,
                actor,
                "person.search",
                target=None,
                detail={"query": name, "records": [hit.person_id for hit in found]},
            )
        return found

    def person(self, actor: Actor, person_id: int) -> Person:
        """A record with the forms the actor may see, each with the leaves (that
        they may read) it was found on."""
        with self._acting(actor, Action.PERSON_SEE, person_id, hidden=("record", person_id)) as (
            tx,
            _,
        ):
            record = persons.by_id(tx, person_id)
            if record is None:
                raise NotFound("record", person_id)
            _, secret = self._lens(tx, actor)
            readable = self._readable(actor)
            forms = tuple(
                replace(form, leaves=tuple(mentions.leaves_of_form(tx, form.id, readable)))
                for form in record.forms
                if form.type not in secret
            )
            dossier_id = record.dossier_id
            if (
                dossier_id is not None
                and not self.policy(tx).check(actor, Action.DOSSIER_SEE, dossier_id).allowed
            ):
                dossier_id = None
            self._record(tx, actor, "person.show", target=f"person:{person_id}", detail={})
        return replace(record, forms=forms, dossier_id=dossier_id)

    def xrefs(self, actor: Actor, leaf_id: int) -> list[CrossReference]:
        """The dossiers a readable leaf points to, by the persons it names."""
        with self._acting(actor, Action.LEAF_READ, leaf_id, hidden=("leaf", leaf_id)) as (tx, _):
            found = cross_references(self, tx, actor, leaf_id)
            self._record(
                tx,
                actor,
                "xref.list",
                target=f"leaf:{leaf_id}",
                detail={"dossiers": list(dict.fromkeys(x.dossier_id for x in found))},
            )
        return found

    def names_on(self, actor: Actor, leaf_id: int) -> list[NameLink]:
        """The card-index records a readable leaf names, for the leaf view to link."""
        with self._acting(actor, Action.LEAF_READ, leaf_id, hidden=("leaf", leaf_id)) as (tx, _):
            policy = self.policy(tx)
            spans = known_mentions(self, tx, actor, leaf_id)
            shown = {
                person_id
                for person_id in {span[3] for span in spans}
                if policy.check(actor, Action.PERSON_SEE, person_id).allowed
            }
            names = {row[0]: row[1] for row in persons.summaries(tx, sorted(shown))}
            return [
                NameLink(leaf_id, start, end, text, person_id, str(names[person_id]))
                for start, end, text, person_id in spans
                if person_id in shown
            ]

    # -- extraction at ingest ----------------------------------------------------

    def _index_report(self, tx: Tx, leaf_texts: Sequence[tuple[int, str]]) -> None:
        """Find the names on newly stitched leaves, in the ingest transaction."""
        gazetteer = self._gazetteer_of(tx)
        model = self.settings.ner != "off"
        index: Index | None = None
        earlier: list[str] = []  # a surname given in full on page 1 names him on page 2
        for leaf_id, text in leaf_texts:
            guessed = unaided(text, model=model, earlier=earlier)
            earlier = list(dict.fromkeys(earlier + [m.text for m in guessed]))
            found = extract(text, gazetteer, guessed=guessed)
            mentions.add(tx, leaf_id, _spans(found))
            unknown = [m for m in found if m.person_id is None]
            hints = alias_hints(text, found)
            if not unknown and not hints:
                continue
            if index is None:
                index = Index([(p, f) for _, p, f, _ in persons.all_forms(tx)])
            self._suggest(tx, index, leaf_id, [m.text for m in unknown], hints)

    def _suggest(
        self,
        tx: Tx,
        index: Index,
        leaf_id: int,
        names: Sequence[str],
        hints: Sequence[AliasHint],
    ) -> None:
        now = self.now()
        for name in dict.fromkeys(names):
            for person_id, form, match in index.matches(name)[:1]:
                suggestions.add(
                    tx,
                    kind="form",
                    form=name,
                    person_id=person_id,
                    other_id=None,
                    score=match.score,
                    reasons=[f"matches {form!r}", *match.reasons],
                    leaf_id=leaf_id,
                    now=now,
                )
        for hint in hints:
            name, alias, phrase = hint.name, hint.alias, hint.phrase
            for known, other in ((name, alias), (alias, name)):
                exact = [p for p, f in index.forms if fold(f) == fold(known)]
                if exact:
                    suggestions.add(
                        tx,
                        kind="alias",
                        form=other,
                        person_id=exact[0],
                        other_id=None,
                        score=0.9,
                        reasons=[f"the leaf says {name!r} {phrase} {alias!r}"],
                        leaf_id=leaf_id,
                        now=now,
                    )
                    break

    def _index_forms(self, tx: Tx, person_id: int) -> None:
        """A record gained forms: find them on the leaves already held."""
        self._gazetteer = self._card = None
        record = persons.by_id(tx, person_id)
        if record is None:
            return
        gazetteer = Gazetteer((f.form, person_id, f.id) for f in record.forms)
        for leaf_id, text in mentions.texts_mentioning(tx, [f.form for f in record.forms]):
            linked = [(s, e) for s, e, _, _, p, _ in mentions.on_leaf(tx, leaf_id) if p is not None]
            new = [
                m
                for m in gazetteer.find(text)
                if not any(s < m.end and m.start < e for s, e in linked)
            ]
            mentions.drop_unlinked(tx, leaf_id, [(m.start, m.end) for m in new])
            mentions.add(tx, leaf_id, _spans(new))
        claims.link_to(tx, person_id, [f.form for f in record.forms])

    def _gazetteer_of(self, tx: Tx) -> Gazetteer:
        version = persons.forms_version(tx)
        if self._gazetteer is None or self._gazetteer[0] != version:
            self._gazetteer = (
                version,
                Gazetteer((form, p, f) for f, p, form, _ in persons.all_forms(tx)),
            )
        return self._gazetteer[1]

    def _card_of(self, tx: Tx) -> Card:
        """The card index in memory, rebuilt only when its forms have changed."""
        version = persons.forms_version(tx)
        if self._card is None or self._card[0] != version:
            self._card = (version, Card(persons.all_forms(tx)))
        return self._card[1]

    def _view(self, tx: Tx, actor: Actor) -> CardView:
        """The card index as `actor` may see it: records cleared for, forms decodable."""
        visible, secret = self._lens(tx, actor)
        records = None if visible is None else set(persons.visible_ids(tx, visible))
        return self._card_of(tx).view(records, secret)

    # -- what an actor may see -----------------------------------------------------

    def _lens(self, tx: Tx, actor: Actor) -> tuple[Filter | None, frozenset[str]]:
        """The records the actor may know of, and the form types hidden from them."""
        if actor.is_operator:
            return None, frozenset()
        assert actor.reader_id is not None
        return sql.visible_persons(actor.reader_id), hidden_types(self, tx, actor)

    def _readable(self, actor: Actor) -> Filter:
        if actor.is_operator:
            return _ALL
        assert actor.reader_id is not None
        return sql.readable_leaves(actor.reader_id, self.now())

    def _titles_seen(self, actor: Actor) -> Filter | None:
        if actor.is_operator:
            return None
        assert actor.reader_id is not None
        return sql.visible_dossiers(actor.reader_id)

    def _visible_dossiers(self, actor: Actor) -> Filter:
        if actor.is_operator:
            return _ALL
        assert actor.reader_id is not None
        return sql.visible_dossiers(actor.reader_id)

    def _current(self, tx: Tx, person_id: int, actor: Actor | None = None) -> Person:
        """A current record, or "not found"; with `actor`, only one whose
        marking their own clearance covers: a registrar curates what they see."""
        found = persons.by_id(tx, person_id)
        if found is None:
            raise NotFound("record", person_id)
        if (
            actor is not None
            and not self.policy(tx).check(actor, Action.PERSON_SEE, person_id).allowed
        ):
            raise NotFound("record", person_id)
        return found

    def _within(self, tx: Tx, actor: Actor, marking: Marking, what: str) -> None:
        """Staff make records only at markings their own clearance covers."""
        level = self.levels.rank(marking.level)
        if not self.policy(tx).knows(actor, level, marking.compartments):
            raise Forbidden("person.curate", f"{what} {marking} is beyond your own clearance")


def _spans(found: Sequence[Mention]) -> list[tuple[int, int, str, str, int | None, int | None]]:
    return [(m.start, m.end, m.text, m.method, m.person_id, m.form_id) for m in found]
