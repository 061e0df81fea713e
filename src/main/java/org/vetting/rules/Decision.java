package org.vetting.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Fact inserted by the outcome rules: the outcome and what follows from it — the validity of the
 * clearance it sets (ELIGIBLE and CONDITIONAL), the validity an adjudicated grant would get without
 * and with conditions, each with the day re-vetting is due, the rules whose MEDIUM flags impose a
 * condition, and what an adjudicator may do with it. The properties of earlier rule-set versions
 * (validUntil, grantUntil, conditionalUntil) keep their names, so stored versions still replay.
 */
public final class Decision {
    private final Outcome outcome;
    private LocalDate validUntil;
    private LocalDate grantUntil;
    private LocalDate conditionalUntil;
    private LocalDate revettingFrom;
    private LocalDate grantRevettingFrom;
    private LocalDate conditionalRevettingFrom;
    private AdjudicationPath adjudication = AdjudicationPath.NONE;
    private final List<String> conditionRules = new ArrayList<>();

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

    public LocalDate getRevettingFrom() {
        return revettingFrom;
    }

    public void setRevettingFrom(LocalDate revettingFrom) {
        this.revettingFrom = revettingFrom;
    }

    public LocalDate getGrantRevettingFrom() {
        return grantRevettingFrom;
    }

    public void setGrantRevettingFrom(LocalDate grantRevettingFrom) {
        this.grantRevettingFrom = grantRevettingFrom;
    }

    public LocalDate getConditionalRevettingFrom() {
        return conditionalRevettingFrom;
    }

    public void setConditionalRevettingFrom(LocalDate conditionalRevettingFrom) {
        this.conditionalRevettingFrom = conditionalRevettingFrom;
    }

    public AdjudicationPath getAdjudication() {
        return adjudication;
    }

    public void setAdjudication(AdjudicationPath adjudication) {
        this.adjudication = adjudication;
    }

    /** The names of the rules whose flags impose a condition, in the order the rules named them. */
    public List<String> getConditionRules() {
        return List.copyOf(conditionRules);
    }

    /** Called by an outcome rule: the flag's rule names the condition ({@code @conditionEn}, {@code @conditionEs}). */
    public void imposeConditionOf(Flag flag) {
        if (!conditionRules.contains(flag.rule())) {
            conditionRules.add(flag.rule());
        }
    }

    Validity valid() {
        return validUntil == null ? null : new Validity(validUntil, revettingFrom);
    }

    Validity grant() {
        return grantUntil == null ? null : new Validity(grantUntil, grantRevettingFrom);
    }

    Validity conditionalGrant() {
        return conditionalUntil == null ? null : new Validity(conditionalUntil, conditionalRevettingFrom);
    }
}
