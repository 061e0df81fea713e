package org.vetting.clearance;

import org.vetting.rules.Outcome;

/** Clearance statuses (docs/api.md "Clearances"), and how outcomes move a clearance between them. */
public enum ClearanceStatus {
    ACTIVE, PENDING_ADJUDICATION, PENDING_INFORMATION, DENIED, SUSPENDED, REVOKED, EXPIRED,
    /** An application that would be DENIED, while its adverse case runs (policy section 9). */
    DENIAL_PROPOSED,
    /** A clearance held (ACTIVE or SUSPENDED) that would be REVOKED, while its adverse case runs. */
    REVOCATION_PROPOSED;

    /** An adverse case decides this clearance: for commanders, "not available; decision pending". */
    public boolean isProposal() {
        return this == DENIAL_PROPOSED || this == REVOCATION_PROPOSED;
    }

    /** A clearance the officer holds: continuous vetting suspends or revokes it. */
    public boolean held() {
        return this == ACTIVE || this == SUSPENDED;
    }

    /** The final status of a proposal upheld: DENIED or REVOKED. */
    public ClearanceStatus upheld() {
        return switch (this) {
            case DENIAL_PROPOSED -> DENIED;
            case REVOCATION_PROPOSED -> REVOKED;
            default -> throw new IllegalStateException(this + " is not a proposal");
        };
    }

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
        boolean held = held();
        if (held && outcome == Outcome.REFERRED) {
            return SUSPENDED;
        }
        if (held && outcome == Outcome.INELIGIBLE) {
            return REVOKED;
        }
        return forOutcome(outcome);
    }
}
