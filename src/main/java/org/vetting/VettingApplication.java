package org.vetting;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import org.vetting.cli.StartupArchiveCommand;
import org.vetting.rules.RuleSetLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.dropwizard.assets.AssetsBundle;
import org.vetting.resources.AuthServlet;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.configuration.DefaultConfigurationFactoryFactory;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.util.Duration;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.auth.DatabaseAuthenticator;
import org.vetting.auth.RoleAuthorizer;
import org.vetting.auth.User;
import org.vetting.cli.DemoCommand;
import org.vetting.cli.ImportListCommand;
import org.vetting.cli.ExpireClearancesCommand;
import org.vetting.cli.MigrateCommand;
import org.vetting.cli.PolicyDocCommand;
import org.vetting.cli.ProposeRulesCommand;
import org.vetting.cli.TestRulesCommand;
import org.vetting.cli.VerifyAuditCommand;
import org.vetting.common.Json;
import org.vetting.db.NamedStatements;
import org.vetting.db.H2Housekeeping;
import org.vetting.db.Migrations;
import org.vetting.http.DomainExceptionMapper;
import org.vetting.http.CatchAllExceptionMapper;
import org.vetting.http.JsonExceptionMapper;
import org.vetting.http.PasswordChangeRequired;
import org.vetting.http.RequestParameters;
import org.vetting.http.RequestSizeLimit;
import org.vetting.http.SignInGuard;
import org.vetting.http.SessionCookie;
import org.vetting.http.SignedInFilter;
import org.vetting.http.Tls;
import org.vetting.http.JsonErrors;
import org.vetting.http.SecurityHeaders;
import org.vetting.http.WebApplicationExceptionMapper;
import org.vetting.health.RuleSetHealthCheck;
import org.vetting.resources.OpenApiResource;
import org.glassfish.jersey.server.ServerProperties;
import org.vetting.http.AccessLogFilter;
import org.vetting.http.ReaderLanguage;
import org.vetting.metrics.BusinessMetrics;
import org.vetting.metrics.PrometheusServlet;

