package org.vetting.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * Several groups of submissions written at once ({@code submissionWriters}, 3 here on either
 * database; PostgreSQL's default): groups that share officers wait for each other's clearance rows
 * and the audit head, never in a cycle; version races are retried; everything acknowledged is
 * stored, once, and audited, and the chain holds.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SubmissionWritersTest {
    static final TestApp APP = new TestApp(ConfigOverride.config("submissionWriters", "3"));
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void staff() {
        APP.createStaff();
    }

    @Test
    void shouldStoreAndAuditEverySubmission_WhenGroupsOfTheSameOfficersAreWrittenAtOnce() throws Exception {
        // six officers on file first: later submissions lock their clearance rows
        for (int i = 0; i < 6; i++) {
            try (Response r = APP.post("hr.lopez", "/api/candidates", Records.clean("MX-W-" + i))) {
                assertThat(r.getStatus()).isEqualTo(201);
            }
        }
        long before = verify().get("entries").asLong();
        List<String> officers = new ArrayList<>();
        for (int i = 0; i < 72; i++) {
            // officers in both orders across the requests, on file and new
            officers.add("MX-W-" + (i % 2 == 0 ? i / 2 % 12 : 11 - i / 2 % 12));
        }
        List<String> acknowledged = APP.submitAtOnce("hr.lopez", officers, 12);
        JsonNode v = verify();
        assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
        List<String> audited = new ArrayList<>();
        int evaluations = 0;
        for (int i = 0; i < 12; i++) {
            audited.addAll(APP.get("aud.garcia", "/api/audit/evaluations?limit=1000&officerId=MX-W-" + i).get("items")
                    .findValuesAsText("evaluationId"));
            evaluations += APP.get("hr.lopez", "/api/officers/MX-W-" + i + "/evaluations?limit=1000").get("items").size();
        }
        assertThat(acknowledged).hasSize(72).doesNotHaveDuplicates();
        assertThat(audited).as("each acknowledged evaluation audited once, besides the six before")
                .hasSize(78).containsAll(acknowledged);
        assertThat(evaluations).as("evaluations on the officers' files").isEqualTo(78);
        assertThat(v.get("entries").asLong()).as("an entry per evaluation, and per clearance change")
                .isGreaterThanOrEqualTo(before + 72);
    }

    @Test
    void shouldStoreTheOthers_WhenOneSubmissionOfAGroupFailsAfterWritingRows() throws Exception {
        // the database refuses one officer's record version, after the officer's own row is written:
        // its group is rolled back and written again, that submission in a savepoint of its own
        APP.execute("ALTER TABLE officer_records ADD CONSTRAINT refuses_one CHECK (officer_id <> 'MX-P-5')");
        List<TestApp.Answer> answers;
        try {
            List<String> officers = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                officers.add("MX-P-" + i);
            }
            answers = APP.submitConcurrently("hr.lopez", officers, 12);
        } finally {
            APP.execute("ALTER TABLE officer_records DROP CONSTRAINT refuses_one");
        }
        for (TestApp.Answer a : answers) {
            assertThat(a.status()).as(a.officerId()).isEqualTo(a.officerId().equals("MX-P-5") ? 500 : 201);
        }
        assertThat(APP.count("officers WHERE officer_id = 'MX-P-5'")).as("the refused officer's row rolled back")
                .isZero();
        assertThat(APP.count("officers WHERE officer_id LIKE 'MX-P-%'")).isEqualTo(23);
        assertThat(APP.count("evaluations WHERE officer_id LIKE 'MX-P-%'")).isEqualTo(23);
        List<String> audited = new ArrayList<>();
        for (TestApp.Answer a : answers) {
            audited.addAll(APP.get("aud.garcia", "/api/audit/evaluations?limit=10&officerId=" + a.officerId())
                    .get("items").findValuesAsText("evaluationId"));
        }
        assertThat(audited).containsExactlyInAnyOrderElementsOf(answers.stream()
                .filter(a -> a.status() == 201).map(TestApp.Answer::evaluationId).toList());
        JsonNode v = verify();
        assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
    }


    private static JsonNode verify() {
        return APP.get("aud.garcia", "/api/audit/verify");
    }
}
