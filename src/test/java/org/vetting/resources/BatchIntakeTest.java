package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/** {@code POST /api/candidates/batch}: each record stored or refused on its own, as the single call would. */
@ExtendWith(DropwizardExtensionsSupport.class)
class BatchIntakeTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void users() {
        APP.createStaff();
        APP.post("hr.lopez", "/api/candidates", Records.clean("MX-BATCH-ONFILE")).close();
    }

    @Test
    void aMixedBatchStoresExactlyTheGoodRecords() {
        Map<String, Object> unknownField = Records.clean("MX-BATCH-3");
        unknownField.put("nickname", "El Flaco");
        Map<String, Object> badDate = Records.clean("MX-BATCH-4");
        badDate.put("serviceStartDate", "2012-13-45");
        Map<String, Object> altered = Records.clean("MX-BATCH-ONFILE");
        Records.list(altered, "exams").remove(0); // leaves out a record on file: a correction, not a submission
        Map<String, Object> noCountry = Records.clean("MX-BATCH-6");
        noCountry.remove("country");
        List<Object> records = List.of(Records.clean("MX-BATCH-1"), Records.typical("MX-BATCH-2"), unknownField,
                badDate, altered, noCountry, Records.clean("MX-BATCH-7"));
        long evaluations = APP.count("evaluations");
        long entries = APP.count("audit_log");
        JsonNode results;
        try (Response r = APP.post("hr.lopez", "/api/candidates/batch", Map.of("records", records))) {
            assertThat(r.getStatus()).isEqualTo(200);
            results = r.readEntity(JsonNode.class).get("results");
        }
        List<Integer> statuses = new ArrayList<>();
        results.forEach(x -> statuses.add(x.get("status").asInt()));
        assertThat(statuses).containsExactly(201, 201, 422, 422, 409, 422, 201);
        for (int i = 0; i < results.size(); i++) {
            assertThat(results.get(i).get("index").asInt()).isEqualTo(i);
        }
        assertThat(results.get(0).get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(results.get(2).get("errors").get(0).get("field").asText()).isEqualTo("nickname");
        assertThat(results.get(3).get("errors").get(0).get("field").asText()).isEqualTo("serviceStartDate");
        assertThat(results.get(4).get("errors").get(0).get("message").asText()).contains("e1");
        assertThat(results.get(5).get("errors").get(0).get("field").asText()).isEqualTo("country");
        assertThat(APP.count("evaluations")).isEqualTo(evaluations + 3);
        for (int i : new int[] {0, 1, 6}) {
            String id = results.get(i).get("evaluationId").asText();
            assertThat(APP.as("hr.lopez", "/api/evaluations/" + id).get(JsonNode.class).get("officerId").asText())
                    .isEqualTo(results.get(i).get("officerId").asText());
        }
        assertThat(APP.count("audit_log")).as("each stored record audited").isGreaterThanOrEqualTo(entries + 6);
    }

    @Test
    void aThousandRecordsAtMost_AndAtLeastOne() {
        List<Object> tooMany = new ArrayList<>(Collections.nCopies(1_001, Map.of("officerId", "X")));
        long before = APP.count("officer_records");
        try (Response r = APP.post("hr.lopez", "/api/candidates/batch", Map.of("records", tooMany))) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(JsonNode.class).get("errors").get(0).get("field").asText()).isEqualTo("records");
        }
        try (Response r = APP.post("hr.lopez", "/api/candidates/batch", Map.of("records", List.of()))) {
            assertThat(r.getStatus()).isEqualTo(422);
        }
        try (Response r = APP.postRaw("hr.lopez", "/api/candidates/batch", "{\"records\": [1, \"two\", null]}")) {
            assertThat(r.getStatus()).isEqualTo(200);
            r.readEntity(JsonNode.class).get("results").forEach(x -> assertThat(x.get("status").asInt()).isEqualTo(422));
        }
        assertThat(APP.count("officer_records")).isEqualTo(before);
    }
}
