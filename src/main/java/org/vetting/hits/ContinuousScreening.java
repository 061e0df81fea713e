package org.vetting.hits;

import org.vetting.common.Wakeup;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.db.OfficerRecordDao;
import org.vetting.api.ClearanceCause;
import org.vetting.api.OfficerRecord;
import org.vetting.clearance.Clearances;
import org.vetting.clearance.Transitions;
import org.vetting.common.Actors;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.db.ScreeningHitDao;
import org.vetting.db.WatchlistDao;
import org.vetting.evaluation.Reevaluations;
import org.vetting.evaluation.ScreeningOnFile;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.rules.RuleSet;
import org.vetting.rules.ScreeningPolicy;
import org.vetting.screening.Screener;
import org.vetting.screening.WatchlistIndex;
import org.vetting.watchlist.ActiveWatchlists;

/**
 * Continuous screening (docs/screening.md): when a list version takes effect, everyone holding a
 * clearance is screened again against the lists in force. An officer with a new possible match — or
 * with a standing one whose entry left the list or changed — has every clearance re-evaluated on the
 * record on file (cause SCREENING; ACTIVE → SUSPENDED as continuous vetting), the rules deciding
 * what the hits mean. Officers are walked in id order in batches; each batch's work and the cursor
 * commit together, so a crash resumes after the last committed batch, on any instance.
 */
public final class ContinuousScreening {
    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(ContinuousScreening.class);
    /** Who holds a clearance that screening can change: what a rule change re-evaluates too. */
    static final List<String> HOLDING = Transitions.reevaluatedOnChange();

    private final Jdbi jdbi;
    private final ActiveRuleSet rules;
    private final ActiveWatchlists lists;
    private final Reevaluations evaluations;
    private final ServiceTime time;
    private final Wakeup wakeup;

    public ContinuousScreening(Jdbi jdbi, ActiveRuleSet rules, ActiveWatchlists lists, Reevaluations evaluations,
                               ServiceTime time, ExecutorService worker) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.lists = lists;
        this.evaluations = evaluations;
        this.time = time;
        this.wakeup = new Wakeup(worker, this::runPending, LOG,
                "continuous screening stopped; it resumes on the next poll");
    }

    /** Runs the unfinished re-screenings on the worker thread soon (once, however often called). */
    public void wake() {
        wakeup.wake();
    }

    /** Runs every unfinished re-screening to its end; returns how many officers it screened. */
    public int runPending() {
        int total = 0;
        for (ScreeningHitDao.RunRow run : jdbi.withExtension(ScreeningHitDao.class, ScreeningHitDao::unfinishedRuns)) {
            lists.refresh();
            long started = System.nanoTime();
            int screened = 0;
            while (true) {
                Optional<Integer> batch = batch(run.listName(), run.version());
                if (batch.isEmpty()) {
                    break;
                }
                screened += batch.get();
            }
            if (screened > 0) {
                LOG.info("watchlist {} version {}: {} officers re-screened in {} ms", run.listName(), run.version(),
                        screened, (System.nanoTime() - started) / 1_000_000);
            }
            total += screened;
        }
        return total;
    }

    private Optional<Integer> batch(String list, int version) {
        return jdbi.inTransaction(h -> {
            ScreeningHitDao dao = h.attach(ScreeningHitDao.class);
            ScreeningHitDao.RunRow run = dao.lockRun(list, version).orElseThrow();
            if (run.finishedAt() != null) {
                return Optional.empty();
            }
            boolean inForce = h.attach(WatchlistDao.class).active(list)
                    .map(v -> v.version() == version).orElse(false);
            // a later version of the list re-screens everyone itself
            List<ScreeningHitDao.Holder> page = inForce ? dao.holders(HOLDING, run.afterOfficer(), BATCH) : List.of();
            RuleSet ruleSet = rules.ruleSet();
            int newHits = 0;
            int reevaluated = 0;
            if (!page.isEmpty() && ruleSet.screeningPolicy().isPresent()) {
                ScreeningPolicy policy = ruleSet.screeningPolicy().get();
                List<WatchlistIndex> inForceLists = lists.current();
                // screening is pure: the page's officers are screened on every core
                List<List<Screener.Found>> found = page.parallelStream()
                        .map(m -> Screener.screen(inForceLists, OfficerRecordDao.read(m.record()), policy))
                        .toList();
                Map<String, Set<String>> standing = new HashMap<>();
                for (ScreeningHitDao.HitRow hit : dao.standing(page.stream().map(ScreeningHitDao.Holder::officerId)
                        .toList())) {
                    standing.computeIfAbsent(hit.officerId(), k -> new HashSet<>()).add(hit.pairKey());
                }
                LocalDate today = time.today();
                for (int i = 0; i < page.size(); i++) {
                    ScreeningHitDao.Holder m = page.get(i);
                    Set<String> now = new HashSet<>();
                    boolean fresh = false;
                    for (Screener.Found f : found.get(i)) {
                        String pair = ScreeningOnFile.pairKey(m.officerId(), f.subject().key(), f.subject().name(),
                                f.list(), f.match().entry().id(), f.match().entry().contentHash());
                        now.add(pair);
                        if (dao.byPair(pair).isEmpty()) {
                            fresh = true;
                            newHits++;
                        }
                    }
                    boolean gone = !now.containsAll(standing.getOrDefault(m.officerId(), Set.of()));
                    if (fresh || gone) {
                        reevaluated += evaluations.reevaluateAllOnFile(h, new Reevaluations.Why(ruleSet,
                                ClearanceCause.SCREENING, Actors.SCREENING_JOB, today),
                                new Reevaluations.OnFile(m.officerId(), m.recordVersion(), m.record()));
                    }
                }
            }
            ScreeningHitDao.Holder last = page.isEmpty() ? null : page.get(page.size() - 1);
            boolean finished = page.size() < BATCH;
            dao.advanceRun(new ScreeningHitDao.RunRow(list, version, run.startedAt(),
                    last == null ? run.afterOfficer() : last.officerId(), run.done() + page.size(),
                    run.newHits() + newHits, run.reevaluated() + reevaluated, run.total(),
                    finished ? time.now() : null));
            return Optional.of(page.size());
        });
    }

    /** Progress of a version's re-screening, if it has one. */
    public Optional<ScreeningHitDao.RunRow> progress(String list, int version) {
        return jdbi.withExtension(ScreeningHitDao.class, dao -> dao.run(list, version));
    }
}
