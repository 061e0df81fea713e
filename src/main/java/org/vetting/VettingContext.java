package org.vetting;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.ManagedDataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.vetting.access.OfficerAccess;
import org.vetting.adjudication.AdjudicationService;
import org.vetting.access.AccessLog;
import org.vetting.audit.AuditService;
import org.vetting.audit.SignIns;
import org.vetting.auth.Passwords;
import org.vetting.clearance.ClearanceService;
import org.vetting.common.ServiceTime;
import org.vetting.correction.CorrectionService;
import org.vetting.db.Migrations;
import org.vetting.evaluation.EvaluationService;
import org.vetting.evaluation.ScreeningOnFile;
import org.vetting.governance.Backtests;
import org.vetting.hits.ContinuousScreening;
import org.vetting.hits.ScreeningReviews;
import org.vetting.watchlist.ActiveWatchlists;
import org.vetting.watchlist.Watchlists;
import org.vetting.governance.PolicyChanges;
import org.vetting.governance.Reevaluation;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.users.UserService;

/**
 * The composition root: the service and every command build their objects here, in order of
 * dependence — rule set, time, then the services over one {@link Jdbi}. Compiling and activating
 * the configured rule set comes first, so a broken set stops start-up before anything listens.
 */
public record VettingContext(Jdbi jdbi, ServiceTime time, ActiveRuleSet rules, Passwords passwords, OfficerAccess access,
                             UserService users, EvaluationService evaluations, ClearanceService clearances,
                             AdjudicationService adjudications, CorrectionService corrections, AccessLog accessLog,
                             AuditService audit, SignIns signIns, PolicyChanges policyChanges, Backtests backtests,
                             Reevaluation reevaluation, ActiveWatchlists activeWatchlists, Watchlists watchlists,
                             ContinuousScreening continuousScreening, ScreeningReviews screeningReviews) {

    public static VettingContext build(VettingConfiguration config, Jdbi jdbi, Clock clock) {
        return build(config, jdbi, clock, null);
    }

    /**
     * As {@link #build(VettingConfiguration, Jdbi, Clock)}, with the rules directory already being
     * compiled ({@code rulesOnDisk}, started before the database was migrated: both take a core).
     */
    public static VettingContext build(VettingConfiguration config, Jdbi jdbi, Clock clock,
                                       java.util.concurrent.CompletableFuture<org.vetting.rules.RuleSet> rulesOnDisk) {
        ServiceTime time = new ServiceTime(clock, ZoneId.of(config.getTimeZone()));
        ActiveRuleSet rules = new ActiveRuleSet(jdbi, time);
        rules.start(Path.of(config.getRulesDirectory()), rulesOnDisk);
        Passwords passwords = new Passwords(config.getBcryptCost());
        OfficerAccess access = new OfficerAccess(jdbi);
        ActiveWatchlists lists = new ActiveWatchlists(jdbi);
        lists.refresh();
        AccessLog accessLog = new AccessLog(jdbi, time);
        EvaluationService evaluations = new EvaluationService(jdbi, rules, access, time, new ScreeningOnFile(lists),
                accessLog, config.submissionWritersInEffect());
        ContinuousScreening continuous = new ContinuousScreening(jdbi, rules, lists, evaluations, time,
                daemon("continuous-screening"));
        Watchlists watchlists = new Watchlists(jdbi, lists, time, continuous::wake);
        ClearanceService clearances = new ClearanceService(jdbi, rules, access, time);
        Reevaluation reevaluation = new Reevaluation(jdbi, rules, evaluations, time, daemon("rule-change-reevaluation"));
        Backtests backtests = new Backtests(jdbi, rules, time, daemon("backtest"),
                new ForkJoinPool(Runtime.getRuntime().availableProcessors()));
        return new VettingContext(jdbi, time, rules, passwords, access, new UserService(jdbi, passwords, time),
                evaluations, clearances, new AdjudicationService(jdbi, rules, evaluations, clearances, access, time),
                new CorrectionService(jdbi, rules, evaluations, access, time),
                accessLog, new AuditService(jdbi, evaluations, rules, access), new SignIns(jdbi, time),
                new PolicyChanges(jdbi, rules, time, reevaluation), backtests, reevaluation, lists, watchlists, continuous,
                new ScreeningReviews(jdbi, rules, evaluations, access, watchlists, time));
    }

    /** One background thread that does not keep the process alive (the jobs' state is in the database). */
    private static ExecutorService daemon(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** A command's own connection pool over the configured database, closed with it. */
    public record Database(ManagedDataSource dataSource, Jdbi jdbi, String url) implements AutoCloseable {
        public static Database open(VettingConfiguration config, String name) throws Exception {
            ManagedDataSource dataSource = config.getDataSourceFactory().build(new MetricRegistry(), name);
            dataSource.start();
            return new Database(dataSource, Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()),
                    config.getDataSourceFactory().getUrl());
        }

        /** Applies the schema migrations (Flyway), as the schema's owner. */
        public Database migrate() {
            Migrations.migrate(dataSource, url);
            return this;
        }

        @Override
        public void close() throws Exception {
            dataSource.stop();
        }
    }
}
