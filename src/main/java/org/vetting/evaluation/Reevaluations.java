package org.vetting.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Handle;
import org.vetting.db.OfficerRecordDao;
import org.vetting.api.ClearanceCause;
import org.vetting.api.OfficerRecord;
import org.vetting.chain.AuditChain;
import org.vetting.clearance.ClearanceStatus;
import org.vetting.clearance.Transitions;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.db.ClearanceDao;
import org.vetting.rules.RuleSet;

/**
 * Re-evaluating the clearances an officer holds, in the caller's transaction: continuous vetting
 * and approved corrections (a new record version), rule changes and screening events (the record on
 * file). Each evaluation is screened again, stored and audited, and moves its clearance as {@link
 * Transitions} says; the lock order is {@link Decisions}'.
 */
public final class Reevaluations {
    private final Evaluator evaluator;
    private final ScreeningOnFile screening;
    private final ServiceTime time;

    public Reevaluations(Evaluator evaluator, ScreeningOnFile screening, ServiceTime time) {
        this.evaluator = evaluator;
        this.screening = screening;
        this.time = time;
    }

    /** Why a re-evaluation runs and under what: the rule set, the cause, who, and the day it judges. */
    public record Why(RuleSet ruleSet, ClearanceCause cause, String actor, LocalDate asOf) {}

    /** A version of an officer's record on file, as stored. */
    public record OnFile(String officerId, int version, String json) {}

    /**
     * Stores {@code record} as the officer's version {@code version} and re-evaluates every clearance
     * they hold: continuous vetting, or ({@code fresh}) an approved correction, whose evaluations set
     * each clearance to their outcome's status whatever stood before.
     */
    public List<Evaluation> storeAndReevaluate(Handle h, Why why, OfficerRecord record, int version, boolean fresh) {
        Instant now = time.now();
        String json = Json.write(record);
        Decisions.Daos daos = Decisions.Daos.of(h);
        daos.records().insert(record.officerId(), version, json, why.actor(), now);
        // lock every held clearance before the first audit append (clearance rows, then the head)
        ClearanceDao clearances = daos.clearances();
        List<Decisions.Held> held = clearances.ofOfficer(record.officerId()).stream()
                .filter(c -> why.ruleSet().unit(c.unit()).isPresent()) // a unit that left the rule set has nothing to judge by
                .map(c -> new Decisions.Held(c.unit(), clearances.lock(record.officerId(), c.unit()).orElseThrow()))
                .toList();
        return evaluateAndSet(h, daos, new Decisions.Basis(why.ruleSet(), record, json, version, why.cause(),
                why.actor(), now, why.asOf()), held, fresh);
    }

    /**
     * A rule change (docs/api.md, "Changing the policy") or a screening event (a list version taking
     * effect, a hit reviewed: docs/screening.md): re-evaluates one clearance on the record on file (no
     * new record version), as {@link Transitions#onRuleChange} says. Empty when the clearance keeps
     * its state unevaluated.
     */
    public Optional<Evaluation> reevaluateOnFile(Handle h, Why why, OnFile onFile, String unit) {
        ClearanceDao.ClearanceRow row = h.attach(ClearanceDao.class).lock(onFile.officerId(), unit).orElse(null);
        if (row == null || why.ruleSet().unit(unit).isEmpty()) {
            return Optional.empty();
        }
        Transitions.OnRuleChange how = Transitions.onRuleChange(ClearanceStatus.valueOf(row.status()));
        if (how == Transitions.OnRuleChange.KEEP) {
            return Optional.empty();
        }
        OfficerRecord record = OfficerRecordDao.read(onFile.json());
        Decisions.Basis basis = new Decisions.Basis(why.ruleSet(), record, onFile.json(), onFile.version(), why.cause(),
                why.actor(), time.now(), why.asOf());
        return Optional.of(evaluateAndSet(h, Decisions.Daos.of(h), basis, List.of(new Decisions.Held(unit, row)),
                how == Transitions.OnRuleChange.FRESH).get(0));
    }

    /** Every clearance the officer holds, re-evaluated as {@link #reevaluateOnFile} does; how many were evaluated. */
    public int reevaluateAllOnFile(Handle h, Why why, OnFile onFile) {
        int evaluated = 0;
        for (ClearanceDao.ClearanceRow c : h.attach(ClearanceDao.class).ofOfficer(onFile.officerId())) {
            if (reevaluateOnFile(h, why, onFile, c.unit()).isPresent()) {
                evaluated++;
            }
        }
        return evaluated;
    }

    /**
     * An adverse case's evaluation of the file as it now stands (policy section 9: its
     * reconsideration, the board's reversal): the officer's latest record under the active rules,
     * screened, stored and audited, the clearance left as it is — the case decides it, in the same
     * transaction. The clearance row is locked first (the lock order of {@link Decisions}).
     */
    public Evaluation evaluateForCase(Handle h, Why why, String officerId, String unit) {
        Decisions.Daos daos = Decisions.Daos.of(h);
        daos.clearances().lock(officerId, unit).orElseThrow(() -> new IllegalStateException(
                "no clearance " + officerId + " " + unit));
        int version = daos.records().latestVersion(officerId);
        String json = daos.records().find(officerId, version).orElseThrow();
        OfficerRecord record = OfficerRecordDao.read(json);
        Decisions.Basis basis = new Decisions.Basis(why.ruleSet(), record, json, version, why.cause(), why.actor(),
                time.now(), why.asOf());
        Screening screened = screening.screen(h, basis.ruleSet(), record, basis.now());
        List<AuditChain.Pending> audit = new java.util.ArrayList<>();
        Evaluation e = Decisions.store(daos, basis, evaluator.evaluate(basis.ruleSet(), record.forUnit(unit),
                basis.asOf(), basis.actor(), screened), null, audit);
        AuditChain.appendAll(h, audit);
        return e;
    }

    private List<Evaluation> evaluateAndSet(Handle h, Decisions.Daos daos, Decisions.Basis basis,
                                            List<Decisions.Held> held, boolean fresh) {
        OfficerRecord record = basis.record();
        Screening screened = held.isEmpty() ? null : screening.screen(h, basis.ruleSet(), record, basis.now());
        Decisions.Decided decided = Decisions.decide(daos, basis, held, fresh, unit -> evaluator.evaluate(
                basis.ruleSet(), record.forUnit(unit), basis.asOf(), basis.actor(), screened));
        // the audit head last: every row of the decision is written before it is taken
        AuditChain.appendAll(h, decided.audit());
        return decided.evaluations();
    }
}
