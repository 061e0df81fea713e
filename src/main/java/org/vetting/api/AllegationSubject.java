package org.vetting.api;

/** Whom a human-rights allegation concerns. */
public enum AllegationSubject {
    INDIVIDUAL, UNIT
}
