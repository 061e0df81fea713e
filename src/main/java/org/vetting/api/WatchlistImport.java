package org.vetting.api;

import java.time.Instant;
import java.util.List;

/**
 * A watchlist version as imported (API v1.2): {@code status} ACTIVE (it only adds or changes entries,
 * or is a list's first) or PENDING_APPROVAL (it removes entries: a second policy officer approves);
 * SUPERSEDED or REJECTED later. Counts are against {@code basedOn}, the version in force at import.
 */
public record WatchlistImport(String list, int version, String format, int entries, int added, int removed,
                              int changed, Integer basedOn, ListVersionStatus status, String importedBy, Instant importedAt,
                              String decidedBy, Instant decidedAt, Instant effectiveAt, String filesSha256) {
    /**
     * A list with its version in force, the re-screening of everyone holding a clearance that it
     * started (officers done of total, new possible matches, clearances re-evaluated), and every
     * version it had, newest first.
     */
    public record ListView(String list, WatchlistImport active, Rescreening rescreening, List<WatchlistImport> versions) {}

    public record Rescreening(int done, int total, int newHits, int reevaluated, Instant startedAt,
                              Instant finishedAt) {}
}
