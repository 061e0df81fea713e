package org.vetting.rules;

/** Flag severities, worst first (docs/policy.md "OUTCOME", terms). */
public enum Severity {
    DISQUALIFYING, INCOMPLETE, HIGH, MEDIUM, LOW;

    /** A unit may override HIGH, MEDIUM and LOW; DISQUALIFYING and INCOMPLETE are fixed. */
    public boolean overridable() {
        return this == HIGH || this == MEDIUM || this == LOW;
    }
}
