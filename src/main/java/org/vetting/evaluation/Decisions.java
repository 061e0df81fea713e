package org.vetting.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.jdbi.v3.core.Handle;
import org.vetting.api.ClearanceCause;
import org.vetting.api.OfficerRecord;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.clearance.AdverseCases;
import org.vetting.clearance.Clearances;
import org.vetting.rules.AdverseClocks;
import org.vetting.clearance.Transitions;
import org.vetting.common.Ids;
import org.vetting.db.ClearanceDao;
import org.vetting.db.EvaluationDao;
import org.vetting.db.OfficerDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.rules.RuleSet;

/**
 * Storing decisions: each evaluation with its flags and fired rules, and the clearance it moves.
 *
 * <p>Lock order, the same for every path that decides (submissions, continuous vetting,
 * corrections, rule changes, screening, adjudication): the officer's clearance rows first ({@link
 * Held} carries each one locked), then the audit head, taken last by {@link AuditChain#appendAll}
 * once every row of the decision is written. Two decisions therefore wait for each other at a
 * clearance row or at the head, never in a cycle.
 */
final class Decisions {
    private Decisions() {}

    /**
     * The DAOs a decision writes with, attached once per transaction: attaching one costs Jdbi more
     * than many of the statements it runs (a fifth of a submission's CPU on PostgreSQL, profiled).
     */
    record Daos(Handle handle, ClearanceDao clearances, OfficerRecordDao records, OfficerDao officers,
                EvaluationDao evaluations) {
        static Daos of(Handle h) {
            return new Daos(h, h.attach(ClearanceDao.class), h.attach(OfficerRecordDao.class),
                    h.attach(OfficerDao.class), h.attach(EvaluationDao.class));
        }
    }

    /** A clearance to evaluate: its unit, and its row (locked) when the officer has one there. */
    record Held(String unit, ClearanceDao.ClearanceRow row) {}

    /**
     * What a decision rests on: the rule set, the record version ({@code json} as stored), why it
     * is made, by whom, when, and the day it judges.
     */
    record Basis(RuleSet ruleSet, OfficerRecord record, String json, int version, ClearanceCause cause, String actor,
                 Instant now, LocalDate asOf) {}

    /** Evaluations stored and clearances set, and the audit entries still to append for them. */
    record Decided(List<Evaluation> evaluations, List<AuditChain.Pending> audit) {}

    /**
     * Stores each held clearance's evaluation ({@code evaluation} gives it for a unit) and sets the
     * clearance as {@link Transitions#afterEvaluation} says; {@code fresh}: whatever stood before.
     * The caller appends the audit entries, after every row of its decision.
     */
    static Decided decide(Daos daos, Basis basis, List<Held> held, boolean fresh,
                          Function<String, Evaluation> evaluation) {
        List<Evaluation> evaluated = new ArrayList<>();
        List<AuditChain.Pending> audit = new ArrayList<>();
        for (Held clearance : held) {
            Evaluation e = evaluation.apply(clearance.unit());
            AdverseClocks clocks = basis.ruleSet().adverseClocks().orElse(null);
            Transitions.Result result = Transitions.afterEvaluation(clearance.row(),
                    new Transitions.Judged(e.outcome(), e.valid(), e.conditions()),
                    basis.ruleSet().unit(clearance.unit()).orElseThrow(), clocks, basis.asOf(), fresh);
            e = store(daos, basis, e, result.reapplyFrom(), audit);
            if (!result.stands()) {
                ClearanceDao.EventRow event = Clearances.record(daos.clearances(), new Clearances.Change(e.officerId(),
                        e.unit(), result.next(), e.id(), basis.cause(), basis.actor(), basis.now()),
                        clearance.row() != null);
                audit.add(Clearances.audit(event));
                // section 9: a proposed denial or revocation opens its case with it; a correction may end one
                if (result.endsCase()) {
                    audit.add(AdverseCases.end(daos.handle(), e.officerId(), e.unit(), basis.actor(), basis.now(),
                            "an approved correction took the finding away"));
                }
                if (result.opensCase()) {
                    audit.add(AdverseCases.open(daos.handle(), event, clocks));
                }
            }
            evaluated.add(e);
        }
        return new Decided(evaluated, audit);
    }

    /** Stores an evaluation with its id and record version; its audit entry is added to {@code audit}. */
    static Evaluation store(Daos daos, Basis basis, Evaluation evaluated, java.time.LocalDate reapplyFrom,
                            List<AuditChain.Pending> audit) {
        Evaluation e = evaluated.stored(Ids.next(), basis.version(), basis.now(), reapplyFrom);
        EvaluationDao.Rows rows = StoredEvaluation.rows(e);
        daos.evaluations().insert(rows);
        audit.add(new AuditChain.Pending(EntryType.EVALUATION, e.id(), e.officerId(), basis.actor(), basis.now(),
                AuditChain.evaluationContent(rows, basis.json())));
        return e;
    }
}
