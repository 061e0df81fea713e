package org.vetting.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.support.MovableClock;
import org.vetting.support.Policy;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * A change of the policy taking effect (docs/api.md, "Changing the policy"): a backtest that lists
 * exactly whom it affects and changes nothing, an approval that re-evaluates everyone on file with
 * cause RULE_CHANGE, and a version that waits for its effective day. Each test awaits the
 * re-evaluation it starts, so neither depends on the other running first.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RuleChangeActivationTest {
    static final MovableClock CLOCK = new MovableClock(TestApp.TODAY);
    static final TestApp APP = new TestApp(CLOCK);
    static final DropwizardAppExtension<?> EXT = APP.app;
    /** Officers with one MEDIUM flag (a suspected family tie) in JU-FENTANYL: CONDITIONAL at threshold 2. */
    static final List<String> TIED = List.of("MX-PC-T1", "MX-PC-T2", "US-PC-T3");

    @BeforeAll
    static void population() {
        Policy.staff(APP);
        for (String officer : TIED) {
            submit(tied(officer), "CONDITIONAL");
        }
        submit(Records.clean("MX-PC-C1"), "ELIGIBLE");
        submit(Records.clean("MX-PC-C2"), "ELIGIBLE");
        Map<String, Object> finance = tied("MX-PC-F1");
        finance.put("targetUnit", "JU-FINANCE");
        submit(finance, "CONDITIONAL");
    }

    static Map<String, Object> tied(String officer) {
        Map<String, Object> r = Records.clean(officer);
        r.put("country", officer.substring(0, 2));
        Records.list(r, "associations").add(new LinkedHashMap<>(Map.of("id", "a1", "relationship", "FAMILY",
                "organizationType", "CRIMINAL_ORGANIZATION", "status", "SUSPECTED")));
        return r;
    }

    static void submit(Map<String, Object> record, String outcome) {
        try (Response r = APP.post("hr.lopez", "/api/candidates", record)) {
            JsonNode e = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(e.toString()).isEqualTo(201);
            assertThat(e.get("outcome").asText()).as(e.toString()).isEqualTo(outcome);
        }
    }

    @Test
    void aLowerThresholdIsBacktestedOverEveryone_ThenApprovedAndAppliedWithCauseRuleChange() throws Exception {
        String before = APP.as("admin", "/api/rulesets/active").get(JsonNode.class).get("version").asText();
        String version = Policy.propose(APP, "pol.a", Policy.proposal("JU-FENTANYL refers at one MEDIUM flag",
                Policy::fentanylThresholdOne));

        JsonNode diff = APP.as("pol.b", "/api/rulesets/" + version + "/diff").get(JsonNode.class);
        assertThat(diff.get("rules")).isEmpty();
        assertThat(diff.get("units")).hasSize(1);
        assertThat(diff.get("units").get(0).get("unit").asText()).isEqualTo("JU-FENTANYL");
        assertThat(diff.get("units").get(0).get("field").asText()).isEqualTo("mediumReferralThreshold");
        assertThat(diff.get("units").get(0).get("before").asInt()).isEqualTo(2);
        assertThat(diff.get("units").get(0).get("after").asInt()).isEqualTo(1);

        String onFile = snapshot();
        String id = Policy.backtest(APP, "pol.a", version);
        JsonNode report = APP.as("pol.b", "/api/backtests/" + id).get(JsonNode.class);
        assertThat(snapshot()).as("a backtest changes nothing on file").isEqualTo(onFile);
        assertThat(APP.as("pol.b", "/api/backtests/" + id).get(JsonNode.class)).isEqualTo(report);

        assertThat(report.get("status").asText()).isEqualTo("DONE");
        assertThat(report.get("total").asInt()).isEqualTo(6);
        assertThat(report.get("done").asInt()).isEqualTo(6);
        assertThat(report.get("against").asText()).isEqualTo(before);
        List<String> changed = new ArrayList<>();
        report.get("changes").forEach(c -> {
            changed.add(c.get("officerId").asText());
            assertThat(c.get("unit").asText()).isEqualTo("JU-FENTANYL");
            assertThat(c.get("from").asText()).isEqualTo("CONDITIONAL");
            assertThat(c.get("to").asText()).isEqualTo("REFERRED");
        });
        assertThat(changed).containsExactlyInAnyOrderElementsOf(TIED);
        Map<String, Integer> transitions = new TreeMap<>();
        report.get("transitions").forEach(t -> transitions.put(t.get("unit").asText() + " " + t.get("from").asText()
                + ">" + t.get("to").asText(), t.get("count").asInt()));
        assertThat(transitions).containsEntry("JU-FENTANYL CONDITIONAL>REFERRED", 3)
                .containsEntry("JU-FENTANYL ELIGIBLE>ELIGIBLE", 2).containsEntry("JU-FINANCE CONDITIONAL>CONDITIONAL", 1);
        assertThat(report.get("codes")).as("the same flags, another outcome").isEmpty();

        // need to know: a policy officer of the US sees the one US change, and how many others there are
        JsonNode us = APP.as("pol.us", "/api/backtests/" + id).get(JsonNode.class);
        assertThat(us.get("changes")).hasSize(1);
        assertThat(us.get("changes").get(0).get("officerId").asText()).isEqualTo("US-PC-T3");
        assertThat(us.get("changesOutsideScope").asInt()).isEqualTo(2);
        String csv = APP.request("/api/backtests/" + id + "?format=csv", "pol.b", TestApp.PASSWORD)
                .accept("text/csv").get(String.class);
        assertThat(csv.lines()).hasSize(4).first().asString().startsWith("officerId,country,unit,from,to");

        try (Response r = APP.post("pol.b", "/api/rulesets/" + version + "/approve",
                Map.of("reasons", "Fentanyl cases are the unit's core; one concern is enough to refer."))) {
            JsonNode v = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(v.toString()).isEqualTo(200);
            assertThat(v.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(v.get("approvedBy").asText()).isEqualTo("pol.b");
        }
        assertThat(APP.as("admin", "/api/rulesets/active").get(JsonNode.class).get("version").asText()).isEqualTo(version);
        JsonNode done = Policy.awaitReevaluation(APP, "pol.a", version);
        assertThat(done.get("reevaluation").get("done").asInt()).isEqualTo(6);
        assertThat(done.get("reevaluation").get("changed").asInt()).isEqualTo(3);

        for (String officer : TIED) {
            JsonNode clearance = APP.as("adj.smith", "/api/officers/" + officer + "/clearances").get(JsonNode.class).get(0);
            assertThat(clearance.get("status").asText()).as(officer).isEqualTo("SUSPENDED");
        }
        assertThat(APP.as("adj.smith", "/api/officers/MX-PC-C1/clearances").get(JsonNode.class).get(0).get("status")
                .asText()).isEqualTo("ACTIVE");
        assertThat(APP.as("adj.smith", "/api/officers/MX-PC-F1/clearances").get(JsonNode.class).get(0).get("status")
                .asText()).isEqualTo("ACTIVE");
        assertThat(causes()).containsEntry("MX-PC-T1 SUSPENDED RULE_CHANGE", 1)
                .containsEntry("US-PC-T3 SUSPENDED RULE_CHANGE", 1);
        JsonNode roster = APP.as("cmd.fent", "/api/units/JU-FENTANYL/roster").get(JsonNode.class);
        assertThat(roster.toString()).contains("SUSPENDED").doesNotContain("FAMILY_CRIMINAL_TIE");

        JsonNode list = APP.as("aud.garcia", "/api/rulesets").get(JsonNode.class);
        Map<String, String> statuses = new TreeMap<>();
        list.forEach(v -> statuses.put(v.get("version").asText(), v.get("status").asText()));
        assertThat(statuses).containsEntry(version, "ACTIVE").containsEntry(before, "RETIRED");
        JsonNode chain = APP.as("aud.garcia", "/api/audit/verify").get(JsonNode.class);
        assertThat(chain.get("valid").asBoolean()).as(chain.toString()).isTrue();
        assertThat(auditTypes()).contains("RULESET_PROPOSAL", "BACKTEST", "RULESET_DECISION", "RULESET");
    }

    @Test
    void aVersionWithAnEffectiveDayWaitsForIt_ThenTakesEffectOnThePoll() {
        String active = APP.as("admin", "/api/rulesets/active").get(JsonNode.class).get("version").asText();
        String version = Policy.propose(APP, "pol.b", "from tomorrow");
        Policy.backtest(APP, "pol.b", version);
        try (Response r = APP.post("pol.a", "/api/rulesets/" + version + "/approve",
                Map.of("reasons", "Scheduled.", "effectiveFrom", TestApp.TODAY.minusDays(1).toString()))) {
            assertThat(r.getStatus()).as("a day in the past").isEqualTo(422);
        }
        try (Response r = APP.post("pol.a", "/api/rulesets/" + version + "/approve",
                Map.of("reasons", "Scheduled.", "effectiveFrom", TestApp.TODAY.plusDays(1).toString()))) {
            JsonNode v = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(v.toString()).isEqualTo(200);
            assertThat(v.get("status").asText()).isEqualTo("APPROVED");
        }
        var service = ((org.vetting.VettingApplication) APP.app.getApplication()).context();
        service.policyChanges().poll();
        assertThat(APP.as("admin", "/api/rulesets/active").get(JsonNode.class).get("version").asText()).isEqualTo(active);
        try {
            CLOCK.moveTo(TestApp.TODAY.plusDays(1));
            service.policyChanges().poll();
            assertThat(APP.as("admin", "/api/rulesets/active").get(JsonNode.class).get("version").asText())
                    .isEqualTo(version);
            assertThat(Policy.awaitReevaluation(APP, "pol.a", version).get("status").asText()).isEqualTo("ACTIVE");
        } finally {
            CLOCK.moveTo(TestApp.TODAY);
        }
    }

    /** Everything on file about officers, as one string: records, evaluations, clearances and their history. */
    static String snapshot() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = APP.connection(); Statement s = c.createStatement()) {
            for (String sql : List.of("SELECT officer_id, version, record FROM officer_records ORDER BY 1, 2",
                    "SELECT id, outcome, fired_rules FROM evaluations ORDER BY 1",
                    "SELECT officer_id, unit, status, valid_until, evaluation_id FROM clearances ORDER BY 1, 2",
                    "SELECT COUNT(*) FROM clearance_events", "SELECT COUNT(*) FROM fired_rules")) {
                try (ResultSet rs = s.executeQuery(sql)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            all.append(rs.getString(i)).append('|');
                        }
                        all.append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    static Map<String, Integer> causes() throws Exception {
        Map<String, Integer> causes = new TreeMap<>();
        try (Connection c = APP.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT officer_id, status, cause FROM clearance_events")) {
            while (rs.next()) {
                causes.merge(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3), 1, Integer::sum);
            }
        }
        return causes;
    }

    static List<String> auditTypes() throws Exception {
        List<String> types = new ArrayList<>();
        try (Connection c = APP.connection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT DISTINCT entry_type FROM audit_log")) {
            while (rs.next()) {
                types.add(rs.getString(1));
            }
        }
        return types;
    }
}
