package org.vetting.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.Policy;
import org.vetting.support.TestApp;

/**
 * Proposing a change of the policy (docs/api.md, "Changing the policy") through the API: proposals
 * refused or stored, four eyes on approval, a rejection that ends a draft, an abandoned backtest.
 * Nothing here changes the active set ({@link RuleChangeActivationTest} does).
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PolicyChangesTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;

    @BeforeAll
    static void users() {
        Policy.staff(APP);
    }

    @Test
    void aSetThatDoesNotCompileIsRefusedWithFileAndLine_AndNothingIsStored() {
        long before = APP.count("ruleset_proposals");
        Map<String, Object> broken = Policy.proposal("broken", files -> {
            files.put("criminal.drl", files.get("criminal.drl").replaceFirst("\\bthen\\b", "then this is not java ;;"));
            return files;
        });
        try (Response r = APP.post("pol.a", "/api/rulesets", broken)) {
            JsonNode body = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(body.toString()).isEqualTo(422);
            assertThat(body.get("errors").get(0).get("field").asText()).matches("criminal\\.drl:\\d+");
        }
        try (Response r = APP.post("pol.a", "/api/rulesets", Policy.proposal("a stray file", files -> {
            files.put("../etc/passwd", "x");
            return files;
        }))) {
            assertThat(r.getStatus()).isEqualTo(422);
        }
        assertThat(APP.count("ruleset_proposals")).isEqualTo(before);
        try (Response r = APP.post("pol.a", "/api/rulesets", Map.of("description", "no files"))) {
            assertThat(r.getStatus()).isEqualTo(422);
            assertThat(r.readEntity(JsonNode.class).get("errors").get(0).get("field").asText()).isEqualTo("files");
        }
    }

    @Test
    void aSetWithAFailingScenarioIsStored_ButCannotBeApproved() {
        Map<String, Object> body = Policy.proposal("wrong expectation", files -> {
            String name = files.keySet().stream().filter(n -> n.startsWith("scenarios/")).findFirst().orElseThrow();
            files.put(name, files.get(name).replaceFirst("outcome: (ELIGIBLE|INELIGIBLE)", "outcome: INCOMPLETE"));
            return files;
        });
        String version;
        try (Response r = APP.post("pol.a", "/api/rulesets", body)) {
            JsonNode v = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(v.toString()).isEqualTo(201);
            assertThat(v.get("status").asText()).isEqualTo("DRAFT");
            assertThat(v.get("scenarios").get("failed").asInt()).isPositive();
            assertThat(v.get("scenarios").get("failures").get(0).asText()).startsWith("FAIL ");
            version = v.get("version").asText();
        }
        try (Response r = APP.post("pol.a", "/api/rulesets", body)) {
            assertThat(r.getStatus()).as("the same files again").isEqualTo(409);
        }
        Policy.backtest(APP, "pol.a", version);
        try (Response r = APP.post("pol.b", "/api/rulesets/" + version + "/approve", Map.of("reasons", "Looks fine."))) {
            assertThat(r.getStatus()).isEqualTo(409);
            assertThat(r.readEntity(JsonNode.class).get("message").asText()).contains("failing scenarios");
        }
    }

    @Test
    void theProposerCannotApprove_NorAnyoneWithoutABacktest_AndARejectionEndsTheDraft() {
        String version = Policy.propose(APP, "pol.a", "four eyes");
        try (Response r = APP.post("pol.a", "/api/rulesets/" + version + "/approve", Map.of("reasons", "Mine."))) {
            assertThat(r.getStatus()).isEqualTo(403);
        }
        try (Response r = APP.post("pol.b", "/api/rulesets/" + version + "/approve", Map.of("reasons", "Fine."))) {
            assertThat(r.getStatus()).isEqualTo(409);
            assertThat(r.readEntity(JsonNode.class).get("message").asText()).contains("backtest");
        }
        try (Response r = APP.post("pol.b", "/api/rulesets/" + version + "/approve", Map.of())) {
            assertThat(r.getStatus()).isEqualTo(422);
        }
        try (Response r = APP.post("pol.b", "/api/rulesets/" + version + "/reject", Map.of("reasons", "Not needed."))) {
            assertThat(r.getStatus()).isEqualTo(200);
            JsonNode v = r.readEntity(JsonNode.class);
            assertThat(v.get("status").asText()).isEqualTo("REJECTED");
            assertThat(v.get("rejectedBy").asText()).isEqualTo("pol.b");
        }
        try (Response r = APP.post("pol.b", "/api/rulesets/" + version + "/reject", Map.of("reasons", "Again."))) {
            assertThat(r.getStatus()).isEqualTo(409);
        }
        try (Response r = APP.post("pol.a", "/api/rulesets/" + "0".repeat(64) + "/backtests", Map.of())) {
            assertThat(r.getStatus()).isEqualTo(404);
        }
    }

    @Test
    void reloadProposesTheRulesDirectory_AndActivatesNothing() {
        String active = APP.as("admin", "/api/rulesets/active").get(JsonNode.class).get("version").asText();
        try (Response r = APP.post("admin", "/api/rulesets/reload", Map.of())) {
            assertThat(r.getStatus()).isEqualTo(200);
            assertThat(r.readEntity(JsonNode.class).get("version").asText()).isEqualTo(active);
        }
        assertThat(APP.as("admin", "/api/rulesets/active").get(JsonNode.class).get("version").asText()).isEqualTo(active);
    }

    @Test
    void aBacktestWhoseInstanceStoppedReadsAsFailed() throws Exception {
        String version = Policy.propose(APP, "pol.a", "abandoned backtest");
        String id = java.util.UUID.randomUUID().toString();
        try (Connection c = APP.connection(); var s = c.prepareStatement("""
                INSERT INTO backtests (id, version, against, status, started_by, as_of, started_at, heartbeat_at, done, total)
                VALUES (?, ?, ?, 'RUNNING', 'pol.a', ?, ?, ?, 10, 100)""")) {
            java.sql.Timestamp then = java.sql.Timestamp.from(TestApp.now().minusSeconds(120));
            s.setString(1, id);
            s.setString(2, version);
            s.setString(3, version);
            s.setObject(4, TestApp.TODAY);
            s.setTimestamp(5, then);
            s.setTimestamp(6, then);
            s.executeUpdate();
        }
        JsonNode b = APP.as("pol.a", "/api/backtests/" + id).get(JsonNode.class);
        assertThat(b.get("status").asText()).isEqualTo("FAILED");
        assertThat(b.get("error").asText()).contains("stopped");
        try (Response r = APP.as("pol.a", "/api/backtests/not-an-id").get()) {
            assertThat(r.getStatus()).isEqualTo(404);
        }
        try (Response r = APP.request("/api/backtests/" + id + "?format=xml", "pol.a", TestApp.PASSWORD).get()) {
            assertThat(r.getStatus()).isEqualTo(422);
        }
    }



}
