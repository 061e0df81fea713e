package org.vetting.rules;

/**
 * The clocks of an adverse case (policy v1.3, section 9), in calendar days: the officer's reply
 * window after the notice, the one extension an adjudicator may grant, and the appeal window after
 * the final notice. Rule-set values in {@code units.yml}; a set without them (every set before
 * v1.3) decides denials at once.
 */
public record AdverseClocks(int replyDays, int extensionDays, int appealDays) {
    /** The keys of {@code units.yml}, in order. */
    static final String REPLY_DAYS = "replyDays";
    static final String EXTENSION_DAYS = "extensionDays";
    static final String APPEAL_DAYS = "appealDays";

    /** The last day of the reply window of a notice issued on {@code noticeDay}. */
    public java.time.LocalDate replyDueOn(java.time.LocalDate noticeDay) {
        return noticeDay.plusDays(replyDays);
    }

    /** The last day of the appeal window of a decision final on {@code finalDay}. */
    public java.time.LocalDate appealDueOn(java.time.LocalDate finalDay) {
        return finalDay.plusDays(appealDays);
    }
}
