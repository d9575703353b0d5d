"""The evidence layer in the facade: claims cited to leaves, suggested at
ingest and decided by registrars; conflicts and timelines computed over the
claims the asker may see.

A claim is marked by its leaf, as a note is by the leaves it cites: it is
fetched only through the access rule's filter on that leaf (and on the
subject's card-index record). Conflicts are computed after that filter, so a
reader who can read only one side sees that side as an ordinary claim, and
no group, count or note that hints at the other.

Whom a claim is about is shown as its record only to an actor who may know
that link: one who may decode, or whose own view of the card index names
the record by the claim's words. Everyone else sees the subject as written,
unlinked, and that before anything is filtered by subject or grouped into
conflicts, so no route (a claim, a timeline, a conflict grouping "Lucien"
with the man behind him, a subject filter) decodes a cover name for them.
A decoder's claim may not name the person where the leaf writes only the
cover name: its words would decode it for every reader of the leaf.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from looseleaf.cardindex.matcher import THRESHOLD, compare
from looseleaf.errors import BadInput, NotFound
from looseleaf.evidence.conflicts import LIVE, conflicts
from looseleaf.evidence.dates import When, parse
from looseleaf.evidence.extract import Name, suggest_report
from looseleaf.evidence.subjects import Named, cover_text
from looseleaf.model import (
    SECRET_FORMS,
    Actor,
    Claim,
    ClaimStatus,
    Conflict,
    Source,
    parse_grade,
)
from looseleaf.policy import Action, sql
from looseleaf.registry.search import Search
from looseleaf.store import Tx, claims, dossiers, leaves, mentions, persons
from looseleaf.store.base import Filter
from looseleaf.store.claims import NewClaim

#: Statuses a registrar may set by hand on a claim that stands.
_SETTABLE = {
    ClaimStatus.ASSERTED,
    ClaimStatus.DISPUTED,
    ClaimStatus.RETRACTED,
    ClaimStatus.CORROBORATED,
}
_SHOWN = sorted(LIVE - {ClaimStatus.SUGGESTED})


@dataclass(frozen=True)
class ClaimInput:
    """A claim as typed: the words of the CLI and the reading room."""

    leaf_id: int
    subject: str
    property: str
    quote: str | None = None
    value: str | None = None
    date: str | None = None
    place: str | None = None
    planned: bool = False
    credibility: int | None = None


class Evidence(Search):
    # -- making and deciding claims -------------------------------------------------

    def claim_add(self, actor: Actor, given: ClaimInput) -> Claim:
        """A claim by a registrar or reader, cited to a leaf they may read."""
        prop = _property(given.property)
        if not given.subject.strip():
            raise BadInput("--subject", "a claim is about someone or something")
        if given.credibility is not None and not 1 <= given.credibility <= 6:
            raise BadInput(f"--credibility {given.credibility}", "use the Admiralty scale 1-6")
        when = _date(given.date) if given.date else None
        with self._acting(
            actor, Action.LEAF_READ, given.leaf_id, hidden=("leaf", given.leaf_id)
        ) as (tx, _):
            if not self.policy(tx).check(actor, Action.CLAIM_MAKE).allowed:
                raise BadInput("claim", "this account may not make claims")
            found = leaves.by_id(tx, given.leaf_id)
            assert found is not None
            text = self._layered(tx, actor, leaves.text(tx, found)).normalised
            start, end = _span(text, given.quote, given.leaf_id)
            start, end, text = self._unlayered(tx, actor, found, start, end)
            view = self._view(tx, actor)
            linked = view.exact(given.subject.strip())
            new = NewClaim(
                leaf_id=given.leaf_id,
                start=start,
                end=end,
                quote=text[start:end],
                subject=given.subject.strip(),
                subject_id=linked[0][0] if linked else None,
                property=prop,
                value=(given.value or "").strip() or None,
                date_first=when.first if when else None,
                date_last=when.last if when else None,
                precision=when.precision if when else None,
                date_text=given.date,
                place=(given.place or "").strip() or None,
                planned=given.planned,
                credibility=given.credibility,
            )
            if not self._lens(tx, actor)[1]:
                self._decodes_in_words(tx, given.leaf_id, (start, end), new)
            claim_id = claims.add(
                tx, new, status=ClaimStatus.ASSERTED, by=str(actor), now=self.now()
            )
            self._record(
                tx,
                actor,
                "claim.add",
                target=f"claim:{claim_id}",
                detail={"leaf": given.leaf_id, "property": prop, "subject": new.subject},
            )
            made = claims.listing(tx, readable=None, visible=None, claim_ids=[claim_id])
            return self._as_known(tx, actor, made)[0]

    def claim_decide(
        self, actor: Actor, claim_ids: Sequence[int] | None, *, accept: bool
    ) -> list[int]:
        """Accept or reject suggestions: these, or (None) every one pending."""
        with self._acting(actor, Action.CLAIM_DECIDE) as (tx, _):
            if claim_ids is None:
                readable = None
                if actor.reader_id is not None:
                    readable = sql.readable_leaves(actor.reader_id, self.now())
                pending = claims.listing(
                    tx, readable=readable, visible=None, statuses=[ClaimStatus.SUGGESTED]
                )
                chosen = [c.id for c in pending]
            else:
                chosen = sorted(set(claim_ids))
                for claim_id in chosen:
                    found = self._claim_known(tx, actor, claim_id)
                    if found is None or found[0] != ClaimStatus.SUGGESTED:
                        raise NotFound("suggested claim", claim_id)
            status = ClaimStatus.ASSERTED if accept else ClaimStatus.REJECTED
            claims.set_status(tx, chosen, status, str(actor), self.now())
            if accept:
                self._dated_by_claims(tx, chosen)
            self._record(
                tx,
                actor,
                "claim.accept" if accept else "claim.reject",
                target=None,
                detail={"claims": chosen},
            )
            return chosen

    def claim_status(self, actor: Actor, claim_id: int, status: str) -> Claim:
        """Dispute, retract or corroborate a claim (a registrar's call, recorded)."""
        wanted = ClaimStatus.parse(status)
        if wanted not in _SETTABLE:
            raise BadInput(
                f"status {status!r}", "use asserted, disputed, retracted or corroborated"
            )
        with self._acting(actor, Action.CLAIM_DECIDE) as (tx, _):
            if self._claim_known(tx, actor, claim_id) is None:
                raise NotFound("claim", claim_id)
            claims.set_status(tx, [claim_id], wanted, str(actor), self.now())
            self._record(
                tx, actor, "claim.status", target=f"claim:{claim_id}", detail={"status": wanted}
            )
            changed = claims.listing(tx, readable=None, visible=None, claim_ids=[claim_id])
            return self._as_known(tx, actor, changed)[0]

    def _claim_known(self, tx: Tx, actor: Actor, claim_id: int) -> tuple[str, int] | None:
        """(status, leaf id) of a claim on a leaf the actor may read: a
        registrar decides only claims they could be shown."""
        found = claims.status_of(tx, claim_id)
        if found is None or actor.is_operator:
            return found
        allowed = self.policy(tx).check(actor, Action.LEAF_READ, found[1]).allowed
        return found if allowed else None

    def conflict_note(self, actor: Actor, claim_ids: Sequence[int], text: str) -> None:
        """A registrar's note on a conflict, shown only beside all the claims it is about."""
        if len(set(claim_ids)) < 2 or not text.strip():
            raise BadInput("conflict note", "name two or more claims and write the note")
        with self._acting(actor, Action.CLAIM_DECIDE) as (tx, _):
            for claim_id in claim_ids:
                if self._claim_known(tx, actor, claim_id) is None:
                    raise NotFound("claim", claim_id)
            note_id = claims.add_note(tx, claim_ids, text.strip(), str(actor), self.now())
            self._record(
                tx,
                actor,
                "conflict.note",
                target=f"conflict_note:{note_id}",
                detail={"claims": sorted(set(claim_ids))},
            )

    def set_source(self, actor: Actor, report_id: int, source: Source) -> Source:
        """Correct a report's source; the grade is the source's reliability (A-F)."""
        if not source.title.strip():
            raise BadInput("--source-title", "a source has a title")
        grade = parse_grade(source.grade)[0] if source.grade else None
        with self._acting(actor, Action.SOURCE_EDIT) as (tx, _):
            row = tx.one("SELECT source_id FROM reports WHERE id = ?", (report_id,))
            if row is None:
                raise NotFound("report", report_id)
            tx.execute(
                "UPDATE sources SET title = ?, author = ?, date = ?, publication = ?, "
                "licence = ?, grade = ? WHERE id = ?",
                (
                    source.title.strip(),
                    source.author,
                    source.date,
                    source.publication,
                    source.licence,
                    grade,
                    row[0],
                ),
            )
            self._record(
                tx,
                actor,
                "source.edit",
                target=f"report:{report_id}",
                detail={"title": source.title.strip(), "grade": grade},
            )
        return Source(
            source.title.strip(),
            source.author,
            source.date,
            source.publication,
            source.licence,
            grade,
        )

    # -- reading claims --------------------------------------------------------------

    def claims(
        self,
        actor: Actor,
        *,
        subject: str | None = None,
        leaf_id: int | None = None,
        dossier: str | None = None,
        status: str | None = None,
    ) -> list[Claim]:
        """Claims the actor may see, in date order; suggestions only for registrars."""
        statuses = [ClaimStatus.parse(status).value] if status else None
        with self._acting(actor, Action.LEAF_SEARCH) as (tx, _):
            if statuses is None or ClaimStatus.SUGGESTED in statuses:
                staff = self.policy(tx).check(actor, Action.CLAIM_DECIDE).allowed
                if statuses is None:
                    statuses = None if staff else [s.value for s in ClaimStatus if s != "suggested"]
                elif not staff:
                    statuses = []
            found = self._claims(tx, actor, subject=subject, leaf_id=leaf_id, dossier=dossier)
            return [c for c in found if statuses is None or c.status in statuses]

    def conflicts(self, actor: Actor, *, subject: str | None = None) -> list[Conflict]:
        """Groups of claims that cannot all be true, among the claims the actor may
        see; for a registrar, suggested claims count at once (the group is marked
        suggested), so a conflict is seen before anyone accepts its sides."""
        with self._acting(actor, Action.LEAF_SEARCH) as (tx, _):
            shown = set(_SHOWN)
            if self.policy(tx).check(actor, Action.CLAIM_DECIDE).allowed:
                shown.add(ClaimStatus.SUGGESTED.value)
            seen = [c for c in self._claims(tx, actor, subject=subject) if c.status in shown]
            found = conflicts(seen, claims.notes(tx))
            self._record(
                tx,
                actor,
                "conflicts.list",
                target=None,
                detail={"subject": subject, "groups": len(found)},
            )
        return found

    def timeline(
        self, actor: Actor, *, subject: str | None = None, dossier: str | None = None
    ) -> list[Claim]:
        """A person's or a dossier's claims in date order, as far as the actor may read."""
        if (subject is None) == (dossier is None):
            raise BadInput("timeline", "give a person or a dossier")
        with self._acting(actor, Action.LEAF_SEARCH) as (tx, _):
            found = [
                c
                for c in self._claims(tx, actor, subject=subject, dossier=dossier)
                if c.status in _SHOWN and c.date_first is not None
            ]
            self._record(
                tx,
                actor,
                "timeline.show",
                target=None,
                detail={"subject": subject, "dossier": dossier, "claims": [c.id for c in found]},
            )
        return found

    def _claims(
        self,
        tx: Tx,
        actor: Actor,
        *,
        subject: str | None = None,
        leaf_id: int | None = None,
        dossier: str | None = None,
    ) -> list[Claim]:
        readable = visible = unmasked = None
        if not actor.is_operator:
            assert actor.reader_id is not None
            readable = sql.readable_leaves(actor.reader_id, self.now())
            visible = sql.visible_persons(actor.reader_id)
            unmasked = sql.unmasked(actor.reader_id, "c.leaf_id", "c.start_offset", "c.end_offset")
        dossier_id = None
        if dossier is not None:
            shown = dossiers.find(
                tx,
                dossier,
                visible=None if actor.reader_id is None else sql.visible_dossiers(actor.reader_id),
                readable=readable,
            )
            if shown is None:
                raise NotFound("dossier", dossier)
            dossier_id = shown.id
        subject_ids = None
        names: set[str] | None = None
        if subject is not None:
            view = self._view(tx, actor)
            records = {p for p, _ in view.exact(subject.strip())}
            records |= {p for p, _, _ in view.fuzzy(subject.strip(), floor=0.9)}
            forms = {f.casefold() for p in records for f in view.forms_of(p)}
            names = forms | {subject.strip().casefold()}
            subject_ids = sorted(records)
        found_claims = self._as_known(
            tx,
            actor,
            self._unmasked_claims(
                tx,
                actor,
                claims.listing(
                    tx,
                    readable=readable,
                    visible=visible,
                    leaf_id=leaf_id,
                    dossier_id=dossier_id,
                    unmasked=unmasked,
                ),
            ),
        )
        if names is None:
            return found_claims
        wanted = set(subject_ids or ())
        return [
            c
            for c in found_claims
            if (c.subject_id is not None and c.subject_id in wanted)
            or (c.subject_id is None and _names_match(c.subject, names))
        ]

    def _as_known(self, tx: Tx, actor: Actor, found: list[Claim]) -> list[Claim]:
        """Each claim about its record (by the record's name) where the actor may
        know the link, else about its subject as written, unlinked.

        A decoder may know every link to a record they may know of; anyone
        else only a link their own view of the card index makes, where the
        claim's words name the record by a form they may see. What a
        non-decoder is shown depends on the hidden forms only for claims they
        cannot make (the extractor's, a decoder's): a claim of their own is
        linked by their own view, so it can never be used to test a guess.
        """
        linked = [c.subject_id for c in found if c.subject_id is not None]
        if not linked:
            return found
        merged = {
            int(row[0]): int(row[1])
            for row in tx.all("SELECT id, merged_into FROM persons WHERE merged_into IS NOT NULL")
        }

        def current(record: int) -> int:
            seen = set()
            while record in merged and record not in seen:
                seen.add(record)
                record = merged[record]
            return record

        view = self._view(tx, actor)
        decodes = not self._lens(tx, actor)[1]
        names = {p: str(n) for p, n, _ in persons.summaries(tx, [current(p) for p in linked])}
        shown = []
        for claim in found:
            record = None if claim.subject_id is None else current(claim.subject_id)
            if record is None:
                shown.append(claim)
            elif (
                record in names
                and view.knows(record)
                and (decodes or view.names(record, claim.subject))
            ):
                shown.append(replace(claim, subject=names[record], subject_id=record))
            else:
                shown.append(replace(claim, subject_id=None))
        return shown

    def _decodes_in_words(self, tx: Tx, leaf_id: int, span: tuple[int, int], new: NewClaim) -> None:
        """Refuse a decoder's claim whose subject names the person where the
        cited leaf calls them only by a cover or code name: every reader of
        the leaf would be told whom it hides. Written as the leaf writes it,
        the claim is linked just the same, and shown so only to decoders."""
        record = new.subject_id
        card = self._card_of(tx)
        if record is None or record not in card.records_with(SECRET_FORMS):
            return
        if not card.view(None, SECRET_FORMS).names(record, new.subject):
            return
        named = [
            Named(start, end, text, person_id, form_type in SECRET_FORMS)
            for start, end, text, _, person_id, form_type in mentions.on_leaf(tx, leaf_id)
            if person_id is not None
        ]
        cover = cover_text(*span, record, named)
        if cover is not None:
            raise BadInput(
                f"--subject {new.subject!r}",
                f"leaf {leaf_id} calls this person {cover!r} there; write the subject as the "
                "leaf does, so that readers who may not decode are not told whom it hides",
            )

    # -- suggestions at ingest --------------------------------------------------------

    def _index_report(self, tx: Tx, leaf_texts: Sequence[tuple[int, str]]) -> None:
        """After the card index has found the names, suggest the dated claims."""
        super()._index_report(tx, leaf_texts)
        self._suggest_claims(tx, leaf_texts)

    def _suggest_claims(self, tx: Tx, leaf_texts: Sequence[tuple[int, str]]) -> int:
        """Suggest the dated claims of one report's leaves, read as one text
        (a sentence may run on from one leaf to the next)."""
        pieces = [
            (
                text,
                [
                    Name(start, end, name, person_id)
                    for start, end, name, _, person_id, _ in mentions.on_leaf(tx, leaf_id)
                ],
            )
            for leaf_id, text in leaf_texts
        ]
        made = 0
        for (leaf_id, _), found_on_leaf in zip(leaf_texts, suggest_report(pieces), strict=True):
            for found in found_on_leaf:
                new = NewClaim(
                    leaf_id=leaf_id,
                    start=found.start,
                    end=found.end,
                    quote=found.quote,
                    subject=found.subject,
                    subject_id=found.subject_id,
                    property=found.property,
                    value=found.value,
                    date_first=found.when.first,
                    date_last=found.when.last,
                    precision=found.when.precision,
                    date_text=found.when.text,
                    relative_to=found.when.relative_to,
                    place=found.place,
                    planned=found.planned,
                )
                if not claims.exists(tx, new):
                    claims.add(
                        tx, new, status=ClaimStatus.SUGGESTED, by="extractor", now=self.now()
                    )
                    made += 1
        return made

    def extract_claims(self, actor: Actor) -> int:
        """Run the extractor again over every leaf (after the card index has grown)."""
        with self._acting(actor, Action.CLAIM_DECIDE) as (tx, _):
            made = 0
            for report_id in [int(r[0]) for r in tx.all("SELECT id FROM reports ORDER BY id")]:
                texts = [
                    (leaf_id, leaves.text(tx, found).normalised)
                    for leaf_id in leaves.ids_of_report(tx, report_id)
                    if (found := leaves.by_id(tx, leaf_id)) is not None
                ]
                made += self._suggest_claims(tx, texts)
            self._record(tx, actor, "claim.extract", target=None, detail={"suggested": made})
        return made


def _names_match(name: str, names: set[str]) -> bool:
    """A claim's subject, not (yet) in the card index, against the names asked
    for: the same, one inside the other ("Trotsky", "Leon Trotsky"), or joined
    by the card index's matcher ("Vishinsky", "Andrei Vyshinsky")."""
    folded = name.casefold()
    if folded in names or any(folded in n or n in folded for n in names if len(n) > 3):
        return True
    for other in names:
        found = compare(name, other)
        if found.never is None and found.score >= THRESHOLD:
            return True
    return False


#: The properties a claim may state (issue 8's list, plus a few the seeds need).
PROPERTIES = (
    "born",
    "died",
    "attacked",
    "arrested",
    "tried",
    "sentenced",
    "executed",
    "appointed",
    "dismissed",
    "located-at",
    "met",
    "member-of",
    "number-of-victims",
    "number-of-co-accused",
    "death-sentences",
    "interrogated",
    "recruited",
    "renamed",
    "role",
    "founded",
    "dissolved",
    "absorbed",
    "married",
    "fled",
    "exiled",
    "released",
    "other",
)


def _property(name: str) -> str:
    key = name.strip().lower().replace("_", "-").replace(" ", "-")
    if key not in PROPERTIES:
        raise BadInput(f"property {name!r}", f"unknown property (known: {', '.join(PROPERTIES)})")
    return key


_ISO_SHAPE = re.compile(r"[0-9]{4}(?:-[0-9]{2}){0,2}|[0-9]{4}/[0-9]{4}")


def _date(text: str) -> When:
    """A date as typed: ISO (1940-08-20, 1937-06, 1933, 1937/1938) or as sources write it."""
    found = parse(text)
    if found is None and _ISO_SHAPE.fullmatch(text.strip()):
        raise BadInput(f"--date {text!r}", "not a date (no such day, month or year)")
    if found is None or found.relative_to is not None:
        raise BadInput(f"--date {text!r}", "give one date, e.g. 1940-08-20, 1937-06, 1933")
    return found


def _span(text: str, quote: str | None, leaf_id: int) -> tuple[int, int]:
    """Where the cited words are on the leaf (the whole leaf if none are given)."""
    if not quote or not quote.strip():
        return 0, len(text)
    at = text.find(quote.strip())
    if at < 0:
        at = text.casefold().find(quote.strip().casefold())
    if at < 0:
        raise BadInput(f"--quote {quote!r}", f"not found on leaf {leaf_id}")
    return at, at + len(quote.strip())


__all__ = ["PROPERTIES", "ClaimInput", "Evidence", "Filter"]
