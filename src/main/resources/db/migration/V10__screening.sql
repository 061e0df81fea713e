-- Screening against watchlists (policy v1.2, section 8).

-- A list version: every import is kept. ACTIVE is the one screening uses (one per list); a version
-- that removes entries waits as PENDING_APPROVAL for a second policy officer; SUPERSEDED once another
-- takes effect. based_on: the version that was active when it was imported (its counts are against it).
CREATE TABLE watchlist_versions (
    list_name    VARCHAR(40)  NOT NULL,
    version      INT          NOT NULL,
    format       VARCHAR(20)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    entries      INT          NOT NULL,
    added        INT          NOT NULL,
    removed      INT          NOT NULL,
    changed      INT          NOT NULL,
    based_on     INT,
    files_sha256 VARCHAR(64)  NOT NULL,
    imported_by  VARCHAR(100) NOT NULL,
    imported_at  TIMESTAMP    NOT NULL,
    decided_by   VARCHAR(100),
    decided_at   TIMESTAMP,
    effective_at TIMESTAMP,
    PRIMARY KEY (list_name, version)
);
CREATE INDEX watchlist_versions_status ON watchlist_versions (status);

-- The entries of each version, as imported: names and aliases, qualifiers, and the SHA-256 of the
-- entry's content (a dismissal holds until the entry changes).
CREATE TABLE watchlist_entries (
    list_name    VARCHAR(40)  NOT NULL,
    version      INT          NOT NULL,
    entry_id     VARCHAR(100) NOT NULL,
    content_hash VARCHAR(64)  NOT NULL,
    entry        ${text}      NOT NULL,
    PRIMARY KEY (list_name, version, entry_id)
);

-- A possible match of one subject of an officer's record (the officer, or a named association) to one
-- list entry as it stood (its content hash). Its status is the review's; the review steps are kept in
-- screening_reviews and in the audit chain.
CREATE TABLE screening_hits (
    hit_id         VARCHAR(36)   NOT NULL PRIMARY KEY,
    pair_key       VARCHAR(64)   NOT NULL UNIQUE,
    officer_id     VARCHAR(64)   NOT NULL,
    subject        VARCHAR(80)   NOT NULL,
    subject_name   VARCHAR(400)  NOT NULL,
    list_name      VARCHAR(40)   NOT NULL,
    list_version   INT           NOT NULL,
    entry_id       VARCHAR(100)  NOT NULL,
    content_hash   VARCHAR(64)   NOT NULL,
    entry_name     VARCHAR(400)  NOT NULL,
    score          DECIMAL(5, 4) NOT NULL,
    matched_parts  VARCHAR(4000)  NOT NULL,
    status         VARCHAR(20)   NOT NULL,
    raised_at      TIMESTAMP     NOT NULL,
    updated_at     TIMESTAMP     NOT NULL
);
CREATE INDEX screening_hits_officer ON screening_hits (officer_id);
CREATE INDEX screening_hits_status ON screening_hits (status, raised_at);

CREATE TABLE screening_reviews (
    hit_id      VARCHAR(36)   NOT NULL,
    step        INT           NOT NULL,
    decision    VARCHAR(20)   NOT NULL,
    reasons     VARCHAR(4000) NOT NULL,
    reviewed_by VARCHAR(100)  NOT NULL,
    reviewed_at TIMESTAMP     NOT NULL,
    PRIMARY KEY (hit_id, step)
);

-- What screening found when an evaluation was made (lists and versions, hits and their status): part
-- of the evaluation's input, so a replay gives the rules the same facts. NULL before policy v1.2.
ALTER TABLE evaluations ADD COLUMN screening VARCHAR(1000000);

-- The re-screening of everyone holding a clearance when a list version takes effect: a cursor over
-- the clearances, moved in the same transaction as each batch's work (as ruleset_activations).
CREATE TABLE screening_runs (
    list_name     VARCHAR(40)  NOT NULL,
    version       INT          NOT NULL,
    started_at    TIMESTAMP    NOT NULL,
    after_officer VARCHAR(64)  NOT NULL,
    done          INT          NOT NULL,
    new_hits      INT          NOT NULL,
    reevaluated   INT          NOT NULL,
    total         INT          NOT NULL,
    finished_at   TIMESTAMP,
    PRIMARY KEY (list_name, version)
);
