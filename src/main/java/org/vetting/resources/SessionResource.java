package org.vetting.resources;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.vetting.api.CodeRequest;
import org.vetting.api.SecondFactorProof;
import org.vetting.api.SessionView;
import org.vetting.api.SignInRequest;
import org.vetting.http.Addresses;
import org.vetting.http.SessionCookie;
import org.vetting.signin.Sessions;

/**
 * Signing in with a session (docs/api.md, "Sign-in"): the password, then a second factor (or its
 * enrolment: {@link MeResource}), then calls made with the session cookie; re-authentication for
 * the second signature of a four-eyes step; signing out. These steps are made before the person is signed in, so each
 * reads the session cookie itself; every state-changing one made with a session carries its
 * {@code X-CSRF-Token}.
 */
@Produces(MediaType.APPLICATION_JSON)
@Path("/session")
public class SessionResource {
    private final Sessions sessions;
    private final SessionCookie cookie;

    public SessionResource(Sessions sessions, SessionCookie cookie) {
        this.sessions = sessions;
        this.cookie = cookie;
    }

    /** The password: a session that needs a second factor (or its enrolment), or one signed in when they are off. */
    @POST
        @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(SignInRequest request, @Context HttpServletRequest http) {
        Sessions.Opened opened = sessions.signIn(request, Addresses.of(http));
        return Response.ok(opened.view()).cookie(cookie.issue(opened.id())).build();
    }

    /** The session as its holder sees it, with its CSRF token (a page reloaded finds it here). */
    @GET
        public SessionView session(@Context HttpHeaders headers) {
        return sessions.view(cookie.id(headers));
    }

    @POST
    @Path("/totp")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response totp(CodeRequest code, @Context HttpHeaders headers, @Context HttpServletRequest http) {
        return signedIn(sessions.secondFactor(cookie.idWithCsrf(headers, sessions), SecondFactorProof.of(code),
                Addresses.of(http), Sessions.Method.TOTP));
    }

    @POST
    @Path("/recovery")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response recovery(CodeRequest code, @Context HttpHeaders headers, @Context HttpServletRequest http) {
        return signedIn(sessions.secondFactor(cookie.idWithCsrf(headers, sessions), SecondFactorProof.of(code),
                Addresses.of(http), Sessions.Method.RECOVERY));
    }

    /**
     * The options a security key answers ({@code navigator.credentials.get}), for the second step or a
     * re-authentication: {@code {"publicKey": …}}, its binary values base64url-encoded.
     */
    @POST
    @Path("/webauthn/options")
    public Response keyOptions(@Context HttpHeaders headers) {
        return Response.ok(sessions.keyOptions(cookie.idWithCsrf(headers, sessions)), MediaType.APPLICATION_JSON).build();
    }

    /** The security key's answer to those options ({@code {"credential": PublicKeyCredential.toJSON()}}). */
    @POST
    @Path("/webauthn")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response key(SecondFactorProof proof, @Context HttpHeaders headers, @Context HttpServletRequest http) {
        return signedIn(sessions.secondFactor(cookie.idWithCsrf(headers, sessions),
                new SecondFactorProof(null, proof == null ? null : proof.credential()), Addresses.of(http),
                Sessions.Method.WEBAUTHN));
    }

    /** Signed in: the session under its new identifier (the cookie replaced), and its view. */
    private Response signedIn(Sessions.Opened renewed) {
        return Response.ok(renewed.view()).cookie(cookie.issue(renewed.id())).build();
    }

    /**
     * A second factor proved again (a security key's answer, six digits, or a recovery code), for a
     * four-eyes step's second signature.
     */
    @POST
    @Path("/reauthenticate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> reauthenticate(SecondFactorProof proof, @Context HttpHeaders headers,
                                              @Context HttpServletRequest http) {
        String id = cookie.idWithCsrf(headers, sessions);
        return Map.of("secondFactorAt", sessions.reauthenticate(id, proof, Addresses.of(http)).secondFactorAt());
    }

    @DELETE
    public Response signOut(@Context HttpHeaders headers, @Context HttpServletRequest http) {
        sessions.signOut(cookie.idWithCsrf(headers, sessions), Addresses.of(http));
        return Response.noContent().cookie(cookie.clear()).build();
    }
}
