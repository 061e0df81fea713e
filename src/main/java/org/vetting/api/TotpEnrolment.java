package org.vetting.api;

import java.util.List;

/**
 * An authenticator app being enrolled: the secret (base32), the {@code otpauth://} URI an app
 * scans, and its QR code as a matrix (one string of 0s and 1s per row, the quiet zone included),
 * which the page draws.
 */
public record TotpEnrolment(String factorId, String secret, String otpauthUri, List<String> qr) {}
