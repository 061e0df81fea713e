package org.vetting.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.vetting.api.EvaluationView;
import org.vetting.api.FiredRuleView;
import org.vetting.api.FlagView;
import org.vetting.clearance.Condition;
import org.vetting.common.Language;
import org.vetting.rules.AdjudicationPath;
import org.vetting.rules.FiredRule;
import org.vetting.rules.Outcome;
import org.vetting.rules.Validity;

/**
 * One evaluation, stored or dry-run ({@code id} null), with its explained flags and fired rules.
 * Everything that follows from the outcome was decided by the rules: {@code valid} (the clearance
 * it sets, ELIGIBLE and CONDITIONAL only), {@code grant} and {@code conditionalGrant} (what an
 * adjudicated grant would get without and with conditions), {@code conditions} (what a CONDITIONAL
 * outcome requires) and {@code adjudication} (what an adjudicator may do with it). {@code reapplyFrom}
 * is set when the evaluation met a standing denial: the clearance stayed, and a new application
 * counts from that day. {@code screening} is what screening found (the possible matches the rules
 * saw), null under a rule set from before screening.
 */
public record Evaluation(String id, String officerId, int recordVersion, String unit, Outcome outcome, LocalDate asOf,
                         Validity valid, Validity grant, Validity conditionalGrant, AdjudicationPath adjudication,
                         List<Condition> conditions, String rulesetVersion, Instant evaluatedAt, String evaluatedBy,
                         List<ExplainedFlag> flags, List<FiredRule> firedRules, LocalDate reapplyFrom,
                         Screening screening) {

    public LocalDate validUntil() {
        return valid == null ? null : valid.until();
    }

    /** The validity an adjudicated grant gets: the conditional one when the grant carries conditions. */
    public Validity grantValidity(boolean withConditions) {
        return withConditions ? conditionalGrant : grant;
    }

    /** The evaluation as the API shows it, with messages in the reader's language. */
    public EvaluationView view(Language language) {
        List<FlagView> flagViews = flags.stream()
                .map(f -> new FlagView(f.code(), f.category(), f.severity().name(), f.waivable(), f.evidence(), f.rule(),
                        language == Language.ES ? f.messageEs() : f.messageEn()))
                .toList();
        return new EvaluationView(id, officerId, unit, outcome.name(), asOf, validUntil(), rulesetVersion, evaluatedAt,
                evaluatedBy, flagViews, firedRules.stream().map(r -> new FiredRuleView(r.sequence(), r.rule(), r.flag()))
                        .toList(), reapplyFrom, ScreeningText.view(screening, language), null);
    }

    Evaluation stored(String newId, int newRecordVersion, Instant at, LocalDate standingDenialUntil) {
        return new Evaluation(newId, officerId, newRecordVersion, unit, outcome, asOf, valid, grant, conditionalGrant,
                adjudication, conditions, rulesetVersion, at, evaluatedBy, flags, firedRules, standingDenialUntil,
                screening);
    }
}
