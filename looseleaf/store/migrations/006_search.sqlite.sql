-- Full-text search over leaves' normalised text: an external-content FTS5
-- index (the text is stored once, in leaves) whose tokenizer folds case and
-- diacritics, so "dzierzynski" finds Dzierżyński. Rows are added by the
-- store when leaves are stitched (store/search.py), not by triggers.
CREATE VIRTUAL TABLE leaf_search USING fts5(
    normalised,
    content = 'leaves',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO leaf_search (leaf_search) VALUES ('rebuild');
