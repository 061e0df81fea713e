package org.vetting.common;

/** The actors recorded for what the service does on its own, not on a user's request. */
public final class Actors {
    /** Start-up: activating the configured rule set, creating the first administrator. */
    public static final String SYSTEM = "system";
    /** The scheduled job (or command) that expires clearances past their validity. */
    public static final String EXPIRY_JOB = "expiry-job";

    /** The re-evaluation of everyone on file when a rule set takes effect. */
    public static final String RULE_CHANGE_JOB = "rule-change-job";

    /** The re-screening of everyone holding a clearance when a watchlist version takes effect. */
    public static final String SCREENING_JOB = "screening-job";

    /** The clock of adverse cases: a reply window closed (to reconsideration), an appeal window closed. */
    public static final String ADVERSE_CLOCK = "adverse-clock";

    private Actors() {}
}
