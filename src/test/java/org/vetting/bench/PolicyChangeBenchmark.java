package org.vetting.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.vetting.VettingConfiguration;
import org.vetting.VettingContext;
import org.vetting.api.ApprovalRequest;
import org.vetting.api.BacktestView;
import org.vetting.api.OfficerRecord;
import org.vetting.api.Role;
import org.vetting.api.RuleSetProposal;
import org.vetting.api.RuleSetVersionView;
import org.vetting.auth.User;
import org.vetting.chain.AuditChain;
import org.vetting.common.Json;
import org.vetting.support.Policy;
import org.vetting.support.Records;

/**
 * A rule change over a large population, in process (no HTTP), on a fresh database: seeds
 * {@code officers} through the real submission path (each audited) from two threads
 * ({@code -Dbench.clients=N} for more), proposes
 * JU-FENTANYL's threshold lowered to one, backtests it (both sets over everyone), approves it and
 * times the re-evaluation of everyone on file while a client keeps submitting (its latencies
 * reported), then verifies the chain. Not a test.
 *
 * <p>args: jdbcUrl|h2[;SETTINGS] [officers=100000] [seed-only|seeded] — {@code h2} is a fresh file
 * database under a temporary directory (with the service's own settings: every commit written before
 * the answer); a JDBC URL names an H2 file or an empty PostgreSQL database (user postgres, no
 * password). {@code seed-only} stops after seeding, {@code seeded} skips it (a database seeded before,
 * e.g. a PostgreSQL copy made with {@code CREATE DATABASE … TEMPLATE …}).
 */
public final class PolicyChangeBenchmark {
    private static final User HR = new User("bench.hr", Set.of(Role.VETTING_OFFICER), Set.of(), Set.of("MX", "US"),
            null, false);
    private static final User POLICY = new User("bench.policy", Set.of(Role.POLICY_OFFICER), Set.of(),
            Set.of("MX", "US"), null, false);

