package org.vetting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.vetting.evaluation.Evaluation;
import org.vetting.common.Language;
import org.vetting.rules.FiredRule;
import org.vetting.rules.Outcome;

/** The evaluation of API.md. {@code evaluationId} is null for a dry run. */
public record EvaluationView(String evaluationId, String officerId, String unit, Outcome outcome, LocalDate asOf,
                             LocalDate validUntil, String rulesetVersion, Instant evaluatedAt, String evaluatedBy,
                             List<FlagView> flags, List<FiredRule> firedRules) {

    public static EvaluationView of(Evaluation e, Language language) {
        List<FlagView> flags = e.flags().stream()
                .map(f -> new FlagView(f.code(), f.category(), f.severity(), f.waivable(), f.evidence(), f.rule(),
                        language == Language.ES ? f.messageEs() : f.messageEn()))
                .toList();
        return new EvaluationView(e.id(), e.officerId(), e.unit(), e.outcome(), e.asOf(), e.validUntil(),
                e.rulesetVersion(), e.evaluatedAt(), e.evaluatedBy(), flags, e.firedRules());
    }
}
