package org.vetting.http;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.ErrorBody;
import org.vetting.audit.SignIns;
import org.vetting.auth.SignInThrottle;
import org.vetting.auth.User;

/**
 * Before authentication: a throttled account or address gets 429 with Retry-After, and bcrypt never
 * runs. After it: a 401 for credentials that were given is a failed sign-in — recorded for auditors
 * and counted by the throttle; an answer to a signed-in user clears the pair. A user whose password
 * was generated must change it first: everything but {@code /me} is refused until then.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public class SignInGuard implements ContainerRequestFilter, ContainerResponseFilter {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SignInGuard.class);
    private static final String USERNAME = SignInGuard.class.getName() + ".username";

    private final SignInThrottle throttle;
    private final SignIns signIns;

    @Context
    private HttpServletRequest servlet;

    public SignInGuard(SignInThrottle throttle, SignIns signIns) {
        this.throttle = throttle;
        this.signIns = signIns;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> username = basicUsername(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (username.isEmpty()) {
            return;
        }
        request.setProperty(USERNAME, username.get());
        Optional<Duration> wait = throttle.wait(username.get(), address());
        if (wait.isPresent()) {
            // refused before bcrypt and not written anywhere: a flood costs neither CPU nor storage
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            request.abortWith(Response.status(429).header(HttpHeaders.RETRY_AFTER, seconds)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(429, "too many failed sign-ins; try again in " + seconds + " s")).build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String username = (String) request.getProperty(USERNAME);
        if (username == null || response.getStatus() == 429) {
            return;
        }
        if (response.getStatus() == 401) {
            throttle.failed(username, address());
            try {
                signIns.failed(username, address(), "WRONG_CREDENTIALS");
            } catch (RuntimeException e) {
                LOG.error("could not record a failed sign-in from {}: {}", address(), e.getClass().getName());
            }
        } else if (request.getSecurityContext() != null && request.getSecurityContext().getUserPrincipal() instanceof User) {
            throttle.succeeded(username, address());
        }
    }

    private String address() {
        String a = servlet == null ? null : servlet.getRemoteAddr();
        return a == null ? "unknown" : a.length() > 64 ? a.substring(0, 64) : a;
    }

    /** The user name of HTTP Basic credentials, if the header carries readable ones. */
    static Optional<String> basicUsername(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String name = colon < 0 ? decoded : decoded.substring(0, colon);
            return name.isEmpty() || name.length() > 64 ? Optional.empty() : Optional.of(name);
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
