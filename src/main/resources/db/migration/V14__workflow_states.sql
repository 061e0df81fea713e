-- Every workflow state is one of a closed set, named by a Java enum (org.vetting.api.*Status,
-- ClearanceCause, AdjudicationStage; clearance.ClearanceStatus; rules.Outcome and AdjudicationPath).
-- The database refuses any other value, so an invalid state cannot be stored by any path, the
-- service's or a hand-written statement. WorkflowStatesTest holds these lists equal to the enums.
ALTER TABLE clearances ADD CONSTRAINT clearances_status_known CHECK (status IN (
    'ACTIVE', 'PENDING_ADJUDICATION', 'PENDING_INFORMATION', 'DENIED', 'SUSPENDED', 'REVOKED', 'EXPIRED'));
ALTER TABLE clearance_events ADD CONSTRAINT clearance_events_status_known CHECK (status IN (
    'ACTIVE', 'PENDING_ADJUDICATION', 'PENDING_INFORMATION', 'DENIED', 'SUSPENDED', 'REVOKED', 'EXPIRED'));
ALTER TABLE clearance_events ADD CONSTRAINT clearance_events_cause_known CHECK (cause IN (
    'EVALUATION', 'ADJUDICATION', 'EXPIRY', 'CORRECTION', 'RULE_CHANGE', 'SCREENING'));
ALTER TABLE evaluations ADD CONSTRAINT evaluations_outcome_known CHECK (outcome IN (
    'ELIGIBLE', 'CONDITIONAL', 'REFERRED', 'INCOMPLETE', 'INELIGIBLE'));
-- NULL: evaluations stored before the rules decided the path (V5)
ALTER TABLE evaluations ADD CONSTRAINT evaluations_adjudication_known CHECK (adjudication IN (
    'NONE', 'DECISION', 'WAIVER'));
ALTER TABLE adjudications ADD CONSTRAINT adjudications_stage_known CHECK (stage IN ('FIRST_APPROVAL', 'FINAL'));
ALTER TABLE adjudications ADD CONSTRAINT adjudications_decision_known CHECK (decision IN ('GRANT', 'DENY'));
ALTER TABLE corrections ADD CONSTRAINT corrections_status_known CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED'));
ALTER TABLE ruleset_proposals ADD CONSTRAINT ruleset_proposals_status_known CHECK (status IN (
    'DRAFT', 'APPROVED', 'ACTIVE', 'REJECTED', 'RETIRED'));
ALTER TABLE backtests ADD CONSTRAINT backtests_status_known CHECK (status IN ('RUNNING', 'DONE', 'FAILED'));
ALTER TABLE watchlist_versions ADD CONSTRAINT watchlist_versions_status_known CHECK (status IN (
    'PENDING_APPROVAL', 'ACTIVE', 'SUPERSEDED', 'REJECTED'));
ALTER TABLE screening_hits ADD CONSTRAINT screening_hits_status_known CHECK (status IN (
    'OPEN', 'DISMISSAL_PENDING', 'CONFIRMED', 'DISMISSED'));
ALTER TABLE screening_reviews ADD CONSTRAINT screening_reviews_decision_known CHECK (decision IN ('CONFIRM', 'DISMISS'));
