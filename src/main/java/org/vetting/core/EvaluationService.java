package org.vetting.core;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Jdbi;
import org.vetting.api.FieldError;
import org.vetting.audit.AuditChain;
import org.vetting.audit.EntryType;
import org.vetting.api.OfficerRecord;
import org.vetting.db.ClearanceDao;
import org.vetting.db.EvaluationDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.errors.ApiException;
import org.vetting.rules.EvaluationResult;
import org.vetting.rules.FiredRule;
import org.vetting.rules.Flag;
import org.vetting.rules.Outcome;
import org.vetting.rules.RuleEngine;
import org.vetting.rules.RuleSet;
import org.vetting.rules.Severity;

/**
 * Submissions and dry runs: validate, evaluate under the active rule set, and for a submission
 * store the record version, the evaluation with its flags and fired rules, and the clearance in
 * one transaction.
 */
public final class EvaluationService {
    public static final String CAUSE_EVALUATION = "EVALUATION";
    private static final int MAX_ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final ActiveRuleSet active;
    private final Clock clock;
    private final ZoneId zone;

    public EvaluationService(Jdbi jdbi, ActiveRuleSet active, Clock clock, ZoneId zone) {
        this.jdbi = jdbi;
        this.active = active;
        this.clock = clock;
        this.zone = zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /** Stores the record as a new version, evaluates it for its target unit today, sets the clearance. */
    public Evaluation submit(OfficerRecord record, String actor) {
        LocalDate asOf = today();
        RuleSet ruleSet = active.ruleSet();
        check(RecordValidator.validate(record, asOf, ruleSet, ""));
        Evaluation evaluated = evaluate(ruleSet, record, asOf, actor);
        String json = Json.write(record);
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return jdbi.inTransaction(h -> {
                    OfficerRecordDao records = h.attach(OfficerRecordDao.class);
                    int version = records.latestVersion(record.officerId()) + 1;
                    // microseconds: what both databases keep, so the audited content reads back equal
                    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
                    records.insert(record.officerId(), version, json, actor, now);
                    Evaluation e = withIdentity(evaluated, UUID.randomUUID().toString(), version, now);
                    EvaluationDao.Rows rows = rows(e);
                    h.attach(EvaluationDao.class).insert(rows);
                    ClearanceDao clearances = h.attach(ClearanceDao.class);
                    String status = ClearanceStatus.forOutcome(e.outcome()).name();
                    long event = clearances.set(e.officerId(), e.unit(), status, e.validUntil(), "[]", e.id(),
                            CAUSE_EVALUATION, actor, now);
                    AuditChain.append(h, EntryType.EVALUATION, e.id(), e.officerId(), actor, now,
                            AuditChain.evaluationContent(rows, json));
                    AuditChain.append(h, EntryType.CLEARANCE, Long.toString(event), e.officerId(), actor, now,
                            Json.write(new ClearanceDao.EventRow(event, e.officerId(), e.unit(), status, e.validUntil(),
                                    CAUSE_EVALUATION, e.id(), actor, now)));
                    return e;
                });
            } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException race) {
                // two submissions for one officer took the same version number: try again
                last = race;
            }
        }
        throw last;
    }

    /** Evaluates without storing anything. */
    public Evaluation dryRun(OfficerRecord record, LocalDate asOf, String actor) {
        LocalDate date = asOf == null ? today() : asOf;
        RuleSet ruleSet = active.ruleSet();
        check(RecordValidator.validate(record, date, ruleSet, "record."));
        return evaluate(ruleSet, record, date, actor);
    }

    public Optional<Evaluation> find(String id) {
        return jdbi.withHandle(h -> {
            EvaluationDao dao = h.attach(EvaluationDao.class);
            return dao.find(id).map(row -> {
                List<ExplainedFlag> flags = dao.flags(id).stream()
                        .map(f -> new ExplainedFlag(f.code(), f.category(), Severity.valueOf(f.severity()), f.waivable(),
                                Json.read(f.evidence(), new TypeReference<List<String>>() {}), f.ruleName(),
                                f.messageEn(), f.messageEs()))
                        .toList();
                List<FiredRule> fired = dao.firedRules(id).stream()
                        .map(r -> new FiredRule(r.sequence(), r.ruleName(), r.flag())).toList();
                return new Evaluation(row.id(), row.officerId(), row.recordVersion(), row.unit(),
                        Outcome.valueOf(row.outcome()), row.asOf(), row.validUntil(), row.rulesetVersion(),
                        row.evaluatedAt(), row.evaluatedBy(), flags, fired);
            });
        });
    }

    /** Evaluates and explains without storing: for submissions, dry runs and replays. */
    public Evaluation evaluate(RuleSet ruleSet, OfficerRecord record, LocalDate asOf, String actor) {
        EvaluationResult result = RuleEngine.evaluate(ruleSet, record, asOf);
        List<ExplainedFlag> flags = new ArrayList<>();
        for (Flag f : result.flags()) {
            flags.add(ExplainedFlag.of(f, ruleSet.rule(f.rule()).orElseThrow()));
        }
        return new Evaluation(null, record.officerId(), 0, result.unit(), result.outcome(), asOf, result.validUntil(),
                result.rulesetVersion(), clock.instant(), actor, List.copyOf(flags), result.firedRules());
    }

    private static Evaluation withIdentity(Evaluation e, String id, int recordVersion, Instant at) {
        return new Evaluation(id, e.officerId(), recordVersion, e.unit(), e.outcome(), e.asOf(), e.validUntil(),
                e.rulesetVersion(), at, e.evaluatedBy(), e.flags(), e.firedRules());
    }

    private static EvaluationDao.Rows rows(Evaluation e) {
        var row = new EvaluationDao.EvaluationRow(e.id(), e.officerId(), e.recordVersion(), e.unit(), e.outcome().name(),
                e.asOf(), e.validUntil(), e.rulesetVersion(), e.evaluatedAt(), e.evaluatedBy());
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

    private static void check(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
    }
}
