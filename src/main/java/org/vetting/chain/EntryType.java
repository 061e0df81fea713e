package org.vetting.chain;

/** What an audit entry records. */
public enum EntryType {
    /** A stored evaluation (submission, re-evaluation), with its flags, fired rules and input. */
    EVALUATION,
    /** A change of a clearance (clearance_events row). */
    CLEARANCE,
    /** A rule-set version becoming active, with its files. */
    RULESET,
    /** A rule-set version proposed: its files' hashes, description, proposer, scenario results (a snapshot). */
    RULESET_PROPOSAL,
    /** A proposal approved (with its effective day) or rejected, with the reasons (a snapshot). */
    RULESET_DECISION,
    /** A backtest started, or ended with its report's SHA-256 (a snapshot). */
    BACKTEST,
    /** A user created or changed, roles and units included (a snapshot: user rows change). */
    USER,
    /** An adjudication: a first approval of a waiver, or a decision (adjudications row). */
    ADJUDICATION,
    /** A refused attempt to waive a non-waivable code (a snapshot: nothing else is stored). */
    ADJUDICATION_REFUSED,
    /** A correction proposed, approved or rejected, with each record before and after (a snapshot). */
    CORRECTION,
    /** A watchlist version imported: counts, files' SHA-256, removed entry ids, status (a snapshot). */
    WATCHLIST_VERSION,
    /** A watchlist version that removes entries approved or rejected by a second policy officer (a snapshot). */
    WATCHLIST_DECISION,
    /** A possible watchlist match reviewed: confirmed, or dismissed by one or two adjudicators (a snapshot). */
    SCREENING_REVIEW,
    /** A step of an adverse case (policy section 9): the case after it, the step, and any letter's SHA-256 (a snapshot). */
    ADVERSE_CASE;

    /** Whether the verifier rebuilds this entry's content from rows that are never updated. */
    public boolean rebuiltFromSource() {
        return this == EVALUATION || this == CLEARANCE || this == RULESET || this == ADJUDICATION;
    }
}
