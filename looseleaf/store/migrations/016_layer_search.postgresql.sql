-- A class's layer of a leaf is searched instead of the leaf, by the readers
-- it is for: the same configuration as the leaves' own index.
ALTER TABLE leaf_layers ADD COLUMN search tsvector
    GENERATED ALWAYS AS (to_tsvector('looseleaf', normalised)) STORED;

CREATE INDEX leaf_layers_search ON leaf_layers USING GIN (search);
