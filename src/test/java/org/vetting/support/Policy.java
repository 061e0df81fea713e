package org.vetting.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.vetting.rules.RuleSet;
import org.vetting.rules.RuleSetLoader;
import org.vetting.scenarios.ScenarioResult;
import org.vetting.scenarios.Scenarios;

/** Proposals of the real rules/ with edits, and backtests run to their end, through the API. */
public final class Policy {
    /**
     * The staff of a policy test: one user per working role, two policy officers of both countries
     * (pol.a, pol.b: four eyes) and one of the US only (pol.us: need to know).
     */
    public static void staff(TestApp app) {
        app.createStaff();
        app.createUser("pol.a", "POLICY_OFFICER");
        app.createUser("pol.b", "POLICY_OFFICER");
        try (Response r = app.as("admin", "/api/users").post(Entity.json(Map.of("username", "pol.us", "password",
                TestApp.PASSWORD, "roles", List.of("POLICY_OFFICER"), "countries", List.of("US"))))) {
            assertThat(r.getStatus()).isEqualTo(201);
        }
    }

    private Policy() {}

    /** The body of a proposal: rules/ as on disk, edited, with a comment that makes it a new version. */
    public static Map<String, Object> proposal(String description, UnaryOperator<SortedMap<String, String>> edit) {
        SortedMap<String, String> files = new TreeMap<>(RuleSetLoader.read(Path.of("rules")));
        files.put("units.yml", files.get("units.yml") + "\n# " + description + "\n");
        return Map.of("description", description, "files", edit.apply(files));
    }

    /** JU-FENTANYL's mediumReferralThreshold lowered from 2 to 1: one MEDIUM flag now refers. */
    public static SortedMap<String, String> fentanylThresholdOne(SortedMap<String, String> files) {
        String units = files.get("units.yml");
        int unit = units.indexOf("JU-FENTANYL:");
        int at = units.indexOf("mediumReferralThreshold: 2", unit);
        assertThat(unit).isNotNegative();
        assertThat(at).isGreaterThan(unit);
        files.put("units.yml", units.substring(0, at) + "mediumReferralThreshold: 1"
                + units.substring(at + "mediumReferralThreshold: 2".length()));
        return withScenariosFollowing(files);
    }

    /**
     * What a policy analyst does with a change: the scenarios whose outcome it changes are updated
     * to the new outcome (here CONDITIONAL becoming REFERRED, which has no validity).
     */
    static SortedMap<String, String> withScenariosFollowing(SortedMap<String, String> files) {
        RuleSet changed = RuleSetLoader.compile("", files);
        for (ScenarioResult r : Scenarios.runAll(changed)) {
            if (r.passed()) {
                continue;
            }
            assertThat(r.problem()).as(r.line()).startsWith("outcome REFERRED, expected CONDITIONAL");
            String name = "scenarios/" + r.scenario().file();
            String text = files.get(name);
            int start = text.indexOf(r.scenario().name());
            int next = text.indexOf("- name:", start);
            int end = next < 0 ? text.length() : next;
            String block = text.substring(start, end).replace("outcome: CONDITIONAL", "outcome: REFERRED")
                    .replaceAll("validUntil: '?[0-9-]+'?", "validUntil: null");
            files.put(name, text.substring(0, start) + block + text.substring(end));
        }
        assertThat(Scenarios.runAll(RuleSetLoader.compile("", files)).stream().filter(r -> !r.passed())
                .map(ScenarioResult::line)).isEmpty();
        return files;
    }

    /** Proposes rules/ (made a new version by the description) as {@code user}; the new version. */
    public static String propose(TestApp app, String user, String description) {
        return propose(app, user, proposal(description, UnaryOperator.identity()));
    }

    public static String propose(TestApp app, String user, Map<String, Object> body) {
        try (Response r = app.post(user, "/api/rulesets", body)) {
            JsonNode answer = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(answer.toString()).isEqualTo(201);
            return answer.get("version").asText();
        }
    }

    /** Starts a backtest of {@code version} and waits for its end; its id. */
    public static String backtest(TestApp app, String user, String version) {
        String id;
        try (Response r = app.post(user, "/api/rulesets/" + version + "/backtests", Map.of())) {
            JsonNode answer = r.readEntity(JsonNode.class);
            assertThat(r.getStatus()).as(answer.toString()).isEqualTo(202);
            id = answer.get("backtestId").asText();
        }
        JsonNode b = awaitBacktest(app, user, id);
        assertThat(b.get("status").asText()).as(b.toString()).isEqualTo("DONE");
        return id;
    }

    public static JsonNode awaitBacktest(TestApp app, String user, String id) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode b = app.as(user, "/api/backtests/" + id).get(JsonNode.class);
            if (!b.get("status").asText().equals("RUNNING")) {
                return b;
            }
            sleep(50);
        }
        throw new AssertionError("backtest " + id + " still running after 60 s");
    }

    /** Waits until the version's re-evaluation of everyone on file has finished; the version. */
    public static JsonNode awaitReevaluation(TestApp app, String user, String version) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode v = app.as(user, "/api/rulesets/" + version).get(JsonNode.class);
            JsonNode re = v.get("reevaluation");
            if (re != null && re.hasNonNull("finishedAt")) {
                return v;
            }
            sleep(50);
        }
        throw new AssertionError("re-evaluation under " + version + " not finished after 60 s");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
