-- Events: every change to the registry (ingest, withdrawal, marking) and
-- every read of leaf text is recorded here, in order. The audit log
-- (Merkle tree, checkpoints) is built over these rows.
-- Reports keep the original file bytes for formats whose leaves are
-- extracted text (HTML, PDF); text formats are their leaves, concatenated.

CREATE TABLE events (
    id {pk},
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT,
    detail TEXT NOT NULL
);

CREATE INDEX events_by_target ON events (target);

ALTER TABLE reports ADD COLUMN original {blob};
