-- An evaluation's fired rules stored with it, as a JSON list in firing order
-- ([{"sequence", "ruleName", "flag"}]), instead of one fired_rules row (and two index entries) per
-- firing: a submission wrote a dozen rows for them, a fifth of its cost (docs/performance.md).
-- Evaluations stored before keep their rows in fired_rules, which stays and is still read; its
-- audit entries are unchanged (the chain's content is built from the same fired rules either way).
ALTER TABLE evaluations ADD COLUMN fired_rules VARCHAR;
