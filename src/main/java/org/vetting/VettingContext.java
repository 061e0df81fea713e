package org.vetting;

import java.util.concurrent.CompletableFuture;
import org.vetting.rules.RuleSet;
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
import org.vetting.evaluation.EvaluationReads;
import org.vetting.evaluation.EvaluationService;
import org.vetting.evaluation.Evaluator;
import org.vetting.evaluation.Reevaluations;
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
import org.vetting.auth.SignInThrottle;
import org.vetting.http.SessionCookie;
import org.vetting.resources.SessionResource;
import org.vetting.signin.Factors;
import org.vetting.signin.SecurityKeys;
import org.vetting.sso.SingleSignOn;
import org.vetting.signin.Sessions;
import org.vetting.health.Liveness;
import org.vetting.resources.ScreeningHitsResource;
import org.vetting.resources.WatchlistsResource;
import org.vetting.resources.AdjudicationsResource;
import org.vetting.resources.AdverseCasesResource;
import org.vetting.adverse.AdverseCaseService;
import org.vetting.resources.AuditResource;
import org.vetting.resources.BacktestsResource;
import org.vetting.resources.CorrectionsResource;
import org.vetting.resources.DashboardResource;
import org.vetting.dashboard.DashboardService;
import org.vetting.resources.MeResource;
import org.vetting.resources.RecordSchemaResource;
import org.vetting.resources.CandidatesResource;
import org.vetting.resources.EvaluationsResource;
import org.vetting.resources.HealthResource;
import org.vetting.resources.OfficersResource;
import org.vetting.resources.RuleSetsResource;
import org.vetting.resources.UnitsResource;
import org.vetting.resources.UsersResource;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;

/**
 * The composition root: the service and every command build their objects here, in order of
 * dependence — rule set, time, then the services over one {@link Jdbi}. Compiling and activating
 * the configured rule set comes first, so a broken set stops start-up before anything listens.
 */
public record VettingContext(Jdbi jdbi, ServiceTime time, ActiveRuleSet rules, Passwords passwords, OfficerAccess access,
                             UserService users, EvaluationService evaluations, EvaluationReads evaluationReads,
                             Reevaluations reevaluations, ClearanceService clearances,
                             AdjudicationService adjudications, CorrectionService corrections, AccessLog accessLog,
                             AuditService audit, SignIns signIns, PolicyChanges policyChanges, Backtests backtests,
                             Reevaluation reevaluation, ActiveWatchlists activeWatchlists, Watchlists watchlists,
                             ContinuousScreening continuousScreening, ScreeningReviews screeningReviews,
                             SignInThrottle throttle, Sessions sessions, Factors factors, SingleSignOn singleSignOn,
                             AdverseCaseService adverseCases) {

    public static VettingContext build(VettingConfiguration config, Jdbi jdbi, Clock clock) {
        return build(config, jdbi, clock, null);
    }

    /**
     * As {@link #build(VettingConfiguration, Jdbi, Clock)}, with the rules directory already being
     * compiled ({@code rulesOnDisk}, started before the database was migrated: both take a core).
     */
    public static VettingContext build(VettingConfiguration config, Jdbi jdbi, Clock clock,
                                       CompletableFuture<RuleSet> rulesOnDisk) {
        ServiceTime time = new ServiceTime(clock, ZoneId.of(config.getTimeZone()));
        ActiveRuleSet rules = new ActiveRuleSet(jdbi, time);
        rules.start(Path.of(config.getRulesDirectory()), rulesOnDisk);
        Passwords passwords = new Passwords(config.getBcryptCost());
        OfficerAccess access = new OfficerAccess(jdbi);
        ActiveWatchlists lists = new ActiveWatchlists(jdbi);
        lists.refresh();
        AccessLog accessLog = new AccessLog(jdbi, time);
        Evaluator evaluator = new Evaluator(time);
        ScreeningOnFile screening = new ScreeningOnFile(lists);
        Reevaluations reevaluations = new Reevaluations(evaluator, screening, time);
        EvaluationReads reads = new EvaluationReads(jdbi, access);
        EvaluationService evaluations = new EvaluationService(jdbi, rules, access, evaluator, reevaluations,
                new EvaluationService.Writing(screening, accessLog, time, config.submissionWritersInEffect()));
        ContinuousScreening continuous = new ContinuousScreening(jdbi, rules, lists, reevaluations, time,
                daemon("continuous-screening"));
        Watchlists watchlists = new Watchlists(jdbi, lists, time, continuous::wake,
                () -> rules.ruleSet().screeningPolicy());
        ClearanceService clearances = new ClearanceService(jdbi, rules, access, time);
        Reevaluation reevaluation = new Reevaluation(jdbi, rules, reevaluations, time, daemon("rule-change-reevaluation"));
        SignInThrottle throttle = new SignInThrottle(clock);
        SignIns signIns = new SignIns(jdbi, time);
        SecurityKeys keys = new SecurityKeys(jdbi, time, config.getSignIn().securityKeys());
        Sessions sessions = new Sessions(jdbi, passwords, throttle, signIns, time, config.getSignIn().policy(), keys);
        Backtests backtests = new Backtests(jdbi, rules, time, daemon("backtest"),
                new ForkJoinPool(Runtime.getRuntime().availableProcessors()));
        SingleSignOn singleSignOn = new SingleSignOn(config.getSignIn().singleSignOn(), jdbi, sessions, signIns, time);
        return new VettingContext(jdbi, time, rules, passwords, access,
                new UserService(jdbi, passwords, time, singleSignOn.enabled()),
                evaluations, reads, reevaluations, clearances,
                new AdjudicationService(jdbi, rules, reads, clearances, access, time),
                new CorrectionService(jdbi, rules, reevaluations, access, time),
                accessLog, new AuditService(jdbi, reads, evaluator, rules, access), signIns,
                new PolicyChanges(jdbi, rules, time, reevaluation), backtests, reevaluation, lists, watchlists, continuous,
                new ScreeningReviews(jdbi, rules, reevaluations, access, watchlists, time), throttle, sessions,
                new Factors(jdbi, sessions, signIns, time, keys), singleSignOn,
                new AdverseCaseService(jdbi, rules, reads, reevaluations, access, time));
    }

    /** The REST resources over these services, for the server to register. */
    public List<Object> resources(Path rulesDirectory, ObjectMapper json, SessionCookie cookie) {
        return List.of(
                new SessionResource(sessions, cookie),
                new CandidatesResource(evaluations, evaluationReads, json),
                new EvaluationsResource(evaluations, evaluationReads, adjudications),
                new RuleSetsResource(rules, policyChanges, backtests, rulesDirectory),
                new BacktestsResource(backtests),
                new OfficersResource(clearances, evaluations, evaluationReads, corrections),
                new UnitsResource(clearances),
                new AdjudicationsResource(adjudications),
                new MeResource(users, sessions, factors, cookie),
                new CorrectionsResource(corrections),
                new RecordSchemaResource(),
                new UsersResource(users, rules, sessions),
                new HealthResource(new Liveness(jdbi, rules)),
                new DashboardResource(new DashboardService(jdbi, time)),
                new WatchlistsResource(watchlists),
                new ScreeningHitsResource(screeningReviews),
                new AdverseCasesResource(adverseCases),
                new AuditResource(audit, accessLog, signIns, json));
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
