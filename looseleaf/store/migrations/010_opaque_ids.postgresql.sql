-- Opaque ids (see looseleaf/store/ids.py): a secret and a counter per kind,
-- and each row's place in arrival order, kept beside its id so that lists
-- never order by id. Rows made before keep their ids; new ids are nine
-- digits, above any an older registry has issued.
--
-- A dossier's title is unique among dossiers of one marking only, so that a
-- registrar who cannot see a dossier can neither find it by its title nor
-- stitch into it.

CREATE TABLE id_keys (
    kind TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    issued BIGINT NOT NULL
);

INSERT INTO id_keys (kind, secret, issued)
SELECT kind, replace(gen_random_uuid()::text, '-', ''), 0
FROM unnest(ARRAY['claim', 'dossier', 'grant', 'leaf', 'note', 'person', 'report', 'slip',
                  'suggestion']) AS kind;

ALTER TABLE dossiers DROP CONSTRAINT dossiers_title_key;
ALTER TABLE dossiers ADD CONSTRAINT dossiers_title_marking UNIQUE (title, marking_id);
CREATE INDEX dossiers_by_title ON dossiers (title);

ALTER TABLE dossiers ADD COLUMN arrival BIGINT;
UPDATE dossiers SET arrival = id;
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
