-- Need-to-know access: readers and their clearance, roles, tokens, login
-- attempts, request slips, grants, numbered copies and working files.

CREATE TABLE readers (
    id {pk},
    name TEXT NOT NULL UNIQUE,
    level INTEGER NOT NULL REFERENCES levels (rank),
    password_hash TEXT,
    created_at TEXT NOT NULL,
    disabled_at TEXT
);

CREATE TABLE reader_compartments (
    reader_id BIGINT NOT NULL REFERENCES readers (id),
    compartment_id BIGINT NOT NULL REFERENCES compartments (id),
    PRIMARY KEY (reader_id, compartment_id)
);

CREATE TABLE reader_roles (
    reader_id BIGINT NOT NULL REFERENCES readers (id),
    role TEXT NOT NULL,
    PRIMARY KEY (reader_id, role)
);

-- API tokens are stored only as their SHA-256: a stolen database yields no token.
CREATE TABLE tokens (
    id {pk},
    reader_id BIGINT NOT NULL REFERENCES readers (id),
    digest TEXT NOT NULL UNIQUE,
    label TEXT,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT
);

CREATE TABLE logins (
    id {pk},
    name TEXT NOT NULL,
    at TEXT NOT NULL,
    ok INTEGER NOT NULL
);

CREATE INDEX logins_by_name ON logins (name, at);

CREATE TABLE slips (
    id {pk},
    reader_id BIGINT NOT NULL REFERENCES readers (id),
    purpose TEXT NOT NULL,
    scope_kind TEXT NOT NULL,
    scope TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at TEXT NOT NULL,
    decided_at TEXT,
    decided_by TEXT,
    returned_at TEXT
);

CREATE INDEX slips_by_reader ON slips (reader_id, status);

-- The leaves a slip proposes, and the custodian's decision on each.
CREATE TABLE slip_leaves (
    slip_id BIGINT NOT NULL REFERENCES slips (id),
    leaf_id BIGINT NOT NULL REFERENCES leaves (id),
    decision TEXT,
    PRIMARY KEY (slip_id, leaf_id)
);

CREATE TABLE grants (
    id {pk},
    reader_id BIGINT NOT NULL REFERENCES readers (id),
    leaf_id BIGINT NOT NULL REFERENCES leaves (id),
    slip_id BIGINT REFERENCES slips (id),
    purpose TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at TEXT
);

CREATE INDEX grants_by_reader_leaf ON grants (reader_id, leaf_id, expires_at);
CREATE INDEX grants_by_slip ON grants (slip_id);

-- A copy's id is its number: numbers are never reused.
CREATE TABLE copies (
    id {pk},
    reader_id BIGINT NOT NULL REFERENCES readers (id),
    purpose TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    pages INTEGER NOT NULL,
    returned_at TEXT,
    returned_to TEXT
);

CREATE TABLE copy_leaves (
    copy_id BIGINT NOT NULL REFERENCES copies (id),
    leaf_id BIGINT NOT NULL REFERENCES leaves (id),
    position INTEGER NOT NULL,
    PRIMARY KEY (copy_id, leaf_id)
);

CREATE TABLE notes (
    id {pk},
    reader_id BIGINT NOT NULL REFERENCES readers (id),
    text TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE note_citations (
    note_id BIGINT NOT NULL REFERENCES notes (id),
    leaf_id BIGINT NOT NULL REFERENCES leaves (id),
    PRIMARY KEY (note_id, leaf_id)
);

CREATE INDEX notes_by_reader ON notes (reader_id);
