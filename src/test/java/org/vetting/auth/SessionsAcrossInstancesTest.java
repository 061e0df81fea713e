package org.vetting.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetting.support.TestApp.expect;

import java.time.Duration;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vetting.support.MovableClock;
import org.vetting.support.TestApp;

/**
 * Two instances on one database (PostgreSQL in the PostgreSQL run): a session opened on one is
 * known to the other, and ended on either it is ended on both at once — sessions are rows of the
 * database, not memory of an instance.
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
}
