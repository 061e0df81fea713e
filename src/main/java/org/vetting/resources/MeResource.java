package org.vetting.resources;

import io.dropwizard.auth.Auth;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.MeView;
import org.vetting.api.PasswordChange;
import org.vetting.api.SessionView;
import org.vetting.http.SignedInFilter;
import org.vetting.signin.Factors;
import org.vetting.signin.Sessions;
import org.vetting.http.Addresses;
import org.vetting.http.SessionCookie;
import org.vetting.api.CodeRequest;
import org.vetting.api.FactorsView;
import org.vetting.api.KeyRegistration;
import org.vetting.api.RecoveryCodes;
import org.vetting.api.TotpEnrolment;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import org.vetting.auth.User;
import org.vetting.users.UserService;

/** Who is signed in (the web interface shows only what these roles may use), and changing one's password. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    private final UserService users;
    private final Sessions sessions;
    private final Factors factors;
    private final SessionCookie cookie;

    public MeResource(UserService users, Sessions sessions, Factors factors, SessionCookie cookie) {
        this.users = users;
        this.sessions = sessions;
        this.factors = factors;
        this.cookie = cookie;
    }

    /** Any signed-in user, whatever their roles (a user whose roles wait for approval has none yet). */
    @GET
    @PermitAll
    public MeView me(@Parameter(hidden = true) @Auth User user, @Context ContainerRequestContext request) {
        Sessions.Resolved r = request.getProperty(SignedInFilter.SESSION) instanceof Sessions.Resolved held ? held : null;
        SessionView s = r == null ? null : sessions.describe(r.session());
        return new MeView(user.username(), user.roles().stream().sorted().toList(), user.units().stream().sorted()
                .toList(), user.countries().stream().sorted().toList(), user.officerId(), user.mustChangePassword(),
                s == null ? null : s.csrfToken(), s == null ? null : s.signedInWith(),
                s == null ? null : s.secondFactorAt(), s == null ? null : s.sessionExpiresAt(),
                r == null ? null : sessions.secondsToAbsoluteEnd(r.session()),
                r == null ? null : sessions.policy().idle().toSeconds(), s == null ? null : s.methods());
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.APPLICATION_JSON)
    @PermitAll
    public Response changePassword(@Parameter(hidden = true) @Auth User user, PasswordChange change) {
        users.changePassword(user, change);
        return Response.noContent().build();
    }

    /** Enrolling an authenticator app: its secret and the URI of its QR code (a session that must enrol, or one signed in). */
    @POST
    @Path("/factors/totp")
    public TotpEnrolment startTotp(@Context HttpHeaders headers) {
        return factors.startTotp(cookie.idWithCsrf(headers, sessions));
    }

    /** The app's first code confirms it; a first factor also signs the session in and issues recovery codes. */
    @POST
    @Path("/factors/totp/{factorId}/confirm")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirmTotp(@PathParam("factorId") String factorId, CodeRequest code,
                                @Context HttpHeaders headers, @Context HttpServletRequest http) {
        return enrolled(factors.confirmTotp(cookie.idWithCsrf(headers, sessions), factorId, code, Addresses.of(http)));
    }

    /** A factor enrolled: its recovery codes, and the cookie replaced when the session just signed in. */
    private Response enrolled(Factors.Confirmed confirmed) {
        Response.ResponseBuilder r = Response.ok(confirmed.codes());
        // a session that just signed in has a new identifier: its cookie is replaced
        return (confirmed.renewedSessionId() == null ? r : r.cookie(cookie.issue(confirmed.renewedSessionId()))).build();
    }

    /**
     * Registering a security key or passkey: the options for {@code navigator.credentials.create}
     * ({@code {"publicKey": …}}, binary values base64url-encoded); a session that must enrol, or one signed in.
     */
    @POST
    @Path("/factors/webauthn/options")
    public Response startKey(@Context HttpHeaders headers) {
        return Response.ok(factors.startKey(cookie.idWithCsrf(headers, sessions)), MediaType.APPLICATION_JSON).build();
    }

    /** The key's answer registers it; a first factor also signs the session in and issues recovery codes. */
    @POST
    @Path("/factors/webauthn")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response confirmKey(KeyRegistration key, @Context HttpHeaders headers, @Context HttpServletRequest http) {
        return enrolled(factors.confirmKey(cookie.idWithCsrf(headers, sessions), key, Addresses.of(http)));
    }

    @GET
    @Path("/factors")
    public FactorsView factors(@Context HttpHeaders headers) {
        return factors.list(cookie.id(headers));
    }

    /** Removes a factor: with a second factor proved recently, and never the last one. */
    @DELETE
    @Path("/factors/{factorId}")
    public Response removeFactor(@PathParam("factorId") String factorId, @Context HttpHeaders headers,
                                 @Context HttpServletRequest http) {
        String id = cookie.idWithCsrf(headers, sessions);
        boolean recent = sessions.resolve(id).map(r -> r.user().recentSecondFactor()).orElse(false);
        factors.remove(id, factorId, recent, Addresses.of(http));
        return Response.noContent().build();
    }
}
