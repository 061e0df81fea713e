-- Adjudication (POLICY.md section 5, issue 5). Rows are written once. A waiver of waivable
-- DISQUALIFYING codes takes two adjudicators: the first approval is a row with stage
-- FIRST_APPROVAL, the decision a row with stage FINAL. The unique columns make "one first
-- approval and one decision per evaluation" hold in the database, whichever instance writes.
CREATE TABLE adjudications (
    id            VARCHAR(36)   PRIMARY KEY,
    evaluation_id VARCHAR(36)   NOT NULL REFERENCES evaluations (id),
    officer_id    VARCHAR(64)   NOT NULL,
    unit          VARCHAR(32)   NOT NULL,
    stage         VARCHAR(16)   NOT NULL,
    decision      VARCHAR(8)    NOT NULL,
    reasons       ${text}       NOT NULL,
    conditions    ${text}       NOT NULL,
    waived        ${text}       NOT NULL,
    adjudicator   VARCHAR(64)   NOT NULL,
    at            TIMESTAMP WITH TIME ZONE NOT NULL,
    first_for     VARCHAR(36)   UNIQUE,
    final_for     VARCHAR(36)   UNIQUE
);
CREATE INDEX adjudications_evaluation ON adjudications (evaluation_id);
