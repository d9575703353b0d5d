-- The card index: authority records under every name form, the mentions of
-- them found in leaves, and the registrar's decisions on suggested matches.

-- A record is marked like a dossier title: who may know the record exists.
CREATE TABLE persons (
    id {pk},
    preferred TEXT NOT NULL,
    kind TEXT NOT NULL,
    living INTEGER NOT NULL,
    born TEXT,
    died TEXT,
    marking_id BIGINT NOT NULL REFERENCES markings (id),
    dossier_id BIGINT REFERENCES dossiers (id),
    merged_into BIGINT REFERENCES persons (id),
    note TEXT,
    created_at TEXT NOT NULL
);

CREATE INDEX persons_by_dossier ON persons (dossier_id);

-- Cover and code names are forms like any other in storage; the policy
-- shows them only to readers who may decode them.
CREATE TABLE name_forms (
    id {pk},
    person_id BIGINT NOT NULL REFERENCES persons (id),
    form TEXT NOT NULL,
    folded TEXT NOT NULL,
    type TEXT NOT NULL,
    valid_from TEXT,
    valid_to TEXT,
    status TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE INDEX name_forms_by_person ON name_forms (person_id);
CREATE INDEX name_forms_by_folded ON name_forms (folded);

-- Organisations succeed one another (Cheka, GPU, OGPU, NKVD ...).
CREATE TABLE successions (
    predecessor_id BIGINT NOT NULL REFERENCES persons (id),
    successor_id BIGINT NOT NULL REFERENCES persons (id),
    at TEXT,
    PRIMARY KEY (predecessor_id, successor_id)
);

CREATE TABLE mentions (
    id {pk},
    leaf_id BIGINT NOT NULL REFERENCES leaves (id),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    text TEXT NOT NULL,
    method TEXT NOT NULL,
    person_id BIGINT REFERENCES persons (id),
    form_id BIGINT REFERENCES name_forms (id)
);

CREATE INDEX mentions_by_leaf ON mentions (leaf_id);
CREATE INDEX mentions_by_person ON mentions (person_id, leaf_id);

-- What the matcher or an alias sentence proposes, for the registrar.
CREATE TABLE suggestions (
    id {pk},
    kind TEXT NOT NULL,
    form TEXT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    other_id BIGINT REFERENCES persons (id),
    score REAL NOT NULL,
    reasons TEXT NOT NULL,
    leaf_id BIGINT REFERENCES leaves (id),
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    decided_by TEXT,
    decided_at TEXT
);

CREATE INDEX suggestions_by_status ON suggestions (status);

-- A registrar's decision that two name forms do or do not name one record,
-- remembered so that the same suggestion is never made again.
CREATE TABLE match_decisions (
    a TEXT NOT NULL,
    b TEXT NOT NULL,
    same INTEGER NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    PRIMARY KEY (a, b)
);
