package org.vetting.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** Comparing a presented secret (a CSRF token, a one-time code) with the expected one. */
public final class Secrets {

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
}
