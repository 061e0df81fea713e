package org.vetting.auth;

import java.nio.charset.StandardCharsets;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * bcrypt password hashing (Patrick Favre-Bulle's {@code at.favre.lib:bcrypt}: maintained, no
 * dependencies, checks the 72-byte limit instead of silently truncating).
 */
public final class Passwords {
    /** bcrypt reads at most 72 bytes; longer passwords are refused rather than truncated. */
    public static final int MAX_BYTES = 72;
    public static final int MIN_LENGTH = 12;

    private final int cost;

    public Passwords(int cost) {
        this.cost = cost;
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Why a new password is not acceptable, or null. */
    public static String problem(String password) {
        if (password == null || password.isEmpty()) {
            return "required";
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "at least " + MIN_LENGTH + " characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return "at most " + MAX_BYTES + " bytes";
        }
        return null;
    }
}
