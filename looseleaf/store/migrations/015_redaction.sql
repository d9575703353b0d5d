-- Redaction layers (issue 17). A reader's class decides which records'
-- names and identifying data are masked for them (the Stasi Records Act's
-- practice); a subject reader is linked to their own record. The policy of
-- each class is the registry's own configuration, so it is recorded like
-- any other decision. A custodian signs off a leaf's spans (versioned; the
-- sign-off holds for the text it was made on), and the masked text of each
-- class is kept as a derived layer, searchable like the leaf itself. The
-- leaf's own text is never changed.

ALTER TABLE readers ADD COLUMN reader_class TEXT NOT NULL DEFAULT 'staff';
ALTER TABLE readers ADD COLUMN person_id BIGINT REFERENCES persons (id);
-- Who recorded that the person consented to their data being shown, when.
ALTER TABLE persons ADD COLUMN consent TEXT;

CREATE TABLE reader_classes (
    name TEXT PRIMARY KEY,
    -- The categories masked, space-separated; "none" is a record without
    -- one, and an identifier (an address, a date of birth) no record holds.
    masks TEXT NOT NULL,
    -- Whether consent, public office and the end of the protection period
    -- lift a mask for this class.
    lapses INTEGER NOT NULL
);

INSERT INTO reader_classes (name, masks, lapses) VALUES
    ('staff', '', 0),
    ('subject', 'third_party subject none', 0),
    ('researcher', 'third_party subject none', 1),
    ('journalist', 'third_party subject none', 1);

CREATE TABLE redactions (
    id {pk},
    leaf_id BIGINT NOT NULL REFERENCES leaves (id),
    version INTEGER NOT NULL,
    -- The leaf text the spans were signed off on: a text read again needs
    -- a new sign-off before it is released to a class again.
    sha256 TEXT NOT NULL,
    signed_by TEXT NOT NULL,
    signed_at TEXT NOT NULL,
    UNIQUE (leaf_id, version)
);

CREATE INDEX redactions_by_leaf ON redactions (leaf_id, sha256);

CREATE TABLE redaction_spans (
    redaction_id BIGINT NOT NULL REFERENCES redactions (id),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL,
    kind TEXT NOT NULL,
    person_id BIGINT REFERENCES persons (id)
);

CREATE INDEX redaction_spans_by_redaction ON redaction_spans (redaction_id);

-- A leaf as a class sees it, where anything is masked for that class:
-- person_id 0 for a reader who is none of the leaf's records, else the
-- subject reader's own record (their own data left in).
CREATE TABLE leaf_layers (
    id {pk},
    leaf_id BIGINT NOT NULL REFERENCES leaves (id),
    reader_class TEXT NOT NULL,
    person_id BIGINT NOT NULL,
    redaction_id BIGINT NOT NULL REFERENCES redactions (id),
    normalised TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    UNIQUE (leaf_id, reader_class, person_id)
);

CREATE TABLE layer_spans (
    layer_id BIGINT NOT NULL REFERENCES leaf_layers (id),
    start_offset INTEGER NOT NULL,
    end_offset INTEGER NOT NULL
);

CREATE INDEX layer_spans_by_layer ON layer_spans (layer_id);

-- The records a class that masks anything may see named (their category
-- not masked for it, or consent given, or protection run out), kept current
-- by the facade when a record, a class's policy or the calendar changes. A
-- record not here is left out of the card index for readers of that class
-- (a subject reader's own record apart): a new record is hidden until a
-- registrar says what it is.
CREATE TABLE shown_records (
    reader_class TEXT NOT NULL,
    person_id BIGINT NOT NULL REFERENCES persons (id),
    PRIMARY KEY (reader_class, person_id)
);

-- When the masks were last brought up to the calendar (a protection period
-- that ends lifts a mask, as a recorded event).
CREATE TABLE redaction_clock (
    id INTEGER PRIMARY KEY,
    checked_on TEXT NOT NULL
);
