package org.vetting.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;
import java.util.Set;

import io.dropwizard.auth.AuthFilter;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.signin.Secrets;
import org.vetting.api.ErrorBody;
import org.vetting.api.SessionStage;
import org.vetting.auth.JsonUnauthorizedHandler;
import org.vetting.auth.User;
import org.vetting.signin.Sessions;

/**
 * Who calls, on every protected endpoint: a signed-in session (its cookie; a state-changing call
 * also carries the session's CSRF token in {@code X-CSRF-Token}, else 403), a bearer token of the
 * agency's identity provider (a program acting as a user), or HTTP Basic —
 * refused for people while second factors are required, as it proves no second factor. The
 * session's row is left on the request ({@link #SESSION}) for the endpoints that speak of it.
 */
@Priority(Priorities.AUTHENTICATION)
public final class SignedInFilter extends AuthFilter<Object, User> {
    /** The request property holding the caller's {@code Sessions.Resolved}, when they came with a session. */
    public static final String SESSION = "vetting.session";
    /** The request attribute marking HTTP Basic credentials refused: a failed sign-in, for {@link SignInGuard}. */
    public static final String WRONG_CREDENTIALS = "vetting.wrongCredentials";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final Sessions sessions;
    private final SessionCookie cookie;
    private final Function<String, Optional<User>> bearer;

    /** A caller a bearer token named (the provider's token verified). */
    private record Bearer(User user) {}

    private SignedInFilter(Sessions sessions, SessionCookie cookie, Function<String, Optional<User>> bearer) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.bearer = bearer;
    }

    /**
     * Builds the filter over the sessions, the agency provider's bearer tokens ({@code bearer}: the
     * user a token names, when it verifies) and the Basic authenticator (for a trial, a test, or a program).
     */
    public static SignedInFilter build(Sessions sessions, SessionCookie cookie, Function<String, Optional<User>> bearer,
                                       Authenticator<BasicCredentials, User> basic, io.dropwizard.auth.Authorizer<User> roles) {
        Authenticator<Object, User> any = credentials -> credentials instanceof Sessions.Resolved r ? Optional.of(r.user())
                : credentials instanceof Bearer b ? Optional.of(b.user())
                : basic.authenticate((BasicCredentials) credentials);
        return new AuthFilterBuilder<Object, User, SignedInFilter>() {
            @Override
            protected SignedInFilter newInstance() {
                return new SignedInFilter(sessions, cookie, bearer);
            }
        }.setAuthenticator(any).setAuthorizer(roles).setRealm(JsonUnauthorizedHandler.REALM)
                .setUnauthorizedHandler(new JsonUnauthorizedHandler()).buildAuthFilter();
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String id = cookie.id(request);
        if (id != null) {
            Sessions.Resolved resolved = sessions.resolve(id)
                    .filter(r -> r.session().stage() == SessionStage.SIGNED_IN)
                    .orElseThrow(() -> refuse(401, "no session, or it has ended: sign in"));
            if (!SAFE.contains(request.getMethod()) && !Secrets.same(request.getHeaderString(SessionCookie.CSRF_HEADER),
                    resolved.session().csrfToken())) {
                throw refuse(403, "a state-changing call made with the session cookie carries the session's "
                        + SessionCookie.CSRF_HEADER);
            }
            request.setProperty(SESSION, resolved);
            authenticate(request, resolved, "SESSION");
            return;
        }
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            User user = bearer.apply(authorization.substring(7).strip()).orElseThrow(() -> new WebApplicationException(
                    Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                            .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                            .entity(new ErrorBody(401, "the bearer token was refused: not the agency provider's, "
                                    + "for another audience, expired, or for nobody who is a user here")).build()));
            authenticate(request, new Bearer(user), "BEARER");
            return;
        }
        Optional<BasicCredentials> basic = basic(authorization);
        boolean required = sessions.policy().secondFactorRequired();
        if (basic.isEmpty() && required) {
            throw refuse(401, "authentication required: sign in (POST /api/session)");
        }
        if (basic.isEmpty() || !authenticate(request, basic.get(), "BASIC")) {
            if (basic.isPresent()) {
                request.setProperty(WRONG_CREDENTIALS, Boolean.TRUE);
            }
            if (required) {
                // while people prove second factors, HTTP Basic is a service account's only
                throw refuse(401, "people sign in with a second factor (POST /api/session); HTTP Basic is for "
                        + "service accounts");
            }
            // the Basic challenge only where Basic is how people sign in
            throw new WebApplicationException(unauthorizedHandler.buildResponse(prefix, realm));
        }
    }

    private static WebApplicationException refuse(int status, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(status, message)).build());
    }

    /** HTTP Basic credentials, when the header carries readable ones. */
    static Optional<BasicCredentials> basic(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            String name = colon < 0 ? decoded : decoded.substring(0, colon);
            // a name without a password is still a (failed) sign-in with that name
            return name.isEmpty() ? Optional.empty()
                    : Optional.of(new BasicCredentials(name, colon < 0 ? "" : decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
