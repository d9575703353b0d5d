-- What a record is in the files (issue 15): the subject of a file, a third
-- party, a staff member or an informer, a beneficiary, a public figure; the
-- redaction of the next issues reads it. Dates of birth and death say where
-- they come from: entered by whom, or which accepted claim.

ALTER TABLE persons ADD COLUMN category TEXT;
ALTER TABLE persons ADD COLUMN born_source TEXT;
ALTER TABLE persons ADD COLUMN died_source TEXT;
