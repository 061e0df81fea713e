package org.vetting.rules;

import java.time.LocalDate;

/** Fact inserted by the outcome rules: the outcome and, once known, the validity dates. */
public final class Decision {
    private final Outcome outcome;
    private LocalDate validUntil;
    private LocalDate grantUntil;
    private LocalDate conditionalUntil;

    public Decision(Outcome outcome) {
        this.outcome = outcome;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public void setValidUntil(LocalDate validUntil) {
        this.validUntil = validUntil;
    }

    /** The validity of a clearance granted on this evaluation (set for every outcome). */
    public LocalDate getGrantUntil() {
        return grantUntil;
    }

    public void setGrantUntil(LocalDate grantUntil) {
        this.grantUntil = grantUntil;
    }

    /** The validity of a clearance granted with conditions (set for every outcome). */
    public LocalDate getConditionalUntil() {
        return conditionalUntil;
    }

    public void setConditionalUntil(LocalDate conditionalUntil) {
        this.conditionalUntil = conditionalUntil;
    }
}
