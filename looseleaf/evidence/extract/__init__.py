"""Suggested claims: dated statements about named subjects, found in leaf text
for a registrar to accept or reject.

A report is read as one text (a sentence may run from one leaf onto the
next), sentence by sentence and clause by clause, by a pipeline of stages,
one module each:

- names: those the card index found, their surnames wherever else they
  stand in the report (as the one person of that surname named in full),
  names written surname first ("KHARLAMOV Grigory Ivanovich", "Rudenko
  A. S."), acronyms of organisations, and a capitalised word as the
  subject of a passive verb ("Reilly was tried");
- sentences: where the text divides into sentences and clauses (a footnote
  mark ends one, "G. I." and "Mar." do not; a chronology's lines and a
  protocol's answers stand apart);
- attribution: who speaks ("I" is the byline's or the letter's signer, the
  person a protocol questions in an answer's line, the person quoted; "the
  accused" is the respondent);
- dating: a date belongs to the event word nearest it in its clause; an
  entry of a chronology is dated by the date it opens with; a clause
  without a date takes the date that opens its sentence, or what the
  sentence points back to (the trial, the verdict, a diary's entry);
- events: the words of lexicon.py, each with the frame that says where its
  subject stands (subjects: before a passive verb, after an active one,
  after "the death of" ...), with its place, post, term or new name;
- values: counts of victims with their period, death sentences of a case,
  how many were tried together, lists of persons each with a date, what a
  body absorbed;
- roles: parts in a proceeding and a form's dated fields;
- report: the pass itself, and the entry points below.

A plan, an order or an estimate is marked planned, never passed off as what
happened. Nothing here is tuned to particular sentences: every rule is a
word list or a shape of English; tests/data/claims.yaml and the labelled
cases of benchmarks/data/evidence/ measure how far they reach
(benchmarks/claims.py, benchmarks/conflicts.py).
"""

from __future__ import annotations

from looseleaf.evidence.extract.names import Name
from looseleaf.evidence.extract.report import Found, suggest, suggest_report

__all__ = ["Found", "Name", "suggest", "suggest_report"]
