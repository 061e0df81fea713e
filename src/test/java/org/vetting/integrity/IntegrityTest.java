package org.vetting.integrity;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
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
import org.vetting.support.MovableClock;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * No single person changes an outcome (docs/api.md "Integrity"), through HTTP: each attack of the
 * insider, and what it gets now. Runs on H2 and on PostgreSQL.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class IntegrityTest {
    static final MovableClock CLOCK = new MovableClock(TestApp.TODAY);
    static final TestApp APP = new TestApp(CLOCK);
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void staff() {
        APP.createStaff();
        APP.createUser("hr.diaz", "VETTING_OFFICER");
        APP.createUser("adj.jones", "ADJUDICATOR");
        createScoped("hr.mx", "VETTING_OFFICER", "MX");
        createScoped("aud.mx", "AUDITOR", "MX");
        createScoped("adj.mx", "ADJUDICATOR", "MX");
        APP.createUser("hr.self", List.of("VETTING_OFFICER"), "MX-I-SELF");
        APP.createUser("adj.self", List.of("ADJUDICATOR"), "MX-I-COR-SELF");
    }

    static void createScoped(String username, String role, String country) {
        APP.createScoped(username, role, country);
    }

    static JsonNode call(Response r, int status) {
        try (r) {
            String body = r.readEntity(String.class);
            assertThat(r.getStatus()).as(body).isEqualTo(status);
            return body.isEmpty() ? null : EXT.getObjectMapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, Object> convicted(String officerId) {
        return Records.convicted(officerId);
    }

    static Map<String, Object> charged(String officerId) {
        var r = Records.clean(officerId);
        Records.list(r, "criminalRecords").add(Map.of("id", "c1", "category", "THEFT", "status", "CHARGED",
                "date", "2026-01-01"));
        return r;
    }

    static String status(String officerId) {
        return call(APP.as("aud.garcia", "/api/officers/" + officerId + "/clearances").get(), 200).get(0)
                .get("status").asText();
    }

    static List<String> causes(String officerId) {
        return query("SELECT cause FROM clearance_events WHERE officer_id = '" + officerId + "' ORDER BY id");
    }

    static List<String> query(String sql) {
        try (Connection c = APP.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    class EvidenceIsAppendOnly {
        @Test
        void shouldRefuseTheResubmissionAttack_AndKeepTheDenial() {
            JsonNode denied = call(APP.post("hr.lopez", "/api/candidates", convicted("MX-I-1")), 201);
            assertThat(denied.get("outcome").asText()).isEqualTo("INELIGIBLE");
            long evaluations = APP.count("evaluations");
            // the same vetting officer resubmits the officer without the conviction
            JsonNode refused = call(APP.post("hr.lopez", "/api/candidates", Records.clean("MX-I-1")), 409);
            assertThat(refused.get("errors").get(0).get("field").asText()).isEqualTo("criminalRecords");
            assertThat(refused.get("errors").get(0).get("message").asText())
                    .isEqualTo("record c1 on file is missing; removing it needs a correction");
            assertThat(APP.count("evaluations")).isEqualTo(evaluations);
            assertThat(status("MX-I-1")).isEqualTo("DENIAL_PROPOSED");
        }

        @Test
        void shouldNameEveryChangedRecord_AndAcceptAdditionsAndNameChanges() {
            call(APP.post("hr.lopez", "/api/candidates", charged("MX-I-2")), 201);
            var altered = charged("MX-I-2");
            Records.list(altered, "criminalRecords").set(0, Map.of("id", "c1", "category", "THEFT", "status",
                    "ACQUITTED", "date", "2026-01-01"));
            Records.list(altered, "exams").remove(1);
            altered.put("serviceStartDate", "2010-01-01");
            JsonNode refused = call(APP.post("hr.lopez", "/api/candidates", altered), 409);
            assertThat(refused.get("errors").findValuesAsText("field"))
                    .containsExactlyInAnyOrder("serviceStartDate", "exams", "criminalRecords");
            var added = charged("MX-I-2");
            added.put("familyName", "Ruiz Soto");
            Records.list(added, "priorVetting").add(Map.of("id", "p1", "program", "SIU", "result", "GRANTED",
                    "date", "2020-01-01"));
            call(APP.post("hr.lopez", "/api/candidates", added), 201);
        }

        @Test
        void shouldKeepADenialStanding_ThenLetANewApplicationCountAfterReapplyAfterMonths() {
            String id = call(APP.post("hr.lopez", "/api/candidates", charged("MX-I-3")), 201).get("evaluationId").asText();
            call(APP.post("adj.smith", "/api/evaluations/" + id + "/adjudication",
                    Map.of("decision", "DENY", "reasons", "Pending theft charge.")), 200);
            // section 9: proposed, then upheld on reconsideration by a second adjudicator — final from today
            assertThat(status("MX-I-3")).isEqualTo("DENIAL_PROPOSED");
            String caseId = call(APP.as("adj.smith", "/api/evaluations/" + id).get(), 200).get("adverseCase")
                    .get("caseId").asText();
            call(APP.post("adj.smith", "/api/adverse-cases/" + caseId + "/notice", Map.of("reasons", "Pending charge.")),
                    200);
            call(APP.post("hr.lopez", "/api/adverse-cases/" + caseId + "/replies", Map.of("text", "No comment.")), 200);
            call(APP.post("adj.jones", "/api/adverse-cases/" + caseId + "/reconsideration", Map.of("decision", "UPHOLD",
                    "reasons", "The charge is pending.")), 200);
            assertThat(status("MX-I-3")).isEqualTo("DENIED");
            // within 12 months: stored and shown, the clearance stays, and the evaluation says from when
            JsonNode again = call(APP.post("hr.diaz", "/api/candidates", charged("MX-I-3")), 201);
            assertThat(again.get("outcome").asText()).isEqualTo("REFERRED");
            assertThat(again.get("reapplyFrom").asText()).isEqualTo("2027-11-27");
            assertThat(status("MX-I-3")).isEqualTo("DENIED");
            // continuous vetting cannot lift it either
            call(APP.post("hr.diaz", "/api/officers/MX-I-3/records", Map.of("priorVetting", List.of(Map.of("id", "p9",
                    "program", "SIU", "result", "GRANTED", "date", "2020-01-01")))), 200);
            assertThat(status("MX-I-3")).isEqualTo("DENIED");
            try {
                CLOCK.moveTo(TestApp.TODAY.plusMonths(12));
                var later = charged("MX-I-3");
                Records.list(later, "priorVetting").add(Map.of("id", "p9", "program", "SIU", "result", "GRANTED",
                        "date", "2020-01-01"));
                JsonNode renewed = call(APP.post("hr.lopez", "/api/candidates", later), 201);
                assertThat(renewed.get("reapplyFrom").isNull()).isTrue();
                assertThat(status("MX-I-3")).isNotEqualTo("DENIED");
            } finally {
                CLOCK.moveTo(TestApp.TODAY);
            }
        }

        @Test
        void shouldTreatASubmissionForAHeldClearanceAsContinuousVetting() {
            call(APP.post("hr.lopez", "/api/candidates", Records.clean("MX-I-4")), 201);
            assertThat(status("MX-I-4")).isEqualTo("ACTIVE");
            call(APP.post("hr.lopez", "/api/candidates", charged("MX-I-4")), 201);
            assertThat(status("MX-I-4")).isEqualTo("SUSPENDED");
        }
    }

    @Nested
    class Corrections {
        String propose(String officerId) {
            call(APP.post("hr.lopez", "/api/candidates", convicted(officerId)), 201);
            JsonNode c = call(APP.post("hr.lopez", "/api/officers/" + officerId + "/corrections", Map.of(
                    "replace", Map.of("criminalRecords", List.of(Map.of("id", "c1", "category", "DRUG_TRAFFICKING",
                            "status", "ACQUITTED", "date", "2015-01-01"))),
                    "reasons", "The court record shows an acquittal; entered as a conviction by mistake.")), 201);
            assertThat(c.get("status").asText()).isEqualTo("PENDING");
            return c.get("correctionId").asText();
        }

        @Test
        void shouldChangeNothingUntilASecondPersonApproves_ThenReevaluateFresh() {
            String id = propose("MX-I-COR-1");
            assertThat(status("MX-I-COR-1")).isEqualTo("DENIAL_PROPOSED");
            // the proposer holds no ADJUDICATOR role; an adjudicator who proposed could not approve either
            call(APP.post("hr.lopez", "/api/corrections/" + id + "/approve", Map.of("reasons", "Mine.")), 403);
            JsonNode approved = call(APP.post("adj.smith", "/api/corrections/" + id + "/approve",
                    Map.of("reasons", "Checked against the court record.")), 200);
            assertThat(approved.get("correction").get("status").asText()).isEqualTo("APPROVED");
            assertThat(approved.get("correction").get("decidedBy").asText()).isEqualTo("adj.smith");
            assertThat(approved.get("evaluations").get(0).get("outcome").asText()).isEqualTo("ELIGIBLE");
            assertThat(status("MX-I-COR-1")).isEqualTo("ACTIVE");
            assertThat(causes("MX-I-COR-1")).containsExactly("EVALUATION", "CORRECTION");
            call(APP.post("adj.jones", "/api/corrections/" + id + "/approve", Map.of("reasons", "Again.")), 409);
            List<String> audited = query("SELECT content FROM audit_log WHERE entry_type = 'CORRECTION' AND ref = '"
                    + id + "' ORDER BY sequence");
            assertThat(audited).hasSize(2);
            assertThat(audited.get(1)).contains("\"step\":\"APPROVED\"").contains("\"CONVICTED\"").contains("\"ACQUITTED\"");
            assertThat(call(APP.as("aud.garcia", "/api/audit/verify").get(), 200).get("valid").asBoolean()).isTrue();
        }

        @Test
        void shouldRefuseTheSubjectAndTheProposer_AndLetARejectionChangeNothing() {
            String id = propose("MX-I-COR-SELF");
            call(APP.post("adj.self", "/api/corrections/" + id + "/approve", Map.of("reasons", "Me.")), 403);
            JsonNode rejected = call(APP.post("adj.jones", "/api/corrections/" + id + "/reject",
                    Map.of("reasons", "No court record supplied.")), 200);
            assertThat(rejected.get("status").asText()).isEqualTo("REJECTED");
            assertThat(status("MX-I-COR-SELF")).isEqualTo("DENIAL_PROPOSED");
            assertThat(causes("MX-I-COR-SELF")).containsExactly("EVALUATION");
        }

        @Test
        void shouldRefuseARecordNotOnFile_AndMissingReasons() {
            call(APP.post("hr.lopez", "/api/candidates", Records.clean("MX-I-COR-2")), 201);
            JsonNode bad = call(APP.post("hr.lopez", "/api/officers/MX-I-COR-2/corrections",
                    Map.of("remove", List.of("nope"))), 422);
            assertThat(bad.get("errors").findValuesAsText("field")).contains("reasons");
            bad = call(APP.post("hr.lopez", "/api/officers/MX-I-COR-2/corrections",
                    Map.of("remove", List.of("nope"), "reasons", "Typo.")), 422);
            assertThat(bad.get("errors").findValuesAsText("field")).containsExactly("remove[0]");
        }

        @Test
        void shouldListCorrectionsByStatus() {
            String id = propose("MX-I-COR-3");
            assertThat(call(APP.as("adj.smith", "/api/corrections?status=PENDING").get(), 200).get("items")
                    .findValuesAsText("correctionId")).contains(id);
            call(APP.as("adj.smith", "/api/corrections?status=MAYBE").get(), 422);
        }
    }

    @Nested
    class NeedToKnow {
        @Test
        void shouldHideAnotherCountrysOfficer_AsIfAbsent_AndLogTheAttempt() {
            var us = Records.clean("US-I-1");
            us.put("country", "US");
            String id = call(APP.post("hr.lopez", "/api/candidates", us), 201).get("evaluationId").asText();
            call(APP.as("hr.mx", "/api/evaluations/" + id).get(), 404);
            call(APP.as("hr.mx", "/api/officers/US-I-1/clearances").get(), 404);
            call(APP.as("hr.mx", "/api/officers/US-I-1/evaluations").get(), 404);
            call(APP.post("hr.mx", "/api/officers/US-I-1/records", Map.of("priorVetting", List.of(Map.of("id", "p1",
                    "program", "SIU", "result", "GRANTED", "date", "2020-01-01")))), 404);
            call(APP.post("hr.mx", "/api/candidates", us), 404);
            // a record that claims the user's country for an officer on file in another: the file's country decides
            var claimed = Records.clean("US-I-1");
            claimed.put("country", "MX");
            call(APP.post("hr.mx", "/api/candidates", claimed), 404);
            call(APP.as("aud.mx", "/api/audit/evaluations/" + id).get(), 404);
            assertThat(call(APP.as("aud.mx", "/api/audit/evaluations?officerId=US-I-1").get(), 200).get("items"))
                    .isEmpty();
            assertThat(call(APP.as("aud.garcia", "/api/audit/evaluations?officerId=US-I-1").get(), 200).get("items"))
                    .hasSize(1);
            JsonNode log = call(APP.as("aud.garcia", "/api/audit/access-log?officerId=US-I-1&username=hr.mx").get(), 200);
            assertThat(log.get("items").findValuesAsText("status")).containsExactly("404", "404", "404", "404", "404",
                    "404");
        }

        @Test
        void shouldRefuseAUserTheirOwnFile_AndLogIt() {
            call(APP.post("hr.lopez", "/api/candidates", Records.clean("MX-I-SELF")), 201);
            call(APP.post("hr.self", "/api/candidates", Records.clean("MX-I-SELF")), 403);
            call(APP.post("hr.self", "/api/officers/MX-I-SELF/records", Map.of("priorVetting", List.of(Map.of(
                    "id", "p1", "program", "SIU", "result", "GRANTED", "date", "2020-01-01")))), 403);
            call(APP.as("hr.self", "/api/officers/MX-I-SELF/evaluations").get(), 403);
            JsonNode log = call(APP.as("aud.garcia", "/api/audit/access-log?officerId=MX-I-SELF&username=hr.self")
                    .get(), 200);
            assertThat(log.get("items").findValuesAsText("status")).containsExactly("403", "403", "403");
        }

        @Test
        void shouldRequireACountryOnRecordsAndUsers() {
            var r = Records.clean("MX-I-NOCOUNTRY");
            r.remove("country");
            assertThat(call(APP.post("hr.lopez", "/api/candidates", r), 422).get("errors").findValuesAsText("field"))
                    .contains("country");
            r.put("country", "XX");
            call(APP.post("hr.lopez", "/api/candidates", r), 422);
            assertThat(call(APP.post("admin", "/api/users", Map.of("username", "no.country", "password",
                    TestApp.PASSWORD, "roles", List.of("VETTING_OFFICER"))), 422).get("errors").findValuesAsText("field"))
                    .contains("countries");
        }
    }

    /** Every officer-data endpoint, for each country-scoped role, on an officer of another country. */
    @Nested
    class ScopeMatrix {
        static String usOfficer;
        static String usEvaluation;
        static String usCorrection;

        @BeforeAll
        static void usOfficer() {
            usOfficer = "US-I-M-1";
            var us = charged(usOfficer);
            us.put("country", "US");
            usEvaluation = call(APP.post("hr.lopez", "/api/candidates", us), 201).get("evaluationId").asText();
            usCorrection = call(APP.post("hr.lopez", "/api/officers/" + usOfficer + "/corrections",
                    Map.of("remove", List.of("c1"), "reasons", "Scope matrix.")), 201).get("correctionId").asText();
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1} as {2}")
        @org.junit.jupiter.params.provider.CsvSource({
                "GET, /api/evaluations/EVAL, hr.mx", "GET, /api/evaluations/EVAL, adj.mx",
                "GET, /api/evaluations/EVAL, aud.mx",
                "GET, /api/officers/OFFICER/clearances, hr.mx", "GET, /api/officers/OFFICER/clearances, adj.mx",
                "GET, /api/officers/OFFICER/clearances, aud.mx",
                "GET, /api/officers/OFFICER/evaluations, hr.mx", "GET, /api/officers/OFFICER/evaluations, adj.mx",
                "GET, /api/officers/OFFICER/evaluations, aud.mx",
                "POST, /api/officers/OFFICER/records, hr.mx", "POST, /api/officers/OFFICER/corrections, hr.mx",
                "POST, /api/evaluations/EVAL/adjudication, adj.mx",
                "POST, /api/corrections/CORR/approve, adj.mx", "POST, /api/corrections/CORR/reject, adj.mx",
                "GET, /api/audit/evaluations/EVAL, aud.mx", "GET, /api/audit/evaluations/EVAL/replay, aud.mx",
        })
        void shouldAnswerAsIfTheOfficerWereAbsent(String method, String path, String user) {
            String p = path.replace("EVAL", usEvaluation).replace("OFFICER", usOfficer).replace("CORR", usCorrection);
            Map<String, Object> body = p.endsWith("/records") ? Map.of("priorVetting", List.of(Map.of("id", "p1",
                    "program", "SIU", "result", "GRANTED", "date", "2020-01-01")))
                    : p.endsWith("/corrections") ? Map.of("remove", List.of("c1"), "reasons", "x")
                    : p.endsWith("/adjudication") ? Map.of("decision", "DENY", "reasons", "x")
                    : Map.of("reasons", "x");
            call(method.equals("GET") ? APP.as(user, p).get() : APP.post(user, p, body), 404);
            JsonNode log = call(APP.as("aud.garcia", "/api/audit/access-log?officerId=" + usOfficer + "&username="
                    + user).get(), 200);
            assertThat(log.get("items").findValuesAsText("path")).anyMatch(logged -> logged.startsWith(p));
        }

        @org.junit.jupiter.params.ParameterizedTest(name = "{0} as {1}")
        @org.junit.jupiter.params.provider.CsvSource({
                "/api/adjudications/queue, adj.mx", "/api/corrections, adj.mx", "/api/corrections, hr.mx",
                "/api/audit/evaluations, aud.mx", "/api/audit/access-log, aud.mx",
                "/api/units/JU-FENTANYL/roster, aud.mx",
        })
        void shouldLeaveTheOfficerOutOfEveryList(String path, String user) {
            assertThat(call(APP.as(user, path + "?limit=1000").get(), 200).toString()).doesNotContain(usOfficer);
            assertThat(call(APP.as("aud.garcia", path.replace("/api/adjudications/queue", "/api/audit/evaluations")
                    + "?limit=1000").get(), 200).toString()).contains(usOfficer);
        }
    }

    @Nested
    class TwoAdministrators {
        @Test
        void shouldHoldAPrivilegedGrantUntilASecondAdministratorApproves() {
            // the bootstrap admin alone: grants take effect at once, marked as made without a second approver
            APP.createAdmin("admin.two");
            assertThat(query("SELECT content FROM audit_log WHERE entry_type = 'USER' AND ref = 'admin.two'").get(0))
                    .contains("\"withoutSecondApprover\":true");
            JsonNode pending = call(APP.post("admin", "/api/users", Map.of("username", "adj.new", "password",
                    TestApp.PASSWORD, "roles", List.of("ADJUDICATOR"), "countries", List.of("MX"))), 202);
            assertThat(pending.get("status").asText()).isEqualTo("PENDING_APPROVAL");
            assertThat(pending.get("pendingRoles").get(0).asText()).isEqualTo("ADJUDICATOR");
            // the user works without the role until approved
            call(APP.as("adj.new", "/api/adjudications/queue").get(), 403);
            call(APP.post("admin", "/api/users/adj.new/approve", Map.of()), 403);
            JsonNode approved = call(APP.post("admin.two", "/api/users/adj.new/approve", Map.of()), 200);
            assertThat(approved.get("roles").get(0).asText()).isEqualTo("ADJUDICATOR");
            call(APP.as("adj.new", "/api/adjudications/queue").get(), 200);
            // an ADMIN holds no other role
            call(APP.post("admin", "/api/users", Map.of("username", "both", "password", TestApp.PASSWORD,
                    "roles", List.of("ADMIN", "AUDITOR"))), 422);
            // disabling takes effect at once; re-enabling a privileged user waits again
            call(APP.post("admin", "/api/users/adj.new/disable", Map.of()), 200);
            call(APP.as("adj.new", "/api/adjudications/queue").get(), 401);
            call(APP.post("admin", "/api/users/adj.new/enable", Map.of()), 202);
            call(APP.as("adj.new", "/api/adjudications/queue").get(), 401);
            call(APP.post("admin.two", "/api/users/adj.new/approve", Map.of()), 200);
            call(APP.as("adj.new", "/api/adjudications/queue").get(), 200);
            // the last enabled administrator stays one
            call(APP.post("admin", "/api/users/admin.two/disable", Map.of()), 200);
            call(APP.post("admin", "/api/users/admin/roles", Map.of("roles", List.of("AUDITOR"), "countries",
                    List.of("MX"))), 409);
        }
    }
}
