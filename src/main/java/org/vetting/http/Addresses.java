package org.vetting.http;

import jakarta.servlet.http.HttpServletRequest;

/** The address a request came from, as the sign-in log and the throttle record it (at most 64 characters). */
public final class Addresses {
    private Addresses() {}

    public static String of(HttpServletRequest request) {
        String a = request.getRemoteAddr();
        return a == null ? "unknown" : a.length() > 64 ? a.substring(0, 64) : a;
    }
}
