-- Security keys and passkeys (WebAuthn) as second factors (docs/api.md, "Sign-in"). A key is a
-- second_factors row of kind WEBAUTHN: its credential id and COSE public key (base64url; neither is
-- a secret: a copy of them signs nobody in) and the signature counter it last reported, which must
-- grow (a cloned key shows an older one).
ALTER TABLE second_factors ADD COLUMN credential_id VARCHAR(1400);
ALTER TABLE second_factors ADD COLUMN public_key VARCHAR(2000);
ALTER TABLE second_factors ADD COLUMN sign_count BIGINT DEFAULT 0 NOT NULL;
CREATE UNIQUE INDEX second_factors_credential ON second_factors (credential_id);

-- The user handle a person's keys are registered under: 32 random bytes (base64url), never the
-- user name, made at their first key.
ALTER TABLE users ADD COLUMN webauthn_handle VARCHAR(64);
CREATE UNIQUE INDEX users_webauthn_handle ON users (webauthn_handle);

-- A WebAuthn ceremony in progress on a session: the options sent to the browser (the challenge in
-- them), what they are for, and when; taken once by the answer, so a challenge signs once, on any
-- instance.
ALTER TABLE sessions ADD COLUMN ceremony_id VARCHAR(64);
ALTER TABLE sessions ADD COLUMN ceremony_kind VARCHAR(16);
ALTER TABLE sessions ADD COLUMN ceremony ${text};
ALTER TABLE sessions ADD COLUMN ceremony_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE sessions ADD CONSTRAINT sessions_ceremony_kind_known CHECK (ceremony_kind IN ('REGISTER', 'ASSERT'));
