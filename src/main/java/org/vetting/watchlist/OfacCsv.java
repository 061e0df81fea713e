package org.vetting.watchlist;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.vetting.screening.WatchlistEntry;

/**
 * OFAC's legacy CSV export. {@code sdn.csv}: no header; {@code ent_num, SDN_Name, SDN_Type, Program,
 * Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks}; {@code -0-} is null;
 * {@code SDN_Type} is {@code individual} for a person, null for an organisation ({@code vessel} and
 * {@code aircraft} entries are not screened). Persons are written {@code FAMILY NAMES, Given Names}.
 * The Remarks column carries the birth date ({@code DOB 04 Apr 1957}, {@code DOB circa 1960}),
 * nationality and citizenship, and the weak aliases, quoted ({@code a.k.a. 'EL CHAPO'}) — which
 * OFAC's FAQ 124 says not to screen on: they are kept as weak aliases. {@code alt.csv}: {@code ent_num,
 * alt_num, alt_type, alt_name, alt_remarks}, the strong aliases. The consolidated (non-SDN) lists
 * come in the same layout as {@code cons_prim.csv} and {@code cons_alt.csv}. Read exactly as Treasury
 * publishes them ({@link ListReader#openLegacy}: Windows-1252 or UTF-8, CRLF, a DOS end-of-file byte).
 */
final class OfacCsv {
    static final String NULL = "-0-";
    private static final Pattern DOB = Pattern.compile(
            "DOB (?:circa |c\\. )?(?:(\\d{1,2}) )?(?:(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* )?(\\d{4})");
    private static final Pattern NATIONALITY = Pattern.compile("(?:nationality|citizen) ([A-Za-z ,.'-]+?)(?:;|\\.$|$)");
    private static final Pattern WEAK = Pattern.compile("a\\.k\\.a\\. '([^']+)'");
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");

    private OfacCsv() {}

    /** The primary files and their aliases' files: the SDN list, and the consolidated (non-SDN) lists. */
    static final Map<String, String> PRIMARY_AND_ALIASES = Map.of("sdn.csv", "alt.csv", "cons_prim.csv", "cons_alt.csv");

    /**
     * The entries of every primary file given ({@code sdn.csv}, {@code cons_prim.csv}) with their
     * aliases; an {@code ent_num} in two files is refused with the second one's line.
     */
    static void read(Map<String, Path> files, Map<String, WatchlistEntry> entries) {
        Map<String, String> seenIn = new LinkedHashMap<>();
        for (String primary : List.of("sdn.csv", "cons_prim.csv")) {
            if (files.containsKey(primary)) {
                String aliases = PRIMARY_AND_ALIASES.get(primary);
                Map<String, WatchlistEntry> read = new LinkedHashMap<>();
                Map<String, Long> lines = new LinkedHashMap<>();
                read(primary, files.get(primary), aliases, files.get(aliases), read, lines);
                read.forEach((id, e) -> {
                    String before = seenIn.putIfAbsent(id, primary);
                    if (before != null) {
                        throw new MalformedList(primary, lines.get(id), "entry " + id + " is also in " + before);
                    }
                    entries.put(id, e);
                });
            }
        }
    }

    private static void read(String sdnFile, Path sdn, String altFile, Path alt, Map<String, WatchlistEntry> read,
                             Map<String, Long> lines) {
        each(sdnFile, sdn, 12, (r, line) -> {
            String id = value(r.get(0));
            String type = value(r.get(2));
            if (id == null || !id.matches("\\d{1,10}")) {
                throw new MalformedList(sdnFile, line, "ent_num must be a number, got " + ListReader.brief(r.get(0)));
            }
            if ("vessel".equalsIgnoreCase(type) || "aircraft".equalsIgnoreCase(type)) {
                return;
            }
            String remarks = value(r.get(11));
            WatchlistEntry.Kind kind = "individual".equalsIgnoreCase(type) ? WatchlistEntry.Kind.PERSON
                    : WatchlistEntry.Kind.ORGANIZATION;
            ListReader.add(read, new WatchlistEntry(id, kind, value(r.get(1)), null, null, List.of(), weak(remarks),
                    birthDate(remarks), nationality(remarks, line), value(r.get(3)), remarks), sdnFile, line);
            lines.put(id, line);
        });
        if (alt != null) {
            Map<String, List<String>> aliases = new LinkedHashMap<>();
            each(altFile, alt, 5, (r, line) -> {
                String id = value(r.get(0));
                if (id == null || !read.containsKey(id)) {
                    throw new MalformedList(altFile, line, "alias of an entry " + sdnFile + " does not have: "
                            + ListReader.brief(r.get(0)));
                }
                String name = value(r.get(3));
                if (name == null) {
                    throw new MalformedList(altFile, line, "alias without a name");
                }
                aliases.computeIfAbsent(id, k -> new ArrayList<>()).add(name);
            });
            aliases.forEach((id, names) -> {
                WatchlistEntry e = read.get(id);
                read.put(id, new WatchlistEntry(id, e.kind(), e.name(), null, null, names, e.weakAliases(),
                        e.birthDate(), e.nationality(), e.program(), e.remarks()));
            });
        }
    }

    /** Each record of a headerless CSV file with exactly {@code columns} columns. */
    static void each(String file, Path path, int columns, ListReader.CsvRow row) {
        if (path == null) {
            return;
        }
        ListReader.csv(file, path, true, (r, line) -> {
            if (r.size() != columns) {
                throw new MalformedList(file, line, "expected " + columns + " columns, got " + r.size());
            }
            row.accept(r, line);
        });
    }

    static String value(String v) {
        return v == null || v.isBlank() || NULL.equals(v.trim()) ? null : v.trim();
    }

    static String birthDate(String remarks) {
        if (remarks == null) {
            return null;
        }
        Matcher m = DOB.matcher(remarks);
        if (!m.find()) {
            return null;
        }
        if (m.group(1) != null && m.group(2) != null) {
            return String.format(Locale.ROOT, "%s-%02d-%02d", m.group(3), MONTHS.indexOf(m.group(2)) + 1,
                    Integer.parseInt(m.group(1)));
        }
        return m.group(3);
    }

    static List<String> nationality(String remarks, long line) {
        if (remarks == null) {
            return List.of();
        }
        List<String> codes = new ArrayList<>();
        Matcher m = NATIONALITY.matcher(remarks);
        while (m.find()) {
            Countries.code(m.group(1)).ifPresent(codes::add); // an unknown country in free remarks is not an error
        }
        return codes.stream().distinct().toList();
    }

    static List<String> weak(String remarks) {
        if (remarks == null) {
            return List.of();
        }
        List<String> weak = new ArrayList<>();
        Matcher m = WEAK.matcher(remarks);
        while (m.find()) {
            weak.add(m.group(1));
        }
        return weak;
    }
}
