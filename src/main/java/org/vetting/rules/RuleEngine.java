package org.vetting.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.vetting.api.OfficerRecord;
import org.vetting.api.RecordList;

/**
 * Evaluates one officer record for one unit at one date: a session from the rule set's pool over
 * the shared KieBase (emptied and reused), two phases (the policy rules, then the {@code outcome} agenda group), and a
 * listener that records every activation in firing order. No policy lives here.
 */
public final class RuleEngine {
    public static final String OUTCOME_GROUP = "outcome";

    private static final Comparator<Flag> FLAG_ORDER = Comparator.comparing(Flag::severity)
            .thenComparing(Flag::code)
            .thenComparing(f -> String.join(",", f.evidence()));

    private RuleEngine() {}

    public static EvaluationResult evaluate(RuleSet ruleSet, OfficerRecord record, LocalDate asOf) {
        return evaluate(ruleSet, record, asOf, List.of());
    }

    /** Evaluates with the possible watchlist matches screening found for the record (POLICY section 8). */
    public static EvaluationResult evaluate(RuleSet ruleSet, OfficerRecord record, LocalDate asOf,
                                            List<WatchlistHit> hits) {
        Unit unit = ruleSet.unit(record.targetUnit())
                .orElseThrow(() -> new IllegalArgumentException("unknown unit " + record.targetUnit()));

        List<Object> facts = new ArrayList<>();
        facts.add(new Assessment(record.officerId(), record.serviceStartDate(), asOf));
        facts.add(unit);
        unit.requiredExams().forEach((type, months) -> facts.add(new RequiredExam(type, months)));
        for (RecordList list : RecordList.values()) {
            facts.addAll(list.of(record));
        }
        facts.addAll(hits);

        // a session from the rule set's pool: reset and reused, not built per evaluation
        KieSession session = ruleSet.sessions().newKieSession();
        FiringRecorder recorder = new FiringRecorder();
        List<Flag> found;
        List<Decision> decisions;
        try {
            session.addEventListener(recorder.agenda);
            session.addEventListener(recorder.runtime);
            session.setGlobal(RuleSetLoader.FLAG_FACTORY_GLOBAL, new FlagFactory(unit, ruleSet.rulesByName()));
            for (Object fact : facts) {
                session.insert(fact);
            }
            session.fireAllRules();
            session.getAgenda().getAgendaGroup(OUTCOME_GROUP).setFocus();
            session.fireAllRules();
            found = objects(session, Flag.class);
            decisions = objects(session, Decision.class);
        } finally {
            session.removeEventListener(recorder.agenda);
            session.removeEventListener(recorder.runtime);
            session.dispose(); // back to the pool, emptied
        }
        List<Flag> flags = found.stream().sorted(FLAG_ORDER).toList();
        if (decisions.size() != 1) {
            throw new IllegalStateException("rule set " + ruleSet.version() + " produced " + decisions.size()
                    + " outcomes for one evaluation; the outcome rules must be mutually exclusive");
        }
        Decision decision = decisions.get(0);
        return new EvaluationResult(ruleSet.version(), unit.code(), asOf, decision.getOutcome(), decision.valid(),
                decision.grant(), decision.conditionalGrant(), decision.getConditionRules(), decision.getAdjudication(),
                flags, recorder.fired());
    }

    private static <T> List<T> objects(KieSession session, Class<T> type) {
        Collection<?> objects = session.getObjects(new ClassObjectFilter(type));
        return objects.stream().map(type::cast).toList();
    }
}