    public static void main(String[] args) throws Exception {
        VettingConfiguration config = config(args[0]);
        int officers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        try (var db = VettingContext.Database.open(config, "bench").migrate()) {
            VettingContext context = VettingContext.build(config, db.jdbi(), Clock.systemUTC());
            long t0 = System.nanoTime();
            if (args.length > 2 && args[2].equals("seeded")) {
                System.out.println("population on file already (seeded before)");
            } else {
                seed(context, officers);
                double seeding = seconds(t0);
                System.out.printf("seeded %,d officers through the service in %.1f s (%.0f/s)%n", officers, seeding,
                        officers / seeding);
            }
            if (args.length > 2 && args[2].equals("seed-only")) {
                return;
            }

            RuleSetVersionView draft = context.policyChanges().propose(Json.read(Json.write(
                    Policy.proposal("JU-FENTANYL refers at one MEDIUM concern", Policy::fentanylThresholdOne)),
                    RuleSetProposal.class), "bench.proposer");
            System.gc();
            long t1 = System.nanoTime();
            BacktestView started = context.backtests().start(draft.version(), POLICY);
            BacktestView done = started;
            long heapPeak = 0;
            while (done.status().equals("RUNNING")) {
                Thread.sleep(200);
                heapPeak = Math.max(heapPeak, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
                done = context.backtests().find(started.backtestId(), POLICY);
            }
            double backtest = seconds(t1);
            System.out.printf("backtest %s: %,d clearances (%,d evaluations) in %.1f s (%.0f clearances/s); %,d changes;"
                            + " heap in use at most %,d MiB of %,d MiB%n", done.status(), done.done(), 2 * done.done(),
                    backtest, done.done() / backtest, done.changes().size(), heapPeak >> 20,
                    Runtime.getRuntime().maxMemory() >> 20);
            done.transitions().stream().filter(t -> !t.from().equals(t.to()))
                    .forEach(t -> System.out.printf("  %s %s -> %s: %,d%n", t.unit(), t.from(), t.to(), t.count()));

            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService client = Executors.newSingleThreadExecutor();
            AtomicInteger next = new AtomicInteger();
            long t2 = System.nanoTime();
            context.policyChanges().approve(draft.version(), new ApprovalRequest("Benchmark.", null), "bench.approver");
            Future<?> load = client.submit(() -> {
                while (running.get()) {
                    long s = System.nanoTime();
                    context.evaluations().submit(record("BENCH-LIVE-" + next.getAndIncrement()), HR);
                    latencies.add(System.nanoTime() - s);
                    sleepQuietly(20);
                }
            });
            RuleSetVersionView v;
            do {
                Thread.sleep(500);
                v = context.policyChanges().view(draft.version());
            } while (v.reevaluation() == null || v.reevaluation().finishedAt() == null);
            double reevaluation = seconds(t2);
            running.set(false);
            load.get();
            client.shutdown();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("re-evaluation of %,d clearances (%,d changed) in %.1f s (%.0f/s); %,d submissions meanwhile:"
                            + " p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", v.reevaluation().done(), v.reevaluation().changed(),
                    reevaluation, v.reevaluation().done() / reevaluation, sorted.size(), ms(sorted, 0.50),
                    ms(sorted, 0.99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1) / 1e6);
            long t3 = System.nanoTime();
            var chain = db.jdbi().inTransaction(AuditChain::verify);
            System.out.printf("audit chain %s: %,d entries, verified in %.1f s%n", chain.valid() ? "valid" : "BROKEN",
                    chain.entries(), seconds(t3));
        }
    }

    /** The population: a mix of clean, typical and one-concern records over the four units and two countries. */
    /**
     * The service's configuration over {@code database}: {@code h2[;SETTINGS]} for a fresh H2 file under
     * a temporary directory, or a JDBC URL (H2 file, or PostgreSQL as user postgres).
     */
    static VettingConfiguration config(String database) throws java.io.IOException {
        String url = database.startsWith("h2")
                ? "jdbc:h2:" + Files.createTempDirectory("vetting-bench").resolve("vetting")
                        + (database.equals("h2") ? "" : database.substring(2))
                : database;
        VettingConfiguration config = new VettingConfiguration();
        config.getDataSourceFactory().setUrl(url);
        config.getDataSourceFactory().setUser(url.startsWith("jdbc:postgresql:") ? "postgres" : "sa");
        config.getDataSourceFactory().setPassword("");
        config.getDataSourceFactory().setMaxSize(16);
        config.setRulesDirectory("rules");
        return config;
    }

    static void seed(VettingContext context, int officers) throws Exception {
        // two clients unless -Dbench.clients=N: more clients, larger groups written at once
        int clients = Integer.getInteger("bench.clients", 2);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < clients; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < officers; i = next.getAndIncrement()) {
                    context.evaluations().submit(record("BENCH-" + i), HR);
                    if (i % 10_000 == 0 && i > 0) {
                        System.out.printf("  %,d seeded%n", i);
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
    }

    private static final String[] UNITS = {"JU-FENTANYL", "JU-FINANCE", "JU-ARMS", "LIAISON"};

    static OfficerRecord record(String officer) {
        int n = Math.abs(officer.hashCode());
        Map<String, Object> r = n % 3 == 0 ? Records.typical(officer) : Records.clean(officer);
        if (n % 3 == 1) {
            Records.list(r, "associations").add(Map.of("id", "a1", "relationship", "FAMILY",
                    "organizationType", "CRIMINAL_ORGANIZATION", "status", "SUSPECTED"));
        }
        r.put("country", n % 2 == 0 ? "MX" : "US");
        r.put("targetUnit", UNITS[n % UNITS.length]);
        // common Spanish names in many combinations (screening compares them against lists)
        String[] given = org.vetting.screening.LabelledPairsTestAccess.GIVEN;
        String[] family = org.vetting.screening.LabelledPairsTestAccess.FAMILY;
        r.put("givenName", given[n % given.length]);
        r.put("familyName", family[(n / given.length) % family.length] + " "
                + family[(n / (given.length * family.length)) % family.length]);
        return Json.read(Json.write(r), OfficerRecord.class);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double ms(List<Long> sorted, double q) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) (q * sorted.size()))) / 1e6;
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
