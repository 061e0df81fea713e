package org.vetting.api;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A second factor proved: a {@code code} (six digits of an authenticator app, or a recovery code),
 * or a security key's {@code credential} (the object the browser's {@code navigator.credentials.get}
 * made, {@code PublicKeyCredential.toJSON()}) — one of the two.
 */
public record SecondFactorProof(String code, JsonNode credential) {
    /** A code alone. */
    public static SecondFactorProof of(CodeRequest request) {
        return new SecondFactorProof(request == null ? null : request.code(), null);
    }
}
