-- Who is signing in (docs/api.md, "Sign-in"): server-side sessions, second factors and recovery
-- codes. A session is known by the SHA-256 of its random identifier only, so a copy of this table
-- signs nobody in; every instance reads it, so a sign-out or a disabled user ends the session
-- everywhere at once.
CREATE TABLE sessions (
    id_hash          VARCHAR(64) PRIMARY KEY,
    username         VARCHAR(64) NOT NULL REFERENCES users (username),
    csrf_token       VARCHAR(64) NOT NULL,
    stage            VARCHAR(32) NOT NULL,
    method           VARCHAR(32) NOT NULL,
    address          VARCHAR(64) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    second_factor_at TIMESTAMP WITH TIME ZONE,
    ended_at         TIMESTAMP WITH TIME ZONE,
    end_reason       VARCHAR(32),
    CONSTRAINT sessions_stage_known CHECK (stage IN ('SECOND_FACTOR_REQUIRED', 'ENROLMENT_REQUIRED', 'SIGNED_IN'))
);
CREATE INDEX sessions_username ON sessions (username);

-- A second factor of a person. A TOTP factor keeps its secret (the authenticator app has the same
-- one) and the last time step it accepted: a code is accepted once, and never one older than that.
CREATE TABLE second_factors (
    id           VARCHAR(36)  PRIMARY KEY,
    username     VARCHAR(64)  NOT NULL REFERENCES users (username),
    kind         VARCHAR(16)  NOT NULL,
    label        VARCHAR(100) NOT NULL,
    secret       VARCHAR(200),
    last_step    BIGINT       NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed_at TIMESTAMP WITH TIME ZONE,
    removed_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT second_factors_kind_known CHECK (kind IN ('TOTP', 'WEBAUTHN'))
);
CREATE INDEX second_factors_username ON second_factors (username);

-- Ten single-use recovery codes per person, stored as the SHA-256 of the code (each is 80 random
-- bits: a hash cannot be walked back, and guessing is throttled as passwords are).
CREATE TABLE recovery_codes (
    username   VARCHAR(64) NOT NULL REFERENCES users (username),
    code_hash  VARCHAR(64) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (username, code_hash)
);

-- A service account: a program, not a person (VETTING_OFFICER or AUDITOR only, never approving); it
-- keeps HTTP Basic while people prove second factors. Created by two administrators.
ALTER TABLE users ADD COLUMN service_account BOOLEAN DEFAULT FALSE NOT NULL;

-- Resetting a person's factors (every one lost) waits for a second administrator, as grants do.
ALTER TABLE pending_grants ADD COLUMN reset_factors BOOLEAN DEFAULT FALSE NOT NULL;

-- The sign-in log now records every sign-in step, not only failures: successes, enrolments,
-- re-authentications and session ends too, each with the method used.
ALTER TABLE failed_sign_ins RENAME TO sign_in_events;
ALTER TABLE sign_in_events ADD COLUMN method VARCHAR(32);
