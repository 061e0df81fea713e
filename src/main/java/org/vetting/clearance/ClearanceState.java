package org.vetting.clearance;

import java.time.LocalDate;
import java.util.List;

import org.vetting.rules.Validity;

/**
 * What a clearance becomes: its status, its validity (ACTIVE and EXPIRED only), the conditions
 * commanders see, and for DENIED and REVOKED the day until which the denial stands.
 */
public record ClearanceState(ClearanceStatus status, Validity validity, List<Condition> conditions,
                             LocalDate standsUntil) {
    public ClearanceState {
        conditions = List.copyOf(conditions);
    }
}
