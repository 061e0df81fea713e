package org.vetting.api;

/**
 * The life of a proposed rule set (docs/api.md "Changing the policy"): a DRAFT is APPROVED or
 * REJECTED by a second policy officer; an approved one becomes ACTIVE on its day, and the set it
 * replaces RETIRED.
 */
public enum ProposalStatus {
    DRAFT, APPROVED, ACTIVE, REJECTED, RETIRED
}
