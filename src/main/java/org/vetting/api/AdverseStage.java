package org.vetting.api;

/**
 * The stages of an adverse case (policy section 9): PROPOSED (opened, the clearance is
 * DENIAL_PROPOSED or REVOCATION_PROPOSED) → NOTICE_ISSUED (the reply window runs) → RECONSIDERATION
 * (the window closed) → FINAL (upheld; the appeal window runs) → APPEALED (the board votes) → CLOSED.
 */
public enum AdverseStage {
    PROPOSED, NOTICE_ISSUED, RECONSIDERATION, FINAL, APPEALED, CLOSED
}
