package org.vetting.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetting.support.TestApp.expect;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.signin.Totp;
import org.vetting.support.MovableClock;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * Signing in as shipped (second factors required), through the real path: a password opens a
 * session, a code of an authenticator app signs it in (enrolled at the first sign-in, with ten
 * recovery codes), and the session cookie then carries the person — with the session's CSRF token on
 * every state-changing call — until they sign out, it idles or ages out, or their user is disabled.
 * Every refusal leaves nothing changed; the second signature of a four-eyes step proves a factor
 * again. Each test signs in its own people.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SessionTest {
    static final MovableClock CLOCK = new MovableClock(TestApp.TODAY);
    static final TestApp APP = TestApp.withSecondFactor(CLOCK);
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void staff() {
        APP.createStaff();
        for (String user : List.of("hr.a", "hr.b", "hr.c", "hr.d", "hr.e", "hr.f", "hr.g")) {
            APP.createUser(user, "VETTING_OFFICER");
        }
        APP.createUser("adj.two", "ADJUDICATOR");
    }

    @AfterEach
    void clockBack() {
        // each test may move minutes on; the day stays (sessions of other tests are signed in again as needed)
        CLOCK.moveTo(TestApp.TODAY);
    }

    static Response post(String path, Object body, String cookie, String csrf) {
        var b = APP.request(path, null, null);
        if (cookie != null) {
            b = b.cookie(TestApp.SESSION_COOKIE, cookie);
        }
        if (csrf != null) {
            b = b.header("X-CSRF-Token", csrf);
        }
        return b.post(Entity.json(body));
    }

    /** The password step: the session's cookie and its answer. */
    record Opened(String cookie, JsonNode body) {}

    static Opened password(String user, String password) {
        try (Response r = APP.request("/api/session", null, null)
                .post(Entity.json(Map.of("username", user, "password", password)))) {
            JsonNode body = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(body.toString()).isEqualTo(200);
            String cookie = r.getCookies().get(TestApp.SESSION_COOKIE).getValue();
            assertThat(r.getHeaderString("Set-Cookie")).contains("HttpOnly").contains("SameSite=Strict")
                    .contains("Path=/");
            return new Opened(cookie, body);
        }
    }

    @Test
    void shouldEnrolAnAppAtTheFirstSignIn_ThenSignInWithItsCode_AndNeverHoldAPassword() {
        Opened first = password("hr.a", TestApp.PASSWORD);
        assertThat(first.body().get("status").asText()).isEqualTo("ENROLMENT_REQUIRED");
        String csrf = first.body().get("csrfToken").asText();
        try (Response r = APP.request("/api/me", null, null).cookie(TestApp.SESSION_COOKIE, first.cookie()).get()) {
            assertThat(r.getStatus()).as("not signed in before the factor").isEqualTo(401);
        }
        JsonNode enrolment = expect(post("/api/me/factors/totp", Map.of(), first.cookie(), csrf), 200);
        String secret = enrolment.get("secret").asText();
        assertThat(enrolment.get("otpauthUri").asText()).startsWith("otpauth://totp/Vetting%20service:hr.a?secret=" + secret);
        assertThat(enrolment.get("qr").size()).isGreaterThan(20);
        String confirm = "/api/me/factors/totp/" + enrolment.get("factorId").asText() + "/confirm";
        expect(post(confirm, Map.of("code", "000000"), first.cookie(), csrf), 401);
        long step = Totp.step(CLOCK.instant());
        Response confirmed = post(confirm, Map.of("code", Totp.code(secret, step)), first.cookie(), csrf);
        String signedInCookie = confirmed.getCookies().get(TestApp.SESSION_COOKIE).getValue();
        JsonNode codes = expect(confirmed, 200);
        assertThat(codes.get("recoveryCodes")).hasSize(10);
        assertThat(signedInCookie).as("a new identifier once signed in").isNotEqualTo(first.cookie());
        try (Response r = APP.request("/api/me", null, null).cookie(TestApp.SESSION_COOKIE, first.cookie()).get()) {
            assertThat(r.getStatus()).as("the half-signed-in cookie names nothing now (no session fixation)")
                    .isEqualTo(401);
        }
        JsonNode me = expect(APP.request("/api/me", null, null).cookie(TestApp.SESSION_COOKIE, signedInCookie).get(), 200);
        assertThat(me.get("username").asText()).isEqualTo("hr.a");
        assertThat(me.get("csrfToken").asText()).isEqualTo(csrf);
        assertThat(me.get("signedInWith").asText()).isEqualTo("password+totp");
        assertThat(me.has("sessionExpiresAt")).isTrue();

        // the next sign-in asks for the code; the one just used is refused, the next step's is taken
        Opened again = password("hr.a", TestApp.PASSWORD);
        assertThat(again.body().get("status").asText()).isEqualTo("SECOND_FACTOR_REQUIRED");
        assertThat(again.body().get("methods").toString()).contains("totp").contains("recovery");
        String csrf2 = again.body().get("csrfToken").asText();
        expect(post("/api/session/totp", Map.of("code", Totp.code(secret, step)), again.cookie(), csrf2), 401);
        CLOCK.advance(Duration.ofSeconds(30));
        JsonNode signedIn = expect(post("/api/session/totp", Map.of("code", Totp.code(secret, step + 1)),
                again.cookie(), csrf2), 200);
        assertThat(signedIn.get("status").asText()).isEqualTo("SIGNED_IN");

        // a recovery code works once
        CLOCK.advance(Duration.ofMinutes(2));
        Opened third = password("hr.a", TestApp.PASSWORD);
        String recovery = codes.get("recoveryCodes").get(0).asText();
        String csrf3 = third.body().get("csrfToken").asText();
        expect(post("/api/session/recovery", Map.of("code", recovery), third.cookie(), csrf3), 200);
        Opened fourth = password("hr.a", TestApp.PASSWORD);
        expect(post("/api/session/recovery", Map.of("code", recovery), fourth.cookie(),
                fourth.body().get("csrfToken").asText()), 401);
        JsonNode factors = expect(APP.request("/api/me/factors", null, null)
                .cookie(TestApp.SESSION_COOKIE, signedInCookie).get(), 200);
        assertThat(factors.get("recoveryCodesLeft").asInt()).isEqualTo(9);
    }

    @Test
    void shouldRefuseAWrongPassword_AndHttpBasicForAPerson() {
        try (Response r = APP.request("/api/session", null, null)
                .post(Entity.json(Map.of("username", "hr.b", "password", "wrong-password-1")))) {
            assertThat(r.getStatus()).isEqualTo(401);
            assertThat(r.getCookies()).doesNotContainKey(TestApp.SESSION_COOKIE);
        }
        try (Response r = APP.request("/api/me", "hr.b", TestApp.PASSWORD).get()) {
            assertThat(r.getStatus()).as("HTTP Basic proves no second factor: " + r.readEntity(String.class)
                    + " " + r.getHeaders()).isEqualTo(401);
            assertThat(r.getHeaderString("WWW-Authenticate")).isNull();
        }
        try (Response r = APP.request("/api/session", null, null).post(Entity.json(Map.of("username", "hr.b")))) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(String.class)).contains("password");
        }
    }

    @Test
    void shouldRefuseAStateChangingCall_WithoutTheSessionsCsrfToken_ChangingNothing() {
        TestApp.SignedIn s = APP.signIn("hr.c");
        long before = APP.count("officer_records");
        try (Response r = APP.request("/api/candidates", null, null).cookie(TestApp.SESSION_COOKIE, s.id())
                .post(Entity.json(Records.clean("MX-CSRF-1")))) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
        try (Response r = APP.request("/api/candidates", null, null).cookie(TestApp.SESSION_COOKIE, s.id())
                .header("X-CSRF-Token", "not-the-token").post(Entity.json(Records.clean("MX-CSRF-1")))) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
        assertThat(APP.count("officer_records")).isEqualTo(before);
        expect(APP.withSession(s, "/api/candidates").post(Entity.json(Records.clean("MX-CSRF-1"))), 201);
    }

    @Test
    void shouldEndTheSession_OnSignOut_AndRefuseItsCookieAfterwards() {
        TestApp.SignedIn s = APP.signIn("hr.d");
        expect(APP.withSession(s, "/api/me").get(), 200);
        try (Response r = APP.withSession(s, "/api/session").delete()) {
            assertThat(r.getStatus()).isEqualTo(204);
        }
        try (Response r = APP.withSession(s, "/api/me").get()) {
            assertThat(r.getStatus()).isEqualTo(401);
        }
        try (Response r = APP.request("/api/me", null, null).cookie(TestApp.SESSION_COOKIE, "guessed-" + s.id()).get()) {
            assertThat(r.getStatus()).isEqualTo(401);
        }
    }

    @Test
    void shouldEndTheSession_AfterThirtyIdleMinutes_AndTwelveHoursInAll() {
        TestApp.SignedIn s = APP.signIn("hr.e");
        CLOCK.advance(Duration.ofMinutes(29));
        expect(APP.withSession(s, "/api/me").get(), 200);
        CLOCK.advance(Duration.ofMinutes(31));
        try (Response r = APP.withSession(s, "/api/me").get()) {
            assertThat(r.getStatus()).as("idle for 31 minutes").isEqualTo(401);
        }
        CLOCK.moveTo(TestApp.TODAY);
        CLOCK.advance(Duration.ofMinutes(5));
        TestApp.SignedIn busy = APP.signIn("hr.e");
        for (int i = 0; i < 12 * 3 - 1; i++) {
            CLOCK.advance(Duration.ofMinutes(20));
            expect(APP.withSession(busy, "/api/me").get(), 200);
        }
        CLOCK.advance(Duration.ofMinutes(20));
        try (Response r = APP.withSession(busy, "/api/me").get()) {
            assertThat(r.getStatus()).as("twelve hours after signing in, however busy").isEqualTo(401);
        }
    }

    @Test
    void shouldEndEverySession_WhenTheUserIsDisabled() {
        TestApp.SignedIn s = APP.signIn("hr.f");
        expect(APP.withSession(s, "/api/me").get(), 200);
        expect(APP.post("admin", "/api/users/hr.f/disable", Map.of()), 200);
        try (Response r = APP.withSession(s, "/api/me").get()) {
            assertThat(r.getStatus()).isEqualTo(401);
        }
    }

    @Test
    void shouldListAndEndAUsersSessions_ForAnAdministratorOnly() {
        TestApp.SignedIn s = APP.signIn("hr.g");
        JsonNode sessions = APP.get("admin", "/api/users/hr.g/sessions");
        assertThat(sessions).isNotEmpty();
        assertThat(sessions.get(0).get("method").asText()).isEqualTo("password+totp");
        try (Response r = APP.as("aud.garcia", "/api/users/hr.g/sessions").get()) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
        try (Response r = APP.as("admin", "/api/users/hr.g/sessions").delete()) {
            assertThat(r.getStatus()).isEqualTo(204);
        }
        try (Response r = APP.withSession(s, "/api/me").get()) {
            assertThat(r.getStatus()).isEqualTo(401);
        }
        JsonNode log = APP.get("aud.garcia", "/api/audit/sign-ins?username=hr.g");
        List<String> outcomes = new ArrayList<>();
        log.get("items").forEach(i -> outcomes.add(i.get("outcome").asText()));
        assertThat(outcomes).contains("PASSWORD_ACCEPTED", "FACTOR_ENROLLED", "RECOVERY_CODES_ISSUED", "SIGNED_IN",
                "SESSIONS_ENDED");
    }

    @Test
    void shouldThrottleGuessedCodes_As429WithRetryAfter() {
        APP.createUser("hr.guess", "VETTING_OFFICER");
        APP.signIn("hr.guess"); // enrols
        CLOCK.advance(Duration.ofMinutes(1));
        Opened opened = password("hr.guess", TestApp.PASSWORD);
        String csrf = opened.body().get("csrfToken").asText();
        int throttled = 0;
        for (int i = 0; i < 8; i++) {
            try (Response r = post("/api/session/totp", Map.of("code", "00000" + i), opened.cookie(), csrf)) {
                if (r.getStatus() == 429) {
                    throttled++;
                    assertThat(r.getHeaderString("Retry-After")).isNotBlank();
                } else {
                    assertThat(r.getStatus()).isEqualTo(401);
                }
            }
        }
        assertThat(throttled).as("guesses past the first few wait").isPositive();
    }

    @Test
    void shouldAskTheSecondSignatureOfAFourEyesStep_ForARecentFactor_AndChangeNothingUntilThen() {
        expect(APP.post("hr.lopez", "/api/candidates", withCharge(Records.clean("MX-REAUTH-1"))), 201);
        JsonNode proposed = expect(APP.post("hr.lopez", "/api/officers/MX-REAUTH-1/corrections",
                Map.of("reasons", "The charge was dropped: court record 123.", "remove", List.of("c1"))), 201);
        String approve = "/api/corrections/" + proposed.get("correctionId").asText() + "/approve";
        APP.get("adj.two", "/api/me"); // signed in now, with a second factor
        CLOCK.advance(Duration.ofMinutes(6));
        JsonNode refused = expect(APP.post("adj.two", approve, Map.of("reasons", "Court record checked.")), 401);
        assertThat(refused.get("reauthenticate").asBoolean()).isTrue();
        assertThat(APP.get("adj.two", "/api/corrections?status=PENDING").toString()).contains(
                proposed.get("correctionId").asText());
        expect(APP.post("adj.two", "/api/session/reauthenticate", Map.of("code", APP.nextCode("adj.two"))), 200);
        JsonNode approved = expect(APP.post("adj.two", approve, Map.of("reasons", "Court record checked.")), 200);
        assertThat(approved.get("correction").get("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    void shouldLetAServiceAccountUseHttpBasic_OnceASecondAdministratorApproved_ButNeverApprove() {
        Map<String, Object> feed = Map.of("username", "feed.hr", "password", TestApp.PASSWORD, "roles",
                List.of("VETTING_OFFICER"), "countries", TestApp.COUNTRIES, "serviceAccount", true);
        JsonNode pending = expect(APP.post("admin", "/api/users", feed), 202);
        assertThat(pending.get("serviceAccount").asBoolean()).isTrue();
        assertThat(pending.get("status").asText()).isEqualTo("PENDING_APPROVAL");
        JsonNode refused = expect(APP.post("admin", "/api/users", Map.of("username", "feed.bad", "password",
                TestApp.PASSWORD, "roles", List.of("ADJUDICATOR"), "countries", TestApp.COUNTRIES, "serviceAccount",
                true)), 422);
        assertThat(refused.get("errors").findValuesAsText("field")).contains("roles");
        try (Response r = APP.request("/api/me", "feed.hr", TestApp.PASSWORD).get()) {
            assertThat(r.getStatus()).as("not before a second administrator approves").isEqualTo(401);
        }
        APP.createAdmin("admin.two");
        expect(APP.post("admin.two", "/api/users/feed.hr/approve", Map.of()), 200);
        expect(APP.request("/api/me", "feed.hr", TestApp.PASSWORD).get(), 200);
        expect(APP.request("/api/candidates", "feed.hr", TestApp.PASSWORD).post(Entity.json(Records.clean("MX-FEED-1"))),
                201);
        for (String approval : List.of("/api/corrections/x/approve", "/api/rulesets/x/approve", "/api/users/x/approve",
                "/api/watchlists/L/versions/1/approve", "/api/screening-hits/x/review", "/api/evaluations/x/adjudication")) {
            try (Response r = APP.request(approval, "feed.hr", TestApp.PASSWORD).post(Entity.json(Map.of("reasons", "x")))) {
                assertThat(r.getStatus()).as(approval).isEqualTo(403);
            }
        }
    }

    static Map<String, Object> withCharge(Map<String, Object> record) {
        Records.list(record, "criminalRecords").add(Map.of("id", "c1", "category", "THEFT", "status", "CHARGED",
                "date", "2026-01-01"));
        return record;
    }

    @Test
    void shouldOfferNoAgencySignIn_WhenNoneIsConfigured_NorUsersWithoutAPassword() {
        assertThat(expect(APP.request("/auth/options", null, null).get(), 200).get("sso").asBoolean()).isFalse();
        try (Response r = APP.request("/auth/login?returnTo=/", null, null).get()) {
            assertThat(r.getStatus()).isEqualTo(404);
        }
        JsonNode refused = expect(APP.post("admin", "/api/users", Map.of("username", "no.password",
                "roles", List.of("AUDITOR"), "countries", TestApp.COUNTRIES)), 422);
        assertThat(refused.toString()).contains("password");
    }
}
