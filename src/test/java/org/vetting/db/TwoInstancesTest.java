package org.vetting.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.vetting.VettingConfiguration;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * Two service instances on one database (PostgreSQL in the postgres run, shared in-memory H2 in the
 * default run), started together and written to at once: one admin, one chain, nothing lost or
 * duplicated, one decision per adjudication.
 */
class TwoInstancesTest {
    static TestApp.Database db;
    static final List<DropwizardTestSupport<VettingConfiguration>> INSTANCES = new ArrayList<>();
    static Client client;

    @BeforeAll
    static void startTwo() throws Exception {
        db = TestApp.Database.create();
        Clock clock = Clock.fixed(TestApp.TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
        for (int i = 0; i < 2; i++) {
            List<ConfigOverride> overrides = new ArrayList<>(db.overrides());
            // an activation reaches the other instance on its next read of the database
            overrides.add(ConfigOverride.config("ruleSetPollInterval", "1s"));
            INSTANCES.add(TestApp.support(clock, overrides.toArray(ConfigOverride[]::new)));
        }
        // a fresh database, both starting at once: migrations, rule-set activation and the first admin race
        ExecutorService starters = Executors.newFixedThreadPool(2);
        List<Future<?>> started = new ArrayList<>();
        for (var instance : INSTANCES) {
            started.add(starters.submit(() -> {
                instance.before();
                return null;
            }));
        }
        for (Future<?> f : started) {
            f.get();
        }
        starters.shutdown();
        client = ClientBuilder.newClient();
        for (String[] u : new String[][] {{"hr.a", "VETTING_OFFICER"}, {"hr.b", "VETTING_OFFICER"},
                {"adj.a", "ADJUDICATOR"}, {"adj.b", "ADJUDICATOR"}, {"aud", "AUDITOR"}, {"pol.a", "POLICY_OFFICER"},
                {"pol.b", "POLICY_OFFICER"}}) {
            try (Response r = post(0, "admin", "/api/users", Map.of("username", u[0], "password", TestApp.PASSWORD,
                    "roles", List.of(u[1]), "countries", TestApp.COUNTRIES))) {
                assertThat(r.getStatus()).isEqualTo(201);
            }
        }
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        INSTANCES.forEach(DropwizardTestSupport::after);
        db.drop();
    }

    static Response post(int instance, String user, String path, Object body) {
        return client.target("http://localhost:" + INSTANCES.get(instance).getLocalPort() + path).request()
                .header("Authorization", TestApp.basic(user, user.equals("admin") ? TestApp.ADMIN_PASSWORD : TestApp.PASSWORD))
                .post(Entity.json(body));
    }

    static JsonNode get(int instance, String user, String path) {
        try (Response r = client.target("http://localhost:" + INSTANCES.get(instance).getLocalPort() + path).request()
                .header("Authorization", TestApp.basic(user, TestApp.PASSWORD)).get()) {
            assertThat(r.getStatus()).isEqualTo(200);
            return r.readEntity(JsonNode.class);
        }
    }

    static long count(String sql) throws Exception {
        try (var c = java.sql.DriverManager.getConnection(db.url(), db.user(), "");
             var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void oneFirstAdminAndOneFirstRuleSet_WhenBothStartOnAFreshDatabase() throws Exception {
        assertThat(count("SELECT COUNT(*) FROM users WHERE username = 'admin'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ruleset_proposals WHERE proposed_by = 'system'")).isEqualTo(1);
    }

    @Test
    void bothInstancesKeepOneChain_WhenWrittenToAtOnce() throws Exception {

        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            int instance = i % 2;
            String user = instance == 0 ? "hr.a" : "hr.b";
            String officer = "MX-TWO-" + (i % 12); // both instances write versions of the same officers
            results.add(pool.submit(() -> {
                try (Response r = post(instance, user, "/api/candidates", Records.clean(officer))) {
                    if (r.getStatus() == 201) {
                        acknowledged.add(r.readEntity(JsonNode.class).get("evaluationId").asText());
                    }
                    return r.getStatus();
                }
            }));
        }
        for (Future<Integer> f : results) {
            assertThat(f.get()).isEqualTo(201);
        }
        pool.shutdown();

        assertThat(new HashSet<>(acknowledged)).hasSize(60);
        assertThat(count("SELECT COUNT(*) FROM evaluations WHERE officer_id LIKE 'MX-TWO-%'")).isEqualTo(60);
        assertThat(count("SELECT COUNT(*) FROM officer_records WHERE officer_id LIKE 'MX-TWO-%'")).isEqualTo(60);
        assertThat(count("SELECT MAX(version) FROM officer_records WHERE officer_id = 'MX-TWO-0'")).isEqualTo(5);
        for (int instance = 0; instance < 2; instance++) {
            JsonNode verify = get(instance, "aud", "/api/audit/verify");
            assertThat(verify.get("valid").asBoolean()).as(verify.toString()).isTrue();
        }
        assertThat(count("SELECT COUNT(*) FROM audit_log WHERE officer_id LIKE 'MX-TWO-%' AND officer_id NOT LIKE "
                + "'MX-TWO-ADJ-%'")).as("an evaluation and a clearance change each").isEqualTo(120);
        List<String> audited = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            audited.addAll(get(i % 2, "aud", "/api/audit/evaluations?officerId=MX-TWO-" + i).get("items")
                    .findValuesAsText("evaluationId"));
        }
        assertThat(audited).containsExactlyInAnyOrderElementsOf(acknowledged);
    }

    @Test
    void oneDecisionPerAdjudication_WhenTwoInstancesDecideAtOnce() throws Exception {
        for (int round = 0; round < 5; round++) {
            var record = Records.clean("MX-TWO-ADJ-" + round);
            Records.list(record, "criminalRecords").add(Map.of("id", "c1", "category", "THEFT", "status", "CHARGED",
                    "date", "2026-01-01"));
            String id;
            try (Response r = post(0, "hr.a", "/api/candidates", record)) {
                id = r.readEntity(JsonNode.class).get("evaluationId").asText();
            }
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Callable<Integer>> deciders = List.of(
                    () -> status(post(0, "adj.a", "/api/evaluations/" + id + "/adjudication",
                            Map.of("decision", "GRANT", "reasons", "Instance A grants."))),
                    () -> status(post(1, "adj.b", "/api/evaluations/" + id + "/adjudication",
                            Map.of("decision", "DENY", "reasons", "Instance B denies."))));
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(deciders)) {
                statuses.add(f.get());
            }
            pool.shutdown();
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
            assertThat(count("SELECT COUNT(*) FROM adjudications WHERE evaluation_id = '" + id + "'")).isEqualTo(1);
            assertThat(count("SELECT COUNT(*) FROM clearance_events WHERE evaluation_id = '" + id + "'")).isEqualTo(2);
        }
        assertThat(get(0, "aud", "/api/audit/verify").get("valid").asBoolean()).isTrue();
    }

