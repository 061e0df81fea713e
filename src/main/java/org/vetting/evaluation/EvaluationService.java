package org.vetting.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.vetting.access.AccessLog;
import org.vetting.access.OfficerAccess;
import org.vetting.auth.User;
import org.vetting.clearance.Transitions;
import org.vetting.db.OfficerDao;
import org.vetting.errors.RecordsOnFileChanged;
import org.vetting.api.EvaluationSummary;
import org.vetting.api.FieldError;
import org.vetting.api.ListPage;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.api.OfficerRecord;
import org.vetting.api.RecordList;
import org.vetting.db.ClearanceDao;
import org.vetting.clearance.Clearances;
import org.vetting.db.EvaluationDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.rules.EvaluationResult;
import org.vetting.rules.Flag;
import org.vetting.rules.RuleEngine;
import org.vetting.rules.RuleInfo;
import org.vetting.rules.RuleSet;
import org.vetting.clearance.Condition;
import org.vetting.common.GroupCommit;
import org.vetting.common.Ids;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.errors.NotFound;
import org.vetting.errors.ValidationFailed;

/**
 * Submissions, continuous vetting and dry runs: validate, evaluate under the active rule set, and
 * (but for a dry run) store the record version, the evaluation with its flags and fired rules, and
 * the clearance in one transaction. Every path to an officer's file checks {@link OfficerAccess}.
 */
public final class EvaluationService {
    private static final int MAX_ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final ActiveRuleSet active;
    private final OfficerAccess access;
    private final ServiceTime time;
    private final ScreeningOnFile screening;
    private final GroupCommit<Submission> submissions;
    private final AccessLog accessLog;

    public EvaluationService(Jdbi jdbi, ActiveRuleSet active, OfficerAccess access, ServiceTime time,
                             ScreeningOnFile screening, AccessLog accessLog, int submissionWriters) {
        this.jdbi = jdbi;
        this.accessLog = accessLog;
        this.submissions = new GroupCommit<>(this::writeSubmissions, submissionWriters);
        this.active = active;
        this.access = access;
        this.time = time;
        this.screening = screening;
    }

    /**
     * Stores the record as a new version, evaluates it for its target unit today and sets the
     * clearance (docs/api.md "Clearances"). A record on file must come back whole: leaving out or
     * changing one is a correction (409 naming each).
     */
    public Evaluation submit(OfficerRecord record, User actor) {
        return submit(record, actor, null);
    }

    /**
     * As {@link #submit(OfficerRecord, User)}, and the caller's read of the officer ({@code read},
     * may be null) recorded in the access log in the same transaction as the submission's rows.
     */
    public Evaluation submit(OfficerRecord record, User actor, AccessLog.Read read) {
        LocalDate asOf = time.today();
        RuleSet ruleSet = active.ruleSet();
        ValidationFailed.check(RecordValidator.validate(record, asOf, ruleSet, ""));
        access.checkSubmitter(actor, record); // the officer's country: with the rows the write reads
        // what needs no database is done here, on the caller's thread, so that the group writer (one
        // at a time) only writes: the record's JSON, the watchlist matching and, when nothing matched,
        // the rules' evaluation
        ScreeningOnFile.Matched matched = screening.match(ruleSet, record);
        Evaluation evaluated = matched.complete()
                ? evaluate(ruleSet, record, asOf, actor.username(), matched.withoutHits()) : null;
        Submission submission = new Submission(record, Json.write(record), actor, ruleSet, asOf, read, matched,
                evaluated);
        submissions.write(submission);
        if (submission.failure != null) {
            throw submission.failure;
        }
        return submission.evaluation;
    }

    /** A submission waiting to be written with the others that arrived meanwhile, and what came of it. */
    private static final class Submission {
        final OfficerRecord record;
        final String json;
        final User actor;
        final RuleSet ruleSet;
        final LocalDate asOf;
        final AccessLog.Read read;
        final ScreeningOnFile.Matched matched;
        /** The rules' evaluation made before the write (no possible watchlist match), or null. */
        final Evaluation evaluated;
        Evaluation evaluation;
        RuntimeException failure;

        /** Before the group is written again: nothing came of it yet. */
        void reset() {
            evaluation = null;
            failure = null;
        }

