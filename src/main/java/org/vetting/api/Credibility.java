package org.vetting.api;

/** Credibility of a human-rights allegation. */
public enum Credibility {
    CREDIBLE, UNDER_REVIEW, NOT_CREDIBLE
}
