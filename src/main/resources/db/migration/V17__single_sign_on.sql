-- Agency single sign-on (OpenID Connect, docs/api.md "Sign-in"). A sign-in through the provider in
-- progress: known by the SHA-256 of its `state`, bound to the browser that started it (the SHA-256
-- of a cookie's value), with the SHA-256 of its nonce and its PKCE verifier (sent to the provider's
-- token endpoint with the code, so it is kept as is for the minutes the sign-in may take); taken once
-- by the provider's redirect. A re-authentication names the session it renews.
CREATE TABLE sso_logins (
    state_hash    VARCHAR(64)  PRIMARY KEY,
    binding_hash  VARCHAR(64)  NOT NULL,
    nonce_hash    VARCHAR(64)  NOT NULL,
    code_verifier VARCHAR(128) NOT NULL,
    return_to     VARCHAR(512) NOT NULL,
    session_hash  VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sso_logins_created ON sso_logins (created_at);

-- A user who signs in only through the agency's provider has no password here.
ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL;
