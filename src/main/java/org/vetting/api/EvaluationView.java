package org.vetting.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The evaluation of docs/api.md. {@code evaluationId} is null for a dry run; {@code reapplyFrom} is
 * set when a standing denial kept the clearance: the day from which a new application counts.
 * {@code screening} (v1.2) is null for an evaluation made under a rule set that did not screen.
 * {@code adverseCase} (v1.3) names the adverse case the evaluation opened, if it opened one.
 */
public record EvaluationView(String evaluationId, String officerId, String unit, String outcome, LocalDate asOf,
                             LocalDate validUntil, String rulesetVersion, Instant evaluatedAt, String evaluatedBy,
                             List<FlagView> flags, List<FiredRuleView> firedRules, LocalDate reapplyFrom,
                             @JsonInclude(JsonInclude.Include.NON_NULL)
                             ScreeningView screening,
                             @JsonInclude(JsonInclude.Include.NON_NULL)
                             AdverseCaseRef adverseCase) {
    /** The same evaluation, saying which adverse case it opened. */
    public EvaluationView withCase(AdverseCaseRef opened) {
        return new EvaluationView(evaluationId, officerId, unit, outcome, asOf, validUntil, rulesetVersion, evaluatedAt,
                evaluatedBy, flags, firedRules, reapplyFrom, screening, opened);
    }
}
