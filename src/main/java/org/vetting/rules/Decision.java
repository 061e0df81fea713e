package org.vetting.rules;

import java.time.LocalDate;

/** Fact inserted by the outcome rules: the outcome and, once known, the validity date. */
public final class Decision {
    private final Outcome outcome;
    private LocalDate validUntil;

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
}
