package org.vetting.sso;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.Prompt;
import com.nimbusds.openid.connect.sdk.claims.ACR;
import org.jdbi.v3.core.Jdbi;
import org.vetting.api.SignInEvent;
import org.vetting.audit.SignIns;
import org.vetting.auth.User;
import org.vetting.common.ServiceTime;
import org.vetting.common.Sha256;
import org.vetting.db.SsoLoginDao;
import org.vetting.db.UserDao;
import org.vetting.errors.Conflict;
import org.vetting.errors.NotFound;
import org.vetting.errors.SignInRefused;
import org.vetting.errors.Unauthenticated;
import org.vetting.errors.Unavailable;
import org.vetting.errors.ValidationFailed;
import org.vetting.signin.Secrets;
import org.vetting.signin.Sessions;

/**
 * Agency single sign-on (docs/api.md, "Sign-in"): the service as an OpenID Connect relying party —
 * a confidential client using the authorization code flow with PKCE (S256), {@code state} and
 * {@code nonce} — and as a resource server for the provider's bearer tokens. The provider's tokens
 * stay here: the browser holds only the session cookie. The provider says who signs in; the
 * service alone what they may do (a {@code roles} or {@code groups} claim is never read), and only
 * a user of the service signs in — nobody is created on the fly. Protocol work (requests, token
 * exchange, JOSE) is Nimbus's; this class holds the policy: which claims, which checks, which session.
 */
public final class SingleSignOn {
    /** How long a sign-in at the provider may take, from the redirect there to the redirect back. */
    static final Duration LOGIN = Duration.ofMinutes(10);
    private static final int TIMEOUT_MILLIS = 5_000;

    /** The provider and this client, from {@code VETTING_OIDC_*} and {@code VETTING_PUBLIC_URL}. */
    public record Settings(String issuer, String clientId, String clientSecret, String usernameClaim, String audience,
                           String acr, String publicUrl) {
        public boolean enabled() {
            return issuer != null && !issuer.isBlank();
        }

        /** Checks a configuration that turns single sign-on on; the message names what is missing. */
        public Settings checked() {
            if (!enabled()) {
                return this;
            }
            if (publicUrl == null || publicUrl.isBlank()) {
                throw new IllegalArgumentException("VETTING_OIDC_ISSUER needs VETTING_PUBLIC_URL: the redirect URI "
                        + "registered at the provider is <public URL>/auth/callback");
            }
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("VETTING_OIDC_ISSUER needs VETTING_OIDC_CLIENT_ID and "
                        + "VETTING_OIDC_CLIENT_SECRET (a confidential client)");
            }
            return this;
        }

        URI redirectUri() {
            return URI.create(base() + "/auth/callback");
        }

        String base() {
            return publicUrl.strip().replaceAll("/+$", "");
        }

