package org.vetting.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import org.kie.api.KieServices;
import org.kie.api.command.Command;
import org.kie.api.command.KieCommands;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.ExecutionResults;
import org.kie.api.runtime.StatelessKieSession;
import org.vetting.api.OfficerRecord;
import org.vetting.api.RecordList;

/**
 * Evaluates one officer record for one unit at one date: a fresh stateless session over the
 * shared KieBase, two phases (the policy rules, then the {@code outcome} agenda group), and a
 * listener that records every activation in firing order. No policy lives here.
 */
public final class RuleEngine {
    public static final String OUTCOME_GROUP = "outcome";

    private static final Comparator<Flag> FLAG_ORDER = Comparator.comparing(Flag::severity)
            .thenComparing(Flag::code)
            .thenComparing(f -> String.join(",", f.evidence()));

    private static final KieCommands COMMANDS = KieServices.Factory.get().getCommands();

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

        StatelessKieSession session = ruleSet.kieBase().newStatelessKieSession();
        FiringRecorder recorder = new FiringRecorder();
        session.addEventListener(recorder.agenda);
        session.addEventListener(recorder.runtime);

        List<Command<?>> commands = new ArrayList<>();
        commands.add(COMMANDS.newSetGlobal(RuleSetLoader.FLAG_FACTORY_GLOBAL, new FlagFactory(unit, ruleSet.rulesByName())));
        commands.add(COMMANDS.newInsertElements(facts));
        commands.add(COMMANDS.newFireAllRules());
        commands.add(COMMANDS.newAgendaGroupSetFocus(OUTCOME_GROUP));
        commands.add(COMMANDS.newFireAllRules());
        commands.add(COMMANDS.newGetObjects(new ClassObjectFilter(Flag.class), "flags"));
        commands.add(COMMANDS.newGetObjects(new ClassObjectFilter(Decision.class), "decisions"));
        ExecutionResults results = session.execute(COMMANDS.newBatchExecution(commands));

        List<Flag> flags = objects(results, "flags", Flag.class).stream().sorted(FLAG_ORDER).toList();
        List<Decision> decisions = objects(results, "decisions", Decision.class);
        if (decisions.size() != 1) {
            throw new IllegalStateException("rule set " + ruleSet.version() + " produced " + decisions.size()
                    + " outcomes for one evaluation; the outcome rules must be mutually exclusive");
        }
        Decision decision = decisions.get(0);
        return new EvaluationResult(ruleSet.version(), unit.code(), asOf, decision.getOutcome(), decision.valid(),
                decision.grant(), decision.conditionalGrant(), decision.getConditionRules(), decision.getAdjudication(),
                flags, recorder.fired());
    }

    private static <T> List<T> objects(ExecutionResults results, String id, Class<T> type) {
        Object value = results.getValue(id);
        if (value == null) {
            return List.of();
        }
        return ((Collection<?>) value).stream().map(type::cast).toList();
    }
}
