-- The evidence layer: claims cited to a span of a leaf, and registrars'
-- notes on conflicts between them. A claim is marked by its leaf: whoever
-- may not read the leaf never sees the claim.

CREATE TABLE claims (
    id {pk},
    leaf_id BIGINT NOT NULL REFERENCES leaves (id),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    quote TEXT NOT NULL,
    -- A card-index record, or (until one is made) the name as written.
    subject_id BIGINT REFERENCES persons (id),
    subject TEXT NOT NULL,
    property TEXT NOT NULL,
    value TEXT,
    value_id BIGINT REFERENCES persons (id),
    -- The first and last day the date can mean, its precision and its words.
    date_first TEXT,
    date_last TEXT,
    date_precision TEXT,
    date_text TEXT,
    relative_to TEXT,
    place TEXT,
    planned INTEGER NOT NULL,
    status TEXT NOT NULL,
    credibility INTEGER,
    made_by TEXT NOT NULL,
    made_at TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT
);

CREATE INDEX claims_by_leaf ON claims (leaf_id);
CREATE INDEX claims_by_subject ON claims (subject_id, property);
CREATE INDEX claims_by_status ON claims (status);

-- "The heading gives the death date, the text the attack date": a note is
-- about a set of claims and is shown only to whoever may see all of them.
CREATE TABLE conflict_notes (
    id {pk},
    claim_ids TEXT NOT NULL,
    text TEXT NOT NULL,
    made_by TEXT NOT NULL,
    made_at TEXT NOT NULL
);
