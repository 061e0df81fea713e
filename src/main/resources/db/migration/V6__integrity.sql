-- Integrity of the process (docs/api.md "Integrity"): need to know by country, privileged roles
-- under two administrators, corrections under four eyes, denials that stand.

-- The country of each officer on file, from their records (required since this version): what a
-- user's countries are compared with. NULL only for officers stored before; `migrate` reports them.
CREATE TABLE officers (
    officer_id VARCHAR(64) PRIMARY KEY,
    country    VARCHAR(2)
);

-- The countries a user may see and act in (every user but an ADMIN has some).
CREATE TABLE user_countries (
    username VARCHAR(64) NOT NULL REFERENCES users (username),
    country  VARCHAR(2)  NOT NULL,
    PRIMARY KEY (username, country)
);

-- Privileged roles (and re-enabling a user who holds one) waiting for a second administrator.
CREATE TABLE pending_grants (
    username     VARCHAR(64) PRIMARY KEY REFERENCES users (username),
    roles        ${text}     NOT NULL,
    enable       BOOLEAN     NOT NULL,
    requested_by VARCHAR(64) NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Corrections of records on file: proposed by one person, decided by another. The row changes once,
-- from PENDING to APPROVED or REJECTED; every step is also an entry of the audit chain.
CREATE TABLE corrections (
    id               VARCHAR(36) PRIMARY KEY,
    officer_id       VARCHAR(64) NOT NULL,
    status           VARCHAR(16) NOT NULL,
    proposed_by      VARCHAR(64) NOT NULL,
    reasons          ${text}     NOT NULL,
    remove_records   ${text}     NOT NULL,
    replace_records  ${text}     NOT NULL,
    record_version   INTEGER     NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    decided_by       VARCHAR(64),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_reasons ${text}
);
CREATE INDEX corrections_status ON corrections (status, created_at);
CREATE INDEX corrections_officer ON corrections (officer_id);

-- A DENIED or REVOKED clearance stands until this day (the unit's reapplyAfterMonths after the
-- change); an evaluation that met a standing denial says from when a new application counts.
ALTER TABLE clearances ADD COLUMN stands_until DATE;
ALTER TABLE clearance_events ADD COLUMN stands_until DATE;
ALTER TABLE evaluations ADD COLUMN reapply_from DATE;

-- Denials set before this version stand for the 12 months every unit gives from this version on.
UPDATE clearances SET stands_until = CAST(updated_at + INTERVAL '12' MONTH AS DATE)
 WHERE status IN ('DENIED', 'REVOKED');

-- An adjudicator's condition is a commander text and, separately, a note for the file.
ALTER TABLE adjudications ADD COLUMN notes ${text};
