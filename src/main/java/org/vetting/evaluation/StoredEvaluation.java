package org.vetting.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import org.vetting.clearance.Condition;
import org.vetting.common.Json;
import org.vetting.db.EvaluationDao;
import org.vetting.rules.AdjudicationPath;
import org.vetting.rules.FiredRule;
import org.vetting.rules.Outcome;
import org.vetting.rules.Severity;
import org.vetting.rules.Validity;

/** An evaluation as its rows store it: written once, read back whole, and equal both ways. */
final class StoredEvaluation {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private StoredEvaluation() {}

    static Evaluation from(EvaluationDao.Rows rows) {
        EvaluationDao.EvaluationRow row = rows.evaluation();
        List<ExplainedFlag> flags = rows.flags().stream()
                .map(f -> new ExplainedFlag(f.code(), f.category(), Severity.valueOf(f.severity()), f.waivable(),
                        Json.read(f.evidence(), STRINGS), f.ruleName(), f.messageEn(), f.messageEs()))
                .toList();
        List<FiredRule> fired = rows.firedRules().stream()
                .map(r -> new FiredRule(r.sequence(), r.ruleName(), r.flag())).toList();
        return new Evaluation(row.id(), row.officerId(), row.recordVersion(), row.unit(), Outcome.valueOf(row.outcome()),
                row.asOf(), validity(row.validUntil(), row.revettingFrom()),
                validity(row.grantUntil(), row.grantRevettingFrom()),
                validity(row.conditionalUntil(), row.conditionalRevettingFrom()),
                row.adjudication() == null ? AdjudicationPath.NONE : AdjudicationPath.valueOf(row.adjudication()),
                Json.read(row.conditions(), Condition.LIST), row.rulesetVersion(), row.evaluatedAt(), row.evaluatedBy(),
                flags, fired, row.reapplyFrom(), Screening.read(row.screening()));
    }

    static EvaluationDao.Rows rows(Evaluation e) {
        var row = new EvaluationDao.EvaluationRow(e.id(), e.officerId(), e.recordVersion(), e.unit(), e.outcome().name(),
                e.asOf(), until(e.valid()), until(e.grant()), until(e.conditionalGrant()), Json.write(e.conditions()),
                e.rulesetVersion(), e.evaluatedAt(), e.evaluatedBy(), revettingFrom(e.valid()),
                revettingFrom(e.grant()), revettingFrom(e.conditionalGrant()), e.adjudication().name(), e.reapplyFrom(),
                e.screening() == null ? null : Json.write(e.screening()));
        List<EvaluationDao.FlagRow> flags = new ArrayList<>();
        for (int i = 0; i < e.flags().size(); i++) {
            ExplainedFlag f = e.flags().get(i);
            flags.add(new EvaluationDao.FlagRow(e.id(), i + 1, f.code(), f.category(), f.severity().name(),
                    f.waivable(), Json.write(f.evidence()), f.rule(), f.messageEn(), f.messageEs()));
        }
        List<EvaluationDao.FiredRuleRow> fired = e.firedRules().stream()
                .map(r -> new EvaluationDao.FiredRuleRow(e.id(), r.sequence(), r.rule(), r.flag())).toList();
        return new EvaluationDao.Rows(row, flags, fired);
    }

    private static LocalDate until(Validity v) {
        return v == null ? null : v.until();
    }

    private static LocalDate revettingFrom(Validity v) {
        return v == null ? null : v.revettingFrom();
    }

    private static Validity validity(LocalDate until, LocalDate revettingFrom) {
        return until == null ? null : new Validity(until, revettingFrom);
    }
}
