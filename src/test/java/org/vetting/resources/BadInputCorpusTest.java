package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * The corpus of bad inputs (src/test/resources/bad-inputs: malformed and truncated JSON, wrong
 * types, huge and tiny numbers, deep nesting, long strings, control characters, invalid UTF-8,
 * duplicate keys, odd dates, wrong content types) against every write endpoint that reads a body
 * (those of the sign-in steps with a session cookie and its CSRF token):
 * each is a 4xx with the JSON error body, no stack trace, and nothing stored.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BadInputCorpusTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final List<String> TABLES = List.of("officer_records", "officers", "evaluations", "evaluation_flags",
            "fired_rules", "clearances", "clearance_events", "adjudications", "corrections", "users", "user_roles",
            "user_countries", "pending_grants", "audit_log", "adverse_cases", "adverse_steps", "adverse_letters");
    static String evaluation;
    static String correction;
    /** An adverse case whose denial is proposed (no notice yet): every step's body is refused before its stage. */
    static String adverseCase;

    /** The user of a row whose calls are made with hr.lopez's session cookie. */
    static final String SESSION = "session";
    /** hr.lopez's session (second factors are off here: the password signs it in): cookie and CSRF token. */
    static String sessionCookie;
    static String sessionCsrf;

    /** [path, user]: every endpoint that reads a request body. */
    static final List<String[]> ENDPOINTS = List.of(
            new String[] {"/api/candidates", "hr.lopez"}, new String[] {"/api/evaluations/dry-run", "hr.lopez"},
            new String[] {"/api/officers/MX-BAD-1/records", "hr.lopez"},
            new String[] {"/api/officers/MX-BAD-1/corrections", "hr.lopez"},
            new String[] {"/api/evaluations/EVAL/adjudication", "adj.smith"},
            new String[] {"/api/corrections/CORR/approve", "adj.smith"},
            new String[] {"/api/corrections/CORR/reject", "adj.smith"}, new String[] {"/api/users", "admin"},
            new String[] {"/api/adverse-cases/CASE/notice", "adj.smith"},
            new String[] {"/api/adverse-cases/CASE/replies", "hr.lopez"},
            new String[] {"/api/adverse-cases/CASE/extension", "adj.smith"},
            new String[] {"/api/adverse-cases/CASE/reconsideration", "adj.smith"},
            new String[] {"/api/adverse-cases/CASE/appeal", "hr.lopez"},
            new String[] {"/api/adverse-cases/CASE/votes", "board.x"},
            new String[] {"/api/users/hr.lopez/roles", "admin"}, new String[] {"/api/me/password", "hr.lopez"},
            // signing in reads its body before anything else: a bad one is refused naming the field
            new String[] {"/api/session", "hr.lopez"},
            // the steps made with a session cookie (and its CSRF token), not HTTP Basic
            new String[] {"/api/session/totp", SESSION}, new String[] {"/api/session/recovery", SESSION},
            new String[] {"/api/session/webauthn", SESSION}, new String[] {"/api/session/reauthenticate", SESSION},
            new String[] {"/api/me/factors/totp/F1/confirm", SESSION}, new String[] {"/api/me/factors/webauthn", SESSION});

    @BeforeAll
    static void data() {
        APP.createStaff();
        APP.createUser("board.x", "APPEALS_BOARD");
        try (Response resp = APP.request("/api/session", null, null)
                .post(jakarta.ws.rs.client.Entity.json(Map.of("username", "hr.lopez", "password", TestApp.PASSWORD)))) {
            sessionCsrf = resp.readEntity(JsonNode.class).get("csrfToken").asText();
            sessionCookie = resp.getCookies().get(TestApp.SESSION_COOKIE).getValue();
        }
        var r = Records.clean("MX-BAD-1");
        Records.list(r, "criminalRecords").add(Map.of("id", "c1", "category", "THEFT", "status", "CHARGED",
                "date", "2026-01-01"));
        try (Response resp = APP.post("hr.lopez", "/api/candidates", r)) {
            evaluation = resp.readEntity(JsonNode.class).get("evaluationId").asText();
        }
        try (Response resp = APP.post("hr.lopez", "/api/officers/MX-BAD-1/corrections",
                Map.of("remove", List.of("c1"), "reasons", "Corpus."))) {
            correction = resp.readEntity(JsonNode.class).get("correctionId").asText();
        }
        adverseCase = APP.submit("hr.lopez", Records.convicted("MX-BAD-2")).get("adverseCase").get("caseId").asText();
    }

    static Stream<Arguments> corpus() throws Exception {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/bad-inputs"))) {
            List<Path> sorted = files.sorted().toList();
            assertThat(sorted).hasSizeGreaterThanOrEqualTo(60);
            for (Path file : sorted) {
                for (String[] endpoint : ENDPOINTS) {
                    cases.add(Arguments.of(file.getFileName().toString(), endpoint[0], endpoint[1], file));
                }
            }
        }
        return cases.stream();
    }

    /** One connection for every count (a new one per count costs PostgreSQL a process each time). */
    static Connection counting;

    @AfterAll
    static void closeCounting() throws SQLException {
        if (counting != null) {
            counting.close();
        }
    }

    /** Rows in every table a request could write to, in one query (a connection per table was slow on PostgreSQL). */
    static long stored() throws SQLException {
        if (counting == null) {
            counting = APP.connection(); // autocommit: each count sees what is committed at that moment
        }
        try (var s = counting.createStatement(); var rs = s.executeQuery("SELECT "
                + String.join(" + ", TABLES.stream().map(t -> "(SELECT COUNT(*) FROM " + t + ")").toList()))) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("corpus")
    void shouldRefuseEachBadInput_WithAJsonErrorAndNothingStored(String name, String path, String user, Path file)
            throws Exception {
        long before = stored();
        String type = name.endsWith(".txt") ? "text/plain" : name.endsWith(".xml") ? "application/xml"
                : name.endsWith(".form") ? "application/x-www-form-urlencoded" : "application/json";
        HttpRequest request = HttpRequest.newBuilder(URI.create(APP.url(
                        path.replace("EVAL", evaluation).replace("CORR", correction).replace("CASE", adverseCase))))
                .headers(user.equals(SESSION)
                        ? new String[] {"Cookie", TestApp.SESSION_COOKIE + "=" + sessionCookie, "X-CSRF-Token", sessionCsrf}
                        : new String[] {"Authorization", TestApp.basic(user, TestApp.password(user))})
                .header("Content-Type", type).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(Files.readAllBytes(file))).build();
        HttpResponse<String> r;
        try {
            r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException closed) {
            // the client's pooled connection closed under it ("received no bytes", seen once in
            // thousands of cases): sent again once; whatever the first attempt did, "nothing stored" below
            // still compares with the count taken before it
            r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499)
                .as("signed in and allowed: the refusal is about the body").isNotIn(401, 403, 429);
        JsonNode body = new ObjectMapper().readTree(r.body());
        assertThat(body.get("code").asInt()).isEqualTo(r.statusCode());
        assertThat(body.get("message").asText()).isNotBlank();
        if (body.has("errors")) {
            assertThat(body.get("errors").findValuesAsText("field")).allSatisfy(f -> assertThat(f).isNotBlank());
        }
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:");
        assertThat(stored()).as("nothing stored").isEqualTo(before);
    }
}
