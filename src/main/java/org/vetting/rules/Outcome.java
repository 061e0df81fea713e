package org.vetting.rules;

/** Evaluation outcomes, from best to worst (the order the property tests rely on). */
public enum Outcome {
    ELIGIBLE, CONDITIONAL, REFERRED, INCOMPLETE, INELIGIBLE;

    public boolean grantsClearance() {
        return this == ELIGIBLE || this == CONDITIONAL;
    }
}
