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
                       List<WatchlistHit> watchlistHits, Adverse expectAdverse) {
    /**
     * What section 9 (policy v1.3) makes of the outcome, checked when the file says so: the status a
     * first application's clearance takes ({@code clearance}: DENIAL_PROPOSED where it used to be
     * DENIED), the last day to reply to a notice issued on {@code asOf} and to appeal a decision final
     * on {@code asOf}; null where the scenario does not say.
     */
    public record Adverse(String clearance, LocalDate replyDueOn, LocalDate appealDueOn) {}

    public Scenario(String file, String name, LocalDate asOf, Map<String, Object> record, String expectOutcome,
                    List<String> expectFlags, boolean checkValidUntil, LocalDate expectValidUntil,
                    List<WatchlistHit> watchlistHits) {
        this(file, name, asOf, record, expectOutcome, expectFlags, checkValidUntil, expectValidUntil, watchlistHits,
                null);
    }

    public Scenario(String file, String name, LocalDate asOf, Map<String, Object> record, String expectOutcome,
                    List<String> expectFlags, boolean checkValidUntil, LocalDate expectValidUntil) {
        this(file, name, asOf, record, expectOutcome, expectFlags, checkValidUntil, expectValidUntil, List.of());
    }
}
