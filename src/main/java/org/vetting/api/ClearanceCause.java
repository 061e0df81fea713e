package org.vetting.api;

/** Why a clearance changed (docs/api.md "Clearances"). */
public enum ClearanceCause {
    /** A submission or continuous vetting. */
    EVALUATION,
    /** An adjudicator's decision. */
    ADJUDICATION,
    /** Its validity ran out. */
    EXPIRY,
    /** An approved correction's re-evaluation. */
    CORRECTION,
    /** A new rule set's re-evaluation. */
    RULE_CHANGE,
    /** A watchlist version taking effect, or a possible match reviewed. */
    SCREENING,
    /** An adverse case's decision: upheld, withdrawn, or reversed by the appeals board (policy section 9). */
    ADVERSE_DECISION
}
