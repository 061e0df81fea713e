package org.vetting.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * What the rules decided for one record, one unit and one date, under one rule-set version:
 * the outcome, the validity of the clearance it sets ({@code valid}, null unless ELIGIBLE or
 * CONDITIONAL), the validity an adjudicated grant would get without and with conditions, the rules
 * whose flags impose a condition, and what an adjudicator may do.
 */
public record EvaluationResult(String rulesetVersion, String unit, LocalDate asOf, Outcome outcome, Validity valid,
                               Validity grant, Validity conditionalGrant, List<String> conditionRules,
                               AdjudicationPath adjudication, List<Flag> flags, List<FiredRule> firedRules) {
    public LocalDate validUntil() {
        return valid == null ? null : valid.until();
    }
}
