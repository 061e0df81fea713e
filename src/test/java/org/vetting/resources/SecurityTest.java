package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

@ExtendWith(DropwizardExtensionsSupport.class)
class SecurityTest {
    static final TestApp APP = new TestApp();
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void users() {
        APP.createStaff();
    }

    static void assertJsonError(Response r, int status) {
        try (r) {
            assertThat(r.getStatus()).isEqualTo(status);
            JsonNode body = r.readEntity(JsonNode.class);
            assertThat(body.get("code").asInt()).isEqualTo(status);
            assertThat(body.get("message").asText()).isNotBlank();
        }
    }

    @Nested
    class Authentication {
        @Test
        void shouldRefuseWith401_WhenNoCredentials() {
            Response r = APP.request("/api/rulesets/active", null, null).get();
            assertThat(r.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"vetting\"");
            assertJsonError(r, 401);
        }

        @Test
        void shouldRefuseWith401_WhenThePasswordIsWrong() {
            Response r = APP.request("/api/rulesets/active", "hr.lopez", "not-the-password").get();
            assertThat(r.getHeaderString("WWW-Authenticate")).isEqualTo("Basic realm=\"vetting\"");
            assertJsonError(r, 401);
        }

        @Test
        void shouldRefuseWith401_WhenTheUserDoesNotExist() {
            assertJsonError(APP.request("/api/candidates", "nobody", TestApp.PASSWORD)
                    .post(Entity.json(Records.clean("MX-S-0"))), 401);
            assertThat(APP.count("officer_records")).isZero();
        }

        @Test
        void shouldAnswerHealthWithoutCredentials() {
            try (Response r = APP.request("/api/health", null, null).get()) {
                assertThat(r.getStatus()).isEqualTo(200);
                assertThat(r.readEntity(JsonNode.class).get("status").asText()).isEqualTo("UP");
            }
        }

        @Test
        void shouldStoreOnlyABcryptHash_OfEveryPassword() {
            try (var c = APP.connection();
                 var rs = c.createStatement().executeQuery("SELECT password_hash FROM users")) {
                while (rs.next()) {
                    assertThat(rs.getString(1)).startsWith("$2a$").doesNotContain(TestApp.PASSWORD);
                }
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Nested
    class Roles {
        @ParameterizedTest(name = "{0} {1} as {2} -> {3}")
        @CsvSource({
                "POST, /api/candidates, adj.smith, 403",
                "POST, /api/candidates, cmd.fent, 403",
                "POST, /api/candidates, aud.garcia, 403",
                "POST, /api/candidates, admin, 403",
                "POST, /api/evaluations/dry-run, cmd.fent, 403",
                "POST, /api/evaluations/dry-run, aud.garcia, 403",
                "GET, /api/evaluations/x, cmd.fent, 403",
                "GET, /api/evaluations/x, admin, 403",
                "POST, /api/users, hr.lopez, 403",
                "POST, /api/users, aud.garcia, 403",
                "POST, /api/users, adj.smith, 403",
                "GET, /api/rulesets/active, cmd.fent, 200",
                "GET, /api/rulesets/active, admin, 200",
                "GET, /api/evaluations/x, aud.garcia, 404",
                "POST, /api/evaluations/dry-run, admin, 200",
        })
        void shouldApplyTheRolesOfTheContract(String method, String path, String user, int status) {
            Response r = method.equals("GET") ? APP.as(user, path).get()
                    : APP.post(user, path, path.endsWith("dry-run") ? Map.of("record", Records.clean("MX-S-1"))
                    : path.endsWith("users") ? Map.of("username", "x.y", "password", TestApp.PASSWORD, "roles",
                    List.of("AUDITOR"), "countries", TestApp.COUNTRIES) : Records.clean("MX-S-1"));
            if (status >= 400) {
                assertJsonError(r, status);
            } else {
                try (r) {
                    assertThat(r.getStatus()).isEqualTo(status);
                }
            }
        }

        @Test
        void shouldStoreNothing_WhenTheRoleIsRefused() {
            long before = APP.count("officer_records");
            assertJsonError(APP.post("cmd.fent", "/api/candidates", Records.clean("MX-S-2")), 403);
            assertThat(APP.count("officer_records")).isEqualTo(before);
        }
    }

    @Nested
    class Users {
        @Test
        void shouldCreateAUserWhoCanSignIn() {
            try (Response r = APP.post("admin", "/api/users", Map.of("username", "cmd.arms", "password",
                    TestApp.PASSWORD, "roles", List.of("COMMANDER"), "units", List.of("JU-ARMS"), "countries",
                    TestApp.COUNTRIES))) {
                assertThat(r.getStatus()).isEqualTo(201);
                JsonNode u = r.readEntity(JsonNode.class);
                assertThat(u.get("roles").get(0).asText()).isEqualTo("COMMANDER");
                assertThat(u.get("units").get(0).asText()).isEqualTo("JU-ARMS");
                assertThat(u.has("password")).isFalse();
                assertThat(u.toString()).doesNotContain("$2a$");
            }
            try (Response r = APP.as("cmd.arms", "/api/rulesets/active").get()) {
                assertThat(r.getStatus()).isEqualTo(200);
            }
        }

        @Test
        void shouldDisableAUser_WhoThenCannotSignIn_AndAuditIt() throws Exception {
            APP.createUser("leaver", "AUDITOR");
            try (Response r = APP.as("leaver", "/api/rulesets/active").get()) {
                assertThat(r.getStatus()).isEqualTo(200); // now cached by the authenticator
            }
            assertJsonError(APP.post("hr.lopez", "/api/users/leaver/disable", Map.of()), 403);
            try (Response r = APP.post("admin", "/api/users/leaver/disable", Map.of())) {
                assertThat(r.getStatus()).isEqualTo(200);
                assertThat(r.readEntity(JsonNode.class).get("enabled").asBoolean()).isFalse();
            }
            assertJsonError(APP.as("leaver", "/api/rulesets/active").get(), 401);
            assertJsonError(APP.post("admin", "/api/users/admin/disable", Map.of()), 409);
            assertJsonError(APP.post("admin", "/api/users/nobody/disable", Map.of()), 404);
            try (Response r = APP.as("admin", "/api/users?limit=1000").get()) {
                JsonNode users = r.readEntity(JsonNode.class);
                assertThat(users.findValuesAsText("username")).contains("admin", "leaver", "hr.lopez");
                assertThat(users.toString()).doesNotContain("$2a$");
            }
            try (var c = APP.connection(); var rs = c.createStatement().executeQuery(
                    "SELECT content FROM audit_log WHERE entry_type = 'USER' AND ref = 'leaver' ORDER BY sequence")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("CREATED");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).contains("DISABLED");
            }
        }

        @Test
        void shouldRefuseADuplicateUser_With409() {
            assertJsonError(APP.post("admin", "/api/users", Map.of("username", "hr.lopez", "password",
                    TestApp.PASSWORD, "roles", List.of("AUDITOR"), "countries", TestApp.COUNTRIES)), 409);
        }

        @Test
        void shouldRefuseBadUserInput_NamingTheFields() {
            try (Response r = APP.post("admin", "/api/users", Map.of("username", "a b", "password", "short",
                    "roles", List.of("KING"), "units", List.of("JU-ARMS")))) {
                assertThat(r.getStatus()).isEqualTo(422);
                assertThat(r.readEntity(JsonNode.class).get("errors").findValuesAsText("field"))
                        .contains("username", "password", "roles[0]", "units");
            }
        }
    }
}
