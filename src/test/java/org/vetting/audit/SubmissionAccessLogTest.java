package org.vetting.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * A submission's access-log entry is written in the submission's own transaction (one commit for
 * both): exactly one entry for an answered submission, one with the refusal's status for a refused
 * one, and when the entry cannot be written the submission is neither stored nor answered.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SubmissionAccessLogTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void staff() {
        APP.createStaff();
    }

    @Test
    void shouldLogAStoredSubmissionOnce_WithItsAnswer() {
        try (Response r = APP.post("hr.lopez", "/api/candidates", Records.clean("MX-SAL-1"))) {
            assertThat(r.getStatus()).isEqualTo(201);
        }
        JsonNode items = log("MX-SAL-1");
        assertThat(items.size()).as(items.toString()).isEqualTo(1);
        assertThat(items.get(0).get("username").asText()).isEqualTo("hr.lopez");
        assertThat(items.get(0).get("method").asText()).isEqualTo("POST");
        assertThat(items.get(0).get("path").asText()).isEqualTo("/api/candidates");
        assertThat(items.get(0).get("status").asInt()).isEqualTo(201);
    }

    @Test
    void shouldLogARefusedSubmissionOnce_WithItsRefusal() {
        APP.post("hr.lopez", "/api/candidates", Records.typical("MX-SAL-2")).close();
        // the same officer again without the records on file: refused in the group writer (409)
        try (Response r = APP.post("hr.lopez", "/api/candidates", Records.clean("MX-SAL-2"))) {
            assertThat(r.getStatus()).isEqualTo(409);
        }
        JsonNode items = log("MX-SAL-2");
        assertThat(items.findValuesAsText("status")).as(items.toString()).containsExactly("201", "409");
    }

    @Test
    void shouldStoreNothingAndAnswer503_WhenTheEntryCannotBeWritten() throws Exception {
        APP.execute("ALTER TABLE access_log RENAME TO access_log_unavailable");
        try (Response r = APP.post("hr.lopez", "/api/candidates", Records.clean("MX-SAL-3"))) {
            assertThat(r.getStatus()).isEqualTo(503);
            assertThat(r.readEntity(String.class)).contains("access log").doesNotContain("flags");
        } finally {
            APP.execute("ALTER TABLE access_log_unavailable RENAME TO access_log");
        }
        try (Connection c = APP.connection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM evaluations WHERE officer_id = ?")) {
            s.setString(1, "MX-SAL-3");
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).as("evaluations stored for an unanswered submission").isZero();
            }
        }
        JsonNode v = APP.get("aud.garcia", "/api/audit/verify");
        assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
    }

    private static JsonNode log(String officerId) {
        return APP.get("aud.garcia", "/api/audit/access-log?limit=100&officerId=" + officerId).get("items");
    }

}
