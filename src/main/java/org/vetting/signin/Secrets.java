package org.vetting.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets of sign-in: making one (a session id, a CSRF token, a user handle, an OpenID Connect
 * state or nonce) and comparing a presented one (a CSRF token, a one-time code) with the expected one.
 */
public final class Secrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /**
     * Whether the given secret is the expected one, in time that does not depend on where they
     * first differ; a missing secret is never the expected one.
     */
    public static boolean same(String given, String expected) {
        return given != null && expected != null && MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    /** 256 random bits, base64url without padding. */
    public static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
