package org.vetting.clearance;

import org.vetting.rules.Outcome;

/** Clearance statuses (docs/api.md "Clearances"), and how outcomes move a clearance between them. */
public enum ClearanceStatus {
    ACTIVE, PENDING_ADJUDICATION, PENDING_INFORMATION, DENIED, SUSPENDED, REVOKED, EXPIRED;

    /** A denial: it stands for the unit's reapplyAfterMonths. */
    public boolean isDenial() {
        return this == DENIED || this == REVOKED;
    }

    /** What a fresh evaluation's outcome sets the clearance to (section 5, first bullet). */
    public static ClearanceStatus forOutcome(Outcome outcome) {
        return switch (outcome) {
            case ELIGIBLE, CONDITIONAL -> ACTIVE;
            case REFERRED -> PENDING_ADJUDICATION;
            case INCOMPLETE -> PENDING_INFORMATION;
            case INELIGIBLE -> DENIED;
        };
    }

    /**
     * Continuous vetting (section 5, third bullet): new information re-evaluates a held clearance.
     * An ACTIVE one (or one already SUSPENDED) whose outcome is now REFERRED is SUSPENDED until
     * adjudicated; INELIGIBLE revokes it; better outcomes follow normally.
     */
    public ClearanceStatus afterReevaluation(Outcome outcome) {
        boolean held = this == ACTIVE || this == SUSPENDED;
        if (held && outcome == Outcome.REFERRED) {
            return SUSPENDED;
        }
        if (held && outcome == Outcome.INELIGIBLE) {
            return REVOKED;
        }
        return forOutcome(outcome);
    }
}
