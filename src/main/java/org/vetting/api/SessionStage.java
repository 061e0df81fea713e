package org.vetting.api;

/**
 * How far a session has signed in (docs/api.md, "Sign-in"): the password was right and a second
 * factor is to be proved, or one is to be enrolled first; or the person is signed in.
 */
public enum SessionStage {
    SECOND_FACTOR_REQUIRED, ENROLMENT_REQUIRED, SIGNED_IN
}
