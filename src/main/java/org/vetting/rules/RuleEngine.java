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

    /** Evaluates with the possible watchlist matches screening found for the record (docs/screening.md). */
    public static EvaluationResult evaluate(RuleSet ruleSet, OfficerRecord record, LocalDate asOf,
                                            List<WatchlistHit> hits) {
        Unit unit = ruleSet.unit(record.targetUnit())
                .orElseThrow(() -> new IllegalArgumentException("unknown unit " + record.targetUnit()));
        FiringRecorder recorder = new FiringRecorder();
        Concluded concluded = run(ruleSet, unit, facts(unit, record, asOf, hits), recorder, true);
        List<Flag> flags = concluded.flags().stream().sorted(FLAG_ORDER).toList();
        if (concluded.decisions().size() != 1) {
            throw new IllegalStateException("rule set " + ruleSet.version() + " produced " + concluded.decisions().size()
                    + " outcomes for one evaluation; the outcome rules must be mutually exclusive");
        }
        Decision decision = concluded.decisions().get(0);
        return new EvaluationResult(ruleSet.version(), unit.code(), asOf, decision.getOutcome(), decision.valid(),
                decision.grant(), decision.conditionalGrant(), decision.getConditionRules(), decision.getAdjudication(),
                flags, recorder.fired());
    }

    /** The facts of one evaluation: the assessment, the unit, its required exams, the record's lists, the hits. */
    static List<Object> facts(Unit unit, OfficerRecord record, LocalDate asOf, List<WatchlistHit> hits) {
        List<Object> facts = new ArrayList<>();
        facts.add(new Assessment(record.officerId(), record.serviceStartDate(), asOf));
        facts.add(unit);
        unit.requiredExams().forEach((type, months) -> facts.add(new RequiredExam(type, months)));
        for (RecordList list : RecordList.values()) {
            facts.addAll(list.of(record));
        }
        facts.addAll(hits);
        return facts;
    }

    /** What the rules concluded: the flags they raised and the outcome decisions, unordered. */
    record Concluded(List<Flag> flags, List<Decision> decisions) {}

    /**
     * Inserts the facts into a session from the rule set's pool and, when {@code fire}, fires the
     * policy rules and then the outcome group, with {@code recorder} (null: none) listening; the
     * session goes back to the pool emptied. Its steps apart are what {@code RuleEngineBenchmark}
     * measures (a session, its facts, firing, the recorder).
     */
    static Concluded run(RuleSet ruleSet, Unit unit, List<Object> facts, FiringRecorder recorder, boolean fire) {
        // a session from the rule set's pool: reset and reused, not built per evaluation
        KieSession session = ruleSet.sessions().newKieSession();
        try {
            if (recorder != null) {
                session.addEventListener(recorder.agenda);
                session.addEventListener(recorder.runtime);
            }
            session.setGlobal(RuleSetLoader.FLAG_FACTORY_GLOBAL, new FlagFactory(unit, ruleSet.rulesByName()));
            for (Object fact : facts) {
                session.insert(fact);
            }
            if (!fire) {
                return new Concluded(List.of(), List.of());
            }
            session.fireAllRules();
            session.getAgenda().getAgendaGroup(OUTCOME_GROUP).setFocus();
            session.fireAllRules();
            return new Concluded(objects(session, Flag.class), objects(session, Decision.class));
        } finally {
            if (recorder != null) {
                session.removeEventListener(recorder.agenda);
                session.removeEventListener(recorder.runtime);
            }
            session.dispose(); // back to the pool, emptied
        }
    }

    private static <T> List<T> objects(KieSession session, Class<T> type) {
        Collection<?> objects = session.getObjects(new ClassObjectFilter(type));
        return objects.stream().map(type::cast).toList();
    }
}
