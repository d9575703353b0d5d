-- Records proposed from the holdings (looseleaf/cardindex/proposal.py): the
-- names no record holds, grouped into the persons they most likely are. A
-- registrar accepts one (it becomes a record) or rejects it (remembered: its
-- name is not proposed again). Ids come from the suggestions' counter, so
-- one id names either.

CREATE TABLE proposals (
    id BIGINT PRIMARY KEY,
    arrival BIGINT NOT NULL,
    preferred TEXT NOT NULL,
    folded TEXT NOT NULL,
    forms TEXT NOT NULL,
    score REAL NOT NULL,
    reasons TEXT NOT NULL,
    status TEXT NOT NULL,
    person_id BIGINT REFERENCES persons (id),
    created_at TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT
);

CREATE INDEX proposals_by_status ON proposals (status, arrival);
CREATE INDEX proposals_by_name ON proposals (folded);