        Submission(OfficerRecord record, String json, User actor, RuleSet ruleSet, LocalDate asOf,
                   AccessLog.Read read, ScreeningOnFile.Matched matched, Evaluation evaluated) {
            this.record = record;
            this.json = json;
            this.actor = actor;
            this.ruleSet = ruleSet;
            this.asOf = asOf;
            this.read = read;
            this.matched = matched;
            this.evaluated = evaluated;
        }
    }

    /**
     * Writes concurrent submissions in one transaction (group commit), then every decision's audit
     * entries appended under one lock of the head, and one commit. A submission refused before it
     * writes anything (a record on file changed) is left out and its caller gets its error; if one
     * fails after writing (a version race, a database error) the transaction is rolled back and the
     * group written again with each submission in a savepoint of its own, so that one is rolled back
     * alone (a race retried up to three times). Lock order as for every decision: clearance rows (in
     * officer order, when several groups are written at once), then the head — so a group writing
     * its rows while another holds the head waits for it there, never in a cycle. Every caller
     * returns only after the commit.
     */
    private void writeSubmissions(List<Submission> arrived) {
        // officers in one order in every group, so that groups written at once lock clearance rows in
        // the same order (a stable sort: one officer's submissions stay in arrival order)
        List<Submission> group = arrived.stream()
                .sorted(java.util.Comparator.comparing((Submission s) -> s.record.officerId())).toList();
        try {
            // no savepoints: two statements fewer per submission, and on PostgreSQL two round trips
            jdbi.useTransaction(h -> writeGroup(h, group, false));
        } catch (WriteInSavepoints failedAfterWriting) {
            group.forEach(Submission::reset);
            jdbi.useTransaction(h -> writeGroup(h, group, true));
        }
    }

    /** Thrown to roll back a group written without savepoints, to be written again with them. */
    private static final class WriteInSavepoints extends RuntimeException {
        WriteInSavepoints(RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    private void writeGroup(Handle h, List<Submission> group, boolean savepoints) {
        Daos daos = Daos.of(h);
        List<AuditChain.Pending> audit = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Submission s = group.get(i);
            if (savepoints) {
                storeInSavepoint(h, daos, s, "submission_" + i, audit);
                continue;
            }
            OnFile onFile;
            try {
                onFile = onFile(daos, s);
            } catch (RecordsOnFileChanged | NotFound refused) {
                s.failure = refused; // refused before writing anything: nothing to undo
                continue;
            } catch (RuntimeException failed) {
                throw new WriteInSavepoints(failed);
            }
            try {
                Decided decided = store(h, daos, s, onFile);
                s.evaluation = decided.evaluations().get(0);
                audit.addAll(decided.audit());
            } catch (RuntimeException failed) {
                throw new WriteInSavepoints(failed);
            }
        }
        // the stored submissions' reads, in the access log with them
        AccessLog.write(h, group.stream().filter(s -> s.evaluation != null && s.read != null)
                .map(s -> accessLog.entry(s.read, s.record.officerId())).toList());
        // the audit head last: every row of every decision is written before it is taken
        AuditChain.appendAll(h, audit);
    }

    /** One submission in a savepoint of its own: refused, it is rolled back alone; a version race is tried again. */
    private void storeInSavepoint(Handle h, Daos daos, Submission s, String name, List<AuditChain.Pending> audit) {
        for (int attempt = 1; s.evaluation == null && s.failure == null; attempt++) {
            String savepoint = name + "_" + attempt;
            h.savepoint(savepoint);
            try {
                Decided decided = store(h, daos, s, onFile(daos, s));
                h.release(savepoint);
                s.evaluation = decided.evaluations().get(0);
                audit.addAll(decided.audit());
            } catch (UnableToExecuteStatementException race) {
                // two writers of one officer may take the same record version number: try again
                h.rollbackToSavepoint(savepoint);
                if (attempt == MAX_ATTEMPTS) {
                    s.failure = race;
                }
            } catch (RuntimeException refused) {
                h.rollbackToSavepoint(savepoint);
                s.failure = refused;
            }
        }
    }

