-- The name of each officer on file, from their latest record, so that rosters and queues can show
-- who a clearance or a case is about. NULL for officers whose latest submission came before this
-- version, until their next one.
ALTER TABLE officers ADD COLUMN given_name VARCHAR(200);
ALTER TABLE officers ADD COLUMN family_name VARCHAR(200);
