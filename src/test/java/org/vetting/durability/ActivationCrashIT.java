package org.vetting.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vetting.support.Policy;
import org.vetting.support.Records;

/**
 * A rule change's re-evaluation of everyone on file survives {@code kill -9}: the packaged service
 * is killed while it re-evaluates, restarted on the same database, and finishes — every clearance
 * re-evaluated exactly once under the new set, none skipped, the chain valid.
 */
class ActivationCrashIT {
    static final int OFFICERS = 250;

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aKilledActivationResumesAfterRestart_AndCompletesExactlyOnce(String db) throws Exception {
        CrashIT.onFreshDatabase(db, (work, port, url) -> {
            Process service = CrashIT.start(work, port, url);
            try {
                for (String[] u : new String[][] {{"hr.crash", "VETTING_OFFICER"}, {"aud.crash", "AUDITOR"},
                        {"pol.a", "POLICY_OFFICER"}, {"pol.b", "POLICY_OFFICER"}}) {
                    assertThat(CrashIT.post(port, "admin", CrashIT.ADMIN_PASSWORD, "/api/users", Map.of("username", u[0],
                            "password", CrashIT.PASSWORD, "roles", List.of(u[1]), "countries", List.of("MX")))
                            .statusCode()).isEqualTo(201);
                }
                seed(port);
                String version = read(CrashIT.post(port, "pol.a", CrashIT.PASSWORD, "/api/rulesets",
                        Policy.proposal("threshold one", Policy::fentanylThresholdOne))).get("version").asText();
                String backtest = read(CrashIT.post(port, "pol.a", CrashIT.PASSWORD, "/api/rulesets/" + version
                        + "/backtests", Map.of())).get("backtestId").asText();
                while (!read(CrashIT.get(port, "pol.a", "/api/backtests/" + backtest)).get("status").asText()
                        .equals("DONE")) {
                    Thread.sleep(50);
                }
                assertThat(CrashIT.post(port, "pol.b", CrashIT.PASSWORD, "/api/rulesets/" + version + "/approve",
                        Map.of("reasons", "One concern refers.")).statusCode()).isEqualTo(200);
                int doneAtKill;
                while (true) {
                    JsonNode re = read(CrashIT.get(port, "pol.a", "/api/rulesets/" + version)).get("reevaluation");
                    if (re != null && re.get("done").asInt() > 0) {
                        service.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL, mid-way
                        doneAtKill = re.get("done").asInt();
                        break;
                    }
                    Thread.sleep(10);
                }
                assertThat(doneAtKill).as("killed before the re-evaluation finished").isLessThan(OFFICERS);

                service = CrashIT.start(work, port, url);
                JsonNode re;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                do {
                    Thread.sleep(100);
                    re = read(CrashIT.get(port, "pol.a", "/api/rulesets/" + version)).get("reevaluation");
                } while (re.get("finishedAt").isNull() && System.nanoTime() < deadline);
                assertThat(re.get("finishedAt").isNull()).as("finished after the restart").isFalse();
                assertThat(re.get("done").asInt()).isEqualTo(OFFICERS);
                assertThat(re.get("changed").asInt()).isEqualTo(OFFICERS);
                for (int i = 0; i < OFFICERS; i++) {
                    JsonNode evaluations = read(CrashIT.get(port, "aud.crash", "/api/officers/MX-ACT-" + i
                            + "/evaluations?limit=100")).get("items");
                    assertThat(evaluations).as("MX-ACT-" + i + ": the submission and one rule change").hasSize(2);
                    assertThat(evaluations.get(1).get("outcome").asText()).isEqualTo("REFERRED");
                    assertThat(evaluations.get(1).get("evaluatedBy").asText()).isEqualTo("rule-change-job");
                }
                assertThat(CrashIT.get(port, "aud.crash", "/api/audit/verify").body()).contains("\"valid\":true");
            } finally {
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        });
    }

    /** Officers with one MEDIUM concern in JU-FENTANYL: CONDITIONAL now, REFERRED at threshold one. */
    static void seed(int port) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < OFFICERS; i++) {
            Map<String, Object> r = Records.clean("MX-ACT-" + i);
            Records.list(r, "associations").add(Map.of("id", "a1", "relationship", "FAMILY",
                    "organizationType", "CRIMINAL_ORGANIZATION", "status", "SUSPECTED"));
            answers.add(clients.submit(() -> CrashIT.post(port, "hr.crash", CrashIT.PASSWORD, "/api/candidates", r)
                    .statusCode()));
        }
        for (Future<Integer> a : answers) {
            assertThat(a.get()).isEqualTo(201);
        }
        clients.shutdown();
    }

    static JsonNode read(HttpResponse<String> r) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isBetween(200, 299);
        return CrashIT.JSON.readTree(r.body());
    }
}
