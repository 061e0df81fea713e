package org.vetting.auth;

import java.nio.charset.StandardCharsets;

import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

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
    /** bcrypt runs on at most this many threads at once, first come first served: a flood queues, it does not pile up. */
    private final Semaphore verifying = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);
    /** A hash to verify against when there is no user, so that an unknown name costs what a known one does. */
    private final String dummy;
    private final AtomicLong verifications = new AtomicLong();

    public Passwords(int cost) {
        this.cost = cost;
        this.dummy = hash("no user has this password " + System.nanoTime());
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** Whether the password matches the hash; a null hash (no such user) is checked against a dummy, at the same cost. */
    public boolean matches(String password, String hash) {
        boolean known = hash != null;
        String against = known ? hash : dummy;
        String candidate = password == null || password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES
                ? "" : password;
        verifying.acquireUninterruptibly();
        try {
            verifications.incrementAndGet();
            boolean verified = BCrypt.verifyer().verify(candidate.toCharArray(), against).verified;
            return known && verified && !candidate.isEmpty();
        } finally {
            verifying.release();
        }
    }

    /** How many bcrypt verifications ran (tests use it to show what a request cost). */
    public long verifications() {
        return verifications.get();
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
