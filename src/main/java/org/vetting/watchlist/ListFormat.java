package org.vetting.watchlist;

import java.util.Set;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The formats a list version is imported from, by their API name, with the files each takes. */
public enum ListFormat {
    /**
     * OFAC's legacy CSV: {@code sdn.csv} and its {@code alt.csv}, the consolidated (non-SDN) lists'
     * {@code cons_prim.csv} and its {@code cons_alt.csv} — one primary file at least; no header,
     * {@code -0-} for null; the bytes as Treasury publishes them.
     */
    OFAC_CSV("ofac-csv", List.of("sdn.csv", "cons_prim.csv"), List.of("alt.csv", "cons_alt.csv")),
    /** OpenSanctions' FollowTheMoney entities, one JSON object per line ({@code *.json} or {@code *.jsonl}). */
    OPENSANCTIONS_FTM("opensanctions-ftm", List.of(), List.of()),
    /** This service's own CSV for national lists (docs/screening.md "The national-list CSV"). */
    CSV("csv", List.of(), List.of());

    private final String apiName;
    private final List<String> required;
    private final List<String> optional;

    ListFormat(String apiName, List<String> required, List<String> optional) {
        this.apiName = apiName;
        this.required = required;
        this.optional = optional;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<ListFormat> of(String apiName) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(apiName)).findFirst();
    }

    /** Why a set of file names does not suit this format, if it does not. */
    Optional<String> checkFiles(Set<String> names) {
        if (names.isEmpty()) {
            return Optional.of("at least one file");
        }
        if (this == OFAC_CSV) {
            if (names.stream().noneMatch(required::contains)) {
                return Optional.of("the ofac-csv format needs sdn.csv or cons_prim.csv (and may have alt.csv,"
                        + " cons_alt.csv)");
            }
            Optional<String> aliasesAlone = OfacCsv.PRIMARY_AND_ALIASES.entrySet().stream()
                    .filter(e -> names.contains(e.getValue()) && !names.contains(e.getKey()))
                    .map(e -> e.getValue() + " comes with " + e.getKey()).findFirst();
            if (aliasesAlone.isPresent()) {
                return aliasesAlone;
            }
            return names.stream().filter(n -> !required.contains(n) && !optional.contains(n)).findFirst()
                    .map(n -> "the ofac-csv format takes sdn.csv, alt.csv, cons_prim.csv and cons_alt.csv, not " + n);
        }
        if (this == OPENSANCTIONS_FTM) {
            return names.stream().filter(n -> !n.matches("[\\w.-]{1,100}\\.jsonl?")).findFirst()
                    .map(n -> "the opensanctions-ftm format takes *.json or *.jsonl files, not " + n);
        }
        return names.stream().filter(n -> !n.matches("[\\w.-]{1,100}\\.csv")).findFirst()
                .map(n -> "the csv format takes *.csv files, not " + n);
    }

    public static String names() {
        return String.join(", ", Arrays.stream(values()).map(ListFormat::apiName).toList());
    }
}
