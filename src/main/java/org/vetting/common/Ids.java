package org.vetting.common;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;

/**
 * Ids of the rows the service creates (evaluations, screening hits, adjudications, corrections,
 * backtests): UUIDs of version 7 (RFC 9562), their first 48 bits the time in milliseconds and the
 * rest random, increasing within a millisecond. Unguessable as version 4's are for all practical
 * purposes, but in creation order, so each new row lands at the right edge of its id's indexes
 * (the primary key and every foreign key that names it): a commit rewrites a few index pages there
 * instead of one page at a random place per row and index (docs/performance.md).
 */
public final class Ids {
    private static final NoArgGenerator GENERATOR = Generators.timeBasedEpochGenerator();

    private Ids() {}

    /** A new id, in its canonical text form (36 characters). */
    public static String next() {
        return GENERATOR.generate().toString();
    }
}