    /** What a submission finds on file: its clearance row (locked) and the latest record version. */
    private record OnFile(ClearanceDao.ClearanceRow clearance, int latest) {}

    /**
     * Reads and locks only, so that a refusal here leaves nothing to undo: the officer's clearance
     * row for the unit, locked; their country on file, which the submitter must see (another country:
     * 404); and the latest record version, whose records the submission must repeat unchanged (a
     * change is a correction: 409 naming each).
     */
    private OnFile onFile(Daos daos, Submission s) {
        OfficerRecord record = s.record;
        // lock order for every decision: the clearance row, then (when auditing) the audit head
        ClearanceDao.ClearanceRow current = daos.clearances().lock(record.officerId(), record.targetUnit())
                .orElse(null);
        OfficerRecordDao records = daos.records();
        OfficerRecordDao.OnFile officer = records.onFile(record.officerId());
        OfficerAccess.checkSubmissionCountry(s.actor, record, officer.country());
        int latest = officer.latestVersion();
        if (latest > 0) {
            OfficerRecord stored = Json.read(records.find(record.officerId(), latest).orElseThrow(),
                    OfficerRecord.class);
            List<FieldError> changed = EvidenceOnFile.changes(stored, record);
            if (!changed.isEmpty()) {
                throw new RecordsOnFileChanged(record.officerId(), changed);
            }
        }
        return new OnFile(current, latest);
    }

    /** One submission's rows: the officer, the record version, the evaluation and the clearance. */
    private Decided store(Handle h, Daos daos, Submission s, OnFile onFile) {
        OfficerRecord record = s.record;
        OfficerDao officers = daos.officers();
        if (onFile.latest() > 0) {
            officers.update(record.officerId(), record.country(), record.givenName(), record.familyName());
        } else {
            officers.insert(record.officerId(), record.country(), record.givenName(), record.familyName());
        }
        int version = onFile.latest() + 1;
        Instant now = time.now();
        daos.records().insert(record.officerId(), version, s.json, s.actor.username(), now);
        // screened and evaluated before the write, or (a possible match: its hits on file decide) now
        Screening screened = s.evaluated != null ? null : screening.onFile(h, s.matched, record, now);
        return decide(daos, s.ruleSet, record, s.json, version, List.of(new Held(record.targetUnit(), onFile.clearance())),
                false, Clearances.CAUSE_EVALUATION, s.actor.username(), now, s.asOf,
                unit -> s.evaluated != null ? s.evaluated : evaluate(s.ruleSet, record, s.asOf, s.actor.username(),
                        screened));
    }

    /**
     * Continuous vetting: appends records to the officer's stored record as a new version and
     * re-evaluates every clearance the officer holds, each for its own unit, in one transaction.
     */
    public List<Evaluation> appendRecords(String officerId, OfficerRecord additions, User actor) {
        access.check(actor, officerId);
        checkAdditions(additions);
        LocalDate asOf = time.today();
        RuleSet ruleSet = active.ruleSet();
        return retryingVersionRace(() -> jdbi.inTransaction(h -> {
            OfficerRecordDao records = h.attach(OfficerRecordDao.class);
            int latest = records.latestVersion(officerId);
            if (latest == 0) {
                throw NotFound.officer(officerId);
            }
            OfficerRecord current = Json.read(records.find(officerId, latest).orElseThrow(), OfficerRecord.class);
            OfficerRecord merged = RecordList.append(current, additions);
            ValidationFailed.check(additionErrors(merged, current, asOf, ruleSet));
            return storeAndReevaluate(h, ruleSet, merged, latest + 1, false, Clearances.CAUSE_EVALUATION,
                    actor.username(), asOf);
        }));
    }

