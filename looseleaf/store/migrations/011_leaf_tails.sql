-- What followed a leaf's text in its file: the whitespace and form feed up
-- to the next leaf. It belongs to the report, not the leaf: a leaf's text
-- ending in a form feed would tell its reader that a page follows, hidden
-- or not. The leaves' texts and tails, in order, are the file's text again.

ALTER TABLE leaves ADD COLUMN tail TEXT NOT NULL DEFAULT '';
