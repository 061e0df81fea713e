package org.vetting.api;

/** A second factor: an authenticator app (TOTP, RFC 6238) or a security key or passkey (WebAuthn). */
public enum FactorKind {
    TOTP, WEBAUTHN
}
