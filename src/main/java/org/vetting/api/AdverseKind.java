package org.vetting.api;

/** What an adverse case proposes (policy section 9): denying an application, or revoking a clearance held. */
public enum AdverseKind {
    DENIAL, REVOCATION
}