        String bearerAudience() {
            return audience == null || audience.isBlank() ? clientId : audience;
        }
    }

    /** A sign-in started: where to send the browser, and the value of the cookie binding it to this browser. */
    public record Started(URI provider, String binding) {}

    /** The provider's redirect handled: a new session (null for a re-authentication), and where to go. */
    public record Finished(Sessions.Opened session, String returnTo) {}

    private final Settings settings;
    private final Provider provider;
    private final Jdbi jdbi;
    private final Sessions sessions;
    private final SignIns log;
    private final ServiceTime time;

    public SingleSignOn(Settings settings, Jdbi jdbi, Sessions sessions, SignIns log, ServiceTime time) {
        this.settings = settings.checked();
        this.provider = settings.enabled() ? new Provider(settings.issuer(), time) : null;
        this.jdbi = jdbi;
        this.sessions = sessions;
        this.log = log;
        this.time = time;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /**
     * Starts a sign-in at the provider: the authorization request (code, PKCE S256, state, nonce;
     * {@code max_age=0} and {@code prompt=login} when a signed-in session re-authenticates — {@code sessionId} — and the
     * configured {@code acr_values}), with what the redirect back must match kept here.
     */
    public Started start(String returnTo, boolean reauthenticate, String sessionId) {
        require();
        String path = safeReturn(returnTo);
        String sessionHash = null;
        if (reauthenticate) {
            if (sessionId == null) {
                throw new Unauthenticated("no session to confirm: sign in");
            }
            sessions.resolve(sessionId).orElseThrow(() -> new Unauthenticated("no session, or it has ended: sign in"));
            sessionHash = Sessions.hashOf(sessionId);
        }
        State state = new State(Secrets.token());
        Nonce nonce = new Nonce(Secrets.token());
        CodeVerifier verifier = new CodeVerifier();
        String binding = Secrets.token();
        Instant now = time.now();
        SsoLoginDao.LoginRow row = new SsoLoginDao.LoginRow(Sha256.hex(state.getValue()), Sha256.hex(binding),
                Sha256.hex(nonce.getValue()), verifier.getValue(), path, sessionHash, now);
        jdbi.useTransaction(h -> {
            SsoLoginDao dao = h.attach(SsoLoginDao.class);
            dao.forget(now.minus(LOGIN.multipliedBy(6)));
            dao.insert(row);
        });
        AuthenticationRequest.Builder request = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope("openid", "profile"), new ClientID(settings.clientId()), settings.redirectUri())
                .endpointURI(provider.metadata().getAuthorizationEndpointURI())
                .state(state).nonce(nonce).codeChallenge(verifier, CodeChallengeMethod.S256);
        if (sessionHash != null) {
            // max_age=0 asks for an authentication now; prompt=login too, as a provider may count a
            // sign-in of the same second as fresh
            request.maxAge(0).prompt(Prompt.Type.LOGIN);
        }
        if (!settings.acr().isBlank()) {
            request.acrValues(List.of(new ACR(settings.acr())));
        }
        return new Started(request.build().toURI(), binding);
    }

    /**
     * The provider's redirect back: the sign-in it answers (taken once, started in this browser, not
     * expired), the code exchanged for tokens, the ID token checked (signature by the provider's
     * keys, issuer, audience, times, nonce; {@code acr} when configured; {@code auth_time} recent for
     * a re-authentication), and the person it names a user of this service.
     */
    public Finished finish(String code, String state, String error, String binding, String address) {
        require();
        if (state == null || state.isBlank() || state.length() > 200) {
            throw ValidationFailed.of("state", "required: the state this service sent to the provider");
        }
        Instant now = time.now();
        String stateHash = Sha256.hex(state);
        SsoLoginDao.LoginRow login = jdbi.inTransaction(h -> {
            SsoLoginDao dao = h.attach(SsoLoginDao.class);
            Optional<SsoLoginDao.LoginRow> found = dao.find(stateHash);
            if (found.isEmpty() || dao.take(stateHash) != 1) {
                throw new Conflict("this sign-in was used already, or never started here: sign in again");
            }
            return found.get();
        });
        if (!Secrets.same(binding == null ? null : Sha256.hex(binding), login.bindingHash())) {
            throw new Unauthenticated("this sign-in was started in another browser: sign in again");
        }
        if (!login.createdAt().plus(LOGIN).isAfter(now)) {
            throw new Unauthenticated("the sign-in took longer than " + LOGIN.toMinutes() + " minutes: sign in again");
        }
        if (error != null) {
            throw new Unauthenticated("the identity provider did not sign you in (" + error + ")");
        }
        if (code == null || code.isBlank() || code.length() > 2_000) {
            throw ValidationFailed.of("code", "required: the provider's authorization code");
        }
        JWTClaimsSet id = idToken(code, login);
        String username = username(id);
        Instant authenticatedAt = authenticatedAt(id, now);
        if (login.sessionHash() != null) {
            if (authenticatedAt == null
                    || !authenticatedAt.plus(sessions.policy().reauthentication()).isAfter(now)) {
                throw new Unauthenticated("the identity provider did not sign you in again");
            }
            sessions.reauthenticatedThroughProvider(login.sessionHash(), username, authenticatedAt, address);
            return new Finished(null, login.returnTo());
        }
        Optional<UserDao.UserRow> row = jdbi.withExtension(UserDao.class, dao -> dao.find(username));
        if (row.isEmpty() || !row.get().enabled() || row.get().serviceAccount()) {
            log.record(username, address, SignInEvent.NOT_A_USER, "sso");
            throw new SignInRefused(row.isEmpty() ? "the identity provider knows " + username
                    + ", this service does not: ask an administrator of the vetting service for a user"
                    : row.get().serviceAccount() ? "a service account does not sign in with a browser"
                    : "the user " + username + " is disabled in this service");
        }
        return new Finished(sessions.openThroughProvider(username, address, authenticatedAt), login.returnTo());
    }

    /**
     * The caller of a bearer token from the provider (scripts, other systems): the user its username
     * claim names, when the token verifies for {@code VETTING_OIDC_AUDIENCE} and the user is enabled.
     * It never counts as a recent second factor: a program signs no four-eyes step.
     */
    public Optional<User> bearer(String token) {
        if (!enabled() || token == null || token.length() > 16_000) {
            return Optional.empty();
        }
        try {
            return provider.verify(token, settings.bearerAudience(), Set.of("sub", "exp", "iat"))
                    .map(claims -> claim(claims, settings.usernameClaim()))
                    .flatMap(sessions::person).map(u -> u.withRecentSecondFactor(false));
        } catch (Unavailable down) {
            return Optional.empty();
        }
    }

    /**
     * Where the browser goes after signing out of a session the provider signed in: the provider's
     * end-session endpoint, returning to this service; empty for a local session or a provider
     * without one.
     */
    public Optional<URI> providerLogout(String method) {
        if (!enabled() || !"sso".equals(method)) {
            return Optional.empty();
        }
        URI end = provider.endSession();
        if (end == null) {
            return Optional.empty();
        }
        String query = "client_id=" + enc(settings.clientId()) + "&post_logout_redirect_uri=" + enc(settings.base() + "/");
        return Optional.of(URI.create(end + (end.getQuery() == null ? "?" : "&") + query));
    }

    private JWTClaimsSet idToken(String code, SsoLoginDao.LoginRow login) {
        TokenRequest request = new TokenRequest(provider.metadata().getTokenEndpointURI(),
                new ClientSecretBasic(new ClientID(settings.clientId()), new Secret(settings.clientSecret())),
                new AuthorizationCodeGrant(new AuthorizationCode(code), settings.redirectUri(),
                        new CodeVerifier(login.codeVerifier())));
        TokenResponse response;
        try {
            HTTPRequest http = request.toHTTPRequest();
            http.setConnectTimeout(TIMEOUT_MILLIS);
            http.setReadTimeout(TIMEOUT_MILLIS);
            response = OIDCTokenResponseParser.parse(http.send());
        } catch (IOException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new Unavailable("the identity provider's token endpoint failed: " + e.getMessage());
        }
        if (!response.indicatesSuccess()) {
            throw new Unauthenticated("the identity provider refused the code ("
                    + response.toErrorResponse().getErrorObject().getCode() + ")");
        }
        String idToken = ((com.nimbusds.openid.connect.sdk.OIDCTokenResponse) response.toSuccessResponse())
                .getOIDCTokens().getIDTokenString();
        JWTClaimsSet claims = provider.verify(idToken, settings.clientId(), Set.of("sub", "exp", "iat", "nonce"))
                .orElseThrow(() -> new Unauthenticated("the identity provider's ID token did not verify"));
        try {
            String nonce = claims.getStringClaim("nonce");
            if (!Secrets.same(nonce == null ? null : Sha256.hex(nonce), login.nonceHash())) {
                throw new Unauthenticated("the ID token's nonce is not this sign-in's");
            }
            List<String> audience = claims.getAudience();
            if (audience.size() > 1 && !settings.clientId().equals(claims.getStringClaim("azp"))) {
                throw new Unauthenticated("the ID token was issued to another client");
            }
            if (!settings.acr().isBlank() && !settings.acr().equals(claims.getStringClaim("acr"))) {
                throw new Unauthenticated("the identity provider did not assert " + settings.acr());
            }
        } catch (ParseException e) {
            throw new Unauthenticated("the ID token's claims are malformed");
        }
        return claims;
    }

    private String username(JWTClaimsSet claims) {
        String username = claim(claims, settings.usernameClaim());
        if (username == null || username.isBlank() || username.length() > 64) {
            throw new SignInRefused("the identity provider's token names nobody in " + settings.usernameClaim());
        }
        return username;
    }

    private static String claim(JWTClaimsSet claims, String name) {
        Object value = claims.getClaim(name);
        return value instanceof String s ? s : null;
    }

    /**
     * When the person authenticated, by the service's clock: the token's {@code iat} minus its {@code
     * auth_time} (both the provider's clock) before now — so a provider whose clock differs from the
     * service's still gives the right age. Null without {@code auth_time}.
     */
    private static Instant authenticatedAt(JWTClaimsSet claims, Instant now) {
        Date at;
        try {
            at = claims.getDateClaim("auth_time");
        } catch (ParseException e) {
            return null;
        }
        Date issued = claims.getIssueTime();
        if (at == null || issued == null) {
            return null;
        }
        Duration age = Duration.between(at.toInstant(), issued.toInstant());
        return now.minus(age.isNegative() ? Duration.ZERO : age);
    }

    /** A path of this service to return to: absolute ({@code /…}), never another site ({@code //}, {@code /\}). */
    static String safeReturn(String returnTo) {
        if (returnTo == null || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.startsWith("/\\")
                || returnTo.length() > 500 || returnTo.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == '\\')) {
            return "/";
        }
        return returnTo;
    }

    private void require() {
        if (!enabled()) {
            throw new NotFound("single sign-on is not configured");
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
