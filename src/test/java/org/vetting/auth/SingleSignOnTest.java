package org.vetting.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetting.support.TestApp.expect;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.vetting.support.Chromium;
import org.vetting.signin.Totp;
import org.vetting.support.Agent;
import org.vetting.support.Keycloak;
import org.vetting.support.OffsetClock;
import org.vetting.support.SingleSignOnApp;
import org.vetting.support.TestApp;

/**
 * Agency single sign-on against a real identity provider: Keycloak's own distribution, started for
 * this class with the realm of {@code src/test/resources/keycloak}; and once in Chromium (on H2):
 * "Sign in with your agency", Keycloak's page, a second signature asking the agency again in a window
 * of its own while the page keeps its place, signing out there. The code flow goes through
 * Keycloak's own login page (an HTTP client following the redirects and posting its forms, as a
 * browser would); bearer tokens are Keycloak's, and the bad ones are made to look like them. The
 * service runs on the real clock (moved on by the test), as the provider's tokens do.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SingleSignOnTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final SingleSignOnApp SSO = new SingleSignOnApp();
    static final Keycloak KEYCLOAK = SSO.keycloak;
    static final OffsetClock CLOCK = SSO.clock;
    static final int PORT = SSO.port;
    static final String SERVICE = SSO.service;
    static final TestApp APP = SSO.app;
    /**
     * Two more services on the same Keycloak: one asking for an assurance it does not assert, one for
     * the one it does. Started after the first and stopped before it, in reverse order: each puts back
     * the configuration overrides it found at its start (the test JVM runs other classes after).
     */
    static final SingleSignOnApp GOLD = new SingleSignOnApp(KEYCLOAK, "gold");
    static final SingleSignOnApp LEVEL_ONE = new SingleSignOnApp(KEYCLOAK, "1");
    static WebDriver browser;
    static WebDriverWait wait;
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void users() throws Throwable {
        APP.createStaff();
        // the second administrator last: from then on privileged roles wait for a second one
        for (String[] u : new String[][] {{"aud.sso", "AUDITOR"}, {"hr.sso", "VETTING_OFFICER"},
                {"disabled.sso", "VETTING_OFFICER"}, {"script.sso", "AUDITOR"}, {"adj.sso", "ADMIN"}}) {
            // made for single sign-on: no password here
            Map<String, Object> body = u[1].equals("ADMIN") ? Map.of("username", u[0], "roles", List.of(u[1]))
                    : Map.of("username", u[0], "roles", List.of(u[1]), "countries", TestApp.COUNTRIES);
            expect(APP.post("admin", "/api/users", body), 201);
        }
        expect(APP.post("admin", "/api/users/disabled.sso/disable", Map.of()), 200);
        for (SingleSignOnApp other : List.of(GOLD, LEVEL_ONE)) {
            other.app.app.before();
            expect(other.app.post("admin", "/api/users", Map.of("username", "aud.sso", "roles", List.of("AUDITOR"),
                    "countries", TestApp.COUNTRIES)), 201);
        }
        KEYCLOAK.ready(); // started beside the service: up by now, or soon
    }

    @AfterAll
    static void stopKeycloak() {
        LEVEL_ONE.app.app.after();
        GOLD.app.app.after();
        KEYCLOAK.close();
    }

    @AfterEach
    void clockBack() {
        CLOCK.reset();
    }

    /** Signs a person in through Keycloak's login page: the last page (the interface, or the refusal). */
    static Agent.Page signIn(Agent agent, String user, String returnTo) {
        Agent.Page login = agent.get(SERVICE + "/auth/login?returnTo=" + returnTo);
        assertThat(login.uri().toString()).as("Keycloak's own login page").startsWith(KEYCLOAK.issuer());
        assertThat(Agent.hasForm(login, "kc-form-login")).as(login.body()).isTrue();
        return agent.submit(login, "kc-form-login", Map.of("username", user, "password", Keycloak.password(user)));
    }

    static String session(Agent agent) {
        return agent.cookie(URI.create(SERVICE), TestApp.SESSION_COOKIE);
    }

    static Response me(String cookie) {
        return APP.request("/api/me", null, null).cookie(TestApp.SESSION_COOKIE, cookie).get();
    }

    @Test
    void shouldSignInThroughTheProvidersPage_WithTheCodeFlow_AndHoldOnlyTheSessionCookie() {
        Agent agent = new Agent();
        Agent.Page landed = signIn(agent, "adj.sso", "/");
        assertThat(landed.status()).as(landed.body()).isEqualTo(200);
        assertThat(landed.uri().toString()).isEqualTo(SERVICE + "/");
        // the request to the provider: code flow, PKCE S256, state and nonce
        URI authorize = authorization(agent, 0);
        assertThat(authorize.getQuery()).contains("response_type=code").contains("code_challenge_method=S256")
                .contains("code_challenge=").contains("state=").contains("nonce=")
                .contains("redirect_uri=" + SERVICE + "/auth/callback").doesNotContain("max_age");
        assertThat(agent.setCookies).anySatisfy(c -> assertThat(c).startsWith("localhost:" + PORT + ": vetting_sso=")
                .contains("HttpOnly").contains("SameSite=Lax").contains("Path=/auth/callback"));
        assertThat(agent.setCookies).anySatisfy(c -> assertThat(c).startsWith("localhost:" + PORT + ": vetting_session=")
                .contains("HttpOnly").contains("SameSite=Strict"));
        assertThat(agent.setCookies.stream().filter(c -> c.startsWith("localhost:"))).as("no token reaches the browser")
                .noneMatch(c -> c.contains("eyJ"));
        JsonNode me = expect(me(session(agent)), 200);
        assertThat(me.get("username").asText()).isEqualTo("adj.sso");
        assertThat(me.get("signedInWith").asText()).isEqualTo("sso");
        assertThat(me.get("roles").toString()).isEqualTo("[\"ADMIN\"]");
        assertThat(me.get("methods").toString()).isEqualTo("[\"sso\"]");
        assertThat(APP.count("sign_in_events WHERE username = 'adj.sso' AND outcome = 'SIGNED_IN' AND method = 'sso'"))
                .isPositive();

        // the provider's answer once more: its sign-in was taken
        URI callback = agent.visited.stream().filter(u -> u.getPath().equals("/auth/callback")).findFirst().orElseThrow();
        Agent.Page again = agent.getOnce(callback.toString());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("used already");
        assertThat(again.headers().firstValue("Content-Security-Policy")).isPresent();
    }

    @Test
    void shouldRefuseAPersonTheServiceDoesNotKnow_OrHasDisabled_AndTheProvidersOtherBrowser() {
        Agent.Page stranger = signIn(new Agent(), "stranger.sso", "/");
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.body()).contains("this service does not").contains("administrator");
        assertThat(APP.count("sign_in_events WHERE username = 'stranger.sso' AND outcome = 'NOT_A_USER'")).isEqualTo(1);
        assertThat(APP.count("users WHERE username = 'stranger.sso'")).as("nobody created on the fly").isZero();

        Agent disabled = new Agent();
        Agent.Page refused = signIn(disabled, "disabled.sso", "/");
        assertThat(refused.status()).as("Keycloak signs them in; the service does not").isEqualTo(403);
        assertThat(refused.body()).contains("disabled");
        assertThat(session(disabled)).isNull();

        // the redirect back reaching a browser that did not start the sign-in (no binding cookie)
        Agent started = new Agent();
        Agent.Page login = started.get(SERVICE + "/auth/login?returnTo=/");
        started.forget(URI.create(SERVICE), "vetting_sso");
        Agent.Page other = started.submit(login, "kc-form-login", Map.of("username", "aud.sso",
                "password", Keycloak.password("aud.sso")));
        assertThat(other.status()).as(other.uri() + " " + started.visited + " " + other.body()).isEqualTo(401);
        assertThat(other.body()).contains("another browser");
        assertThat(session(started)).isNull();
    }

    @Test
    void shouldIgnoreRolesClaimedInTheToken() {
        Agent agent = new Agent();
        signIn(agent, "aud.sso", "/");
        JsonNode me = expect(me(session(agent)), 200);
        assertThat(me.get("roles").toString()).as("Keycloak says ADMIN; the service says AUDITOR")
                .isEqualTo("[\"AUDITOR\"]");
        try (Response r = APP.request("/api/users", null, null).cookie(TestApp.SESSION_COOKIE, session(agent)).get()) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
        String token = KEYCLOAK.accessToken("vetting", Keycloak.CLIENT_ID, "aud.sso");
        assertThat(claims(token).get("roles").toString()).contains("ADMIN");
        try (Response r = bearer("/api/users", token)) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
    }

    @Test
    void shouldSignInAPersonWithAnAuthenticatorAppAtTheProvider() {
        Agent agent = new Agent();
        Agent.Page otp = signIn(agent, "hr.sso", "/");
        assertThat(Agent.hasForm(otp, "kc-otp-login-form")).as("Keycloak asks for the code").isTrue();
        Agent.Page landed = agent.submit(otp, "kc-otp-login-form", Map.of("otp", otp()));
        assertThat(landed.status()).isEqualTo(200);
        assertThat(expect(me(session(agent)), 200).get("username").asText()).isEqualTo("hr.sso");
    }

    @Test
    void shouldSignOut_AndNameTheProvidersEndSession() {
        Agent agent = new Agent();
        signIn(agent, "adj.sso", "/");
        String cookie = session(agent);
        String csrf = expect(me(cookie), 200).get("csrfToken").asText();
        try (Response r = APP.request("/auth/logout", null, null).cookie(TestApp.SESSION_COOKIE, cookie)
                .post(Entity.json(Map.of()))) {
            assertThat(r.getStatus()).as("without the CSRF token").isEqualTo(403);
        }
        JsonNode out = expect(APP.request("/auth/logout", null, null).cookie(TestApp.SESSION_COOKIE, cookie)
                .header("X-CSRF-Token", csrf).post(Entity.json(Map.of())), 200);
        assertThat(out.get("providerLogout").asText()).startsWith(KEYCLOAK.issuer() + "/protocol/openid-connect/logout?")
                .contains("client_id=vetting-service").contains("post_logout_redirect_uri=");
        try (Response r = me(cookie)) {
            assertThat(r.getStatus()).isEqualTo(401);
        }
    }

    @Test
    void shouldAskTheProviderAgain_WithMaxAge_ForASecondSignature() {
        // a privileged role waits for a second administrator: adj.sso signs it
        expect(APP.post("admin", "/api/users", Map.of("username", "adj.pending", "password", TestApp.PASSWORD,
                "roles", List.of("ADJUDICATOR"), "countries", TestApp.COUNTRIES)), 202);
        Agent agent = new Agent();
        signIn(agent, "adj.sso", "/");
        String cookie = session(agent);
        String csrf = expect(me(cookie), 200).get("csrfToken").asText();
        long reauthenticated = APP.count("sign_in_events WHERE username = 'adj.sso' AND outcome = 'REAUTHENTICATED'");
        CLOCK.advance(Duration.ofMinutes(6));
        JsonNode refused = expect(APP.request("/api/users/adj.pending/approve", null, null)
                .cookie(TestApp.SESSION_COOKIE, cookie).header("X-CSRF-Token", csrf).post(Entity.json(Map.of())), 401);
        assertThat(refused.get("reauthenticate").asBoolean()).isTrue();

        Agent.Page again = agent.get(SERVICE + "/auth/login?reauth=true&returnTo=/auth/done");
        URI authorize = authorization(agent, 1);
        assertThat(authorize.getQuery()).contains("max_age=0").contains("prompt=login");
        assertThat(Agent.hasForm(again, "kc-form-login")).as("the provider asks again despite its own session: "
                + again.uri() + " " + again.status() + " " + again.body()).isTrue();
        Agent.Page done = agent.submit(again, "kc-form-login", Map.of("username", "adj.sso",
                "password", Keycloak.password("adj.sso")));
        assertThat(done.uri().getPath()).isEqualTo("/auth/done");
        assertThat(session(agent)).as("the same session, renewed").isEqualTo(cookie);
        expect(APP.request("/api/users/adj.pending/approve", null, null).cookie(TestApp.SESSION_COOKIE, cookie)
                .header("X-CSRF-Token", csrf).post(Entity.json(Map.of())), 200);
        assertThat(APP.count("sign_in_events WHERE username = 'adj.sso' AND outcome = 'REAUTHENTICATED' AND method = 'sso'"))
                .isEqualTo(reauthenticated + 1);
    }

    @Test
    void shouldAcceptTheProvidersBearerTokens_AndRefuseEveryBadOne() throws Exception {
        String good = KEYCLOAK.accessToken("vetting", Keycloak.CLIENT_ID, "script.sso");
        JsonNode me = expect(bearer("/api/me", good), 200);
        assertThat(me.get("username").asText()).isEqualTo("script.sso");
        assertThat(me.get("roles").toString()).isEqualTo("[\"AUDITOR\"]");

        JWTClaimsSet claims = JWTClaimsSet.parse(claims(good).toString());
        SignedJWT hs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hs256.sign(new MACSigner((Keycloak.CLIENT_SECRET + Keycloak.CLIENT_SECRET).getBytes()));
        String tampered = good.substring(0, good.lastIndexOf('.') + 1) + "AAAA" + good.substring(good.lastIndexOf('.') + 5);
        Map<String, String> bad = new java.util.LinkedHashMap<>();
        bad.put("HS256 with the client secret", hs256.serialize());
        bad.put("alg none", new PlainJWT(claims).serialize());
        bad.put("a signature altered", tampered);
        bad.put("another issuer", KEYCLOAK.accessToken("elsewhere", Keycloak.CLIENT_ID, "adj.sso"));
        bad.put("another audience", KEYCLOAK.accessToken("vetting", "reports-tool", "script.sso"));
        bad.put("a person the service does not know", KEYCLOAK.accessToken("vetting", Keycloak.CLIENT_ID, "stranger.sso"));
        bad.put("a user disabled here", KEYCLOAK.accessToken("vetting", Keycloak.CLIENT_ID, "disabled.sso"));
        bad.put("not a JWT", "not-a-token");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            try (Response r = bearer("/api/me", b.getValue())) {
                assertThat(r.getStatus()).as(b.getKey()).isEqualTo(401);
                assertThat(r.getHeaderString("WWW-Authenticate")).as(b.getKey()).contains("invalid_token");
            }
        }
        CLOCK.advance(Duration.ofMinutes(20));
        try (Response r = bearer("/api/me", good)) {
            assertThat(r.getStatus()).as("expired").isEqualTo(401);
        }
        CLOCK.reset();
        CLOCK.advance(Duration.ofMinutes(-10));
        try (Response r = bearer("/api/me", good)) {
            assertThat(r.getStatus()).as("issued in the future").isEqualTo(401);
        }
        CLOCK.reset();
        expect(bearer("/api/me", good), 200);

        // a program signs no four-eyes step with a bearer token, even an administrator's
        expect(APP.post("admin", "/api/users", Map.of("username", "bearer.pending", "password", TestApp.PASSWORD,
                "roles", List.of("ADJUDICATOR"), "countries", TestApp.COUNTRIES)), 202);
        String admin = KEYCLOAK.accessToken("vetting", Keycloak.CLIENT_ID, "adj.sso");
        JsonNode refused = expect(APP.request("/api/users/bearer.pending/approve", null, null)
                .header("Authorization", "Bearer " + admin).post(Entity.json(Map.of())), 401);
        assertThat(refused.get("reauthenticate").asBoolean()).isTrue();
        assertThat(APP.count("pending_grants WHERE username = 'bearer.pending'")).isEqualTo(1);
    }

    @Test
    void shouldTakeARotatedSigningKey_WithoutARestart() throws Exception {
        String before = KEYCLOAK.accessToken("vetting", Keycloak.CLIENT_ID, "script.sso");
        expect(bearer("/api/me", before), 200);
        KEYCLOAK.rotateKeys();
        String after = KEYCLOAK.accessToken("vetting", Keycloak.CLIENT_ID, "script.sso");
        assertThat(header(after).get("kid")).isNotEqualTo(header(before).get("kid"));
        // the new key is fetched when a token names it (at most once every few seconds)
        Instant deadline = Instant.now().plusSeconds(20);
        int status;
        do {
            try (Response r = bearer("/api/me", after)) {
                status = r.getStatus();
            }
            if (status != 200) {
                Thread.sleep(1_000);
            }
        } while (status != 200 && Instant.now().isBefore(deadline));
        assertThat(status).isEqualTo(200);
        expect(bearer("/api/me", before), 200);
    }

    @Test
    void shouldRefuseBadRedirectsAndCallsWithoutASession_ChangingNothing() {
        Agent agent = new Agent();
        long sessions = APP.count("sessions");
        Agent.Page noState = agent.getOnce(SERVICE + "/auth/callback?code=abc");
        assertThat(noState.status()).isEqualTo(422);
        assertThat(noState.body()).contains("state");
        Agent.Page longState = agent.getOnce(SERVICE + "/auth/callback?code=abc&state=" + "s".repeat(5_000));
        assertThat(longState.status()).isEqualTo(422);
        Agent.Page forged = agent.getOnce(SERVICE + "/auth/callback?code=abc&state=never-sent");
        assertThat(forged.status()).isEqualTo(409);
        Agent.Page script = agent.getOnce(SERVICE + "/auth/callback?state=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(script.body()).doesNotContain("<script>");
        assertThat(APP.count("sessions")).isEqualTo(sessions);

        // a re-authentication needs a session; signing out needs one and its CSRF token
        assertThat(agent.getOnce(SERVICE + "/auth/login?reauth=true&returnTo=/").status()).isEqualTo(401);
        try (Response r = APP.request("/auth/logout", null, null).post(Entity.json(Map.of()))) {
            assertThat(r.getStatus()).isEqualTo(401);
        }
        // returnTo is a path of this service, never another site
        for (String elsewhere : List.of("//evil.example/x", "https://evil.example/", "/\\evil.example")) {
            Agent.Page landed = signIn(new Agent(), "aud.sso", java.net.URLEncoder.encode(elsewhere,
                    java.nio.charset.StandardCharsets.UTF_8));
            assertThat(landed.uri().toString()).as(elsewhere).isEqualTo(SERVICE + "/");
        }
        JsonNode options = expect(APP.request("/auth/options", null, null).get(), 200);
        assertThat(options.get("sso").asBoolean()).isTrue();
    }

    @Test
    void shouldWalkTheAgencySignInInChromium_ReauthenticatingThereForASecondSignature_AndSigningOutThere() {
        // the browser once, on the embedded database: the protocol is the same on PostgreSQL (above)
        Assumptions.assumeFalse(TestApp.POSTGRES, "the browser walk runs on H2");
        browser = Chromium.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        try {
            walk();
        } finally {
            browser.quit();
        }
    }

    void walk() {
        browser.get(SERVICE + "/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sso-signin")));
        new Select(browser.findElement(By.id("lang"))).selectByValue("es");
        wait.until(ExpectedConditions.textToBe(By.id("sso-signin"), "Iniciar sesión con su institución"));
        Chromium.shot(browser, "30-sso-sign-in-es");
        new Select(browser.findElement(By.id("lang"))).selectByValue("en");
        wait.until(ExpectedConditions.textToBe(By.id("sso-signin"), "Sign in with your agency"));
        Chromium.shot(browser, "30-sso-sign-in");
        browser.findElement(By.id("sso-signin")).click();
        keycloakSignIn("adj.sso");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "adj.sso"));
        // back at the page it left (returnTo "/"), which then shows the first section's address
        assertThat(browser.getCurrentUrl()).matches(java.util.regex.Pattern.quote(SERVICE + "/") + "(#/[a-zA-Z]+)?");
        assertThat(browser.findElements(By.cssSelector("button[data-section=security]")))
                .as("the agency keeps their factors").isEmpty();
        Chromium.shot(browser, "31-sso-signed-in");

        // a privileged role waits for a second administrator; six minutes on, approving it asks the agency again
        expect(APP.post("admin", "/api/users", Map.of("username", "adm.pending", "password", TestApp.PASSWORD,
                "roles", List.of("ADJUDICATOR"), "countries", TestApp.COUNTRIES)), 202);
        long reauthenticated = APP.count("sign_in_events WHERE username = 'adj.sso' AND outcome = 'REAUTHENTICATED'");
        CLOCK.advance(Duration.ofMinutes(6));
        browser.findElement(By.cssSelector("button[data-section=users]")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button[data-approve='adm.pending']")));
        browser.findElement(By.cssSelector("button[data-approve='adm.pending']")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("reauth-sso")));
        Chromium.shot(browser, "32-sso-reauthenticate");
        String page = browser.getWindowHandle();
        browser.findElement(By.id("reauth-sso")).click();
        wait.until(ExpectedConditions.numberOfWindowsToBe(2));
        String popup = browser.getWindowHandles().stream().filter(h -> !h.equals(page)).findFirst().orElseThrow();
        browser.switchTo().window(popup);
        keycloakSignIn("adj.sso");
        browser.switchTo().window(page);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("reauthenticate")));
        wait.until(d -> APP.count("pending_grants WHERE username = 'adm.pending'") == 0);
        assertThat(APP.count("sign_in_events WHERE username = 'adj.sso' AND outcome = 'REAUTHENTICATED'"))
                .isEqualTo(reauthenticated + 1);
        Chromium.shot(browser, "33-sso-approved");

        long open = APP.count("sessions WHERE username = 'adj.sso' AND ended_at IS NULL");
        browser.findElement(By.id("signout")).click();
        // Keycloak asks whether to sign out there too, then returns to the service
        wait.until(ExpectedConditions.urlContains(KEYCLOAK.issuer()));
        Chromium.shot(browser, "34-sso-provider-logout");
        browser.findElement(By.id("kc-logout")).click();
        wait.until(ExpectedConditions.urlToBe(SERVICE + "/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sso-signin")));
        assertThat(APP.count("sessions WHERE username = 'adj.sso' AND ended_at IS NULL")).isEqualTo(open - 1);
    }

    /** Keycloak's login page (its own form), filled as the person would. */
    static void keycloakSignIn(String user) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kc-form-login")));
        assertThat(browser.getCurrentUrl()).startsWith(KEYCLOAK.issuer());
        // asked again (prompt=login), Keycloak shows the name it knows and asks for the password only
        if (!browser.findElements(By.id("username")).isEmpty()) {
            browser.findElement(By.id("username")).clear();
            browser.findElement(By.id("username")).sendKeys(user);
        } else {
            assertThat(browser.findElement(By.id("kc-form-login")).getText() + browser.getPageSource()).contains(user);
        }
        browser.findElement(By.id("password")).sendKeys(Keycloak.password(user));
        browser.findElement(By.id("kc-login")).click();
    }

    @Test
    void shouldAskForTheConfiguredAssurance_AndRefuseATokenWithoutIt() {
        // Keycloak asserts acr "1" for a password just typed: a service asking for "gold" refuses the sign-in
        Agent refused = new Agent();
        Agent.Page login = refused.get(GOLD.service + "/auth/login?returnTo=/");
        assertThat(authorization(refused, 0).getQuery()).contains("acr_values=gold");
        Agent.Page page = refused.submit(login, "kc-form-login", Map.of("username", "aud.sso",
                "password", Keycloak.password("aud.sso")));
        assertThat(page.status()).as(page.body()).isEqualTo(401);
        assertThat(page.body()).contains("did not assert gold");
        assertThat(refused.cookie(URI.create(GOLD.service), TestApp.SESSION_COOKIE)).isNull();
        // one asking for "1" takes it
        Agent taken = new Agent();
        Agent.Page landed = taken.submit(taken.get(LEVEL_ONE.service + "/auth/login?returnTo=/"), "kc-form-login",
                Map.of("username", "aud.sso", "password", Keycloak.password("aud.sso")));
        assertThat(landed.status()).as(landed.body()).isEqualTo(200);
        assertThat(taken.cookie(URI.create(LEVEL_ONE.service), TestApp.SESSION_COOKIE)).isNotNull();
    }

    /** The n-th authorization request the agent sent to the provider. */
    static URI authorization(Agent agent, int n) {
        return agent.visited.stream().filter(u -> u.getPath().endsWith("/protocol/openid-connect/auth")).skip(n)
                .findFirst().orElseThrow();
    }

    static Response bearer(String path, String token) {
        return APP.request(path, null, null).header("Authorization", "Bearer " + token).get();
    }

    static JsonNode claims(String jwt) {
        return part(jwt, 1);
    }

    static JsonNode header(String jwt) {
        return part(jwt, 0);
    }

    private static JsonNode part(String jwt, int i) {
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[i]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The current code of hr.sso's authenticator app at Keycloak (keyed with the secret's bytes). */
    static String otp() {
        String base32 = new Base32().encodeToString(Keycloak.TOTP_SECRET.getBytes()).replace("=", "");
        return Totp.code(base32, Totp.step(Instant.now()));
    }
}
