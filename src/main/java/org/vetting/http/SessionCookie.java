package org.vetting.http;

import org.vetting.signin.Sessions;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

/**
 * The session cookie (docs/api.md, "Sign-in"): {@code HttpOnly; SameSite=Strict; Path=/}, and under
 * TLS {@code Secure} with the {@code __Host-} prefix (sent only to this host, over TLS, for every path).
 */
public final class SessionCookie {
    static final String NAME = "vetting_session";
    static final String HOST_NAME = "__Host-vetting_session";
    static final String BINDING = "vetting_sso";
    /** The request header that carries the session's CSRF token on every state-changing call. */
    public static final String CSRF_HEADER = "X-CSRF-Token";

    private final boolean tls;

    public SessionCookie(boolean tls) {
        this.tls = tls;
    }

    public String name() {
        return tls ? HOST_NAME : NAME;
    }

    /** The session identifier a request carries, or null. */
    public String id(Map<String, Cookie> cookies) {
        Cookie c = cookies.get(name());
        return c == null || c.getValue() == null || c.getValue().isEmpty() ? null : c.getValue();
    }

    public String id(ContainerRequestContext request) {
        return id(request.getCookies());
    }

    public String id(HttpHeaders headers) {
        return id(headers.getCookies());
    }

    /**
     * The session identifier a state-changing call carries, once the call's CSRF token is the
     * session's; refused by the sessions otherwise.
     */
    public String idWithCsrf(HttpHeaders headers, Sessions sessions) {
        String id = id(headers);
        sessions.open(id, headers.getHeaderString(CSRF_HEADER));
        return id;
    }

    /** The cookie that carries a new session; it lives as long as the browser keeps it, the session less. */
    public NewCookie issue(String id) {
        return new NewCookie.Builder(name()).value(id).path("/").httpOnly(true).secure(tls)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    /** The cookie that removes it from the browser. */
    public NewCookie clear() {
        return new NewCookie.Builder(name()).value("").path("/").httpOnly(true).secure(tls)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(0).build();
    }

    /** The session identifier a servlet request carries (the sign-in pages outside the API), or null. */
    public String id(HttpServletRequest request) {
        return cookie(request, name());
    }

    /**
     * The cookie binding a sign-in at the agency's provider to the browser that started it: sent back
     * only to the provider's redirect ({@code SameSite=Lax}: a top-level navigation from the
     * provider's site carries it, where the session's Strict cookie is withheld), ten minutes at most.
     */
    public String binding(String value, int maxAgeSeconds) {
        return new NewCookie.Builder(tls ? "__Secure-" + BINDING : BINDING).value(value).path("/auth/callback")
                .httpOnly(true).secure(tls).sameSite(NewCookie.SameSite.LAX).maxAge(maxAgeSeconds).build().toString();
    }

    /** The binding cookie's value on the provider's redirect, or null. */
    public String binding(HttpServletRequest request) {
        return cookie(request, tls ? "__Secure-" + BINDING : BINDING);
    }

    private static String cookie(HttpServletRequest request, String name) {
        jakarta.servlet.http.Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (jakarta.servlet.http.Cookie c : cookies) {
                if (c.getName().equals(name) && c.getValue() != null && !c.getValue().isEmpty()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }
}
