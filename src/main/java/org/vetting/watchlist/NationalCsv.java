package org.vetting.watchlist;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

    private NationalCsv() {}

    static void read(String file, Path path, Map<String, WatchlistEntry> entries) {
        boolean[] header = {true};
        ListReader.csv(file, path, (r, line) -> {
            if (header[0]) {
                if (!Arrays.equals(r.values(), HEADER)) {
                    throw new MalformedList(file, line, "the header must be " + String.join(",", HEADER));
                }
                header[0] = false;
                return;
            }
            if (r.size() != HEADER.length) {
                throw new MalformedList(file, line, "expected " + HEADER.length + " columns, got " + r.size());
            }
            entries(file, line, r, entries);
        });
        if (header[0]) {
            throw new MalformedList(file, 1, "empty: the header must be " + String.join(",", HEADER));
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
