package org.vetting.watchlist;

import java.io.InputStreamReader;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.vetting.screening.WatchlistEntry;

/**
 * Reads a list version's files, streaming (a line or a record at a time), into its entries in file
 * order. Anything that cannot be read is a {@link MalformedList} naming the file and the line.
 */
public final class ListReader {
    /** Longest line or record read: a list line is a few KB; anything longer is not a list. */
    static final int MAX_LINE = 1 << 20;
    static final int MAX_ENTRIES = 2_000_000;

    private ListReader() {}

    /** The entries of the files (read in name order), by id. */
    public static Map<String, WatchlistEntry> read(ListFormat format, SortedMap<String, Path> files) {
        Map<String, WatchlistEntry> entries = new LinkedHashMap<>();
        try {
            switch (format) {
                case OFAC_CSV -> OfacCsv.read(files.get("sdn.csv"), files.get("alt.csv"), entries);
                case OPENSANCTIONS_FTM -> {
                    for (var f : files.entrySet()) {
                        FtmJsonLines.read(f.getKey(), f.getValue(), entries);
                    }
                }
                case CSV -> {
                    for (var f : files.entrySet()) {
                        NationalCsv.read(f.getKey(), f.getValue(), entries);
                    }
                }
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new MalformedList(files.firstKey(), 0, "not UTF-8 text");
            }
            throw e;
        }
        return entries;
    }

    /** A UTF-8 reader that refuses bytes that are not UTF-8 rather than guessing. */
    static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8
                .newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)),
                64 * 1024);
    }

    /** What is done with one CSV record, knowing the line it starts on. */
    interface CsvRow {
        void accept(CSVRecord record, long line);
    }

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true).setTrim(true).get();

    /** Each record of a CSV file, streamed; a file that is not CSV is malformed at its line. */
    static void csv(String file, Path path, CsvRow row) {
        try (BufferedReader in = open(path); CSVParser parser = CSV.parse(in)) {
            var records = parser.iterator();
            while (true) {
                long line = parser.getCurrentLineNumber() + 1;
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    r = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new MalformedList(file, line, "not CSV: " + brief(String.valueOf(
                            e.getCause() == null ? e.getMessage() : e.getCause().getMessage())));
                }
                for (String v : r) {
                    if (v.length() > MAX_LINE) {
                        throw new MalformedList(file, line, "a value longer than " + MAX_LINE + " characters");
                    }
                }
                row.accept(r, line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void add(Map<String, WatchlistEntry> entries, WatchlistEntry e, String file, long line) {
        if (e.id() == null || e.id().isBlank() || e.id().length() > 100) {
            throw new MalformedList(file, line, "an entry needs an id of 1 to 100 characters");
        }
        if (e.name() == null || e.name().isBlank()) {
            throw new MalformedList(file, line, "entry " + e.id() + " has no name");
        }
        if (entries.putIfAbsent(e.id(), e) != null) {
            throw new MalformedList(file, line, "entry " + e.id() + " appears twice");
        }
        if (entries.size() > MAX_ENTRIES) {
            throw new MalformedList(file, line, "more than " + MAX_ENTRIES + " entries");
        }
    }

    /** {@code YYYY} or {@code YYYY-MM-DD}, or null when empty; anything else is malformed. */
    static String birthDate(String value, String file, long line) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.matches("\\d{4}")) {
            return v;
        }
        try {
            return LocalDate.parse(v.length() > 10 ? v.substring(0, 10) : v).toString();
        } catch (DateTimeParseException e) {
            if (v.matches("\\d{4}-\\d{2}")) {
                return v.substring(0, 4); // a month known without its day: the year qualifies
            }
            throw new MalformedList(file, line, "birth date must be YYYY or YYYY-MM-DD, got " + brief(v));
        }
    }

    static List<String> nationalities(List<String> values, String file, long line) {
        List<String> codes = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            codes.add(Countries.code(v.trim()).orElseThrow(() ->
                    new MalformedList(file, line, "unknown country " + brief(v))));
        }
        return codes.stream().distinct().toList();
    }

    static String brief(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
