package org.vetting.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

@ExtendWith(DropwizardExtensionsSupport.class)
class AuditResourceTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;
    static final List<String> IDS = new ArrayList<>();

    /**
     * Officer A three times by hr.lopez, each submission carrying the records on file (evidence is
     * append-only): INCOMPLETE (an exam missing), ELIGIBLE (it added), INELIGIBLE (a later failed
     * polygraph added); officer B for LIAISON by hr.diaz.
     */
    @BeforeAll
    static void history() {
        APP.createStaff();
        APP.createUser("hr.diaz", "VETTING_OFFICER");
        var missing = Records.clean("MX-A");
        Records.list(missing, "exams").remove(0);
        IDS.add(submit("hr.lopez", missing));
        IDS.add(submit("hr.lopez", Records.clean("MX-A")));
        var failed = Records.clean("MX-A");
        Records.list(failed, "exams").add(Records.exam("e9", "POLYGRAPH", "FAIL", "2026-06-10"));
        IDS.add(submit("hr.lopez", failed));
        var liaison = Records.clean("MX-B");
        liaison.put("targetUnit", "LIAISON");
        IDS.add(submit("hr.diaz", liaison));
    }

    static String submit(String user, Map<String, Object> record) {
        return APP.submit(user, record).get("evaluationId").asText();
    }

    static List<String> ids(String query) {
        return APP.get("aud.garcia", "/api/audit/evaluations" + query).get("items").findValuesAsText("evaluationId");
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Nested
    class History {
        @Test
        void shouldListEveryEvaluationOfAnOfficer_WithFiredRulesInOrder() {
            JsonNode page = APP.get("aud.garcia", "/api/audit/evaluations?officerId=MX-A");
            JsonNode items = page.get("items");
            assertThat(items.findValuesAsText("evaluationId")).containsExactly(IDS.get(0), IDS.get(1), IDS.get(2));
            assertThat(items.findValuesAsText("outcome")).containsExactly("INCOMPLETE", "ELIGIBLE", "INELIGIBLE");
            assertThat(page.get("next").isNull()).isTrue();
            for (JsonNode item : items) {
                assertThat(item.get("hash").asText()).matches("[0-9a-f]{64}");
                assertThat(item.get("previousHash").asText()).matches("[0-9a-f]{64}");
                assertThat(item.get("rulesetVersion").asText()).hasSize(64);
                assertThat(item.get("evaluatedBy").asText()).isEqualTo("hr.lopez");
                List<Integer> seq = item.get("firedRules").findValues("sequence").stream().map(JsonNode::asInt).toList();
                assertThat(seq).isNotEmpty().isSortedAccordingTo(Integer::compare).startsWith(1);
                assertThat(item.get("firedRules").findValuesAsText("rule")).last().asString().startsWith("OUTCOME-");
            }
            assertThat(items.get(2).get("flags").findValuesAsText("code")).containsExactly("POLYGRAPH_FAILED");
        }

        @Test
        void shouldReturnOneEntryWithItsInputExactlyAsEvaluated() {
            JsonNode e = APP.get("aud.garcia", "/api/audit/evaluations/" + IDS.get(0));
            assertThat(e.get("outcome").asText()).isEqualTo("INCOMPLETE");
            assertThat(e.get("input").get("officerId").asText()).isEqualTo("MX-A");
            assertThat(e.get("input").get("exams")).hasSize(4);
            assertThat(e.get("input").get("criminalRecords")).isEmpty();
            assertThat(e.get("firedRules")).isNotEmpty();
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource(delimiter = '|', value = {
                "?officerId=MX-B | 3",
                "?unit=LIAISON | 3",
                "?unit=JU-FENTANYL | 0,1,2",
                "?outcome=INELIGIBLE | 2",
                "?actor=hr.diaz | 3",
                "?actor=hr.lopez&outcome=ELIGIBLE | 1",
                "?flag=EXAM_MISSING | 0",
                "?from=2026-11-27&to=2026-11-27 | 0,1,2,3",
                "?to=2026-11-26 | ''",
                "?from=2026-11-28 | ''",
                "?officerId=MX-NOBODY | ''",
        })
        void shouldFilter(String query, String expected) {
            List<String> want = expected.isEmpty() ? List.of()
                    : java.util.Arrays.stream(expected.split(",")).map(i -> IDS.get(Integer.parseInt(i))).toList();
            assertThat(ids(query.strip())).containsExactlyElementsOf(want);
        }

        @Test
        void shouldFilterByFiredRule() {
            String rule = "EXAMS-01 EXAM_MISSING: the unit requires an exam type the record does not have";
            assertThat(ids("?rule=" + enc(rule))).containsExactly(IDS.get(0));
            assertThat(ids("?rule=" + enc("OUTCOME-6 ELIGIBLE: no DISQUALIFYING, INCOMPLETE, HIGH or MEDIUM flag")))
                    .containsExactly(IDS.get(1), IDS.get(3));
        }

        @Test
        void shouldPageInAStableOrder_WithACursor() {
            List<String> all = ids("");
            List<String> paged = new ArrayList<>();
            String cursor = null;
            do {
                JsonNode page = APP.get("aud.garcia", "/api/audit/evaluations?limit=1" + (cursor == null ? "" : "&cursor=" + cursor));
                paged.addAll(page.get("items").findValuesAsText("evaluationId"));
                cursor = page.get("next").isNull() ? null : page.get("next").asText();
            } while (cursor != null);
            assertThat(paged).isEqualTo(all).hasSize(4);
        }

        @Test
        void shouldExportTheSameRowsAsCsv() throws Exception {
            JsonNode json = APP.get("aud.garcia", "/api/audit/evaluations?officerId=MX-A");
            String csv;
            try (Response r = APP.as("aud.garcia", "/api/audit/evaluations?officerId=MX-A&format=csv").get()) {
                assertThat(r.getStatus()).isEqualTo(200);
                assertThat(r.getMediaType().toString()).startsWith("text/csv");
                csv = r.readEntity(String.class);
            }
            List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(csv)).getRecords();
            assertThat(rows).hasSize(json.get("items").size());
            for (int i = 0; i < rows.size(); i++) {
                JsonNode item = json.get("items").get(i);
                CSVRecord row = rows.get(i);
                assertThat(row.get("evaluationId")).isEqualTo(item.get("evaluationId").asText());
                assertThat(row.get("outcome")).isEqualTo(item.get("outcome").asText());
                assertThat(row.get("hash")).isEqualTo(item.get("hash").asText());
                assertThat(row.get("sequence")).isEqualTo(item.get("sequence").asText());
                assertThat(row.get("flags")).isEqualTo(String.join(";", item.get("flags").findValuesAsText("code")));
                assertThat(row.get("firedRules").split(";")).hasSize(item.get("firedRules").size());
            }
        }

        @Test
        void shouldRefuseBadQueryParameters_NamingThem() {
            for (String q : List.of("?outcome=MAYBE", "?limit=0", "?limit=1001", "?cursor=abc", "?from=yesterday")) {
                try (Response r = APP.as("aud.garcia", "/api/audit/evaluations" + q).get()) {
                    assertThat(r.getStatus()).as(q).isEqualTo(422);
                    String field = q.substring(1, q.indexOf('='));
                    assertThat(r.readEntity(JsonNode.class).get("errors").get(0).get("field").asText()).isEqualTo(field);
                }
            }
        }
    }

    @Nested
    class Replay {
        @Test
        void shouldReplayEveryStoredEvaluationToTheSameDecision() {
            for (String id : IDS) {
                JsonNode r = APP.get("aud.garcia", "/api/audit/evaluations/" + id + "/replay");
                assertThat(r.get("matches").asBoolean()).as(id + " " + r.get("differences")).isTrue();
                assertThat(r.get("differences")).isEmpty();
                assertThat(r.get("replayed").get("firedRules")).isEqualTo(r.get("recorded").get("firedRules"));
                assertThat(r.get("replayed").get("outcome")).isEqualTo(r.get("recorded").get("outcome"));
            }
        }

        @Test
        void shouldAnswer404_ForAnUnknownEvaluation() {
            try (Response r = APP.as("aud.garcia", "/api/audit/evaluations/nope/replay").get()) {
                assertThat(r.getStatus()).isEqualTo(404);
            }
        }
    }

    @Nested
    class Chain {
        @Test
        void shouldBeValid_CoveringEveryDecisionAndChange() {
            JsonNode v = APP.get("aud.garcia", "/api/audit/verify");
            assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
            assertThat(v.get("firstInvalid").isNull()).isTrue();
            // the rule set, admin + 5 users, 4 evaluations and their 4 clearance changes, and the adverse
            // case the INELIGIBLE one opened (policy section 9)
            assertThat(v.get("entries").asLong()).isEqualTo(1 + 6 + 4 + 4 + 1);
        }
    }

    @Nested
    class AccessLogAndRoles {
        @ParameterizedTest(name = "{0} as {1}")
        @CsvSource({
                "/api/audit/evaluations, hr.lopez", "/api/audit/evaluations, adj.smith",
                "/api/audit/evaluations, cmd.fent", "/api/audit/evaluations, admin",
                "/api/audit/verify, hr.lopez", "/api/audit/verify, admin",
                "/api/audit/access-log, adj.smith", "/api/audit/access-log, cmd.fent",
                "/api/audit/evaluations/ID/replay, hr.lopez", "/api/audit/evaluations/ID, adj.smith",
        })
        void shouldRefuseNonAuditors_AndLogTheRefusal(String path, String user) {
            String p = path.replace("ID", IDS.get(0));
            try (Response r = APP.as(user, p).get()) {
                assertThat(r.getStatus()).isEqualTo(403);
            }
            JsonNode log = APP.get("aud.garcia", "/api/audit/access-log?username=" + user + "&limit=1000");
            assertThat(log.get("items").findParents("path").stream()
                    .anyMatch(e -> e.get("path").asText().equals(p) && e.get("status").asInt() == 403
                            && e.get("method").asText().equals("GET"))).as(log.toString()).isTrue();
        }

        @Test
        void shouldLogEveryReadOfAnOfficersEvaluation() {
            APP.get("adj.smith", "/api/evaluations/" + IDS.get(3));
            JsonNode log = APP.get("aud.garcia", "/api/audit/access-log?officerId=MX-B");
            JsonNode entry = log.get("items").get(log.get("items").size() - 1);
            assertThat(entry.get("username").asText()).isEqualTo("adj.smith");
            assertThat(entry.get("path").asText()).isEqualTo("/api/evaluations/" + IDS.get(3));
            assertThat(entry.get("status").asInt()).isEqualTo(200);
            assertThat(entry.get("at").asText()).startsWith("2026-11-27T");
        }

        @Test
        void shouldLogTheAuditorsOwnQueries() {
            APP.get("aud.garcia", "/api/audit/evaluations?officerId=MX-A");
            JsonNode log = APP.get("aud.garcia", "/api/audit/access-log?username=aud.garcia&officerId=MX-A");
            assertThat(log.get("items").findValuesAsText("path")).contains("/api/audit/evaluations?officerId=MX-A");
        }
    }
}
