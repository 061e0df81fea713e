package org.vetting.core;

import org.vetting.rules.Outcome;

/** Clearance statuses of POLICY.md section 5. */
public enum ClearanceStatus {
    ACTIVE, PENDING_ADJUDICATION, PENDING_INFORMATION, DENIED, SUSPENDED, REVOKED, EXPIRED;

    /** What a fresh evaluation's outcome sets the clearance to (section 5, first bullet). */
    public static ClearanceStatus forOutcome(Outcome outcome) {
        return switch (outcome) {
            case ELIGIBLE, CONDITIONAL -> ACTIVE;
            case REFERRED -> PENDING_ADJUDICATION;
            case INCOMPLETE -> PENDING_INFORMATION;
            case INELIGIBLE -> DENIED;
        };
    }
}
