package org.vetting.audit;

/** What an audit entry records. */
public enum EntryType {
    /** A stored evaluation (submission, re-evaluation), with its flags, fired rules and input. */
    EVALUATION,
    /** A change of a clearance (clearance_events row). */
    CLEARANCE,
    /** A rule-set version becoming active, with its files. */
    RULESET,
    /** A user created or changed, roles and units included. */
    USER
}
