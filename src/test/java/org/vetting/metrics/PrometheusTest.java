package org.vetting.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/** {@code GET /prometheus} on the admin port: text format, the business metrics, values that move. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PrometheusTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void users() {
        APP.createStaff();
    }

    static HttpResponse<String> scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + APP.app.getAdminPort() + "/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
    }

    static double value(String body, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void theTextFormatCarriesTheBusinessMetrics_AndTheyMoveWithASubmission() throws Exception {
        HttpResponse<String> before = scrape();
        assertThat(before.statusCode()).isEqualTo(200);
        assertThat(before.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(before.body()).contains("vetting_adjudication_queue_length ")
                .contains("vetting_audit_chain_entries ").contains("vetting_failed_sign_ins_total ")
                .contains("org_vetting_db_");
        assertThat(before.body()).containsPattern("# TYPE \\w+_requests_seconds summary");
        String eligible = "vetting_evaluations_total{outcome=\"ELIGIBLE\",unit=\"JU-FENTANYL\"}";
        String referred = "vetting_evaluations_total{outcome=\"REFERRED\",unit=\"JU-FENTANYL\"}";
        double chain = value(before.body(), "vetting_audit_chain_entries");

        APP.post("hr.lopez", "/api/candidates", Records.clean("MX-PROM-1")).close();
        Map<String, Object> referredRecord = Records.clean("MX-PROM-2");
        Records.list(referredRecord, "criminalRecords").add(Map.of("id", "c1", "category", "THEFT", "status",
                "CHARGED", "date", "2026-01-01"));
        APP.post("hr.lopez", "/api/candidates", referredRecord).close();
        try (Response r = APP.request("/api/me", "hr.lopez", "wrong-password").get()) {
            assertThat(r.getStatus()).isEqualTo(401);
        }

        String after = scrape().body();
        assertThat(after).contains("# TYPE vetting_evaluations_total counter").contains("# TYPE vetting_clearances gauge")
                .contains("# TYPE vetting_flags_total counter");
        assertThat(value(after, eligible)).isEqualTo(value(before.body(), eligible) + 1);
        assertThat(value(after, referred)).isEqualTo(value(before.body(), referred) + 1);
        assertThat(value(after, "vetting_clearances{status=\"PENDING_ADJUDICATION\",unit=\"JU-FENTANYL\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(value(after, "vetting_flags_total{code=\"PENDING_CRIMINAL_CASE\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "vetting_adjudication_queue_length")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "vetting_failed_sign_ins_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(after, "vetting_audit_chain_entries")).isGreaterThan(chain);
        // the metrics name no officer
        assertThat(after).doesNotContain("MX-PROM");
        assertThat(List.of(after.split("\n"))).allSatisfy(line -> assertThat(line).doesNotContainIgnoringCase("password"));
    }
}
