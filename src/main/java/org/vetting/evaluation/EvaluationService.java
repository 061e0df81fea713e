package org.vetting.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.vetting.access.AccessLog;
import org.vetting.access.OfficerAccess;
import org.vetting.api.ClearanceCause;
import org.vetting.api.FieldError;
import org.vetting.api.OfficerRecord;
import org.vetting.api.RecordList;
import org.vetting.auth.User;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.db.OfficerRecordDao;
import org.vetting.errors.NotFound;
import org.vetting.errors.ValidationFailed;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.rules.RuleSet;

/**
 * Submissions, continuous vetting and dry runs: validate, evaluate under the active rule set, and
 * (but for a dry run) store the record version, the evaluation with its flags and fired rules, and
 * the clearance in one transaction. Every path to an officer's file checks {@link OfficerAccess}.
 * Writing is {@link SubmissionWriter}'s (many submissions at once) and {@link Reevaluations}' (the
 * clearances an officer holds); evaluating is {@link Evaluator}'s.
 */
public final class EvaluationService {
    private static final int MAX_ATTEMPTS = 3;
    private static final Pattern INDEXED = Pattern.compile("^(\\w+)\\[(\\d+)\\](.*)$");

    private final Jdbi jdbi;
    private final ActiveRuleSet active;
    private final OfficerAccess access;
    private final Evaluator evaluator;
    private final Reevaluations reevaluations;
    private final ScreeningOnFile screening;
    private final ServiceTime time;
    private final SubmissionWriter writer;

    /** What submissions are written with: screening, the access log, the clock, and how many groups at once. */
    public record Writing(ScreeningOnFile screening, AccessLog accessLog, ServiceTime time, int writers) {}

    public EvaluationService(Jdbi jdbi, ActiveRuleSet active, OfficerAccess access, Evaluator evaluator,
                             Reevaluations reevaluations, Writing writing) {
        this.jdbi = jdbi;
        this.active = active;
        this.access = access;
        this.evaluator = evaluator;
        this.reevaluations = reevaluations;
        this.screening = writing.screening();
        this.time = writing.time();
        this.writer = new SubmissionWriter(jdbi, time, screening, evaluator, writing.accessLog(), writing.writers());
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
                ? evaluator.evaluate(ruleSet, record, asOf, actor.username(), matched.withoutHits()) : null;
        return writer.write(new SubmissionWriter.Prepared(record, Json.write(record), actor, ruleSet, asOf, read,
                matched, evaluated));
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
        Reevaluations.Why why = new Reevaluations.Why(ruleSet, ClearanceCause.EVALUATION, actor.username(), asOf);
        return retryingVersionRace(() -> jdbi.inTransaction(h -> {
            OfficerRecordDao records = h.attach(OfficerRecordDao.class);
            int latest = records.latestVersion(officerId);
            if (latest == 0) {
                throw NotFound.officer(officerId);
            }
            OfficerRecord current = records.record(officerId, latest).orElseThrow();
            OfficerRecord merged = RecordList.append(current, additions);
            ValidationFailed.check(additionErrors(merged, current, asOf, ruleSet));
            return reevaluations.storeAndReevaluate(h, why, merged, latest + 1, false);
        }));
    }

    /** Evaluates without storing anything. */
    public Evaluation dryRun(OfficerRecord record, LocalDate asOf, String actor) {
        LocalDate date = asOf == null ? time.today() : asOf;
        RuleSet ruleSet = active.ruleSet();
        ValidationFailed.check(RecordValidator.validate(record, date, ruleSet, "record."));
        Screening screened = screening.dryRun(jdbi, ruleSet, record, time.now());
        return evaluator.evaluate(ruleSet, record, date, actor, screened);
    }

    /** Two writers of one officer may take the same record version number: the loser tries again. */
    private static <T> T retryingVersionRace(Supplier<T> work) {
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
        List<FieldError> errors = new ArrayList<>();
        for (FieldError error : RecordValidator.validate(merged, asOf, ruleSet, "")) {
            if (error.field().equals("targetUnit")) {
                continue;
            }
            Matcher m = INDEXED.matcher(error.field());
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
}
