-- SQLite keeps a leaf's texts inline, before its marking: reading marking_id
-- for every full-text match walked the text's overflow pages. This narrow
-- covering index holds what the access rule and search need. marking_id is
-- last on purpose: second, it would make the planner probe the index once per
-- allowed marking for every match. At 100,000 leaves a common word went from
-- 63 ms to 18 ms for a narrow reader.
CREATE INDEX leaves_access ON leaves (id, dossier_id, report_id, withdrawn_at, marking_id);
