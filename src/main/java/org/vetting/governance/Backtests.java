package org.vetting.governance;

import java.util.Optional;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.db.OfficerRecordDao;
import org.vetting.common.Ids;
import org.vetting.api.BacktestStatus;
import org.vetting.api.BacktestView;
import org.vetting.api.ProposalStatus;
import org.vetting.api.OfficerRecord;
import org.vetting.auth.User;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.common.Sha256;
import org.vetting.db.BacktestDao;
import org.vetting.db.PopulationDao;
import org.vetting.db.RuleSetDao;
import org.vetting.errors.Conflict;
import org.vetting.errors.NotFound;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.rules.EvaluationResult;
import org.vetting.rules.Flag;
import org.vetting.rules.RuleEngine;
import org.vetting.rules.WatchlistHit;
import org.vetting.evaluation.Screening;
import org.vetting.rules.RuleSet;

/**
 * Backtests (docs/api.md, "Changing the policy"): every clearance on file, whatever its status, evaluated on the
 * officer's latest record for the clearance's unit, as of the day the backtest starts, under the
 * active set and under the draft. Runs as a job on this instance (one at a time, on every core),
 * reading a page of the population at a time; it writes only its own row. Its progress and
 * heartbeat are in the database, so any instance can answer for it; one whose instance ended reads
 * as FAILED.
 */
public final class Backtests {
    /** A running backtest's heartbeat older than this means its instance ended. */
    static final Duration ABANDONED_AFTER = Duration.ofSeconds(30);
    /** What an evaluation under a set that no longer has the clearance's unit reads as. */
    static final String NO_UNIT = "NO_UNIT";
    private static final int PAGE = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(Backtests.class);

    private final Jdbi jdbi;
    private final ActiveRuleSet active;
    private final ServiceTime time;
    private final ExecutorService jobs;
    private final ForkJoinPool cores;
    private final AtomicBoolean running = new AtomicBoolean();

    public Backtests(Jdbi jdbi, ActiveRuleSet active, ServiceTime time, ExecutorService jobs, ForkJoinPool cores) {
        this.jdbi = jdbi;
        this.active = active;
        this.time = time;
        this.jobs = jobs;
        this.cores = cores;
    }

