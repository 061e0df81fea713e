-- Adverse decisions (policy v1.3, section 9; docs/api.md "Adverse cases"). A clearance that would be
-- DENIED or REVOKED under a rule set with the section's clocks becomes DENIAL_PROPOSED or
-- REVOCATION_PROPOSED and an adverse case is opened for it, in the same transaction.
ALTER TABLE clearances DROP CONSTRAINT clearances_status_known;
ALTER TABLE clearances ADD CONSTRAINT clearances_status_known CHECK (status IN (
    'ACTIVE', 'PENDING_ADJUDICATION', 'PENDING_INFORMATION', 'DENIED', 'SUSPENDED', 'REVOKED', 'EXPIRED',
    'DENIAL_PROPOSED', 'REVOCATION_PROPOSED'));
ALTER TABLE clearance_events DROP CONSTRAINT clearance_events_status_known;
ALTER TABLE clearance_events ADD CONSTRAINT clearance_events_status_known CHECK (status IN (
    'ACTIVE', 'PENDING_ADJUDICATION', 'PENDING_INFORMATION', 'DENIED', 'SUSPENDED', 'REVOKED', 'EXPIRED',
    'DENIAL_PROPOSED', 'REVOCATION_PROPOSED'));
ALTER TABLE clearance_events DROP CONSTRAINT clearance_events_cause_known;
ALTER TABLE clearance_events ADD CONSTRAINT clearance_events_cause_known CHECK (cause IN (
    'EVALUATION', 'ADJUDICATION', 'EXPIRY', 'CORRECTION', 'RULE_CHANGE', 'SCREENING', 'ADVERSE_DECISION'));

-- One case per proposal. open_key is '<officer> <unit>' while the case is open and NULL once it is
-- CLOSED: a clearance has at most one open case. The clocks are the rule set's when the case opened
-- (a later rule set does not move a running window). Dates are calendar days in the service's zone.
CREATE TABLE adverse_cases (
    case_id          VARCHAR(36)  NOT NULL PRIMARY KEY,
    officer_id       VARCHAR(64)  NOT NULL,
    unit             VARCHAR(32)  NOT NULL,
    kind             VARCHAR(16)  NOT NULL,
    stage            VARCHAR(20)  NOT NULL,
    result           VARCHAR(16),
    evaluation_id    VARCHAR(36)  NOT NULL,
    opened_by        VARCHAR(64)  NOT NULL,
    opened_cause     VARCHAR(20)  NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    reply_days       INT          NOT NULL,
    extension_days   INT          NOT NULL,
    appeal_days      INT          NOT NULL,
    languages        VARCHAR(16),
    notice_issued_by VARCHAR(64),
    notice_issued_at TIMESTAMP WITH TIME ZONE,
    reply_due_on     DATE,
    extended_to      DATE,
    reconsidered_by  VARCHAR(64),
    final_at         TIMESTAMP WITH TIME ZONE,
    appeal_due_on    DATE,
    closed_at        TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    open_key         VARCHAR(100) UNIQUE
);
ALTER TABLE adverse_cases ADD CONSTRAINT adverse_cases_kind_known CHECK (kind IN ('DENIAL', 'REVOCATION'));
ALTER TABLE adverse_cases ADD CONSTRAINT adverse_cases_stage_known CHECK (stage IN (
    'PROPOSED', 'NOTICE_ISSUED', 'RECONSIDERATION', 'FINAL', 'APPEALED', 'CLOSED'));
ALTER TABLE adverse_cases ADD CONSTRAINT adverse_cases_result_known CHECK (result IN ('UPHELD', 'WITHDRAWN', 'REVERSED'));
CREATE INDEX adverse_cases_officer ON adverse_cases (officer_id, unit);
CREATE INDEX adverse_cases_stage ON adverse_cases (stage, case_id);

-- Every step of a case, append-only: who did what, when, with what text (reasons, a reply, an
-- appeal), decision (UPHOLD, WITHDRAW, REVERSE), days (an extension) and the evaluation it rests on
-- (the one that opened the case; the file as it stood at reconsideration or at the board's reversal).
CREATE TABLE adverse_steps (
    step_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    case_id   VARCHAR(36)  NOT NULL REFERENCES adverse_cases (case_id),
    step      VARCHAR(20)  NOT NULL,
    actor     VARCHAR(64)  NOT NULL,
    at        TIMESTAMP WITH TIME ZONE NOT NULL,
    text      ${text},
    decision  VARCHAR(20),
    days      INT,
    evaluation_id VARCHAR(36)
);
ALTER TABLE adverse_steps ADD CONSTRAINT adverse_steps_step_known CHECK (step IN (
    'OPENED', 'NOTICE', 'REPLY', 'EXTENSION', 'WINDOW_CLOSED', 'RECONSIDERATION', 'APPEAL', 'APPEAL_LAPSED',
    'VOTE', 'CLOSED'));
CREATE INDEX adverse_steps_case ON adverse_steps (case_id, at);

-- The letters as sent: the PDF (base64), its text and SHA-256 (also in the audit chain).
CREATE TABLE adverse_letters (
    letter_id  VARCHAR(36)  NOT NULL PRIMARY KEY,
    case_id    VARCHAR(36)  NOT NULL REFERENCES adverse_cases (case_id),
    kind       VARCHAR(8)   NOT NULL,
    language   VARCHAR(2)   NOT NULL,
    sha256     VARCHAR(64)  NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    step_id    VARCHAR(36)  NOT NULL REFERENCES adverse_steps (step_id),
    text       ${text}      NOT NULL,
    pdf        ${text}      NOT NULL
);
ALTER TABLE adverse_letters ADD CONSTRAINT adverse_letters_kind_known CHECK (kind IN ('NOTICE', 'FINAL'));
ALTER TABLE adverse_letters ADD CONSTRAINT adverse_letters_language_known CHECK (language IN ('EN', 'ES'));
CREATE INDEX adverse_letters_case ON adverse_letters (case_id, created_at);
