package org.vetting.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.UUID;

import org.jdbi.v3.core.Jdbi;
import org.vetting.api.EvaluationSummary;
import org.vetting.api.FieldError;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.api.OfficerRecord;
import org.vetting.api.RecordList;
import org.vetting.db.ClearanceDao;
import org.vetting.clearance.ClearanceStatus;
import org.vetting.clearance.Clearances;
import org.vetting.db.EvaluationDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.rules.EvaluationResult;
import org.vetting.rules.Flag;
import org.vetting.rules.RuleEngine;
import org.vetting.rules.RuleInfo;
import org.vetting.rules.RuleSet;
import org.vetting.clearance.Condition;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.errors.NotFound;
import org.vetting.errors.ValidationFailed;

/**
 * Submissions and dry runs: validate, evaluate under the active rule set, and for a submission
 * store the record version, the evaluation with its flags and fired rules, and the clearance in
 * one transaction.
 */
public final class EvaluationService {
    private static final int MAX_ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final ActiveRuleSet active;
    private final ServiceTime time;

    public EvaluationService(Jdbi jdbi, ActiveRuleSet active, ServiceTime time) {
        this.jdbi = jdbi;
        this.active = active;
        this.time = time;
    }

    public LocalDate today() {
        return time.today();
    }

    /** Stores the record as a new version, evaluates it for its target unit today, sets the clearance. */
    public Evaluation submit(OfficerRecord record, String actor) {
        LocalDate asOf = today();
        RuleSet ruleSet = active.ruleSet();
        ValidationFailed.check(RecordValidator.validate(record, asOf, ruleSet, ""));
        Evaluation evaluated = evaluate(ruleSet, record, asOf, actor);
        String json = Json.write(record);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return jdbi.inTransaction(h -> {
                    // lock order for every decision: the clearance row, then (when auditing) the audit head
                    h.attach(ClearanceDao.class).lock(record.officerId(), record.targetUnit());
                    OfficerRecordDao records = h.attach(OfficerRecordDao.class);
                    int version = records.latestVersion(record.officerId()) + 1;
                    Instant now = time.now();
                    records.insert(record.officerId(), version, json, actor, now);
                    Evaluation e = evaluated.stored(UUID.randomUUID().toString(), version, now);
                    EvaluationDao.Rows rows = StoredEvaluation.rows(e);
                    h.attach(EvaluationDao.class).insert(rows);
                    AuditChain.append(h, EntryType.EVALUATION, e.id(), e.officerId(), actor, now,
                            AuditChain.evaluationContent(rows, json));
                    Clearances.change(h, e.officerId(), e.unit(), ClearanceStatus.forOutcome(e.outcome()),
                            e.valid(), e.conditions(), e.id(), Clearances.CAUSE_EVALUATION, actor, now);
                    return e;
                });
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException race) {
                // two submissions for one officer took the same version number: try again
                last = race;
            }
        }
        throw last;
    }

    /**
     * Continuous vetting: appends records to the officer's stored record as a new version and
     * re-evaluates every clearance the officer holds, each for its own unit, in one transaction.
     */
    public List<Evaluation> appendRecords(String officerId, OfficerRecord additions, String actor) {
        checkAdditions(additions);
        LocalDate asOf = today();
        RuleSet ruleSet = active.ruleSet();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return jdbi.inTransaction(h -> {
                    OfficerRecordDao records = h.attach(OfficerRecordDao.class);
                    int latest = records.latestVersion(officerId);
                    if (latest == 0) {
                        throw NotFound.officer(officerId);
                    }
                    OfficerRecord current = Json.read(records.find(officerId, latest).orElseThrow(), OfficerRecord.class);
                    OfficerRecord merged = RecordList.append(current, additions);
                    ValidationFailed.check(additionErrors(merged, current, asOf, ruleSet));
                    String json = Json.write(merged);
                    Instant now = time.now();
                    records.insert(officerId, latest + 1, json, actor, now);
                    // lock every held clearance before the first audit append (clearance rows, then the head)
                    ClearanceDao clearances = h.attach(ClearanceDao.class);
                    List<ClearanceDao.ClearanceRow> held = clearances.ofOfficer(officerId).stream()
                            .map(c -> clearances.lock(officerId, c.unit()).orElseThrow()).toList();
                    List<Evaluation> evaluated = new ArrayList<>();
                    for (ClearanceDao.ClearanceRow locked : held) {
                        if (ruleSet.unit(locked.unit()).isEmpty()) {
                            continue; // the unit left the rule set: nothing to evaluate it against
                        }
                        Evaluation e = evaluate(ruleSet, merged.forUnit(locked.unit()), asOf, actor)
                                .stored(UUID.randomUUID().toString(), latest + 1, now);
                        EvaluationDao.Rows rows = StoredEvaluation.rows(e);
                        h.attach(EvaluationDao.class).insert(rows);
                        AuditChain.append(h, EntryType.EVALUATION, e.id(), officerId, actor, now,
                                AuditChain.evaluationContent(rows, json));
                        ClearanceStatus next = ClearanceStatus.valueOf(locked.status()).afterReevaluation(e.outcome());
                        Clearances.change(h, officerId, e.unit(), next, next == ClearanceStatus.ACTIVE ? e.valid() : null,
                                e.conditions(), e.id(), Clearances.CAUSE_EVALUATION, actor, now);
                        evaluated.add(e);
                    }
                    return evaluated;
                });
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException race) {
                last = race;
            }
        }
        throw last;
    }

    /** Continuous vetting adds entries to the record's lists, and nothing else. */
    private static void checkAdditions(OfficerRecord additions) {
        if (additions == null || RecordList.allEmpty(additions)) {
            throw ValidationFailed.of("(body)", "at least one record to add, under the record's list keys");
        }
        List<FieldError> errors = RecordList.otherFieldsPresent(additions).stream()
                .map(f -> new FieldError(f, "only the record's lists can be added to; this field cannot be changed here"))
                .toList();
        ValidationFailed.check(errors);
    }

    /**
     * The merged record's problems, named by the additions' own paths ({@code exams[0].date} is the
     * first added exam). The stored target unit is not checked: each clearance's unit is.
     */
    private static List<FieldError> additionErrors(OfficerRecord merged, OfficerRecord current, LocalDate asOf,
                                                   RuleSet ruleSet) {
        java.util.regex.Pattern indexed = java.util.regex.Pattern.compile("^(\\w+)\\[(\\d+)\\](.*)$");
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : RecordValidator.validate(merged, asOf, ruleSet, "")) {
            if (error.field().equals("targetUnit")) {
                continue;
            }
            var m = indexed.matcher(error.field());
            Integer before = m.matches() ? RecordList.byField(m.group(1)).map(l -> l.of(current).size()).orElse(null)
                    : null;
            if (before != null && Integer.parseInt(m.group(2)) >= before) {
                errors.add(new FieldError(m.group(1) + "[" + (Integer.parseInt(m.group(2)) - before) + "]" + m.group(3),
                        error.message()));
            } else {
                errors.add(error);
            }
        }
        return errors;
    }

    /** Evaluates without storing anything. */
    public Evaluation dryRun(OfficerRecord record, LocalDate asOf, String actor) {
        LocalDate date = asOf == null ? today() : asOf;
        RuleSet ruleSet = active.ruleSet();
        ValidationFailed.check(RecordValidator.validate(record, date, ruleSet, "record."));
        return evaluate(ruleSet, record, date, actor);
    }

    /** The stored evaluations of an officer, oldest first, without their flags. */
    public List<EvaluationSummary> ofOfficer(String officerId) {
        if (jdbi.withExtension(OfficerRecordDao.class, dao -> dao.latestVersion(officerId)) == 0) {
            throw NotFound.officer(officerId);
        }
        return jdbi.withExtension(EvaluationDao.class, dao -> dao.ofOfficer(officerId)).stream()
                .map(e -> new EvaluationSummary(e.id(), e.unit(), e.outcome(), e.asOf(), e.validUntil(), e.evaluatedAt(),
                        e.evaluatedBy()))
                .toList();
    }

    public Optional<Evaluation> find(String id) {
        return jdbi.withExtension(EvaluationDao.class, dao -> dao.rows(id)).map(StoredEvaluation::from);
    }

    /** Evaluates and explains without storing: for submissions, dry runs and replays. */
    public Evaluation evaluate(RuleSet ruleSet, OfficerRecord record, LocalDate asOf, String actor) {
        EvaluationResult result = RuleEngine.evaluate(ruleSet, record, asOf);
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
                result.rulesetVersion(), time.now(), actor, List.copyOf(flags), result.firedRules());
    }
}
