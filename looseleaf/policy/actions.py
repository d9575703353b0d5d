"""Every action the policy decides, in one alphabetised list, and the staff
role each one needs. An action missing here is denied: deny by default."""

from __future__ import annotations

from enum import StrEnum

from looseleaf.model import Role


class Action(StrEnum):
    AUDIT_READ = "audit.read"
    CLAIM_DECIDE = "claim.decide"
    CLAIM_MAKE = "claim.make"
    COPY_ISSUE = "copy.issue"
    COPY_RETURN = "copy.return"
    COPY_VERIFY = "copy.verify"
    DOSSIER_SEE = "dossier.see"
    LEAF_MARK = "leaf.mark"
    LEAF_READ = "leaf.read"
    LEAF_REDACT = "leaf.redact"
    LEAF_REVIEW = "leaf.review"
    LEAF_SEARCH = "leaf.search"
    LEAF_WITHDRAW = "leaf.withdraw"
    NOTE_WRITE = "note.write"
    PERSON_CURATE = "person.curate"
    PERSON_DECODE = "person.decode"
    PERSON_SEARCH = "person.search"
    PERSON_SEE = "person.see"
    POLICY_EXPLAIN = "policy.explain"
    READER_MANAGE = "reader.manage"
    REDACTION_POLICY = "redaction.policy"
    REPORT_INGEST = "report.ingest"
    SLIP_DECIDE = "slip.decide"
    SLIP_REQUEST = "slip.request"
    SOURCE_EDIT = "source.edit"
    TOKEN_MANAGE = "token.manage"  # noqa: S105 - an action name, not a secret
    TOKEN_OWN = "token.own"  # noqa: S105 - an action name, not a secret


#: Actions that any active account may take on its own behalf.
ANY_READER: frozenset[Action] = frozenset(
    {
        Action.CLAIM_MAKE,
        Action.LEAF_SEARCH,
        Action.NOTE_WRITE,
        Action.PERSON_SEARCH,
        Action.SLIP_REQUEST,
        Action.TOKEN_OWN,
    }
)

#: Staff actions and the roles that may take them.
ROLES: dict[Action, frozenset[Role]] = {
    Action.AUDIT_READ: frozenset({Role.AUDITOR}),
    Action.CLAIM_DECIDE: frozenset({Role.REGISTRAR}),
    Action.COPY_ISSUE: frozenset({Role.CUSTODIAN}),
    Action.COPY_RETURN: frozenset({Role.CUSTODIAN}),
    Action.COPY_VERIFY: frozenset({Role.CUSTODIAN, Role.AUDITOR}),
    Action.LEAF_MARK: frozenset({Role.REGISTRAR}),
    Action.LEAF_REDACT: frozenset({Role.CUSTODIAN}),
    Action.LEAF_REVIEW: frozenset({Role.CUSTODIAN}),
    Action.LEAF_WITHDRAW: frozenset({Role.REGISTRAR}),
    Action.PERSON_CURATE: frozenset({Role.REGISTRAR}),
    Action.PERSON_DECODE: frozenset({Role.DECODER, Role.REGISTRAR}),
    Action.POLICY_EXPLAIN: frozenset({Role.ADMIN, Role.AUDITOR, Role.CUSTODIAN, Role.REGISTRAR}),
    Action.READER_MANAGE: frozenset({Role.ADMIN}),
    Action.REDACTION_POLICY: frozenset({Role.ADMIN}),
    Action.REPORT_INGEST: frozenset({Role.REGISTRAR}),
    Action.SLIP_DECIDE: frozenset({Role.CUSTODIAN}),
    Action.SOURCE_EDIT: frozenset({Role.REGISTRAR}),
    Action.TOKEN_MANAGE: frozenset({Role.ADMIN}),
}