    static int status(Response r) {
        try (r) {
            return r.getStatus();
        }
    }

    /** It changes the active set, and leaves nothing running: the re-evaluation it starts is awaited. */
    @Test
    void aVersionApprovedOnOneInstanceServesOnTheOther_WithoutACall() throws Exception {
        String before = get(1, "aud", "/api/rulesets/active").get("version").asText();
        String version;
        try (Response r = post(0, "pol.a", "/api/rulesets", org.vetting.support.Policy.proposal("two instances",
                java.util.function.UnaryOperator.identity()))) {
            assertThat(r.getStatus()).isEqualTo(201);
            version = r.readEntity(JsonNode.class).get("version").asText();
        }
        String backtest;
        try (Response r = post(0, "pol.a", "/api/rulesets/" + version + "/backtests", Map.of())) {
            assertThat(r.getStatus()).isEqualTo(202);
            backtest = r.readEntity(JsonNode.class).get("backtestId").asText();
        }
        // any instance answers for a backtest: its progress is in the database
        while (get(1, "pol.b", "/api/backtests/" + backtest).get("status").asText().equals("RUNNING")) {
            Thread.sleep(50);
        }
        try (Response r = post(0, "pol.b", "/api/rulesets/" + version + "/approve", Map.of("reasons", "Same rules."))) {
            assertThat(r.getStatus()).isEqualTo(200);
        }
        assertThat(get(0, "aud", "/api/rulesets/active").get("version").asText()).isEqualTo(version);
        long approved = System.nanoTime();
        String served = before;
        while (!served.equals(version) && System.nanoTime() - approved < 60_000_000_000L) {
            Thread.sleep(100);
            served = get(1, "aud", "/api/rulesets/active").get("version").asText();
        }
        assertThat(served).as("the second instance's version within 60 s").isEqualTo(version);
        while (!reevaluated(version) && System.nanoTime() - approved < 60_000_000_000L) {
            Thread.sleep(100);
        }
        assertThat(reevaluated(version)).as("the re-evaluation of everyone on file finished").isTrue();
    }

    static boolean reevaluated(String version) {
        return get(0, "aud", "/api/rulesets/" + version).at("/reevaluation/finishedAt").isTextual();
    }
}