    /**
     * Stores a new version of an officer's record and re-evaluates every clearance they hold, in the
     * caller's transaction: continuous vetting, or ({@code fresh}) an approved correction, whose
     * evaluations set each clearance to their outcome's status whatever stood before.
     */
    public List<Evaluation> storeAndReevaluate(Handle h, RuleSet ruleSet, OfficerRecord record, int version,
                                               boolean fresh, String cause, String actor, LocalDate asOf) {
        Instant now = time.now();
        String json = Json.write(record);
        Daos daos = Daos.of(h);
        daos.records().insert(record.officerId(), version, json, actor, now);
        // lock every held clearance before the first audit append (clearance rows, then the head)
        ClearanceDao clearances = daos.clearances();
        List<Held> held = clearances.ofOfficer(record.officerId()).stream()
                .filter(c -> ruleSet.unit(c.unit()).isPresent()) // a unit that left the rule set has nothing to judge by
                .map(c -> new Held(c.unit(), clearances.lock(record.officerId(), c.unit()).orElseThrow()))
                .toList();
        return evaluateAndSet(h, daos, ruleSet, record, json, version, held, fresh, cause, actor, now, asOf);
    }

    /**
     * A rule change (POLICY section 7) or a screening event (a list version taking effect, a hit
     * reviewed: section 8): re-evaluates one clearance under {@code ruleSet} on the officer's record
     * on file (no new record version), screened again, in the caller's transaction, as
     * {@link Transitions#onRuleChange} says. Empty when the clearance keeps its state unevaluated.
     */
    public Optional<Evaluation> reevaluateOnFile(Handle h, RuleSet ruleSet, String officerId, String unit,
                                                 int recordVersion, String recordJson, String cause, String actor,
                                                 LocalDate asOf) {
        ClearanceDao.ClearanceRow row = h.attach(ClearanceDao.class).lock(officerId, unit).orElse(null);
        if (row == null || ruleSet.unit(unit).isEmpty()) {
            return Optional.empty();
        }
        Transitions.OnRuleChange how = Transitions.onRuleChange(
                org.vetting.clearance.ClearanceStatus.valueOf(row.status()));
        if (how == Transitions.OnRuleChange.KEEP) {
            return Optional.empty();
        }
        OfficerRecord record = Json.read(recordJson, OfficerRecord.class);
        return Optional.of(evaluateAndSet(h, Daos.of(h), ruleSet, record, recordJson, recordVersion, List.of(new Held(unit, row)),
                how == Transitions.OnRuleChange.FRESH, cause, actor, time.now(), asOf).get(0));
    }

    /**
     * Every clearance the officer holds, re-evaluated on the record on file as {@link #reevaluateOnFile}
     * does, in the caller's transaction; how many were evaluated.
     */
    public int reevaluateAllOnFile(Handle h, RuleSet ruleSet, String officerId, int recordVersion, String recordJson,
                                   String cause, String actor, LocalDate asOf) {
        int evaluated = 0;
        for (ClearanceDao.ClearanceRow c : h.attach(ClearanceDao.class).ofOfficer(officerId)) {
            if (reevaluateOnFile(h, ruleSet, officerId, c.unit(), recordVersion, recordJson, cause, actor, asOf)
                    .isPresent()) {
                evaluated++;
            }
        }
        return evaluated;
    }

    /** A clearance to evaluate: its unit, and its row when the officer has one there. */
    private record Held(String unit, ClearanceDao.ClearanceRow row) {}

    private List<Evaluation> evaluateAndSet(Handle h, Daos daos, RuleSet ruleSet, OfficerRecord record, String json,
                                            int version, List<Held> held, boolean fresh, String cause, String actor, Instant now,
                                            LocalDate asOf) {
        Screening screened = held.isEmpty() ? null : screening.screen(h, ruleSet, record, now);
        Decided decided = decide(daos, ruleSet, record, json, version, held, fresh, cause, actor, now, asOf,
                unit -> evaluate(ruleSet, record.forUnit(unit), asOf, actor, screened));
        // the audit head last: every row of the decision is written before it is taken
        AuditChain.appendAll(h, decided.audit());
        return decided.evaluations();
    }

    /**
     * The DAOs a decision writes with, attached once per transaction: attaching one costs Jdbi more
     * than many of the statements it runs (a fifth of a submission's CPU on PostgreSQL, profiled).
     */
    private record Daos(ClearanceDao clearances, OfficerRecordDao records, OfficerDao officers,
                        EvaluationDao evaluations) {
        static Daos of(Handle h) {
            return new Daos(h.attach(ClearanceDao.class), h.attach(OfficerRecordDao.class),
                    h.attach(OfficerDao.class), h.attach(EvaluationDao.class));
        }
    }

