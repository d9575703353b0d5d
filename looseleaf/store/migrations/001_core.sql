-- The registry core: levels, compartments, interned markings, sources,
-- dossiers, reports stitched on in arrival order, and leaves.
-- {pk}, {blob} are filled in per dialect; everything else is shared SQL.

CREATE TABLE levels (
    rank INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE compartments (
    id {pk},
    name TEXT NOT NULL UNIQUE
);

-- A marking is interned once (level + compartment set) and referenced by
-- id, so the access rule compiles to a test on a handful of marking rows
-- rather than on every leaf's compartments.
CREATE TABLE markings (
    id {pk},
    level INTEGER NOT NULL REFERENCES levels (rank),
    key TEXT NOT NULL UNIQUE
);

CREATE TABLE marking_compartments (
    marking_id BIGINT NOT NULL REFERENCES markings (id),
    compartment_id BIGINT NOT NULL REFERENCES compartments (id),
    PRIMARY KEY (marking_id, compartment_id)
);

CREATE TABLE sources (
    id {pk},
    title TEXT NOT NULL,
    author TEXT,
    date TEXT,
    publication TEXT,
    licence TEXT,
    grade TEXT
);

CREATE TABLE dossiers (
    id {pk},
    title TEXT NOT NULL UNIQUE,
    marking_id BIGINT NOT NULL REFERENCES markings (id),
    created_at TEXT NOT NULL
);

CREATE TABLE reports (
    id {pk},
    dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
    seq INTEGER NOT NULL,
    filename TEXT NOT NULL,
    media_type TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    size BIGINT NOT NULL,
    source_id BIGINT NOT NULL REFERENCES sources (id),
    received_at TEXT NOT NULL,
    withdrawn_at TEXT,
    UNIQUE (dossier_id, seq),
    UNIQUE (dossier_id, sha256)
);

CREATE TABLE leaves (
    id {pk},
    report_id BIGINT NOT NULL REFERENCES reports (id),
    dossier_id BIGINT NOT NULL REFERENCES dossiers (id),
    position INTEGER NOT NULL,
    label TEXT,
    original TEXT NOT NULL,
    normalised TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    chars INTEGER NOT NULL,
    marking_id BIGINT NOT NULL REFERENCES markings (id),
    withdrawn_at TEXT,
    UNIQUE (report_id, position)
);

CREATE INDEX leaves_by_dossier ON leaves (dossier_id, marking_id);
