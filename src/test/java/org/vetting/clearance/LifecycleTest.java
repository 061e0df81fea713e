package org.vetting.clearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vetting.support.TestApp.expect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/** The clearance lifecycle (docs/api.md "Clearances") through HTTP: clearances, continuous vetting, adjudication and its four eyes. */
@ExtendWith(DropwizardExtensionsSupport.class)
class LifecycleTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void users() {
        APP.createStaff();
        APP.createUser("adj.jones", "ADJUDICATOR");
        APP.createUser("dual.role", List.of("VETTING_OFFICER", "ADJUDICATOR"), null);
        APP.createUser("adj.self", List.of("ADJUDICATOR"), "MX-SELF");
    }

    static JsonNode submit(Map<String, Object> record) {
        return APP.submit("hr.lopez", record);
    }

    static JsonNode clearance(String officerId) {
        JsonNode list = expect(APP.as("cmd.fent", "/api/officers/" + officerId + "/clearances").get(), 200);
        assertThat(list).hasSize(1);
        return list.get(0);
    }

    static JsonNode adjudicate(String user, String evaluationId, Map<String, Object> body) {
        return expect(APP.post(user, "/api/evaluations/" + evaluationId + "/adjudication", body), 200);
    }

    static Map<String, Object> record(String key, Map<String, Object> item) {
        return Map.of(key, List.of(item));
    }

    @Test
    void theWholeLifeOfOneOfficer() {
        // submitted: ELIGIBLE, so ACTIVE
        JsonNode first = submit(Records.clean("MX-LIFE"));
        assertThat(first.get("outcome").asText()).isEqualTo("ELIGIBLE");
        assertThat(clearance("MX-LIFE").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(clearance("MX-LIFE").get("validUntil").asText()).isEqualTo("2027-03-10");

        // a new bribery investigation: REFERRED, the ACTIVE clearance is SUSPENDED
        JsonNode suspended = expect(APP.post("hr.lopez", "/api/officers/MX-LIFE/records", record("disciplinaryRecords",
                Map.of("id", "d1", "category", "BRIBERY", "finding", "PENDING", "date", "2026-11-01"))), 200);
        JsonNode reevaluation = suspended.get("evaluations").get(0);
        assertThat(reevaluation.get("outcome").asText()).isEqualTo("REFERRED");
        assertThat(reevaluation.get("flags").findValuesAsText("code")).containsExactly("CORRUPTION_INVESTIGATION_OPEN");
        assertThat(clearance("MX-LIFE").get("status").asText()).isEqualTo("SUSPENDED");
        assertThat(clearance("MX-LIFE").get("validUntil").isNull()).isTrue();

        // an adjudicator grants with reasons: ACTIVE again, with the grant's validity
        JsonNode granted = adjudicate("adj.smith", reevaluation.get("evaluationId").asText(), Map.of("decision", "GRANT",
                "reasons", "The complaint was filed by a suspect in a case the officer investigated."));
        assertThat(granted.get("stage").asText()).isEqualTo("FINAL");
        assertThat(granted.get("clearance").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(clearance("MX-LIFE").get("status").asText()).isEqualTo("ACTIVE");
        assertThat(clearance("MX-LIFE").get("validUntil").asText()).isEqualTo("2027-03-10");

        // a conviction for drug trafficking: INELIGIBLE, its revocation proposed (policy section 9)
        JsonNode revoked = expect(APP.post("hr.lopez", "/api/officers/MX-LIFE/records", record("criminalRecords",
                Map.of("id", "c1", "category", "DRUG_TRAFFICKING", "status", "CONVICTED", "date", "2026-11-20"))), 200);
        assertThat(revoked.get("evaluations").get(0).get("outcome").asText()).isEqualTo("INELIGIBLE");
        assertThat(clearance("MX-LIFE").get("status").asText()).isEqualTo("REVOCATION_PROPOSED");

        // every step is in the audit history, and the chain holds
        JsonNode history = expect(APP.as("aud.garcia", "/api/audit/evaluations?officerId=MX-LIFE").get(), 200);
        assertThat(history.get("items").findValuesAsText("outcome")).containsExactly("ELIGIBLE", "REFERRED", "INELIGIBLE");
        for (JsonNode item : history.get("items")) {
            JsonNode replay = expect(APP.as("aud.garcia", "/api/audit/evaluations/" + item.get("evaluationId").asText()
                    + "/replay").get(), 200);
            assertThat(replay.get("matches").asBoolean()).as(replay.get("differences").toString()).isTrue();
        }
        try (var c = APP.connection();
             var rs = c.createStatement().executeQuery("SELECT entry_type, COUNT(*) FROM audit_log WHERE officer_id = "
                     + "'MX-LIFE' GROUP BY entry_type ORDER BY entry_type")) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
            assertThat(counts).containsEntry("EVALUATION", 3).containsEntry("CLEARANCE", 4).containsEntry("ADJUDICATION", 1);
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(expect(APP.as("aud.garcia", "/api/audit/verify").get(), 200).get("valid").asBoolean()).isTrue();
    }

    @Test
    void aConditionalClearanceCarriesTheConditionsOfItsMediumFlags_InBothLanguages() {
        var r = Records.clean("MX-COND");
        Records.list(r, "exams").set(4, Records.exam("e5", "MEDICAL", "FAIL", "2026-03-12"));
        assertThat(submit(r).get("outcome").asText()).isEqualTo("CONDITIONAL");
        JsonNode c = clearance("MX-COND");
        assertThat(c.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(c.get("conditions")).extracting(JsonNode::asText).containsExactly("Medical re-examination within 6 months");
        JsonNode es = expect(APP.as("cmd.fent", "/api/officers/MX-COND/clearances").header("Accept-Language", "es").get(), 200);
        assertThat(es.get(0).get("conditions").get(0).asText()).isEqualTo("Nuevo examen médico en 6 meses");
    }

    @Nested
    class Adjudication {
        String referred(String officerId) {
            var r = Records.clean(officerId);
            Records.list(r, "criminalRecords").add(Map.of("id", "c1", "category", "THEFT", "status", "CHARGED",
                    "date", "2026-01-01"));
            JsonNode e = submit(r);
            assertThat(e.get("outcome").asText()).isEqualTo("REFERRED");
            return e.get("evaluationId").asText();
        }

        @Test
        void shouldRequireWrittenReasons_AndADecision() {
            String id = referred("MX-ADJ-1");
            JsonNode body = expect(APP.post("adj.smith", "/api/evaluations/" + id + "/adjudication",
                    Map.of("decision", "GRANT", "reasons", "  ")), 422);
            assertThat(body.get("errors").findValuesAsText("field")).containsExactly("reasons");
            body = expect(APP.post("adj.smith", "/api/evaluations/" + id + "/adjudication", Map.of("reasons", "x")), 422);
            assertThat(body.get("errors").findValuesAsText("field")).containsExactly("decision");
            assertThat(clearance("MX-ADJ-1").get("status").asText()).isEqualTo("PENDING_ADJUDICATION");
        }

        @Test
        void shouldDenyWithReasons_AndRefuseToDecideTwice() {
            String id = referred("MX-ADJ-2");
            JsonNode denied = adjudicate("adj.smith", id, Map.of("decision", "DENY", "reasons", "Pending theft charge."));
            assertThat(denied.get("clearance").get("status").asText()).isEqualTo("DENIAL_PROPOSED");
            expect(APP.post("adj.jones", "/api/evaluations/" + id + "/adjudication",
                    Map.of("decision", "GRANT", "reasons", "Disagree.")), 409);
            assertThat(clearance("MX-ADJ-2").get("status").asText()).isEqualTo("DENIAL_PROPOSED");
        }

        @Test
        void shouldGrantWithConditions_AndTheConditionalValidity() {
            String id = referred("MX-ADJ-3");
            // a commander text that names the finding is refused; the finding goes in the note for the file
            expect(APP.post("adj.smith", "/api/evaluations/" + id + "/adjudication", Map.of("decision", "GRANT",
                    "reasons", "Minor matter.", "conditions", List.of("Report the outcome of the theft case"))), 422);
            JsonNode granted = adjudicate("adj.smith", id, Map.of("decision", "GRANT", "reasons", "Minor matter.",
                    "conditions", List.of(Map.of("commander", "Report to the unit supervisor every week",
                            "note", "Until the theft charge c1 is decided"))));
            assertThat(granted.get("conditions").get(0).asText()).isEqualTo("Report to the unit supervisor every week");
            assertThat(granted.get("notes").get(0).asText()).isEqualTo("Until the theft charge c1 is decided");
            assertThat(granted.get("clearance").get("conditions").toString())
                    .isEqualTo("[\"Report to the unit supervisor every week\"]");
            // conditional period: 2026-11-27 + 6 months, earlier than the March 2027 exam expiry? no: 2027-03-10 is earlier
            assertThat(granted.get("clearance").get("validUntil").asText()).isEqualTo("2027-03-10");
        }

        @Test
        void shouldRefuseWhoSubmittedTheCase_OrIsItsSubject() {
            var r = Records.clean("MX-SELF");
            Records.list(r, "criminalRecords").add(Map.of("id", "c1", "category", "THEFT", "status", "CHARGED",
                    "date", "2026-01-01"));
            String id = expect(APP.post("dual.role", "/api/candidates", r), 201).get("evaluationId").asText();
            expect(APP.post("dual.role", "/api/evaluations/" + id + "/adjudication",
                    Map.of("decision", "GRANT", "reasons", "I know this one.")), 403);
            expect(APP.post("adj.self", "/api/evaluations/" + id + "/adjudication",
                    Map.of("decision", "GRANT", "reasons", "It is me.")), 403);
            assertThat(clearance("MX-SELF").get("status").asText()).isEqualTo("PENDING_ADJUDICATION");
        }

        @Test
        void shouldRefuseCasesThatNeedNoAdjudication() {
            String id = submit(Records.clean("MX-ADJ-4")).get("evaluationId").asText();
            expect(APP.post("adj.smith", "/api/evaluations/" + id + "/adjudication",
                    Map.of("decision", "GRANT", "reasons", "Nothing to do.")), 409);
            expect(APP.post("adj.smith", "/api/evaluations/no-such/adjudication",
                    Map.of("decision", "GRANT", "reasons", "Nothing.")), 404);
        }

        @Test
        void shouldRefuseASupersededEvaluation() {
            String old = referred("MX-ADJ-5");
            // the same record again, as evidence is append-only: a newer evaluation of the case
            var again = Records.clean("MX-ADJ-5");
            Records.list(again, "criminalRecords").add(Map.of("id", "c1", "category", "THEFT", "status", "CHARGED",
                    "date", "2026-01-01"));
            submit(again);
            expect(APP.post("adj.smith", "/api/evaluations/" + old + "/adjudication",
                    Map.of("decision", "GRANT", "reasons", "Old case.")), 409);
        }
    }

    @Nested
    class FourEyes {
        String failedPolygraph(String officerId) {
            var r = Records.clean(officerId);
            Records.list(r, "exams").set(0, Records.exam("e1", "POLYGRAPH", "FAIL", "2026-03-10"));
            JsonNode e = submit(r);
            assertThat(e.get("outcome").asText()).isEqualTo("INELIGIBLE");
            return e.get("evaluationId").asText();
        }

        Map<String, Object> waiver(String reasons) {
            return Map.of("decision", "GRANT", "reasons", reasons, "waive", List.of("POLYGRAPH_FAILED"));
        }

        @Test
        void aWaiverTakesTwoDifferentAdjudicators() {
            String id = failedPolygraph("MX-WAIVE-1");
            JsonNode first = adjudicate("adj.smith", id, waiver("Equipment fault documented by the examiner."));
            assertThat(first.get("stage").asText()).isEqualTo("FIRST_APPROVAL");
            assertThat(first.get("clearance").get("status").asText()).isEqualTo("DENIAL_PROPOSED");
            assertThat(clearance("MX-WAIVE-1").get("status").asText()).isEqualTo("DENIAL_PROPOSED");

            expect(APP.post("adj.smith", "/api/evaluations/" + id + "/adjudication", waiver("Again.")), 403);

            JsonNode second = adjudicate("adj.jones", id, waiver("Concur: retest scheduled."));
            assertThat(second.get("stage").asText()).isEqualTo("FINAL");
            assertThat(second.get("waived")).extracting(JsonNode::asText).containsExactly("POLYGRAPH_FAILED");
            assertThat(clearance("MX-WAIVE-1").get("status").asText()).isEqualTo("ACTIVE");
            expect(APP.post("adj.jones", "/api/evaluations/" + id + "/adjudication", waiver("Once more.")), 409);
        }

        @Test
        void aWaiverMustNameTheDisqualifyingCodes() {
            String id = failedPolygraph("MX-WAIVE-2");
            JsonNode body = expect(APP.post("adj.smith", "/api/evaluations/" + id + "/adjudication",
                    Map.of("decision", "GRANT", "reasons", "No codes named.")), 422);
            assertThat(body.get("errors").findValuesAsText("field")).containsExactly("waive");
            assertThat(body.get("message").asText()).contains("POLYGRAPH_FAILED");
        }

        @Test
        void aNonWaivableCodeIsNeverWaived_AndTheAttemptIsAudited() {
            var r = Records.clean("MX-WAIVE-3");
            Records.list(r, "exams").set(1, Records.exam("e2", "TOXICOLOGICAL", "FAIL", "2026-03-10"));
            String id = submit(r).get("evaluationId").asText();
            JsonNode body = expect(APP.post("adj.smith", "/api/evaluations/" + id + "/adjudication", Map.of("decision",
                    "GRANT", "reasons", "Try anyway.", "waive", List.of("TOXICOLOGY_POSITIVE"))), 422);
            assertThat(body.get("message").asText()).contains("TOXICOLOGY_POSITIVE").contains("never be waived");
            assertThat(clearance("MX-WAIVE-3").get("status").asText()).isEqualTo("DENIAL_PROPOSED");
            try (var c = APP.connection();
                 var rs = c.createStatement().executeQuery("SELECT actor, content FROM audit_log WHERE entry_type = "
                         + "'ADJUDICATION_REFUSED' AND ref = '" + id + "'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("adj.smith");
                assertThat(rs.getString(2)).contains("TOXICOLOGY_POSITIVE");
            } catch (java.sql.SQLException e) {
                throw new AssertionError(e);
            }
            assertThat(expect(APP.as("aud.garcia", "/api/audit/verify").get(), 200).get("valid").asBoolean()).isTrue();
        }

        @Test
        void theSecondAdjudicatorMayStillDeny() {
            String id = failedPolygraph("MX-WAIVE-4");
            adjudicate("adj.smith", id, waiver("Equipment fault."));
            JsonNode denied = adjudicate("adj.jones", id, Map.of("decision", "DENY", "reasons", "Not convinced."));
            assertThat(denied.get("stage").asText()).isEqualTo("FINAL");
            assertThat(clearance("MX-WAIVE-4").get("status").asText()).isEqualTo("DENIAL_PROPOSED");
        }
    }
}
