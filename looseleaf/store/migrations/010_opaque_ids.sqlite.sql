-- Opaque ids (see looseleaf/store/ids.py): a secret and a counter per kind,
-- and each row's place in arrival order, kept beside its id so that lists
-- never order by id. Rows made before keep their ids; new ids are nine
-- digits, above any an older registry has issued.
--
-- A dossier's title is unique among dossiers of one marking only, so that a
-- registrar who cannot see a dossier can neither find it by its title nor
-- stitch into it: SQLite can change a UNIQUE constraint only by rebuilding
-- the table, which needs foreign keys off while the old table is dropped.
-- looseleaf: foreign keys off

CREATE TABLE id_keys (
    kind TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    issued BIGINT NOT NULL
);

INSERT INTO id_keys (kind, secret, issued)
SELECT kind, lower(hex(randomblob(16))), 0 FROM (
    SELECT 'claim' AS kind UNION ALL SELECT 'dossier' UNION ALL SELECT 'grant'
    UNION ALL SELECT 'leaf' UNION ALL SELECT 'note' UNION ALL SELECT 'person'
    UNION ALL SELECT 'report' UNION ALL SELECT 'slip' UNION ALL SELECT 'suggestion'
);

CREATE TABLE dossiers_rebuilt (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    marking_id BIGINT NOT NULL REFERENCES markings (id),
    created_at TEXT NOT NULL,
    arrival BIGINT,
    UNIQUE (title, marking_id)
);
INSERT INTO dossiers_rebuilt (id, title, marking_id, created_at, arrival)
SELECT id, title, marking_id, created_at, id FROM dossiers;
DROP TABLE dossiers;
ALTER TABLE dossiers_rebuilt RENAME TO dossiers;
CREATE INDEX dossiers_by_title ON dossiers (title);

ALTER TABLE reports ADD COLUMN arrival BIGINT;
UPDATE reports SET arrival = id;
ALTER TABLE leaves ADD COLUMN arrival BIGINT;
UPDATE leaves SET arrival = id;
ALTER TABLE persons ADD COLUMN arrival BIGINT;
UPDATE persons SET arrival = id;
ALTER TABLE claims ADD COLUMN arrival BIGINT;
UPDATE claims SET arrival = id;
ALTER TABLE slips ADD COLUMN arrival BIGINT;
UPDATE slips SET arrival = id;
ALTER TABLE notes ADD COLUMN arrival BIGINT;
UPDATE notes SET arrival = id;
ALTER TABLE grants ADD COLUMN arrival BIGINT;
UPDATE grants SET arrival = id;
ALTER TABLE suggestions ADD COLUMN arrival BIGINT;
UPDATE suggestions SET arrival = id;
