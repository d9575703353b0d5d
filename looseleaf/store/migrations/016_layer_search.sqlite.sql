-- A class's layer of a leaf is searched instead of the leaf, by the readers
-- it is for: the same tokenizer as the leaves' own index.
CREATE VIRTUAL TABLE layer_search USING fts5(
    normalised,
    content = 'leaf_layers',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
