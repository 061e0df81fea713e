package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

@ExtendWith(DropwizardExtensionsSupport.class)
class CandidatesResourceTest {
    static final TestApp APP = new TestApp();
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void users() {
        APP.createStaff();
    }

    static JsonNode submit(Map<String, Object> record) {
        Response r = APP.post("hr.lopez", "/api/candidates", record);
        JsonNode body = TestApp.expect(r, 201);
        assertThat(r.getHeaderString("Location")).isEqualTo("/api/evaluations/" + body.get("evaluationId").asText());
        return body;
    }

    static List<String> codes(JsonNode evaluation) {
        return evaluation.get("flags").findValuesAsText("code");
    }

    @Nested
    class Outcomes {
        @Test
        void shouldBeEligibleWithValidUntil_WhenTheOfficerIsClean() {
            JsonNode e = submit(Records.clean("MX-GN-1"));
            assertThat(e.get("outcome").asText()).isEqualTo("ELIGIBLE");
            assertThat(e.get("flags")).isEmpty();
            // the earliest of D + 12 months and the polygraph/toxicology expiry (2026-03-10 + 12 months)
            assertThat(e.get("validUntil").asText()).isEqualTo("2027-03-10");
            assertThat(e.get("asOf").asText()).isEqualTo("2026-11-27");
            assertThat(e.get("evaluatedBy").asText()).isEqualTo("hr.lopez");
            assertThat(e.get("unit").asText()).isEqualTo("JU-FENTANYL");
            assertThat(e.get("firedRules").findValuesAsText("rule")).last().asString().startsWith("OUTCOME-7");
        }

        @Test
        void shouldBeIncompleteWithExamMissing_WhenThePolygraphIsMissing() {
            var record = Records.clean("MX-GN-2");
            Records.list(record, "exams").remove(0);
            JsonNode e = submit(record);
            assertThat(e.get("outcome").asText()).isEqualTo("INCOMPLETE");
            assertThat(e.get("validUntil").isNull()).isTrue();
            JsonNode flag = e.get("flags").get(0);
            assertThat(flag.get("code").asText()).isEqualTo("EXAM_MISSING");
            assertThat(flag.get("severity").asText()).isEqualTo("INCOMPLETE");
            assertThat(flag.get("category").asText()).isEqualTo("EXAMS");
            assertThat(flag.get("evidence")).extracting(JsonNode::asText).containsExactly("POLYGRAPH");
            assertThat(flag.get("message").asText()).contains("POLYGRAPH");
            assertThat(e.get("firedRules").findValuesAsText("flag")).contains("EXAM_MISSING");
        }

        @Test
        void shouldBeIneligible_WhenTheLatestPolygraphFailed() {
            var record = Records.clean("MX-GN-3");
            Records.list(record, "exams").set(0, Records.exam("e1", "POLYGRAPH", "FAIL", "2026-03-10"));
            JsonNode e = submit(record);
            assertThat(e.get("outcome").asText()).isEqualTo("INELIGIBLE");
            assertThat(codes(e)).containsExactly("POLYGRAPH_FAILED");
            JsonNode flag = e.get("flags").get(0);
            assertThat(flag.get("severity").asText()).isEqualTo("DISQUALIFYING");
            assertThat(flag.get("waivable").asBoolean()).isTrue();
            assertThat(flag.get("evidence")).extracting(JsonNode::asText).containsExactly("e1");
        }

        @Test
        void shouldStoreTheEvaluation_WithFlagsAndFiredRulesInOrder() {
            var record = Records.clean("MX-GN-4");
            Records.list(record, "exams").remove(4);
            JsonNode submitted = submit(record);
            try (Response r = APP.as("aud.garcia", "/api/evaluations/" + submitted.get("evaluationId").asText()).get()) {
                assertThat(r.getStatus()).isEqualTo(200);
                JsonNode read = r.readEntity(JsonNode.class);
                assertThat(read.get("outcome")).isEqualTo(submitted.get("outcome"));
                assertThat(read.get("flags")).isEqualTo(submitted.get("flags"));
                assertThat(read.get("firedRules")).isEqualTo(submitted.get("firedRules"));
                assertThat(read.get("rulesetVersion")).isEqualTo(submitted.get("rulesetVersion"));
                List<Integer> seq = read.get("firedRules").findValues("sequence").stream().map(JsonNode::asInt).toList();
                assertThat(seq).isSortedAccordingTo(Integer::compare).startsWith(1);
            }
        }

        @Test
        void shouldAnswerInSpanish_WhenAcceptLanguageIsEs() {
            var record = Records.clean("MX-GN-5");
            Records.list(record, "exams").remove(0);
            try (Response r = APP.as("hr.lopez", "/api/candidates").header("Accept-Language", "es-MX, en;q=0.5")
                    .post(jakarta.ws.rs.client.Entity.json(record))) {
                JsonNode e = r.readEntity(JsonNode.class);
                assertThat(e.get("flags").get(0).get("message").asText()).startsWith("La unidad exige");
            }
        }

