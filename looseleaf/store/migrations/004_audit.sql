-- Signed checkpoints of the event log's Merkle tree (RFC 6962 tree heads).
-- The signing key lives outside the registry; a checkpoint names the key it
-- was signed with by fingerprint.

CREATE TABLE checkpoints (
    id {pk},
    size BIGINT NOT NULL UNIQUE,
    root TEXT NOT NULL,
    frontier TEXT NOT NULL,
    at TEXT NOT NULL,
    key_id TEXT NOT NULL,
    signature TEXT NOT NULL
);

CREATE INDEX events_by_actor ON events (actor, action, at);
CREATE INDEX events_by_action ON events (action, id);
