package org.vetting.signin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

import javax.crypto.spec.SecretKeySpec;

import com.eatthepath.otp.HmacOneTimePasswordGenerator;
import org.apache.commons.codec.binary.Base32;

/**
 * Authenticator-app codes (TOTP, RFC 6238, as Google Authenticator, FreeOTP and the rest read
 * them): HMAC-SHA1 over 30-second time steps, six digits. The HOTP computation is java-otp's
 * (RFC 4226); this class chooses the steps: the current one and one either side, for clocks a little
 * apart, and never a step at or before the last one accepted — so each code works once.
 */
public final class Totp {
    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    private static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new secret, base32 as authenticator apps take it (160 bits, RFC 4226's recommendation). */
    public static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return new Base32().encodeToString(bytes).replace("=", "");
    }

    /** The {@code otpauth://} URI an app scans from the QR code. */
    public static String uri(String issuer, String account, String secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    /** The time step of an instant. */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP.toSeconds());
    }

    /** The code of a step. */
    public static String code(String secret, long step) {
        try {
            return new HmacOneTimePasswordGenerator(DIGITS).generateOneTimePasswordString(key(secret), step,
                    Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("a stored TOTP secret is not a key", e);
        }
    }

    /**
     * The step whose code {@code code} is, among the current step and one either side and after
     * {@code lastAccepted}; empty when it is none of them.
     */
    public static OptionalLong match(String secret, String code, Instant now, long lastAccepted) {
        if (code == null || !code.matches("\\d{" + DIGITS + "}")) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long s = current - 1; s <= current + 1; s++) {
            if (s > lastAccepted && Secrets.same(code, code(secret, s))) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    private static Key key(String secret) {
        return new SecretKeySpec(new Base32().decode(secret), "HmacSHA1");
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
