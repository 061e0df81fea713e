package org.vetting.resources;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/** Every refusal of docs/api.md gets its status and a body naming the field, and stores nothing. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ValidationTest {
    static final TestApp APP = new TestApp();
    static final io.dropwizard.testing.junit5.DropwizardAppExtension<?> EXT = APP.app;
    static final List<String> TABLES = List.of("officer_records", "evaluations", "evaluation_flags", "fired_rules",
            "clearances", "clearance_events");
    long[] before;

    @BeforeAll
    static void users() {
        APP.createUser("hr.lopez", "VETTING_OFFICER");
        APP.createUser("aud.garcia", "AUDITOR");
    }

    @BeforeEach
    void countRows() {
        before = TABLES.stream().mapToLong(APP::count).toArray();
    }

    @AfterEach
    void nothingStored() {
        assertThat(TABLES.stream().mapToLong(APP::count).toArray()).isEqualTo(before);
    }

    static JsonNode refused(Response r, int status) {
        try (r) {
            assertThat(r.getStatus()).as(() -> r.readEntity(String.class)).isEqualTo(status);
            assertThat(r.getMediaType().toString()).startsWith("application/json");
            JsonNode body = r.readEntity(JsonNode.class);
            assertThat(body.get("code").asInt()).isEqualTo(status);
            assertThat(body.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("at org.");
            return body;
        }
    }

    static JsonNode unprocessable(Map<String, Object> record, String field, String problem) {
        JsonNode body = refused(APP.post("hr.lopez", "/api/candidates", record), 422);
        assertThat(body.get("errors").findValuesAsText("field")).contains(field);
        assertThat(body.get("message").asText()).contains(field);
        JsonNode error = body.get("errors").findParents("field").stream()
                .filter(e -> e.get("field").asText().equals(field)).findFirst().orElseThrow();
        assertThat(error.get("message").asText()).contains(problem);
        return body;
    }

    @Test
    void shouldRefuseMalformedJson_With400() {
        JsonNode body = refused(APP.postRaw("hr.lopez", "/api/candidates", "{\"officerId\": \"MX-1\", "), 400);
        assertThat(body.get("message").asText()).contains("malformed JSON");
    }

    @Test
    void shouldRefuseAnUnknownEnumValue_NamingTheField() {
        var r = Records.clean("MX-V-1");
        Records.list(r, "exams").set(1, Records.exam("e2", "TOXICOLOGICAL", "NEGATIVE", "2026-03-10"));
        unprocessable(r, "exams[1].result", "NEGATIVE");
    }

    @Test
    void shouldRefuseAnUnknownUnit() {
        var r = Records.clean("MX-V-2");
        r.put("targetUnit", "JU-NOWHERE");
        unprocessable(r, "targetUnit", "unknown unit JU-NOWHERE");
    }

    @Test
    void shouldRefuseMissingRequiredFields() {
        var r = Records.clean("MX-V-3");
        r.remove("serviceStartDate");
        ((Map<String, Object>) Records.list(r, "exams").get(2)).remove("id");
        JsonNode body = unprocessable(r, "serviceStartDate", "required");
        assertThat(body.get("errors").findValuesAsText("field")).contains("exams[2].id");
    }

    @Test
    void shouldRefuseAMissingOfficerIdAndABadOne() {
        var r = Records.clean("MX-V-4");
        r.remove("officerId");
        unprocessable(r, "officerId", "required");
        r.put("officerId", "MX 4/../x");
        unprocessable(r, "officerId", "letters, digits");
    }

    @Test
    void shouldRefuseANegativeAmount() {
        var r = Records.clean("MX-V-5");
        ((Map<String, Object>) Records.list(r, "financialDisclosures").get(0)).put("totalLiabilities", -1);
        unprocessable(r, "financialDisclosures[0].totalLiabilities", "negative");
    }

    @Test
    void shouldRefuseAMissingAmount() {
        var r = Records.clean("MX-V-5b");
        ((Map<String, Object>) Records.list(r, "financialDisclosures").get(0)).remove("annualIncome");
        unprocessable(r, "financialDisclosures[0].annualIncome", "required");
    }

    @Test
    void shouldRefuseADuplicateRecordId() {
        var r = Records.clean("MX-V-6");
        Records.list(r, "exams").set(1, Records.exam("e1", "TOXICOLOGICAL", "PASS", "2026-03-10"));
        unprocessable(r, "exams[1].id", "duplicate id e1");
    }

    @Test
    void shouldRefuseADuplicateDisclosureYear() {
        var r = Records.clean("MX-V-7");
        Records.list(r, "financialDisclosures").add(Records.disclosure(2025, 1, 1, 1));
        unprocessable(r, "financialDisclosures[1].year", "duplicate year 2025");
    }

    @Test
    void shouldRefuseADateAfterToday() {
        var r = Records.clean("MX-V-8");
        Records.list(r, "exams").set(0, Records.exam("e1", "POLYGRAPH", "PASS", "2026-11-28"));
        unprocessable(r, "exams[0].date", "after asOf 2026-11-27");
    }

    @Test
    void shouldRefuseADateWithATime_AsADateIsAPlainDay() {
        var r = Records.clean("MX-V-DT");
        Records.list(r, "exams").set(0, Records.exam("e1", "POLYGRAPH", "PASS", "2026-01-01T00:00:00Z"));
        JsonNode body = refused(APP.post("hr.lopez", "/api/candidates", r), 422);
        assertThat(body.toString()).contains("exams[0].date");
        assertThat(APP.count("officer_records WHERE officer_id = 'MX-V-DT'")).isZero();
    }

    /**
     * An officer id that is none — a line break that would forge a log line, or thousands of
     * characters — in a body, a path or a query: 422 naming the field, recorded in the access log as
     * made safe (never a 503 for a read that could not be recorded).
     */
    @Test
    void shouldRefuseAnOfficerIdThatIsNone_WhereverItComesFrom_AndRecordTheAttemptSafely() {
        var r = Records.clean("MX-V-ID");
        r.put("officerId", "MX-1\nINFO  [2026-11-27 12:00:00,000] org.vetting.Forged: a line the service never wrote");
        unprocessable(r, "officerId", "1-64 letters");
        String longId = "A".repeat(5_000);
        JsonNode path = refused(APP.as("hr.lopez", "/api/officers/" + longId + "/clearances").get(), 422);
        assertThat(path.get("errors").findValuesAsText("field")).containsExactly("officerId");
        refused(APP.as("aud.garcia", "/api/audit/access-log?officerId=" + longId).get(), 422);
        // the attempts are on record (an auditor of a country sees only officers on file: read the table)
        assertThat(APP.count("access_log WHERE officer_id = '" + "A".repeat(63) + "…' AND status = 422"))
                .as("the path's officer and the query's, made safe").isEqualTo(2);
        assertThat(APP.count("access_log WHERE officer_id LIKE 'MX-1?INFO%' AND status = 422"))
                .as("the body's officer, its line break made safe").isEqualTo(1);
    }

    /**
     * Every other identifier of a path — a user name, a list, a version, an evaluation, a hit, a unit
     * — held to one rule before anything reads by it: 5,000 characters, or a line break, is a 422
     * naming the parameter, and the refusal is on record.
     */
    @Test
    void shouldRefuseEveryPathIdentifierThatIsNone_NamingIt() {
        String[][] cases = {
                {"admin", "/api/users/%s/sessions", "username"},
                {"aud.garcia", "/api/watchlists/%s/entries?q=lopez", "list"},
                {"aud.garcia", "/api/rulesets/%s", "version"},
                {"aud.garcia", "/api/audit/evaluations/%s", "id"},
                {"aud.garcia", "/api/screening-hits/%s", "hitId"},
                {"aud.garcia", "/api/units/%s/roster", "unit"},
        };
        for (String[] c : cases) {
            for (String none : List.of("A".repeat(5_000), "a%20b", "x%3Cscript%3E")) {
                JsonNode body = refused(APP.as(c[0], String.format(c[1], none)).get(), 422);
                assertThat(body.get("errors").findValuesAsText("field")).as(c[1] + " " + none.length())
                        .containsExactly(c[2]);
            }
            // a line break in a path is no URI of this service: the server refuses it (400, JSON) before the API
            refused(APP.as(c[0], String.format(c[1], "x%0D%0AINFO%20%20forged")).get(), 400);
            try (var r = APP.as(c[0], String.format(c[1], "NO-SUCH-1")).get()) {
                assertThat(r.getStatus()).as("an identifier that is one: looked for, " + c[1]).isIn(200, 404);
            }
        }
        assertThat(APP.count("access_log WHERE path LIKE '/api/audit/evaluations/AAAA%' AND status = 422"))
                .as("the refusal on record, its path cut").isEqualTo(1);
    }

    @Test
    void shouldRefuseADisclosureYearAfterThisYear() {
        var r = Records.clean("MX-V-9");
        Records.list(r, "financialDisclosures").add(Records.disclosure(2027, 1, 1, 1));
        unprocessable(r, "financialDisclosures[1].year", "after 2026");
    }

    @Test
    void shouldRefuseADateAfterTheDryRunAsOf() {
        JsonNode body = refused(APP.post("hr.lopez", "/api/evaluations/dry-run",
                Map.of("asOf", "2026-03-11", "record", Records.clean("MX-V-10"))), 422);
        assertThat(body.get("errors").findValuesAsText("field")).containsExactly("record.exams[3].date",
                "record.exams[4].date");
    }

    @Test
    void shouldRefuseAnInvalidDate_AndAnUnknownField() {
        var r = Records.clean("MX-V-11");
        r.put("serviceStartDate", "2012-02-30");
        unprocessable(r, "serviceStartDate", "YYYY-MM-DD");
        r.put("serviceStartDate", "2012-02-03");
        r.put("criminalRecord", List.of());
        unprocessable(r, "criminalRecord", "unknown field");
    }

    @Test
    void shouldRefuseAStringWhereANumberBelongs() {
        var r = Records.clean("MX-V-12");
        ((Map<String, Object>) Records.list(r, "financialDisclosures").get(0)).put("annualIncome", "lots");
        unprocessable(r, "financialDisclosures[0].annualIncome", "number");
    }

    @Test
    void shouldRefuseABodyOverOneMebibyte_With413() {
        var r = Records.clean("MX-V-13");
        r.put("agency", "x".repeat(1024 * 1024 + 10));
        refused(APP.post("hr.lopez", "/api/candidates", r), 413);
    }

    @Test
    void shouldAnswerATruncatedBodyAsMalformedJson_With400() {
        String[] truncated = {"{\"officerId\": \"MX-V-T\", \"exams\": [{\"id\": \"e1\",",
                "{\"officerId\": \"MX-V-T\", \"exams\": [", "{\"officerId\": \"MX-V", "{\"officerId\":"};
        for (String body : truncated) {
            refused(APP.postRaw("hr.lopez", "/api/candidates", body), 400);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a guard against the old behaviour (minutes at 100% CPU), not a benchmark
    void shouldRefuseAmountsThatAreNotPlainBoundedDecimals() {
        for (String amount : new String[] {"1E-200000000", "1E-999999999", "1E+3", "0.001", "1000000000000000"}) {
            String body = ("{\"record\": {\"officerId\": \"MX-V-A\", \"country\": \"MX\", \"serviceStartDate\": "
                    + "\"2012-06-01\", \"targetUnit\": \"LIAISON\", \"financialDisclosures\": [{\"year\": 2025, "
                    + "\"annualIncome\": 1, \"totalAssets\": AMOUNT, \"totalLiabilities\": 0}]}}").replace("AMOUNT", amount);
            try (Response r = APP.postRaw("hr.lopez", "/api/evaluations/dry-run", body)) {
                assertThat(r.getStatus()).as(amount).isEqualTo(422);
                assertThat(r.readEntity(String.class)).contains("record.financialDisclosures[0].totalAssets");
            }
        }
    }

    @Test
    void shouldRefuseAListOverItsCap_NamingTheList() {
        var r = Records.clean("MX-V-CAP");
        List<Object> exams = Records.list(r, "exams");
        for (int i = 0; i < 201; i++) {
            exams.add(Records.exam("x" + i, "MEDICAL", "PASS", "2026-01-01"));
        }
        unprocessable(r, "exams", "at most 200 entries");
    }

    @Test
    void shouldRefuseAnEmptyBody() {
        refused(APP.postRaw("hr.lopez", "/api/candidates", ""), 422);
    }

    @Test
    void shouldRefuseAnUnknownPath_WithJson404() {
        refused(APP.as("hr.lopez", "/api/nothing-here").get(), 404);
    }
}