/** The vetting service: Dropwizard + Drools + JDBI. Wiring by hand, in order of dependence. */
public final class VettingApplication extends Application<VettingConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(VettingApplication.class);

    private final Clock clock;
    private volatile VettingContext context;

    public VettingApplication() {
        this(Clock.systemUTC());
    }

    /** Tests pass a fixed or movable clock. */
    public VettingApplication(Clock clock) {
        this.clock = clock;
    }

    /** The running service's objects (for tests and tools embedding it), once {@code run} has built them. */
    public VettingContext context() {
        return context;
    }

    public static void main(String[] args) throws Exception {
        new VettingApplication().run(args);
    }

    @Override
    public String getName() {
        return "vetting-service";
    }

    @Override
    public void initialize(Bootstrap<VettingConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new LogFormat(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)),
                System.getenv(LogFormat.VARIABLE)));
        Json.configure(bootstrap.getObjectMapper());
        bootstrap.setConfigurationFactoryFactory(new DefaultConfigurationFactoryFactory<>() {
            @Override
            protected ObjectMapper configureObjectMapper(ObjectMapper copy) {
                return Json.forConfiguration(super.configureObjectMapper(copy));
            }
        });
        // the web interface at /, the API under /api (see run)
        bootstrap.addBundle(new AssetsBundle("/assets/", "/", "index.html", "ui"));
        // the API reference page's library (api-docs.html among the assets loads it)
        bootstrap.addBundle(new AssetsBundle("/META-INF/resources/webjars/swagger-ui/5.34.1/", "/swagger-ui/", null,
                "swagger-ui"));
        bootstrap.addCommand(new TestRulesCommand());
        bootstrap.addCommand(new VerifyAuditCommand());
        bootstrap.addCommand(new ExpireClearancesCommand());
        bootstrap.addCommand(new MigrateCommand());
        bootstrap.addCommand(new PolicyDocCommand());
        bootstrap.addCommand(new ProposeRulesCommand());
        bootstrap.addCommand(new DemoCommand());
        bootstrap.addCommand(new ImportListCommand());
        bootstrap.addCommand(new StartupArchiveCommand(this));
    }

    @Override
    public void run(VettingConfiguration config, Environment environment) {
        long started = System.nanoTime();
        boolean tls = Tls.apply(config.getServerFactory(), config.getTlsKeyStorePath(), config.getTlsKeyStorePassword(),
                config.getTlsKeyStoreType());
        // the rules directory compiles on another core while the database is opened and migrated
        var rulesOnDisk = CompletableFuture.supplyAsync(
                () -> RuleSetLoader.fromDirectory(Path.of(config.getRulesDirectory())));
        ManagedDataSource dataSource = config.getDataSourceFactory().build(environment.metrics(), "database");
        boolean migrated = Migrations.migrate(dataSource, config.getDataSourceFactory().getUrl()) > 0;
        Jdbi jdbi = new JdbiFactory().build(environment, config.getDataSourceFactory(), dataSource, "database");
        jdbi.getConfig(SqlStatements.class).setTemplateEngine(new NamedStatements());
        // a broken rule set stops start-up here, before anything listens
        VettingContext context = VettingContext.build(config, jdbi, clock, rulesOnDisk);
        this.context = context;
        context.users().bootstrapAdmin(config.getAdminPassword(), Path.of(config.getGeneratedPasswordFile()));
        if (migrated) {
            // officers stored before their table and countries existed: listed once, when the schema changes
            // (the migrate command too); a scan of every record, which a start on an up-to-date schema skips
            context.access().listOfficersOnFile();
        }

        SessionCookie cookie = new SessionCookie(tls);
        registerSecurity(config, environment, context, cookie);
        var jersey = environment.jersey();
        jersey.setUrlPattern("/api/*");
        // Location stays the path the resource gives: never made absolute from the request's Host header
        jersey.property(ServerProperties.LOCATION_HEADER_RELATIVE_URI_RESOLUTION_DISABLED, true);
        SecurityHeaders headers = new SecurityHeaders(tls);
        environment.servlets().addFilter("security-headers", headers)
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        // Jetty's own errors (a path nothing serves, a malformed URI, a header too large) as JSON, with these headers
        environment.servlets().addFilter("json-errors", JsonErrors.servlets(headers))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/*");
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(JsonErrors.server(headers)));
        // the browser's way through the agency's identity provider (outside the JSON API: it navigates there)
        environment.servlets().addServlet("auth", new AuthServlet(context.singleSignOn(), context.sessions(), cookie,
                environment.getObjectMapper())).addMapping("/auth/*");
        environment.servlets().addFilter("sign-in-guard", new SignInGuard(context.throttle(), context.signIns()))
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, "/api/*");
        jersey.register(new RequestSizeLimit());
        jersey.register(new RequestParameters());
        jersey.register(new PasswordChangeRequired());
        jersey.register(new DomainExceptionMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new JsonExceptionMapper());
        jersey.register(new CatchAllExceptionMapper());
        jersey.register(ReaderLanguage.binder());
        List<Object> resources = context.resources(Path.of(config.getRulesDirectory()), environment.getObjectMapper(),
                cookie);
        resources.forEach(jersey::register);
        Set<Class<?>> described = new LinkedHashSet<>();
        resources.forEach(r -> described.add(r.getClass()));
        described.add(OpenApiResource.class);
        jersey.register(OpenApiResource.of(described, "1.3"));
        jersey.register(new AccessLogFilter(context.accessLog()));

        environment.admin().addServlet("prometheus", new PrometheusServlet(environment.metrics(),
                new BusinessMetrics(jdbi, context.time()))).addMapping("/prometheus");
        // JdbiFactory registers the "database" health check itself.
        environment.healthChecks().register("ruleset", new RuleSetHealthCheck(context.rules()));
        scheduleExpiry(environment, context, config.getExpiryInterval());
        schedulePolicyPoll(environment, context, config.getRuleSetPollInterval());
        scheduleH2Housekeeping(environment, dataSource, config.getDataSourceFactory().getUrl());
        var ruleSet = context.rules().ruleSet();
        LOG.info("rule set {} active ({} rules, {} units); wired in {} ms", ruleSet.version(), ruleSet.rules().size(),
                ruleSet.units().size(), (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * The day's clocks, a Dropwizard-managed executor stopped with the service: clearances past their
     * validity expire, and adverse cases whose reply or appeal window closed move on (policy section 9).
     */
    private static void scheduleExpiry(Environment environment, VettingContext context, Duration interval) {
        ScheduledExecutorService executor = environment.lifecycle().scheduledExecutorService("clearance-expiry")
                .threads(1).build();
        executor.scheduleWithFixedDelay(() -> {
            try {
                context.clearances().expire();
            } catch (RuntimeException e) {
                LOG.error("clearance expiry failed; it runs again in {}", interval, e);
            }
            try {
                context.adverseCases().advance();
            } catch (RuntimeException e) {
                LOG.error("the adverse-case clock failed; it runs again in {}", interval, e);
            }
        }, 0, interval.toMilliseconds(), TimeUnit.MILLISECONDS);
    }

    /**
     * Every instance, every interval: approved versions whose day has come take effect, the active
     * version is read from the database (an activation elsewhere reaches this instance), an
     * unfinished re-evaluation resumes (after a crash), and abandoned backtests are marked FAILED.
     */
    private static void schedulePolicyPoll(Environment environment, VettingContext context, Duration interval) {
        ScheduledExecutorService executor = environment.lifecycle().scheduledExecutorService("rule-set-poll")
                .threads(1).build();
        executor.scheduleWithFixedDelay(() -> {
            try {
                context.backtests().failAbandoned();
                context.policyChanges().poll();
                // a list version that took effect on another instance, and a re-screening to resume
                context.activeWatchlists().refresh();
                context.continuousScreening().wake();
            } catch (RuntimeException e) {
                LOG.error("rule-set poll failed; it runs again in {}", interval, e);
            }
        }, 0, interval.toMilliseconds(), TimeUnit.MILLISECONDS);
    }

    /** An H2 file's chunks rewritten as H2's own background writer would, had it one (see H2Housekeeping). */
    private static void scheduleH2Housekeeping(Environment environment, ManagedDataSource dataSource, String url) {
        if (!H2Housekeeping.appliesTo(url)) {
            return;
        }
        ScheduledExecutorService executor = environment.lifecycle().scheduledExecutorService("h2-housekeeping")
                .threads(1).build();
        executor.scheduleWithFixedDelay(new H2Housekeeping(dataSource), H2Housekeeping.INTERVAL_MILLIS,
                H2Housekeeping.INTERVAL_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * Who calls: a session cookie, or HTTP Basic (people only while second factors are off; a
     * renewed bcrypt verification keeps a steady Basic caller from waiting for bcrypt).
     */
    private static void registerSecurity(VettingConfiguration config, Environment environment, VettingContext context,
                                         SessionCookie cookie) {
        // renewals of remembered verifications ahead of expiry: one thread, a bounded queue (a refused
        // renewal is not made, and that verification expires as it would have)
        var renewals = environment.lifecycle().executorService("credentials-renewal").minThreads(1).maxThreads(1)
                .workQueue(new ArrayBlockingQueue<>(1_000)).build();
        var authenticator = new DatabaseAuthenticator(context.jdbi(), context.passwords(),
                java.time.Duration.ofMillis(config.getAuthenticationCacheTtl().toMilliseconds()), renewals);
        if (context.sessions().policy().secondFactorRequired()) {
            authenticator.serviceAccountsOnly();
        }
        environment.jersey().register(new AuthDynamicFeature(SignedInFilter.build(context.sessions(), cookie,
                context.singleSignOn()::bearer, authenticator, new RoleAuthorizer())));
        environment.jersey().register(RolesAllowedDynamicFeature.class);
        environment.jersey().register(new AuthValueFactoryProvider.Binder<>(User.class));
    }
}
