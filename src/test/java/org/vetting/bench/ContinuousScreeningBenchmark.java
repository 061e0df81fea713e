package org.vetting.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.SortedMap;
import java.util.TreeMap;

import org.vetting.VettingConfiguration;
import org.vetting.VettingContext;
import org.vetting.api.OfficerRecord;
import org.vetting.api.WatchlistImport;
import org.vetting.chain.AuditChain;
import org.vetting.screening.WatchlistEntry;
import org.vetting.screening.WatchlistIndexTestAccess;

/**
 * Continuous screening over a large population, in process: on a database seeded with
 * {@code officers} (through the real submission path, as {@link PolicyChangeBenchmark} seeds), imports
 * an invented national list of {@code entries} entries of which 50 name seeded officers, and times the
 * re-screening of everyone holding a clearance that the version starts (each officer screened
 * against every list in force; those with a new possible match re-evaluated and audited). Then
 * verifies the chain (H2 only: a full walk of a PostgreSQL chain takes minutes). Not a test.
 *
 * <p>args: jdbcUrl|h2[;SETTINGS] [officers=100000] [entries=25000] [seeded]
 */
public final class ContinuousScreeningBenchmark {
    public static void main(String[] args) throws Exception {
        VettingConfiguration config = PolicyChangeBenchmark.config(args[0]);
        String url = config.getDataSourceFactory().getUrl();
        int officers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int entries = args.length > 2 ? Integer.parseInt(args[2]) : 25_000;
        try (var db = VettingContext.Database.open(config, "bench").migrate()) {
            VettingContext context = VettingContext.build(config, db.jdbi(), Clock.systemUTC());
            long t0 = System.nanoTime();
            if (args.length > 3 && args[3].equals("seeded")) {
                System.out.println("population on file already (seeded before)");
            } else {
                PolicyChangeBenchmark.seed(context, officers);
                System.out.printf("seeded %,d officers in %.1f s%n", officers, (System.nanoTime() - t0) / 1e9);
            }
            Path csv = Files.createTempFile("bench-list", ".csv");
            StringBuilder out = new StringBuilder("id,type,given_names,family_names,name,aliases,weak_aliases,"
                    + "birth_date,nationality,program,remarks\n");
            for (WatchlistEntry e : WatchlistIndexTestAccess.invented(entries, 11)) {
                out.append(e.id()).append(",PERSON,").append(e.givenName()).append(',').append(e.familyName())
                        .append(",,,,,MX,Invented,\n");
            }
            for (int i = 0; i < 50; i++) {
                OfficerRecord named = PolicyChangeBenchmark.record("BENCH-" + (i * (officers / 50)));
                out.append("HIT-").append(i).append(",PERSON,").append(named.givenName()).append(',')
                        .append(named.familyName()).append(",,,,,,Invented,\n");
            }
            Files.writeString(csv, out);
            SortedMap<String, Path> files = new TreeMap<>();
            files.put("list.csv", csv);
            String list = "BENCH-" + System.currentTimeMillis();
            long t1 = System.nanoTime();
            WatchlistImport v = context.watchlists().importVersion(list, "csv", files, "bench.policy");
            System.out.printf("imported %s version %d: %,d entries in %.1f s%n", list, v.version(), v.entries(),
                    (System.nanoTime() - t1) / 1e9);
            // the import woke the service's own worker: wait for it, as a user watching the progress would
            long t2 = System.nanoTime();
            var run = context.continuousScreening().progress(list, v.version()).orElseThrow();
            while (run.finishedAt() == null) {
                Thread.sleep(200);
                run = context.continuousScreening().progress(list, v.version()).orElseThrow();
            }
            double seconds = (System.nanoTime() - t2) / 1e9;
            int screened = run.done();
            System.out.printf("re-screened %,d officers holding a clearance in %.1f s (%.0f/s): %d new possible "
                            + "matches, %d clearances re-evaluated%n", screened, seconds, screened / seconds,
                    run.newHits(), run.reevaluated());
            Files.deleteIfExists(csv);
            if (url.startsWith("jdbc:h2:")) {
                long t3 = System.nanoTime();
                var chain = db.jdbi().inTransaction(AuditChain::verify);
                System.out.printf("chain %s, %,d entries (verified in %.1f s)%n", chain.valid() ? "valid" : "INVALID: "
                        + chain.problem(), chain.entries(), (System.nanoTime() - t3) / 1e9);
            }
        }
        System.exit(0);
    }

    private ContinuousScreeningBenchmark() {}
}
