package org.vetting.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.VettingApplication;
import org.vetting.support.TestApp;

/**
 * Sign-in that resists guessing and flooding: guesses are throttled before bcrypt (429 with
 * Retry-After), an unknown name costs one bcrypt like a known one, failed sign-ins are recorded for
 * auditors, passwords change through {@code /api/me/password}. The bcrypt count is the measure: it is
 * exact, where timings on a shared two-core machine are not (docs/performance.md has the timings).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void staff() {
        APP.createStaff();
        APP.createUser("hr.target", "VETTING_OFFICER");
        APP.createUser("hr.changer", "VETTING_OFFICER");
    }

    static Passwords passwords() {
        return ((VettingApplication) EXT.getApplication()).context().passwords();
    }

    /** One sign-in, with a client that does not retry on 429 (Apache's honours Retry-After by itself). */
    static int status(String user, String password) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(APP.url("/api/me")))
                    .header("Authorization", TestApp.basic(user, password)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 429) {
                assertThat(r.headers().firstValue("Retry-After").orElseThrow()).matches("[1-9][0-9]*");
                assertThat(r.body()).contains("\"code\":429");
            }
            return r.statusCode();
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void shouldThrottleGuessesBeforeBcrypt_WhileOtherUsersSignIn() {
        int unauthorized = 0;
        int throttled = 0;
        for (int i = 0; i < 12; i++) {
            int s = status("hr.target", "guess-number-" + i);
            unauthorized += s == 401 ? 1 : 0;
            throttled += s == 429 ? 1 : 0;
        }
        assertThat(unauthorized).isBetween(1, 5);
        assertThat(throttled).isEqualTo(12 - unauthorized);
        long before = passwords().verifications();
        for (int i = 0; i < 20; i++) {
            assertThat(status("hr.target", "flood-" + i)).isEqualTo(429);
        }
        assertThat(passwords().verifications()).as("a throttled guess never reaches bcrypt").isEqualTo(before);
        // the right password is throttled too while the pair waits: the throttle is no oracle
        assertThat(status("hr.target", TestApp.PASSWORD)).isEqualTo(429);
        // other users sign in meanwhile
        assertThat(status("adj.smith", TestApp.PASSWORD)).isEqualTo(200);
        try (Response r = APP.as("aud.garcia", "/api/audit/sign-ins?username=hr.target").get()) {
            JsonNode items = r.readEntity(JsonNode.class).get("items");
            assertThat(items).hasSize(unauthorized);
            assertThat(items.get(0).get("address").asText()).isNotBlank();
            assertThat(items.get(0).get("outcome").asText()).isEqualTo("WRONG_CREDENTIALS");
        }
    }

    @Test
    void shouldCostAnUnknownNameWhatAKnownOneCosts() {
        long before = passwords().verifications();
        assertThat(status("nobody.at.all", "some-password-1")).isEqualTo(401);
        long unknown = passwords().verifications() - before;
        before = passwords().verifications();
        assertThat(status("cmd.fent", "some-password-1")).isEqualTo(401);
        long known = passwords().verifications() - before;
        assertThat(unknown).isEqualTo(known).isEqualTo(1);
    }

    @Test
    void shouldChangeOnesOwnPassword_KnowingTheCurrentOne() {
        try (Response r = APP.post("hr.changer", "/api/me/password", Map.of("current", "wrong-one-123",
                "new", "a-brand-new-password"))) {
            assertThat(r.getStatus()).isEqualTo(422);
        }
        try (Response r = APP.post("hr.changer", "/api/me/password", Map.of("current", TestApp.PASSWORD,
                "new", "short"))) {
            assertThat(r.getStatus()).isEqualTo(422);
        }
        try (Response r = APP.post("hr.changer", "/api/me/password", Map.of("current", TestApp.PASSWORD,
                "new", "a-brand-new-password"))) {
            assertThat(r.getStatus()).isEqualTo(204);
        }
        assertThat(status("hr.changer", "a-brand-new-password")).isEqualTo(200);
        assertThat(status("hr.changer", TestApp.PASSWORD)).isEqualTo(401);
    }

    @Nested
    class FirstStart {
        @Test
        void shouldWriteAGeneratedPasswordOwnerOnly_AndRequireItsChange() throws Exception {
            Path file = Files.createTempDirectory("vetting-first").resolve("admin-password");
            TestApp fresh = new TestApp(ConfigOverride.config("adminPassword", ""),
                    ConfigOverride.config("generatedPasswordFile", file.toString()));
            fresh.app.before();
            try {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
                String password = Files.readString(file).strip();
                try (Response r = fresh.request("/api/me", "admin", password).get()) {
                    assertThat(r.readEntity(JsonNode.class).get("mustChangePassword").asBoolean()).isTrue();
                }
                try (Response r = fresh.request("/api/users", "admin", password).get()) {
                    assertThat(r.getStatus()).isEqualTo(403);
                }
                try (Response r = fresh.request("/api/me/password", "admin", password).post(
                        jakarta.ws.rs.client.Entity.json(Map.of("current", password, "new", "the-admins-own-password")))) {
                    assertThat(r.getStatus()).isEqualTo(204);
                }
                try (Response r = fresh.request("/api/users", "admin", "the-admins-own-password").get()) {
                    assertThat(r.getStatus()).isEqualTo(200);
                }
            } finally {
                fresh.app.after();
            }
        }

        @Test
        void shouldRefuseToStartWithAnAdminPasswordThatBreaksTheRules() {
            TestApp weak = new TestApp(ConfigOverride.config("adminPassword", "short"));
            assertThatThrownBy(() -> weak.app.before()).hasStackTraceContaining("VETTING_ADMIN_PASSWORD is not acceptable");
            try {
                weak.app.after();
            } catch (Exception ignored) {
                // never started
            }
        }
    }
}
