package org.vetting.http;

import org.vetting.signin.Sessions;
import java.util.Map;

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
}
