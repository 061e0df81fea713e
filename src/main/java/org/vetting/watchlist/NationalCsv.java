package org.vetting.watchlist;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.vetting.screening.WatchlistEntry;

/**
 * This service's CSV for national lists (such as Mexico's UIF blocked persons, which the operator
 * supplies): UTF-8, a header row with exactly the columns {@link #HEADER}, one entry per row.
 * {@code type} is {@code PERSON} or {@code ORGANIZATION}; a person has {@code given_names} and
 * {@code family_names} (paterno then materno), an organisation a {@code name}; {@code aliases} and
 * {@code weak_aliases} are separated by {@code |}; {@code birth_date} is {@code YYYY} or
 * {@code YYYY-MM-DD}; {@code nationality} ISO codes or country names separated by {@code |}.
 */
final class NationalCsv {
    static final String[] HEADER = {"id", "type", "given_names", "family_names", "name", "aliases", "weak_aliases",
            "birth_date", "nationality", "program", "remarks"};
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setTrim(true).get();

    private NationalCsv() {}

    static void read(String file, Path path, Map<String, WatchlistEntry> entries) {
        long line = 1;
        try (Reader in = ListReader.open(path); CSVParser parser = FORMAT.parse(in)) {
            var records = parser.iterator();
            boolean header = true;
            while (true) {
                line = parser.getCurrentLineNumber() + 1;
                CSVRecord r;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    r = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new MalformedList(file, line, "not CSV: " + ListReader.brief(String.valueOf(
                            e.getCause() == null ? e.getMessage() : e.getCause().getMessage())));
                }
                if (header) {
                    if (!Arrays.equals(r.values(), HEADER)) {
                        throw new MalformedList(file, line, "the header must be " + String.join(",", HEADER));
                    }
                    header = false;
                    continue;
                }
                if (r.size() != HEADER.length) {
                    throw new MalformedList(file, line, "expected " + HEADER.length + " columns, got " + r.size());
                }
                entries(file, line, r, entries);
            }
            if (header) {
                throw new MalformedList(file, 1, "empty: the header must be " + String.join(",", HEADER));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void entries(String file, long line, CSVRecord r, Map<String, WatchlistEntry> entries) {
        WatchlistEntry.Kind kind;
        try {
            kind = WatchlistEntry.Kind.valueOf(r.get(1));
        } catch (IllegalArgumentException e) {
            throw new MalformedList(file, line, "type must be PERSON or ORGANIZATION, got " + ListReader.brief(r.get(1)));
        }
        String given = blank(r.get(2));
        String family = blank(r.get(3));
        String name = blank(r.get(4));
        if (kind == WatchlistEntry.Kind.PERSON) {
            if (family == null) {
                throw new MalformedList(file, line, "a person needs family_names");
            }
            name = name != null ? name : ((given == null ? "" : given + " ") + family);
        } else if (name == null) {
            throw new MalformedList(file, line, "an organisation needs a name");
        }
        ListReader.add(entries, new WatchlistEntry(r.get(0), kind, name, kind == WatchlistEntry.Kind.PERSON ? given : null,
                kind == WatchlistEntry.Kind.PERSON ? family : null, split(r.get(5)), split(r.get(6)),
                ListReader.birthDate(r.get(7), file, line), ListReader.nationalities(split(r.get(8)), file, line),
                blank(r.get(9)), blank(r.get(10))), file, line);
    }

    private static String blank(String v) {
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static List<String> split(String v) {
        return v == null || v.isBlank() ? List.of()
                : Arrays.stream(v.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
