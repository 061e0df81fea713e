package org.vetting.api;

import java.util.EnumSet;
import java.util.Set;

/** Roles of docs/api.md. */
public enum Role {
    VETTING_OFFICER, ADJUDICATOR, COMMANDER, AUDITOR, POLICY_OFFICER, ADMIN,
    /** Votes on appeals of adverse decisions, three to a case (policy section 9). */
    APPEALS_BOARD;

    /** Granting these takes a second administrator (docs/api.md "Integrity"). */
    public static final Set<Role> PRIVILEGED = EnumSet.of(ADJUDICATOR, AUDITOR, POLICY_OFFICER, ADMIN, APPEALS_BOARD);

    /** Roles that see and act on officers of their countries only. */
    public static final Set<Role> COUNTRY_SCOPED = EnumSet.of(VETTING_OFFICER, ADJUDICATOR, AUDITOR, POLICY_OFFICER, APPEALS_BOARD);

    /** What a service account (a program) may hold: it submits or reads, and never approves anything. */
    public static final Set<Role> SERVICE_ACCOUNT_ROLES = EnumSet.of(VETTING_OFFICER, AUDITOR);

    public boolean privileged() {
        return PRIVILEGED.contains(this);
    }
}
