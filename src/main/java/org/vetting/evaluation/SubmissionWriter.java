package org.vetting.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.vetting.access.AccessLog;
import org.vetting.access.OfficerAccess;
import org.vetting.api.ClearanceCause;
import org.vetting.api.FieldError;
import org.vetting.api.OfficerRecord;
import org.vetting.auth.User;
import org.vetting.chain.AuditChain;
import org.vetting.common.GroupCommit;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.db.ClearanceDao;
import org.vetting.db.OfficerDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.errors.NotFound;
import org.vetting.errors.RecordsOnFileChanged;
import org.vetting.rules.RuleSet;

/**
 * Writes submissions, many at a time (group commit): each one's officer row, record version,
 * evaluation and clearance, the access-log entries of the reads that came with them, then every
 * decision's audit entries under one lock of the head, and one commit. Every caller returns only
 * after that commit. Lock order as {@link Decisions} says: clearance rows (in officer order, when
 * several groups are written at once), then the head.
 */
final class SubmissionWriter {
    private static final int MAX_ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final ServiceTime time;
    private final ScreeningOnFile screening;
    private final Evaluator evaluator;
    private final AccessLog accessLog;
    private final GroupCommit<Submission> submissions;

    SubmissionWriter(Jdbi jdbi, ServiceTime time, ScreeningOnFile screening, Evaluator evaluator, AccessLog accessLog,
                     int writers) {
        this.jdbi = jdbi;
        this.time = time;
        this.screening = screening;
        this.evaluator = evaluator;
        this.accessLog = accessLog;
        this.submissions = new GroupCommit<>(this::writeSubmissions, writers);
    }

    /**
     * A validated submission, with what was worked out before the write on the caller's thread: the
     * record's JSON, the watchlist matching and (no possible match) the rules' evaluation.
     */
    record Prepared(OfficerRecord record, String json, User actor, RuleSet ruleSet, LocalDate asOf,
                    AccessLog.Read read, ScreeningOnFile.Matched matched, Evaluation evaluated) {}

    /** Writes the submission with those that arrived meanwhile: its stored evaluation, or its refusal thrown. */
    Evaluation write(Prepared prepared) {
        Submission submission = new Submission(prepared);
        submissions.write(submission);
        if (submission.failure != null) {
            throw submission.failure;
        }
        return submission.evaluation;
    }

    /** A submission waiting to be written, and what came of it. */
    private static final class Submission {
        final Prepared p;
        Evaluation evaluation;
        RuntimeException failure;

        Submission(Prepared p) {
            this.p = p;
        }

        /** Before the group is written again: nothing came of it yet. */
        void reset() {
            evaluation = null;
            failure = null;
        }
    }

    /**
     * A submission refused before it writes anything (a record on file changed) is left out and its
     * caller gets its error; if one fails after writing (a version race, a database error) the
     * transaction is rolled back and the group written again with each submission in a savepoint of
     * its own, so that one is rolled back alone (a race retried up to three times).
     */
    private void writeSubmissions(List<Submission> arrived) {
        // officers in one order in every group, so that groups written at once lock clearance rows in
        // the same order (a stable sort: one officer's submissions stay in arrival order)
        List<Submission> group = arrived.stream()
                .sorted(Comparator.comparing((Submission s) -> s.p.record().officerId())).toList();
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
        Decisions.Daos daos = Decisions.Daos.of(h);
        List<AuditChain.Pending> audit = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            Submission s = group.get(i);
            if (savepoints) {
                storeInSavepoint(h, daos, s, "submission_" + i, audit);
                continue;
            }
            OnFile onFile;
            try {
                onFile = onFile(daos, s.p);
            } catch (RecordsOnFileChanged | NotFound refused) {
                s.failure = refused; // refused before writing anything: nothing to undo
                continue;
            } catch (RuntimeException failed) {
                throw new WriteInSavepoints(failed);
            }
            try {
                Decisions.Decided decided = store(h, daos, s.p, onFile);
                s.evaluation = decided.evaluations().get(0);
                audit.addAll(decided.audit());
            } catch (RuntimeException failed) {
                throw new WriteInSavepoints(failed);
            }
        }
        // the stored submissions' reads, in the access log with them
        AccessLog.write(h, group.stream().filter(s -> s.evaluation != null && s.p.read() != null)
                .map(s -> accessLog.entry(s.p.read(), s.p.record().officerId())).toList());
        // the audit head last: every row of every decision is written before it is taken
        AuditChain.appendAll(h, audit);
    }

    /** One submission in a savepoint of its own: refused, it is rolled back alone; a version race is tried again. */
    private void storeInSavepoint(Handle h, Decisions.Daos daos, Submission s, String name,
                                  List<AuditChain.Pending> audit) {
        for (int attempt = 1; s.evaluation == null && s.failure == null; attempt++) {
            String savepoint = name + "_" + attempt;
            h.savepoint(savepoint);
            try {
                Decisions.Decided decided = store(h, daos, s.p, onFile(daos, s.p));
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
    private OnFile onFile(Decisions.Daos daos, Prepared p) {
        OfficerRecord record = p.record();
        // lock order for every decision: the clearance row, then (when auditing) the audit head
        ClearanceDao.ClearanceRow current = daos.clearances().lock(record.officerId(), record.targetUnit())
                .orElse(null);
        OfficerRecordDao.OnFile officer = daos.records().onFile(record.officerId());
        OfficerAccess.checkSubmissionCountry(p.actor(), record, officer.country());
        int latest = officer.latestVersion();
        if (latest > 0) {
            OfficerRecord stored = daos.records().record(record.officerId(), latest).orElseThrow();
            List<FieldError> changed = EvidenceOnFile.changes(stored, record);
            if (!changed.isEmpty()) {
                throw new RecordsOnFileChanged(record.officerId(), changed);
            }
        }
        return new OnFile(current, latest);
    }

    /** One submission's rows: the officer, the record version, the evaluation and the clearance. */
    private Decisions.Decided store(Handle h, Decisions.Daos daos, Prepared p, OnFile onFile) {
        OfficerRecord record = p.record();
        OfficerDao officers = daos.officers();
        if (onFile.latest() > 0) {
            officers.update(record.officerId(), record.country(), record.givenName(), record.familyName());
        } else {
            officers.insert(record.officerId(), record.country(), record.givenName(), record.familyName());
        }
        int version = onFile.latest() + 1;
        Instant now = time.now();
        String actor = p.actor().username();
        daos.records().insert(record.officerId(), version, p.json(), actor, now);
        // screened and evaluated before the write, or (a possible match: its hits on file decide) now
        Screening screened = p.evaluated() != null ? null : screening.onFile(h, p.matched(), record, now);
        Decisions.Basis basis = new Decisions.Basis(p.ruleSet(), record, p.json(), version, ClearanceCause.EVALUATION,
                actor, now, p.asOf());
        return Decisions.decide(daos, basis, List.of(new Decisions.Held(record.targetUnit(), onFile.clearance())),
                false, unit -> p.evaluated() != null ? p.evaluated()
                        : evaluator.evaluate(p.ruleSet(), record, p.asOf(), actor, screened));
    }
}
