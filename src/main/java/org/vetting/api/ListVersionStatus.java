package org.vetting.api;

/**
 * A watchlist version (docs/screening.md "Lists as versioned data"): ACTIVE at once when it only
 * adds or changes entries, PENDING_APPROVAL when it removes any (a second policy officer approves or
 * REJECTs it); the version it replaces becomes SUPERSEDED.
 */
public enum ListVersionStatus {
    PENDING_APPROVAL, ACTIVE, SUPERSEDED, REJECTED
}