        @Test
        void shouldKeepEachSubmissionAsANewRecordVersion() {
            long before = APP.count("officer_records");
            submit(Records.clean("MX-GN-6"));
            submit(Records.clean("MX-GN-6"));
            assertThat(APP.count("officer_records")).isEqualTo(before + 2);
        }
    }

    @Nested
    class ReadingEvaluations {
        @Test
        void shouldReturnNotFound_WhenNoSuchEvaluation() {
            try (Response r = APP.as("adj.smith", "/api/evaluations/no-such-id").get()) {
                assertThat(r.getStatus()).isEqualTo(404);
                JsonNode body = r.readEntity(JsonNode.class);
                assertThat(body.get("code").asInt()).isEqualTo(404);
                assertThat(body.get("message").asText()).contains("no-such-id");
            }
        }

        @Test
        void shouldShowTheVersionRecordedInEvaluations_OnTheActiveRuleSet() {
            JsonNode e = submit(Records.clean("MX-GN-7"));
            try (Response r = APP.as("aud.garcia", "/api/rulesets/active").get()) {
                JsonNode rs = r.readEntity(JsonNode.class);
                assertThat(rs.get("version").asText()).isEqualTo(e.get("rulesetVersion").asText()).hasSize(64);
                assertThat(rs.get("activatedAt").asText()).isNotEmpty();
                assertThat(rs.get("rules").findValuesAsText("code")).contains("EXAM_MISSING", "POLYGRAPH_FAILED",
                        "INSUFFICIENT_SERVICE");
                assertThat(rs.get("units").findValuesAsText("code"))
                        .containsExactly("JU-ARMS", "JU-FENTANYL", "JU-FINANCE", "LIAISON");
            }
        }
    }

    @Nested
    class DryRun {
        @Test
        void shouldEvaluateAtTheGivenDate_WithoutStoringAnything() {
            long evaluations = APP.count("evaluations");
            long records = APP.count("officer_records");
            long clearances = APP.count("clearances");
            // on 2027-03-11 the March 2026 polygraph and toxicology are older than 12 months
            try (Response r = APP.post("adj.smith", "/api/evaluations/dry-run",
                    Map.of("asOf", "2027-03-11", "record", Records.clean("MX-GN-8")))) {
                assertThat(r.getStatus()).isEqualTo(200);
                JsonNode e = r.readEntity(JsonNode.class);
                assertThat(e.get("evaluationId").isNull()).isTrue();
                assertThat(e.get("outcome").asText()).isEqualTo("INCOMPLETE");
                // and the 2025 declaration is no longer recent (a 2026 one is due)
                assertThat(codes(e)).containsExactly("EXAM_EXPIRED", "EXAM_EXPIRED", "NO_RECENT_DISCLOSURE");
                assertThat(e.get("flags").get(0).get("evidence").get(0).asText()).isEqualTo("POLYGRAPH");
                assertThat(e.get("flags").get(1).get("evidence").get(0).asText()).isEqualTo("TOXICOLOGICAL");
            }
            assertThat(APP.count("evaluations")).isEqualTo(evaluations);
            assertThat(APP.count("officer_records")).isEqualTo(records);
            assertThat(APP.count("clearances")).isEqualTo(clearances);
        }

        @Test
        void shouldUseTodayAsAsOf_WhenNoneIsGiven() {
            try (Response r = APP.post("hr.lopez", "/api/evaluations/dry-run", Map.of("record", Records.clean("MX-9")))) {
                JsonNode e = r.readEntity(JsonNode.class);
                assertThat(e.get("asOf").asText()).isEqualTo("2026-11-27");
                assertThat(e.get("outcome").asText()).isEqualTo("ELIGIBLE");
            }
        }
    }

    /** A forged Host header never reaches an answer: Location is the path, not an absolute URL built from Host. */
    @Test
    void shouldAnswerLocationAsAPath_WhateverTheHostHeaderSays() throws Exception {
        String body = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(Records.clean("MX-HOST-1"));
        try (var socket = new java.net.Socket("127.0.0.1", EXT.getLocalPort())) {
            var out = socket.getOutputStream();
            out.write(("POST /api/candidates HTTP/1.1\r\nHost: evil.example\r\nAuthorization: "
                    + TestApp.basic("hr.lopez", TestApp.PASSWORD) + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                    + "\r\nConnection: close\r\n\r\n" + body).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 201").containsPattern("(?i)location: /api/evaluations/")
                    .doesNotContain("evil.example");
        }
    }
}
