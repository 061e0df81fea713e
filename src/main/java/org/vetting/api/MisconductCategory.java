package org.vetting.api;

/** Disciplinary record categories: the CORRUPT set of docs/policy.md (INTEGRITY) first. */
public enum MisconductCategory {
    BRIBERY, EXTORTION, EVIDENCE_TAMPERING, INFORMATION_LEAK, COLLUSION, EXCESSIVE_FORCE, ABSENCE, INSUBORDINATION, NEGLIGENCE, OTHER
}
