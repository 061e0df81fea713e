package org.vetting.scenarios;

import org.vetting.rules.WatchlistHit;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One policy scenario from a YAML file: a record (merged over the file's {@code base}), a date,
 * the possible watchlist matches screening would give the rules ({@code watchlistHits}, policy
 * v1.2), and what the rules must decide. {@code expectValidUntil} is only checked when the file says so.
 */
public record Scenario(String file, String name, LocalDate asOf, Map<String, Object> record, String expectOutcome,
                       List<String> expectFlags, boolean checkValidUntil, LocalDate expectValidUntil,
                       List<WatchlistHit> watchlistHits) {
    public Scenario(String file, String name, LocalDate asOf, Map<String, Object> record, String expectOutcome,
                    List<String> expectFlags, boolean checkValidUntil, LocalDate expectValidUntil) {
        this(file, name, asOf, record, expectOutcome, expectFlags, checkValidUntil, expectValidUntil, List.of());
    }
}
