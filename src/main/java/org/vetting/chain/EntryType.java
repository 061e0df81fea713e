package org.vetting.chain;

/** What an audit entry records. */
public enum EntryType {
    /** A stored evaluation (submission, re-evaluation), with its flags, fired rules and input. */
    EVALUATION,
    /** A change of a clearance (clearance_events row). */
    CLEARANCE,
    /** A rule-set version becoming active, with its files. */
    RULESET,
    /** A user created or changed, roles and units included (a snapshot: user rows change). */
    USER,
    /** An adjudication: a first approval of a waiver, or a decision (adjudications row). */
    ADJUDICATION,
    /** A refused attempt to waive a non-waivable code (a snapshot: nothing else is stored). */
    ADJUDICATION_REFUSED,
    /** A correction proposed, approved or rejected, with each record before and after (a snapshot). */
    CORRECTION;

    /** Whether the verifier rebuilds this entry's content from rows that are never updated. */
    public boolean rebuiltFromSource() {
        return this != USER && this != ADJUDICATION_REFUSED && this != CORRECTION;
    }
}