    /** Starts a backtest of a draft against the active set; one runs at a time on an instance (409). */
    public BacktestView start(String version, User user) {
        RuleSetDao.ProposalRow proposal = PolicyChanges.proposal(jdbi, version);
        if (proposal.status() != ProposalStatus.DRAFT) {
            throw new Conflict("rule set " + version + " is " + proposal.status() + ": only a draft is backtested");
        }
        if (!running.compareAndSet(false, true)) {
            throw new Conflict("a backtest is running on this instance; start this one when it has finished");
        }
        try {
            RuleSet against = active.ruleSet();
            RuleSet draft = active.byVersion(version);
            Instant now = time.now();
            LocalDate asOf = time.today();
            String id = Ids.next();
            int total = jdbi.withExtension(PopulationDao.class, PopulationDao::size);
            BacktestDao.BacktestRow row = new BacktestDao.BacktestRow(id, version, against.version(), BacktestStatus.RUNNING,
                    user.username(), asOf, now, now, null, 0, total, null, null, null);
            jdbi.useTransaction(h -> {
                h.attach(BacktestDao.class).insert(row);
                AuditChain.append(h, new AuditChain.Pending(EntryType.BACKTEST, id, null, user.username(), now, Json.write(Map.of(
                        "backtestId", id, "event", "STARTED", "version", version, "against", against.version(),
                        "asOf", asOf.toString(), "population", total))));
            });
            jobs.execute(() -> run(row, against, draft));
            return view(row, user);
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    private void run(BacktestDao.BacktestRow row, RuleSet against, RuleSet draft) {
        long started = System.nanoTime();
        Report report = new Report();
        int done = 0;
        try {
            String afterOfficer = "";
            String afterUnit = "";
            while (true) {
                String o = afterOfficer;
                String u = afterUnit;
                List<PopulationDao.Member> page = jdbi.withExtension(PopulationDao.class, dao -> dao.page(o, u, PAGE));
                if (page.isEmpty()) {
                    break;
                }
                List<Compared> compared = cores.submit(() -> page.parallelStream()
                        .map(m -> compare(m, against, draft, row.asOf())).toList()).get();
                compared.forEach(report::add);
                done += page.size();
                int progress = done;
                jdbi.useExtension(BacktestDao.class, dao -> dao.progress(row.id(), progress, time.now()));
                PopulationDao.Member last = page.get(page.size() - 1);
                afterOfficer = last.officerId();
                afterUnit = last.unit();
            }
            String json = Json.write(report.result());
            String sha = Sha256.hex(json);
            Instant now = time.now();
            int finished = done;
            jdbi.useTransaction(h -> {
                if (h.attach(BacktestDao.class).finish(new BacktestDao.Finish(row.id(), BacktestStatus.DONE, finished, now, json, sha, null)) == 1) {
                    AuditChain.append(h, new AuditChain.Pending(EntryType.BACKTEST, row.id(), null, row.startedBy(), now, Json.write(Map.of(
                            "backtestId", row.id(), "event", BacktestStatus.DONE, "version", row.version(), "against", row.against(),
                            "population", finished, "changes", report.changes.size(), "reportSha256", sha))));
                }
            });
            LOG.info("backtest {} of {}: {} clearances, {} changes, in {} ms", row.id(), row.version(), finished,
                    report.changes.size(), (System.nanoTime() - started) / 1_000_000);
        } catch (Exception | OutOfMemoryError e) {
            LOG.error("backtest {} of {} failed", row.id(), row.version(), e);
            int progress = done;
            jdbi.useExtension(BacktestDao.class, dao -> dao.finish(new BacktestDao.Finish(row.id(), BacktestStatus.FAILED,
                    progress, time.now(), null, null, "the backtest stopped: " + e.getClass().getSimpleName())));
        } finally {
            running.set(false);
        }
    }

    /** One clearance under both sets. */
    record Compared(PopulationDao.Member member, String from, String to, Set<String> before, Set<String> after) {}

    static Compared compare(PopulationDao.Member m, RuleSet against, RuleSet draft, LocalDate asOf) {
        OfficerRecord record = OfficerRecordDao.read(m.record()).forUnit(m.unit());
        Set<String> before = new TreeSet<>();
        Set<String> after = new TreeSet<>();
        // the possible watchlist matches as screening found them for the evaluation on file
        List<WatchlistHit> hits = Screening.facts(m.screening());
        String from = outcome(against, record, asOf, hits, before);
        String to = outcome(draft, record, asOf, hits, after);
        return new Compared(m, from, to, before, after);
    }

    private static String outcome(RuleSet ruleSet, OfficerRecord record, LocalDate asOf, List<WatchlistHit> hits,
                                  Set<String> codes) {
        if (ruleSet.unit(record.targetUnit()).isEmpty()) {
            return NO_UNIT;
        }
        EvaluationResult result = RuleEngine.evaluate(ruleSet, record, asOf, hits);
        result.flags().stream().map(Flag::code).forEach(codes::add);
        return result.outcome().name();
    }

    /** The report as it grows: counts for everyone, the changes one by one. */
    static final class Report {
        final Map<String, Map<String, Map<String, Integer>>> transitions = new TreeMap<>();
        final Map<String, int[]> codes = new TreeMap<>();
        final List<BacktestView.Change> changes = new ArrayList<>();
        int population;

        void add(Compared c) {
            population++;
            transitions.computeIfAbsent(c.member().unit(), u -> new TreeMap<>())
                    .computeIfAbsent(c.from(), f -> new TreeMap<>()).merge(c.to(), 1, Integer::sum);
            List<String> gained = c.after().stream().filter(code -> !c.before().contains(code)).toList();
            List<String> lost = c.before().stream().filter(code -> !c.after().contains(code)).toList();
            gained.forEach(code -> codes.computeIfAbsent(code, k -> new int[2])[0]++);
            lost.forEach(code -> codes.computeIfAbsent(code, k -> new int[2])[1]++);
            if (!c.from().equals(c.to())) {
                changes.add(new BacktestView.Change(c.member().officerId(), c.member().country(), c.member().unit(),
                        c.from(), c.to(), gained, lost));
            }
        }

        Result result() {
            List<BacktestView.Transition> t = new ArrayList<>();
            transitions.forEach((unit, froms) -> froms.forEach((from, tos) -> tos.forEach((to, n) ->
                    t.add(new BacktestView.Transition(unit, from, to, n)))));
            List<BacktestView.CodeCount> c = new ArrayList<>();
            codes.forEach((code, n) -> c.add(new BacktestView.CodeCount(code, n[0], n[1])));
            return new Result(population, t, c, changes);
        }
    }

    /** The stored report. */
    record Result(int population, List<BacktestView.Transition> transitions, List<BacktestView.CodeCount> codes,
                  List<BacktestView.Change> changes) {}

    /** A backtest as {@code reader} sees it: the changes of officers in their countries only. */
    public BacktestView find(String id, User reader) {
        BacktestDao.BacktestRow row = (id != null && id.matches("[0-9a-f-]{36}")
                ? jdbi.withExtension(BacktestDao.class, dao -> dao.find(id)) : Optional
                .<BacktestDao.BacktestRow>empty()).orElseThrow(() -> new NotFound("no backtest " + id));
        return view(abandoned(row), reader);
    }

    /** A RUNNING row whose heartbeat stopped is marked FAILED (its instance ended: it will never finish). */
    private BacktestDao.BacktestRow abandoned(BacktestDao.BacktestRow row) {
        if (row.status() == BacktestStatus.RUNNING && row.heartbeatAt().isBefore(time.now().minus(ABANDONED_AFTER))) {
            failAbandoned();
            return jdbi.withExtension(BacktestDao.class, dao -> dao.find(row.id())).orElseThrow();
        }
        return row;
    }

    /** Marks every abandoned running backtest FAILED (also on each poll and at start-up). */
    public void failAbandoned() {
        Instant now = time.now();
        int failed = jdbi.withExtension(BacktestDao.class, dao -> dao.failAbandoned(now.minus(ABANDONED_AFTER), now));
        if (failed > 0) {
            LOG.warn("{} backtest(s) whose instance stopped marked FAILED", failed);
        }
    }

    private static BacktestView view(BacktestDao.BacktestRow row, User reader) {
        Result result = row.report() == null ? null : Json.read(row.report(), Result.class);
        List<BacktestView.Change> visible = result == null ? null : result.changes().stream()
                .filter(c -> reader.sees(c.country())).toList();
        return new BacktestView(row.id(), row.version(), row.against(), row.status(), row.done(), row.total(),
                row.asOf(), row.startedBy(), row.startedAt(), row.finishedAt(), row.reportSha256(), row.error(),
                result == null ? null : result.transitions(), result == null ? null : result.codes(), visible,
                result == null ? null : result.changes().size() - visible.size());
    }
}
