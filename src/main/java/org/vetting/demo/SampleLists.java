package org.vetting.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.vetting.watchlist.Watchlists;

/**
 * The invented sample watchlists shipped with the service ({@code src/main/resources/watchlists}),
 * imported into the demo as a policy officer would: OFAC-SDN (legacy CSV), OPENSANCTIONS (FtM JSON
 * lines) and MX-UIF (the national CSV).
 */
final class SampleLists {
    private SampleLists() {}

    static void importAll(Watchlists watchlists, String policyOfficer) {
        importList(watchlists, policyOfficer, "OFAC-SDN", "ofac-csv",
                Map.of("sdn.csv", text("ofac/sdn.csv"), "alt.csv", text("ofac/alt.csv")));
        importList(watchlists, policyOfficer, "OPENSANCTIONS", "opensanctions-ftm",
                Map.of("entities.jsonl", text("opensanctions/entities.jsonl")));
        importList(watchlists, policyOfficer, "MX-UIF", "csv", Map.of("uif.csv", text("national/uif.csv")));
    }

    /** A new version of MX-UIF: the sample entries and one more row. */
    static void importNationalUpdate(Watchlists watchlists, String policyOfficer, String row) {
        importList(watchlists, policyOfficer, "MX-UIF", "csv", Map.of("uif.csv", text("national/uif.csv") + row + "\n"));
    }

    private static void importList(Watchlists watchlists, String actor, String list, String format,
                                   Map<String, String> contents) {
        try {
            Path dir = Files.createTempDirectory("demo-list");
            SortedMap<String, Path> files = new TreeMap<>();
            for (var c : contents.entrySet()) {
                Path f = dir.resolve(c.getKey());
                Files.writeString(f, c.getValue(), StandardCharsets.UTF_8);
                files.put(c.getKey(), f);
            }
            try {
                watchlists.importVersion(list, format, files, actor);
            } finally {
                for (Path f : files.values()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String path) {
        try (InputStream in = SampleLists.class.getResourceAsStream("/watchlists/" + path)) {
            if (in == null) {
                throw new IllegalStateException("sample list " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
