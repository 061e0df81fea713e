package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * The bad-input corpus of query parameters: every query parameter of every endpoint that takes one,
 * each given values a client should never send — 5,000 characters, an encoded line break or NUL,
 * numbers out of range or not numbers, impossible dates, markup, SQL, a path — by the role allowed to
 * call it. Each answer is the service's own: 200 where the parameter is a free filter that matches
 * nothing, else a 4xx JSON error naming what is wrong; never a 5xx, never a stack trace, never HTML.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class QueryParameterCorpusTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** [user, path (with ? or & to which "param=value" is added), param]. */
    static final String[][] PARAMETERS = {
            {"adj.smith", "/api/adjudications?", "limit"}, {"adj.smith", "/api/adjudications?", "cursor"},
            {"aud.garcia", "/api/audit/evaluations?", "officerId"}, {"aud.garcia", "/api/audit/evaluations?", "unit"},
            {"aud.garcia", "/api/audit/evaluations?", "rule"}, {"aud.garcia", "/api/audit/evaluations?", "flag"},
            {"aud.garcia", "/api/audit/evaluations?", "outcome"}, {"aud.garcia", "/api/audit/evaluations?", "actor"},
            {"aud.garcia", "/api/audit/evaluations?", "from"}, {"aud.garcia", "/api/audit/evaluations?", "to"},
            {"aud.garcia", "/api/audit/evaluations?", "limit"}, {"aud.garcia", "/api/audit/evaluations?", "cursor"},
            {"aud.garcia", "/api/audit/access-log?", "officerId"}, {"aud.garcia", "/api/audit/access-log?", "username"},
            {"aud.garcia", "/api/audit/access-log?", "from"}, {"aud.garcia", "/api/audit/access-log?", "to"},
            {"aud.garcia", "/api/audit/access-log?", "limit"}, {"aud.garcia", "/api/audit/access-log?", "cursor"},
            {"aud.garcia", "/api/audit/sign-ins?", "username"}, {"aud.garcia", "/api/audit/sign-ins?", "limit"},
            {"aud.garcia", "/api/audit/sign-ins?", "cursor"},
            {"adj.smith", "/api/adverse-cases?", "stage"}, {"adj.smith", "/api/adverse-cases?", "due"},
            {"adj.smith", "/api/adverse-cases?", "limit"}, {"adj.smith", "/api/adverse-cases?", "cursor"},
            {"adj.smith", "/api/corrections?", "status"}, {"adj.smith", "/api/corrections?", "limit"},
            {"adj.smith", "/api/corrections?", "cursor"},
            {"hr.lopez", "/api/officers/MX-Q-1/evaluations?", "limit"},
            {"hr.lopez", "/api/officers/MX-Q-1/evaluations?", "cursor"},
            {"adj.smith", "/api/screening-hits?", "status"}, {"adj.smith", "/api/screening-hits?", "limit"},
            {"adj.smith", "/api/screening-hits?", "cursor"},
            {"cmd.fent", "/api/units/JU-FENTANYL/roster?", "status"}, {"cmd.fent", "/api/units/JU-FENTANYL/roster?", "limit"},
            {"cmd.fent", "/api/units/JU-FENTANYL/roster?", "cursor"},
            {"admin", "/api/users?", "limit"}, {"admin", "/api/users?", "cursor"},
            {"aud.garcia", "/api/watchlists/NO-SUCH-LIST/entries?q=lopez&", "minScore"},
            {"aud.garcia", "/api/watchlists/NO-SUCH-LIST/entries?q=lopez&", "limit"},
            {"aud.garcia", "/api/watchlists/NO-SUCH-LIST/entries?", "q"},
    };

    /** Values no client should send, URL-encoded as they travel. */
    static final List<String> VALUES = List.of("A".repeat(5_000), "x%0D%0AINFO%20forged%00", "-1",
            "99999999999999999999", "2026-02-30T25:61:00Z", "%27%3B%20DROP%20TABLE%20users%3B--%3Cscript%3E%E2%80%AE");

    @BeforeAll
    static void data() {
        APP.createStaff();
        APP.submit("hr.lopez", Records.clean("MX-Q-1"));
    }

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        for (String[] p : PARAMETERS) {
            for (String v : VALUES) {
                cases.add(Arguments.of(p[2], v.length() > 40 ? v.substring(0, 40) + "…" : v, p[0], p[1], v));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}={1} on {3}")
    @MethodSource("corpus")
    void shouldAnswerEveryOddValueItself_NeverWithAServerError(String param, String shown, String user, String path,
                                                              String value) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(APP.url(path + param + "=" + value)))
                .header("Authorization", TestApp.basic(user, TestApp.password(user)))
                .header("Accept", "application/json").timeout(Duration.ofSeconds(20)).GET().build();
        HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 499).isNotIn(401, 403);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain(".java:")
                .doesNotContain("<html");
        if (r.statusCode() >= 400) {
            JsonNode body = new ObjectMapper().readTree(r.body());
            assertThat(body.get("code").asInt()).isEqualTo(r.statusCode());
            assertThat(body.get("message").asText()).isNotBlank();
        }
    }
}
