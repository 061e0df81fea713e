package org.vetting.api;

/** What a WebAuthn ceremony on a session is for: registering a key, or proving one. */
public enum CeremonyKind {
    REGISTER,
    ASSERT
}
