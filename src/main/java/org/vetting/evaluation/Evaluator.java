package org.vetting.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.vetting.api.OfficerRecord;
import org.vetting.clearance.Condition;
import org.vetting.common.ServiceTime;
import org.vetting.rules.EvaluationResult;
import org.vetting.rules.Flag;
import org.vetting.rules.RuleEngine;
import org.vetting.rules.RuleInfo;
import org.vetting.rules.RuleSet;

/**
 * Evaluates and explains, storing nothing: the rules' flags with their rule's messages, and the
 * conditions the outcome rules imposed. Submissions, dry runs, re-evaluations and replays all
 * evaluate here.
 */
public final class Evaluator {
    private final ServiceTime time;

    public Evaluator(ServiceTime time) {
        this.time = time;
    }

    /**
     * The evaluation of {@code record} for its target unit on {@code asOf}, made by {@code actor}.
     * {@code screened} is what screening found (null when the rule set does not screen); its hits
     * are the rules' facts.
     */
    public Evaluation evaluate(RuleSet ruleSet, OfficerRecord record, LocalDate asOf, String actor, Screening screened) {
        EvaluationResult result = RuleEngine.evaluate(ruleSet, record, asOf,
                screened == null ? List.of() : screened.facts());
        List<ExplainedFlag> flags = new ArrayList<>();
        Set<Condition> conditions = new LinkedHashSet<>();
        for (Flag f : result.flags()) {
            RuleInfo rule = ruleSet.rule(f.rule()).orElseThrow();
            flags.add(ExplainedFlag.of(f, rule));
            // the outcome rules say which flags impose their rule's condition; listed in flag order
            if (result.conditionRules().contains(f.rule())) {
                conditions.add(new Condition(rule.conditionEn(), rule.conditionEs()));
            }
        }
        return new Evaluation(null, record.officerId(), 0, result.unit(), result.outcome(), asOf, result.valid(),
                result.grant(), result.conditionalGrant(), result.adjudication(), List.copyOf(conditions),
                result.rulesetVersion(), time.now(), actor, List.copyOf(flags), result.firedRules(), null, screened);
    }
}
