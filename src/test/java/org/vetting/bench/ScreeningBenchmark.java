package org.vetting.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.vetting.screening.Subject;
import org.vetting.screening.WatchlistEntry;
import org.vetting.screening.WatchlistIndex;

/**
 * Screening one name against an invented 25,000-entry list, one thread: builds the index, warms up,
 * then times {@code names} screenings and prints the median and 99th percentile, and how many
 * entries each screening scored. Not a test.
 *
 * <p>args: [entries=25000] [names=2000]
 */
public final class ScreeningBenchmark {
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 25_000;
        int names = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        List<WatchlistEntry> entries = org.vetting.screening.WatchlistIndexTestAccess.invented(size, 11);
        long t0 = System.nanoTime();
        WatchlistIndex index = new WatchlistIndex("INVENTED", 1, entries);
        System.out.printf("index of %,d entries built in %.1f s%n", size, (System.nanoTime() - t0) / 1e9);
        List<Subject> subjects = new ArrayList<>();
        for (WatchlistEntry e : org.vetting.screening.WatchlistIndexTestAccess.invented(names, 12)) {
            subjects.add(Subject.officer(e.givenName(), e.familyName(), null, "MX"));
        }
        for (int warm = 0; warm < 3; warm++) {
            subjects.forEach(s -> index.screen(s, org.vetting.rules.ScreeningPolicy.thresholdOnly(0.80)));
        }
        List<Long> times = new ArrayList<>();
        long candidates = 0;
        for (Subject s : subjects) {
            long start = System.nanoTime();
            index.screen(s, org.vetting.rules.ScreeningPolicy.thresholdOnly(0.80));
            times.add(System.nanoTime() - start);
            candidates += index.candidates(s);
        }
        Collections.sort(times);
        System.out.printf("screening one name against %,d entries: median %.3f ms, p99 %.3f ms; %.1f candidates "
                        + "scored on average%n", size, times.get(times.size() / 2) / 1e6,
                times.get((int) (times.size() * 0.99)) / 1e6, candidates / (double) subjects.size());
    }
}
