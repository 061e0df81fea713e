-- Changing the policy (docs/policy-changes.md): every rule-set version ever proposed, its backtests,
-- and the re-evaluation of everyone on file when a version takes effect. `rulesets` keeps its
-- meaning: the versions that were ever active, with the files they were compiled from.

-- A proposal: the whole set (DRL files, units.yml, scenarios) and its life. The row's status moves
-- DRAFT -> APPROVED -> ACTIVE -> RETIRED, or DRAFT -> REJECTED; each step is an audit entry.
CREATE TABLE ruleset_proposals (
    version          VARCHAR(64)   PRIMARY KEY,
    files            ${text}       NOT NULL,
    description      VARCHAR(2000) NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    proposed_by      VARCHAR(64)   NOT NULL,
    proposed_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    scenarios        ${text}       NOT NULL,
    decided_by       VARCHAR(64),
    decided_at       TIMESTAMP WITH TIME ZONE,
    decision_reasons ${text},
    effective_from   DATE,
    activated_at     TIMESTAMP WITH TIME ZONE,
    retired_at       TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ruleset_proposals_status ON ruleset_proposals (status);

-- The versions activated before proposals existed: the latest one is the active set.
INSERT INTO ruleset_proposals (version, files, description, status, proposed_by, proposed_at, scenarios,
                               activated_at, retired_at)
SELECT r.version, r.files, 'rules/ at start-up', 
       CASE WHEN r.activated_at = (SELECT MAX(activated_at) FROM rulesets) THEN 'ACTIVE' ELSE 'RETIRED' END,
       'system', r.activated_at, '{"passed":0,"failed":0,"failures":[]}', r.activated_at,
       CASE WHEN r.activated_at = (SELECT MAX(activated_at) FROM rulesets) THEN NULL
            ELSE (SELECT MIN(n.activated_at) FROM rulesets n WHERE n.activated_at > r.activated_at) END
  FROM rulesets r;

-- A backtest of a proposal against the set active when it started. `done` and `heartbeat_at` move
-- while it runs; a RUNNING row whose heartbeat stopped (its instance ended) reads as FAILED.
CREATE TABLE backtests (
    id            VARCHAR(36)  PRIMARY KEY,
    version       VARCHAR(64)  NOT NULL REFERENCES ruleset_proposals (version),
    against       VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    started_by    VARCHAR(64)  NOT NULL,
    as_of         DATE         NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    done          INTEGER      NOT NULL,
    total         INTEGER      NOT NULL,
    report        ${text},
    report_sha256 VARCHAR(64),
    error         VARCHAR(2000)
);
CREATE INDEX backtests_version ON backtests (version, started_at);

-- The re-evaluation of every clearance on file under a version that took effect: a cursor over
-- (officer, unit) moved in the same transaction as each batch's changes, so a crash resumes exactly
-- where the last committed batch ended.
CREATE TABLE ruleset_activations (
    version       VARCHAR(64) PRIMARY KEY REFERENCES ruleset_proposals (version),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    as_of         DATE        NOT NULL,
    after_officer VARCHAR(64),
    after_unit    VARCHAR(32),
    done          INTEGER     NOT NULL,
    changed       INTEGER     NOT NULL,
    total         INTEGER     NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE
);
