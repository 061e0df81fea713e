package org.vetting.api;

/**
 * A possible watchlist match under review (docs/screening.md "Review"): OPEN until an adjudicator
 * CONFIRMs it or proposes its dismissal (DISMISSAL_PENDING), which a second adjudicator makes
 * DISMISSED (or CONFIRMED).
 */
public enum HitStatus {
    OPEN, DISMISSAL_PENDING, CONFIRMED, DISMISSED;

    /** Still waiting for an adjudicator: the review queue's default. */
    public boolean awaitsReview() {
        return this == OPEN || this == DISMISSAL_PENDING;
    }
}
