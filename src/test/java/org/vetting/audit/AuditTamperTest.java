package org.vetting.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.core.cli.Cli;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import io.dropwizard.util.JarLocation;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.VettingApplication;
import org.vetting.VettingConfiguration;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/** Direct database changes are detected and located; concurrent writers keep the chain whole. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AuditTamperTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;
    static String evaluationId;
    static long entry;

    @BeforeAll
    static void oneEvaluation() {
        APP.createStaff();
        APP.post("hr.lopez", "/api/candidates", Records.clean("MX-T-0")).close();
        try (Response r = APP.post("hr.lopez", "/api/candidates", Records.typical("MX-T-1"))) {
            evaluationId = r.readEntity(JsonNode.class).get("evaluationId").asText();
        }
        APP.post("hr.lopez", "/api/candidates", Records.clean("MX-T-2")).close();
        JsonNode audited = APP.get("aud.garcia", "/api/audit/evaluations/" + evaluationId);
        entry = audited.get("sequence").asLong();
    }

    static JsonNode verify(String user) {
        try (Response r = APP.as(user, "/api/audit/verify").get()) {
            assertThat(r.getStatus()).isEqualTo(200);
            return r.readEntity(JsonNode.class);
        }
    }

    /**
     * A direct change, as someone with database access would make it. On PostgreSQL the history
     * tables refuse UPDATE, so this plays a superuser who switches the triggers off first.
     */
    static int sql(String statement, Object... args) {
        try (Connection c = APP.connection();
             PreparedStatement s = c.prepareStatement(statement)) {
            if (TestApp.POSTGRES) {
                c.createStatement().execute("SET session_replication_role = replica");
            }
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code verify-audit} through Dropwizard's CLI, as {@code java -jar … verify-audit config.yml} would. */
    static Optional<Throwable> offline(StringBuilder output) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setProperty("dw.database.url", APP.dbUrl);
        System.setProperty("dw.database.user", APP.dbUser);
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            Bootstrap<VettingConfiguration> bootstrap = new Bootstrap<>(new VettingApplication());
            bootstrap.getApplication().initialize(bootstrap);
            Cli cli = new Cli(new JarLocation(AuditTamperTest.class), bootstrap, System.out, System.err);
            return cli.run("verify-audit", ResourceHelpers.resourceFilePath("test-config.yml"));
        } catch (Exception e) {
            return Optional.of(e);
        } finally {
            System.setOut(stdout);
            System.clearProperty("dw.database.url");
            System.clearProperty("dw.database.user");
            output.append(out.toString(StandardCharsets.UTF_8));
        }
    }

    void assertBrokenAt(long sequence, String problem) {
        JsonNode v = verify("aud.garcia");
        assertThat(v.get("valid").asBoolean()).isFalse();
        assertThat(v.get("firstInvalid").asLong()).isEqualTo(sequence);
        assertThat(v.get("problem").asText()).contains(problem);
        StringBuilder out = new StringBuilder();
        assertThat(offline(out)).as("the offline command fails").isPresent();
        assertThat(out.toString()).contains("AUDIT CHAIN BROKEN").contains("first invalid entry " + sequence);
    }

    void assertValid() {
        JsonNode v = verify("aud.garcia");
        assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
        StringBuilder out = new StringBuilder();
        assertThat(offline(out)).as(out.toString()).isEmpty();
        assertThat(out.toString()).contains("audit chain valid");
    }

    @Test
    void shouldDetectAndLocateAChangedOutcome() {
        assertValid();
        String outcome = APP.get("aud.garcia", "/api/audit/evaluations/" + evaluationId).get("outcome").asText();
        assertThat(outcome).isEqualTo("REFERRED");
        sql("UPDATE evaluations SET outcome = 'ELIGIBLE' WHERE id = ?", evaluationId);
        try {
            assertBrokenAt(entry, "EVALUATION " + evaluationId + " was changed");
        } finally {
            sql("UPDATE evaluations SET outcome = ? WHERE id = ?", outcome, evaluationId);
        }
        assertValid();
    }

    @Test
    void shouldDetectAndLocateAChangedInput() {
        sql("UPDATE officer_records SET record = REPLACE(record, '\"FRAUD\"', '\"MINOR\"') WHERE officer_id = 'MX-T-1'");
        try {
            assertBrokenAt(entry, "was changed");
        } finally {
            sql("UPDATE officer_records SET record = REPLACE(record, '\"MINOR\"', '\"FRAUD\"') WHERE officer_id = 'MX-T-1'");
        }
        assertValid();
    }

    @Test
    void shouldDetectAndLocateAChangedFiredRule() {
        String forge = "UPDATE evaluations SET fired_rules = REPLACE(fired_rules, ?, ?) WHERE id = ?";
        String real = "\"EXAMS-00 latest exam of each type\"";
        String forged = "\"EXAMS-00 forged\"";
        assertThat(sql(forge, real, forged, evaluationId)).isEqualTo(1);
        try {
            assertBrokenAt(entry, "was changed");
        } finally {
            sql(forge, forged, real, evaluationId);
        }
        assertValid();
    }

    /**
     * Evaluations stored before V12 keep their fired rules as rows of fired_rules: the same
     * evaluation stored that way reads back the same, is found by rule, and its chain entry still
     * verifies — and a changed row is still detected.
     */
    @Test
    void shouldReadVerifyAndDetectChangesInFiredRulesStoredAsRows() {
        JsonNode inline = APP.get("aud.garcia", "/api/audit/evaluations/" + evaluationId);
        JsonNode fired = inline.get("firedRules");
        assertThat(fired.size()).isGreaterThan(1);
        String firstRule = fired.get(0).get("rule").asText();
        for (JsonNode r : fired) {
            sql("INSERT INTO fired_rules (evaluation_id, sequence, rule_name, flag) VALUES (?, ?, ?, ?)", evaluationId,
                    r.get("sequence").asInt(), r.get("rule").asText(), r.get("flag").isNull() ? null : r.get("flag").asText());
        }
        String stored = storedFiredRules();
        sql("UPDATE evaluations SET fired_rules = NULL WHERE id = ?", evaluationId);
        try {
            assertThat(APP.get("aud.garcia", "/api/audit/evaluations/" + evaluationId)).isEqualTo(inline);
            assertValid();
            assertThat(APP.get("aud.garcia", "/api/audit/evaluations?rule=" + URLEncoder.encode(firstRule, StandardCharsets.UTF_8)).get("items").findValuesAsText("sequence"))
                    .contains(Long.toString(entry));
            sql("UPDATE fired_rules SET rule_name = 'EXAMS-00 forged' WHERE evaluation_id = ? AND sequence = ?",
                    evaluationId, fired.get(1).get("sequence").asInt());
            assertBrokenAt(entry, "was changed");
        } finally {
            sql("UPDATE evaluations SET fired_rules = ? WHERE id = ?", stored, evaluationId);
            sql("DELETE FROM fired_rules WHERE evaluation_id = ?", evaluationId);
        }
        assertValid();
    }

    private String storedFiredRules() {
        try (Connection c = APP.connection();
             var s = c.prepareStatement("SELECT fired_rules FROM evaluations WHERE id = ?")) {
            s.setString(1, evaluationId);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldRefuseUpdatesOfHistory_InPostgreSQL() throws SQLException {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestApp.POSTGRES, "database-level protection is PostgreSQL's");
        for (String update : List.of("UPDATE evaluations SET outcome = 'ELIGIBLE'", "DELETE FROM audit_log",
                "UPDATE officer_records SET record = '{}'", "UPDATE evaluations SET fired_rules = '[]'",
                "UPDATE access_log SET status = 200")) {
            try (Connection c = APP.connection()) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> c.createStatement().execute(update))
                        .as(update).hasMessageContaining("append-only");
            }
        }
        assertValid();
    }

    @Test
    void shouldDetectAChangedEntryHash() {
        sql("UPDATE audit_log SET content = REPLACE(content, 'hr.lopez', 'hr.ghost') WHERE sequence = ?", entry);
        try {
            JsonNode v = verify("aud.garcia");
            assertThat(v.get("valid").asBoolean()).isFalse();
            assertThat(v.get("firstInvalid").asLong()).isEqualTo(entry);
        } finally {
            sql("UPDATE audit_log SET content = REPLACE(content, 'hr.ghost', 'hr.lopez') WHERE sequence = ?", entry);
        }
        assertValid();
    }

    @Test
    void shouldKeepTheChainWhole_WhenManySubmitConcurrently() throws Exception {
        long before = verify("aud.garcia").get("entries").asLong();
        List<String> officers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            officers.add("MX-C-" + (i % 10)); // several submissions per officer: record versions race too
        }
        List<String> acknowledged = APP.submitAtOnce("hr.lopez", officers, 8);
        JsonNode v = verify("aud.garcia");
        assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.get("entries").asLong()).isEqualTo(before + 100);
        List<String> audited = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            audited.addAll(APP.get("aud.garcia", "/api/audit/evaluations?limit=1000&officerId=MX-C-" + i).get("items")
                    .findValuesAsText("evaluationId"));
        }
        assertThat(audited).hasSize(50).containsExactlyInAnyOrderElementsOf(acknowledged);
    }
    /**
     * Concurrent submissions are written in groups (one transaction, each in a savepoint): a
     * submission refused in the middle of a group (a record on file left out: 409) is rolled back
     * alone; the others of its group are stored, acknowledged and audited, and the chain holds.
     */
    @Test
    void shouldRefuseOnlyTheChangedRecords_WhenSubmittedTogether() throws Exception {
        for (int i = 0; i < 10; i++) {
            try (Response r = APP.post("hr.lopez", "/api/candidates", Records.typical("MX-G-" + i))) {
                assertThat(r.getStatus()).isEqualTo(201);
            }
        }
        long before = verify("aud.garcia").get("entries").asLong();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Map<String, Future<Integer>> results = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            // every third leaves out the records on file of an officer submitted above: refused
            String officer = i % 3 == 0 ? "MX-G-" + (i / 3) : "MX-H-" + i;
            results.put(officer, pool.submit(() -> {
                try (Response r = APP.post("hr.lopez", "/api/candidates", Records.clean(officer))) {
                    return r.getStatus();
                }
            }));
        }
        for (var e : results.entrySet()) {
            assertThat(e.getValue().get()).as(e.getKey()).isEqualTo(e.getKey().startsWith("MX-G-") ? 409 : 201);
        }
        pool.shutdown();
        JsonNode v = verify("aud.garcia");
        assertThat(v.get("valid").asBoolean()).as(v.toString()).isTrue();
        assertThat(v.get("entries").asLong()).as("an evaluation and a clearance change for each of the 20 stored")
                .isEqualTo(before + 40);
        for (int i = 0; i < 10; i++) {
            assertThat(APP.get("aud.garcia", "/api/audit/evaluations?limit=1000&officerId=MX-G-" + i).get("items")).hasSize(1);
        }
    }
}
