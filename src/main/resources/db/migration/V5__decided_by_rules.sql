-- What used to be re-derived in Java and SQL is now decided by the outcome rules and stored with
-- the evaluation (docs/policy.md "Outcome"): the day re-vetting is due for each validity, and what
-- an adjudicator may do with the evaluation (NONE, DECISION, WAIVER). Evaluations stored before
-- this migration keep NULL here: their audited content is unchanged, and a NULL adjudication path
-- is never a waiver (such a case is re-submitted to be waived).
ALTER TABLE evaluations ADD COLUMN revetting_from DATE;
ALTER TABLE evaluations ADD COLUMN grant_revetting_from DATE;
ALTER TABLE evaluations ADD COLUMN conditional_revetting_from DATE;
ALTER TABLE evaluations ADD COLUMN adjudication VARCHAR(16);

-- The clearance carries the day its re-vetting is due, set with its validity.
ALTER TABLE clearances ADD COLUMN revetting_from DATE;
ALTER TABLE clearance_events ADD COLUMN revetting_from DATE;

-- Clearances set before this migration: every unit of rule sets up to then gave 60 days' notice.
UPDATE clearances SET revetting_from = valid_until - INTERVAL '60' DAY WHERE valid_until IS NOT NULL;

CREATE INDEX evaluations_adjudication ON evaluations (adjudication);
