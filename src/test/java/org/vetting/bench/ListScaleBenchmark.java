package org.vetting.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

import org.vetting.rules.RuleSetLoader;
import org.vetting.rules.ScreeningPolicy;
import org.vetting.screening.LabelledPairsTestAccess;
import org.vetting.screening.Subject;
import org.vetting.screening.WatchlistEntry;
import org.vetting.screening.WatchlistIndex;
import org.vetting.watchlist.ListFormat;
import org.vetting.watchlist.ListReader;

/**
 * How a list's size weighs on one instance (issue 32): writes a generated list of {@code n}
 * entities in the national-list CSV (Spanish and English names of persons with one or two aliases
 * and birth dates, one in five an organisation), then times reading it (the import's parse) and
 * building the index, measures the heap held after each (after a full GC), and times screening
 * {@code names} officers' names, one thread, under the shipped policy. Not a test.
 *
 * <p>args: n [names=2000]; run it with the heap the service has, e.g. {@code -Xmx1g}.
 */
public final class ListScaleBenchmark {
    static final String[] GIVEN_EN = {"John", "Michael", "David", "James", "Robert", "Mary", "Jennifer", "Linda",
            "Patricia", "Elizabeth", "William", "Richard", "Thomas", "Sarah", "Karen", "Daniel", "Matthew", "Anthony"};
    static final String[] FAMILY_EN = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson",
            "Anderson", "Taylor", "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark",
            "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams"};
    static final String[] SYLLABLES = {"ca", "ra", "ve", "lo", "mi", "ran", "da", "zu", "ño", "te", "bel", "gar", "vi",
            "lla", "qui", "ro", "sa", "ma", "ne", "to", "rez", "guz", "mán", "cha", "ver", "dal", "ol", "ber", "tin"};
    static final String[] GENERIC = {"Grupo", "Comercializadora", "Servicios", "Inmobiliaria", "Transportes",
            "Holdings", "Trading", "International", "Constructora", "Distribuidora"};

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        int names = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        ScreeningPolicy policy = RuleSetLoader.fromDirectory(Path.of("rules")).screeningPolicy().orElseThrow();
        Path file = Files.createTempFile("list-scale", ".csv");
        long t0 = System.nanoTime();
        write(file, n, new Random(32));
        System.out.printf("generated %,d entities: %,d MB of CSV in %.1f s%n", n, Files.size(file) >> 20,
                (System.nanoTime() - t0) / 1e9);
        SortedMap<String, Path> files = new TreeMap<>(Map.of("list.csv", file));
        long base = heap();
        t0 = System.nanoTime();
        Map<String, WatchlistEntry> read = ListReader.read(ListFormat.CSV, files);
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        long afterRead = heap();
        System.out.printf("read (the import's parse) in %.1f s; heap held by the entries: %,d MB%n", readSeconds,
                (afterRead - base) >> 20);
        t0 = System.nanoTime();
        WatchlistIndex index = new WatchlistIndex("SCALE", 1, new ArrayList<>(read.values()));
        read = null;
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        long afterIndex = heap();
        System.out.printf("index built in %.1f s; heap held by the index (entries included): %,d MB%n", indexSeconds,
                (afterIndex - base) >> 20);
        Random random = new Random(33);
        List<Subject> subjects = new ArrayList<>();
        for (int i = 0; i < names; i++) {
            subjects.add(Subject.officer(LabelledPairsTestAccess.GIVEN[random.nextInt(LabelledPairsTestAccess.GIVEN.length)],
                    LabelledPairsTestAccess.FAMILY[random.nextInt(LabelledPairsTestAccess.FAMILY.length)] + " "
                            + LabelledPairsTestAccess.FAMILY[random.nextInt(LabelledPairsTestAccess.FAMILY.length)],
                    "1980-01-01", "MX"));
        }
        for (Subject s : subjects.subList(0, Math.min(500, names))) {
            index.screen(s, policy);
        }
        List<Long> times = new ArrayList<>();
        long candidates = 0;
        for (Subject s : subjects) {
            long start = System.nanoTime();
            index.screen(s, policy);
            times.add(System.nanoTime() - start);
            candidates += index.candidates(s);
        }
        Collections.sort(times);
        System.out.printf("screening one name against %,d entities: median %.3f ms, p99 %.3f ms; %.0f candidates"
                        + " scored on average; max heap %,d MB%n", index.size(), times.get(times.size() / 2) / 1e6,
                times.get((int) (times.size() * 0.99)) / 1e6, candidates / (double) names,
                Runtime.getRuntime().maxMemory() >> 20);
        Files.delete(file);
    }

    static long heap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The national-list CSV (docs/screening.md): id,type,given_names,family_names,name,aliases,weak_aliases,birth_date,nationality,program,remarks. */
    static void write(Path file, int n, Random random) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,type,given_names,family_names,name,aliases,weak_aliases,birth_date,nationality,program,remarks\n");
            for (int i = 0; i < n; i++) {
                if (i % 5 == 4) {
                    String name = GENERIC[random.nextInt(GENERIC.length)] + " " + word(random) + " " + word(random)
                            + " SA de CV";
                    out.write("S" + i + ",ORGANIZATION,,,\"" + name + "\",,,,MX,SCALE,\n");
                    continue;
                }
                boolean english = random.nextInt(3) == 0;
                String given = english ? GIVEN_EN[random.nextInt(GIVEN_EN.length)]
                        : LabelledPairsTestAccess.GIVEN[random.nextInt(LabelledPairsTestAccess.GIVEN.length)];
                String family = english ? FAMILY_EN[random.nextInt(FAMILY_EN.length)] + " " + word(random)
                        : word(random) + " " + word(random);
                String alias = given.split(" ")[0] + " " + family.split(" ")[0];
                String aliases = random.nextBoolean() ? alias : alias + "|" + given + " " + word(random);
                String born = String.format("%04d-%02d-%02d", 1950 + random.nextInt(50), 1 + random.nextInt(12),
                        1 + random.nextInt(28));
                out.write("S" + i + ",PERSON,\"" + given + "\",\"" + family + "\",,\"" + aliases + "\",,"
                        + born + "," + (english ? "US" : "MX") + ",SCALE,\n");
            }
        }
    }

    static String word(Random random) {
        StringBuilder w = new StringBuilder();
        for (int s = 0; s < 2 + random.nextInt(2); s++) {
            w.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
