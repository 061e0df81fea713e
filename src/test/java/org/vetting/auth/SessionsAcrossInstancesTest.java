package org.vetting.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetting.support.TestApp.expect;

import java.time.Duration;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vetting.support.MovableClock;
import org.vetting.support.SoftwareKey;
import org.vetting.support.TestApp;

/**
 * Two instances on one database (PostgreSQL in the PostgreSQL run): a session opened on one is
 * known to the other, and ended on either it is ended on both at once — sessions are rows of the
 * database, not memory of an instance; so is a security key's ceremony, whose answer may reach the
 * other instance and is taken once.
 */
class SessionsAcrossInstancesTest {
    static final TestApp.Database DB = TestApp.Database.create();
    static final MovableClock CLOCK = new MovableClock(TestApp.TODAY);
    static final TestApp FIRST = TestApp.withSecondFactor(DB, CLOCK);
    static final TestApp SECOND = TestApp.withSecondFactor(DB, CLOCK);

    /** One instance after the other (the second finds the schema and the first administrator), then the staff. */
    @BeforeAll
    static void start() throws Throwable {
        FIRST.app.before();
        SECOND.app.before();
        FIRST.createStaff();
    }

    @AfterAll
    static void drop() {
        // in reverse order: each instance puts back the configuration overrides it found at its start
        SECOND.app.after();
        FIRST.app.after();
        DB.drop();
    }

    @Test
    void shouldKnowASessionOnEveryInstance_AndEndItOnAllAtOnce() {
        TestApp.SignedIn s = FIRST.signIn("hr.lopez");
        assertThat(expect(SECOND.withSession(s, "/api/me").get(), 200).get("username").asText()).isEqualTo("hr.lopez");
        try (Response r = SECOND.withSession(s, "/api/session").delete()) {
            assertThat(r.getStatus()).isEqualTo(204);
        }
        try (Response r = FIRST.withSession(s, "/api/me").get()) {
            assertThat(r.getStatus()).as("signed out on the other instance").isEqualTo(401);
        }
    }

    @Test
    void shouldEndASessionOnEveryInstance_WhenAnAdministratorDisablesTheUserOnOne() {
        FIRST.createUser("hr.gone", "VETTING_OFFICER");
        TestApp.SignedIn s = FIRST.signIn("hr.gone");
        expect(FIRST.withSession(s, "/api/me").get(), 200);
        // the administrator signs in on the second instance with the app enrolled on the first
        CLOCK.advance(Duration.ofMinutes(1));
        SECOND.rememberSecret("admin", FIRST.secret("admin"));
        expect(SECOND.post("admin", "/api/users/hr.gone/disable", java.util.Map.of()), 200);
        try (Response r = FIRST.withSession(s, "/api/me").get()) {
            assertThat(r.getStatus()).isEqualTo(401);
        }
    }

    @Test
    void shouldFinishAKeysCeremonyOnTheOtherInstance_AndTakeItsChallengeOnce() {
        FIRST.createUser("hr.key", "VETTING_OFFICER");
        SoftwareKey key = new SoftwareKey();
        String origin = "http://localhost:" + FIRST.app.getLocalPort();
        // enrolment: the options from the first instance, the key's answer to the second
        JsonNode opened;
        String cookie;
        try (Response r = FIRST.request("/api/session", null, null)
                .post(Entity.json(Map.of("username", "hr.key", "password", TestApp.PASSWORD)))) {
            opened = r.readEntity(JsonNode.class);
            cookie = r.getCookies().get(TestApp.SESSION_COOKIE).getValue();
        }
        String csrf = opened.get("csrfToken").asText();
        JsonNode options = expect(FIRST.request("/api/me/factors/webauthn/options", null, null)
                .cookie(TestApp.SESSION_COOKIE, cookie).header("X-CSRF-Token", csrf).post(Entity.json(Map.of())), 200);
        JsonNode answer = key.register(options, origin);
        Response registered = SECOND.request("/api/me/factors/webauthn", null, null).cookie(TestApp.SESSION_COOKIE, cookie)
                .header("X-CSRF-Token", csrf).post(Entity.json(Map.of("label", "key", "credential", answer)));
        String signedIn = registered.getCookies().get(TestApp.SESSION_COOKIE).getValue();
        expect(registered, 200);
        // and once only: the same answer again, on the first instance, finds no options waiting
        expect(FIRST.request("/api/me/factors/webauthn", null, null).cookie(TestApp.SESSION_COOKIE, signedIn)
                .header("X-CSRF-Token", csrf).post(Entity.json(Map.of("label", "key", "credential", answer))), 409);
        assertThat(FIRST.count("second_factors WHERE username = 'hr.key'")).isEqualTo(1);
    }
}
