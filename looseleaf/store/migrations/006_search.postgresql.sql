-- Full-text search over leaves' normalised text: a text search configuration
-- that folds case and diacritics (unaccent, then simple: no stemming, so both
-- backends find the same words), a generated tsvector and a GIN index.
CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;

CREATE TEXT SEARCH CONFIGURATION looseleaf (COPY = pg_catalog.simple);

ALTER TEXT SEARCH CONFIGURATION looseleaf
    ALTER MAPPING FOR hword, hword_part, word, asciihword, asciiword, hword_asciipart
    WITH public.unaccent, simple;

ALTER TABLE leaves ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('looseleaf', normalised)) STORED;

CREATE INDEX leaves_search ON leaves USING GIN (search);
