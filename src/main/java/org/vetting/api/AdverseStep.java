package org.vetting.api;

/** One step of an adverse case's history (adverse_steps). */
public enum AdverseStep {
    /** The proposal: a clearance that would have been denied or revoked. */
    OPENED,
    /** The statement of reasons issued, the reply window opened. */
    NOTICE,
    /** The officer's reply, recorded by a vetting officer. */
    REPLY,
    /** The reply window extended, once. */
    EXTENSION,
    /** The reply window closed: the case goes to reconsideration (a lapse decides nothing). */
    WINDOW_CLOSED,
    /** A second adjudicator's UPHOLD or WITHDRAW. */
    RECONSIDERATION,
    /** The officer's appeal, recorded by a vetting officer. */
    APPEAL,
    /** The appeal window closed without an appeal: the upheld decision stands. */
    APPEAL_LAPSED,
    /** A board member's UPHOLD or REVERSE. */
    VOTE,
    /** The case ended outside its own steps (an approved correction that removed the finding). */
    CLOSED
}
