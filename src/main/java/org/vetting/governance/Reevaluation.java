package org.vetting.governance;

import java.util.concurrent.ExecutorService;
import org.vetting.common.Wakeup;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.api.ClearanceCause;
import org.vetting.api.ProposalStatus;
import org.vetting.common.Actors;
import org.vetting.common.ServiceTime;
import org.vetting.db.ClearanceDao;
import org.vetting.db.ActivationDao;
import org.vetting.db.PopulationDao;
import org.vetting.db.RuleSetDao;
import org.vetting.evaluation.Evaluation;
import org.vetting.evaluation.Reevaluations;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.rules.RuleSet;

/**
 * The re-evaluation of every clearance on file when a rule set takes effect (docs/api.md, "Changing the policy",
 * "Activation"), cause RULE_CHANGE. It walks the clearances in (officer, unit) order in small
 * batches; each batch's evaluations, clearance changes, audit entries and the cursor commit in one
 * transaction, so a crash resumes after the last committed batch — no clearance re-applied or
 * skipped — and no lock is held for longer than one batch. Any instance may run the next batch: the
 * activation row's lock makes them take turns.
 */
public final class Reevaluation {
    /** Clearances per transaction: short enough that submissions waiting on a lock stay fast. */
    static final int BATCH = 25;
    private static final Logger LOG = LoggerFactory.getLogger(Reevaluation.class);

    private final Jdbi jdbi;
    private final ActiveRuleSet active;
    private final Reevaluations evaluations;
    private final ServiceTime time;
    private final Wakeup wakeup;

    public Reevaluation(Jdbi jdbi, ActiveRuleSet active, Reevaluations evaluations, ServiceTime time,
                        ExecutorService worker) {
        this.jdbi = jdbi;
        this.active = active;
        this.evaluations = evaluations;
        this.time = time;
        this.wakeup = new Wakeup(worker, this::runPending, LOG,
                "re-evaluation after a rule change stopped; it resumes on the next poll");
    }

    /** Runs the unfinished re-evaluations on the worker thread soon (once, however often called). */
    public void wake() {
        wakeup.wake();
    }

    /** Runs every unfinished re-evaluation to its end; returns how many clearances it re-evaluated. */
    public int runPending() {
        int total = 0;
        for (String version : jdbi.withExtension(ActivationDao.class, ActivationDao::unfinished)) {
            total += run(version);
        }
        return total;
    }

    private int run(String version) {
        long started = System.nanoTime();
        RuleSet ruleSet = active.byVersion(version);
        int processed = 0;
        while (true) {
            Optional<Integer> batch = batch(version, ruleSet);
            if (batch.isEmpty()) {
                break;
            }
            processed += batch.get();
        }
        if (processed > 0) {
            LOG.info("rule set {}: {} clearances re-evaluated in {} ms", version, processed,
                    (System.nanoTime() - started) / 1_000_000);
        }
        return processed;
    }

    /** One batch in one transaction; empty when the re-evaluation is finished. */
    private Optional<Integer> batch(String version, RuleSet ruleSet) {
        return jdbi.inTransaction(h -> {
            ActivationDao dao = h.attach(ActivationDao.class);
            ActivationDao.ActivationRow row = dao.lock(version).orElseThrow();
            if (row.finishedAt() != null) {
                return Optional.empty();
            }
            boolean superseded = !h.attach(RuleSetDao.class).proposal(version)
                    .map(p -> p.status() == ProposalStatus.ACTIVE).orElse(false);
            List<PopulationDao.Member> page = superseded ? List.of()
                    : h.attach(PopulationDao.class).page(row.afterOfficer(), row.afterUnit(), BATCH);
            ClearanceDao clearances = h.attach(ClearanceDao.class);
            Reevaluations.Why why = new Reevaluations.Why(ruleSet, ClearanceCause.RULE_CHANGE, Actors.RULE_CHANGE_JOB,
                    row.asOf());
            int changed = 0;
            for (PopulationDao.Member m : page) {
                if (version.equals(m.evaluatedUnder())) {
                    continue; // evaluated under this set since it took effect (a submission meanwhile)
                }
                Optional<Evaluation> e = evaluations.reevaluateOnFile(h, why,
                        new Reevaluations.OnFile(m.officerId(), m.recordVersion(), m.record()), m.unit());
                if (e.isPresent() && !clearances.lock(m.officerId(), m.unit()).map(ClearanceDao.ClearanceRow::status)
                        .orElse("").equals(m.status())) {
                    changed++;
                }
            }
            PopulationDao.Member last = page.isEmpty() ? null : page.get(page.size() - 1);
            boolean finished = page.size() < BATCH;
            dao.advance(new ActivationDao.ActivationRow(version, row.startedAt(), row.asOf(),
                    last == null ? row.afterOfficer() : last.officerId(), last == null ? row.afterUnit() : last.unit(),
                    row.done() + page.size(), row.changed() + changed, row.total(), finished ? time.now() : null));
            return Optional.of(page.size());
        });
    }

    /** Progress of a version's re-evaluation, if it has one. */
    public Optional<ActivationDao.ActivationRow> progress(String version) {
        return jdbi.withExtension(ActivationDao.class, dao -> dao.find(version));
    }
}