    /** Evaluations stored and clearances set, and the audit entries still to append for them. */
    private record Decided(List<Evaluation> evaluations, List<AuditChain.Pending> audit) {}

    /**
     * Stores each held clearance's evaluation ({@code evaluation} gives it for a unit) and sets the
     * clearance as {@link Transitions#afterEvaluation} says.
     */
    private Decided decide(Daos daos, RuleSet ruleSet, OfficerRecord record, String json, int version, List<Held> held,
                           boolean fresh, String cause, String actor, Instant now, LocalDate asOf,
                           Function<String, Evaluation> evaluation) {
        List<Evaluation> evaluated = new ArrayList<>();
        List<AuditChain.Pending> audit = new ArrayList<>();
        for (Held clearance : held) {
            Evaluation e = evaluation.apply(clearance.unit());
            Transitions.Result result = Transitions.afterEvaluation(clearance.row(), e.outcome(), e.valid(),
                    e.conditions(), ruleSet.unit(clearance.unit()).orElseThrow(), asOf, fresh);
            e = e.stored(Ids.next(), version, now, result.reapplyFrom());
            EvaluationDao.Rows rows = StoredEvaluation.rows(e);
            daos.evaluations().insert(rows);
            audit.add(new AuditChain.Pending(EntryType.EVALUATION, e.id(), e.officerId(), actor, now,
                    AuditChain.evaluationContent(rows, json)));
            if (!result.stands()) {
                audit.add(Clearances.audit(Clearances.record(daos.clearances(), e.officerId(), e.unit(), result.next(), e.id(), cause,
                        actor, now, clearance.row() != null)));
            }
            evaluated.add(e);
        }
        return new Decided(evaluated, audit);
    }

    /** Two writers of one officer may take the same record version number: the loser tries again. */
    private static <T> T retryingVersionRace(java.util.function.Supplier<T> work) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try {
                return work.get();
            } catch (UnableToExecuteStatementException race) {
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
        LocalDate date = asOf == null ? time.today() : asOf;
        RuleSet ruleSet = active.ruleSet();
        ValidationFailed.check(RecordValidator.validate(record, date, ruleSet, "record."));
        Screening screened = screening.dryRun(jdbi, ruleSet, record, time.now());
        return evaluate(ruleSet, record, date, actor, screened);
    }

    /** The stored evaluations of an officer, oldest first, without their flags. */
    public ListPage<EvaluationSummary> ofOfficer(String officerId, User reader, String after, int limit) {
        access.check(reader, officerId);
        List<EvaluationDao.EvaluationRow> rows = jdbi.withExtension(EvaluationDao.class,
                dao -> dao.ofOfficer(officerId, after, limit + 1));
        String next = rows.size() > limit ? rows.get(limit - 1).id() : null;
        return new ListPage<>(rows.stream().limit(limit)
                .map(e -> new EvaluationSummary(e.id(), e.unit(), e.outcome(), e.asOf(), e.validUntil(), e.evaluatedAt(),
                        e.evaluatedBy()))
                .toList(), next);
    }

    /** A stored evaluation, as the service itself reads it (no reader's scope applies). */
    public Optional<Evaluation> find(String id) {
        return jdbi.withExtension(EvaluationDao.class, dao -> dao.rows(id)).map(StoredEvaluation::from);
    }

    /**
     * A stored evaluation as {@code reader} may read it: one about an officer outside their
     * countries is absent (404), one about themselves refused (403). {@code named} learns the
     * officer first, so the attempt is logged with it.
     */
    public Evaluation read(String id, User reader, java.util.function.Consumer<String> named) {
        Evaluation e = find(id).orElseThrow(() -> NotFound.evaluation(id));
        named.accept(e.officerId());
        try {
            access.check(reader, e.officerId());
        } catch (NotFound outOfScope) {
            throw NotFound.evaluation(id);
        }
        return e;
    }

    /**
     * Evaluates and explains without storing: for submissions, dry runs and replays. {@code screened}
     * is what screening found (null when the rule set does not screen); its hits are the rules' facts.
     */
    public Evaluation evaluate(RuleSet ruleSet, OfficerRecord record, LocalDate asOf, String actor,
                               Screening screened) {
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
