package org.vetting.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.dropwizard.jersey.jackson.JacksonFeature;
import jakarta.ws.rs.client.Client;
import org.glassfish.jersey.apache5.connector.Apache5ClientProperties;
import org.glassfish.jersey.apache5.connector.Apache5ConnectorProvider;
import org.glassfish.jersey.client.ClientConfig;
import org.glassfish.jersey.client.ClientProperties;
import org.glassfish.jersey.client.JerseyClientBuilder;
import org.glassfish.jersey.client.RequestEntityProcessing;
import org.vetting.VettingApplication;
import org.vetting.VettingConfiguration;
import org.vetting.signin.Totp;

/**
 * The real service on random ports over a fresh in-memory H2 database, with a fixed clock
 * ({@link #TODAY}). One instance per test class.
 */
public final class TestApp {
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String PASSWORD = "correct-horse-battery";
    /** The countries every test user may see unless a test says otherwise. */
    public static final List<String> COUNTRIES = List.of("MX", "US");

    /** {@code -Dvetting.test.db=postgres} runs the same suites on PostgreSQL (a database per test class). */
    public static final boolean POSTGRES = "postgres".equals(System.getProperty("vetting.test.db"));
    static final String PG_BASE = System.getProperty("vetting.test.pg", "jdbc:postgresql://127.0.0.1:5432/");
    static final String PG_USER = "postgres";

    private static final ObjectMapper JSON = new ObjectMapper();

    public final String dbUrl;
    public final String dbUser;
    public final DropwizardAppExtension<VettingConfiguration> app;
    /** The service's clock: TOTP codes are of its time steps. */
    public final Clock clock;
    /** Whether people sign in with a second factor (sessions), or with HTTP Basic (second factors off). */
    public final boolean secondFactor;
    private final Map<String, SignedIn> signedIn = new ConcurrentHashMap<>();
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, Long> lastSteps = new ConcurrentHashMap<>();

    public TestApp(ConfigOverride... overrides) {
        this(Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC), overrides);
    }

    public TestApp(Clock clock, ConfigOverride... overrides) {
        this(Database.create(), true, clock, false, overrides);
    }

    /** The service on a database the caller created and drops (e.g. one migrated to an earlier release). */
    public TestApp(Database db, ConfigOverride... overrides) {
        this(db, false, Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC), false, overrides);
    }

    /**
     * The service as shipped: every person signs in with a password and a second factor. {@link #as}
     * then signs each user in once (enrolling an authenticator app the first time) and calls with
     * their session cookie and CSRF token.
     */
    public static TestApp withSecondFactor(Clock clock, ConfigOverride... overrides) {
        List<ConfigOverride> all = new ArrayList<>(List.of(overrides));
        all.add(0, ConfigOverride.config("signIn.secondFactor", "required"));
        return new TestApp(Database.create(), true, clock, true, all.toArray(ConfigOverride[]::new));
    }

    /** As {@link #withSecondFactor(Clock, ConfigOverride...)}, on a database the caller made (shared by instances) and drops. */
    public static TestApp withSecondFactor(Database db, Clock clock) {
        return new TestApp(db, false, clock, true, ConfigOverride.config("signIn.secondFactor", "required"));
    }

    private TestApp(Database db, boolean owned, Clock clock, boolean secondFactor, ConfigOverride... overrides) {
        this.dbUrl = db.url();
        this.dbUser = db.user();
        this.clock = clock;
        this.secondFactor = secondFactor;
        List<ConfigOverride> all = new ArrayList<>(db.overrides());
        all.addAll(List.of(overrides));
        this.app = new DropwizardAppExtension<>(support(clock, all.toArray(ConfigOverride[]::new)));
        if (owned) {
            // the database lives as long as the application: dropped when it stops
            app.addListener(new DropwizardAppExtension.ServiceListener<>() {
                @Override
                public void onStop(DropwizardAppExtension<VettingConfiguration> extension) {
                    db.drop();
                }
            });
        }
    }

    /** A fresh database for one test class: in-memory H2, or a new PostgreSQL database. */
    public record Database(String url, String user, String name) {
        public static Database create() {
            if (!POSTGRES) {
                return new Database("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000", "sa",
                        null);
            }
            String name = "vt_" + UUID.randomUUID().toString().replace("-", "");
            admin("CREATE DATABASE " + name);
            return new Database(PG_BASE + name, PG_USER, name);
        }

        public List<ConfigOverride> overrides() {
            return List.of(ConfigOverride.config("database.url", url), ConfigOverride.config("database.user", user),
                    ConfigOverride.config("database.password", ""));
        }

        public void drop() {
            if (name != null) {
                admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    /**
     * Runs a statement on the PostgreSQL server (127.0.0.1:5432, trust auth, user postgres). When
     * the server cannot be reached the test fails: a PostgreSQL run never skips silently.
     */
    static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(PG_BASE + "postgres", PG_USER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_BASE + " is required for -Dvetting.test.db=postgres: "
                    + e.getMessage(), e);
        }
    }

    /** A direct connection to this test's database, bypassing the service. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(dbUrl, dbUser, "");
    }

    public static DropwizardTestSupport<VettingConfiguration> support(Clock clock, ConfigOverride... overrides) {
        return new DropwizardTestSupport<>(VettingApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides) {
            @Override
            public Application<VettingConfiguration> newApplication() {
                return new VettingApplication(clock);
            }
        };
    }

    public String url(String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }

    private volatile Client client;

    /**
     * The extension's kind of client (Apache's connector, the service's JSON settings), keeping no
     * cookies: each request carries exactly the credentials the test gives it, never a session cookie
     * a previous answer set.
     */
    private Client client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = new JerseyClientBuilder().withConfig(new ClientConfig()
                            .connectorProvider(new Apache5ConnectorProvider())
                            .register(new JacksonFeature(app.getObjectMapper()))
                            .property(Apache5ClientProperties.DISABLE_COOKIES, true)
                            .property(ClientProperties.CONNECT_TIMEOUT, 5_000)
                            // a whole body with its length, as the extension's own client sends it: a body sent
                            // in chunks to an answer given before reading it (a 401) breaks the pooled connection
                            .property(ClientProperties.REQUEST_ENTITY_PROCESSING, RequestEntityProcessing.BUFFERED))
                            .build();
                }
            }
        }
        return client;
    }

    public Invocation.Builder request(String path, String user, String password) {
        // the extension's client gives up after 5 s; a rule set's compilation (a proposal) takes longer
        // than that when three test forks share two cores with the browser tests
        Invocation.Builder b = client().target(url(path)).request(MediaType.APPLICATION_JSON)
                .property(ClientProperties.READ_TIMEOUT, 60_000);
        if (user != null) {
            b = b.header("Authorization", basic(user, password));
        }
        return b;
    }

    public Invocation.Builder as(String user, String path) {
        if (!secondFactor) {
            return request(path, user, password(user));
        }
        Instant now = clock.instant();
        SignedIn s = signedIn.compute(user, (u, held) -> held == null || held.idleAt(now) ? signIn(u)
                : held.usedAt(now));
        return request(path, null, null).cookie(SESSION_COOKIE, s.id()).header("X-CSRF-Token", s.csrf());
    }

    public static String password(String user) {
        return user.equals("admin") ? ADMIN_PASSWORD : PASSWORD;
    }

    /** The session cookie's name over plain HTTP (under TLS it is {@code __Host-vetting_session}). */
    public static final String SESSION_COOKIE = "vetting_session";

    /** A signed-in session: its identifier (the cookie's value) and CSRF token, and when this test last used it. */
    public record SignedIn(String id, String csrf, Instant used, Instant since) {
        public SignedIn(String id, String csrf, Instant now) {
            this(id, csrf, now, now);
        }

        SignedIn usedAt(Instant now) {
            return new SignedIn(id, csrf, now, since);
        }

        /** Whether the service has ended it for idling, or its age, by now (a test moving its clock on). */
        boolean idleAt(Instant now) {
            return used.plus(Duration.ofMinutes(25)).isBefore(now) || since.plus(Duration.ofHours(11)).isBefore(now);
        }
    }

    /**
     * Signs a user in through the API: the password, then the code of their authenticator app —
     * enrolled now (its secret remembered) if they have none yet.
     */
    public SignedIn signIn(String user) {
        JsonNode opened;
        String id;
        try (Response r = request("/api/session", null, null).post(Entity.json(Map.of("username", user,
                "password", password(user))))) {
            String body = r.readEntity(String.class);
            assertThat(r.getStatus()).as(user + " signs in: " + body).isEqualTo(200);
            opened = readTree(body);
            id = r.getCookies().get(SESSION_COOKIE).getValue();
        }
        String csrf = opened.get("csrfToken").asText();
        SignedIn session = new SignedIn(id, csrf, clock.instant());
        Response proved = null;
        if (opened.get("status").asText().equals("ENROLMENT_REQUIRED")) {
            JsonNode enrolment = expect(withSession(session, "/api/me/factors/totp").post(Entity.json(Map.of())), 200);
            secrets.put(user, enrolment.get("secret").asText());
            proved = withSession(session, "/api/me/factors/totp/" + enrolment.get("factorId").asText() + "/confirm")
                    .post(Entity.json(Map.of("code", nextCode(user))));
        } else if (opened.get("status").asText().equals("SECOND_FACTOR_REQUIRED")) {
            proved = withSession(session, "/api/session/totp").post(Entity.json(Map.of("code", nextCode(user))));
        }
        if (proved != null) {
            // signed in, the session has a new identifier: the cookie the answer sets
            String renewed = proved.getCookies().get(SESSION_COOKIE).getValue();
            expect(proved, 200);
            session = new SignedIn(renewed, csrf, clock.instant());
        }
        return session;
    }

    /** A request made with a session's cookie and CSRF token. */
    public Invocation.Builder withSession(SignedIn s, String path) {
        return request(path, null, null).cookie(SESSION_COOKIE, s.id()).header("X-CSRF-Token", s.csrf());
    }

    /**
     * The next code of the user's authenticator app that the service will take: the current time
     * step's, or the next one's when the current one was used (a code is accepted once).
     */
    public String nextCode(String user) {
        String secret = secrets.get(user);
        long now = Totp.step(clock.instant());
        long step = Math.max(now - 1, lastSteps.getOrDefault(user, Long.MIN_VALUE) + 1);
        assertThat(step).as("a fresh code for " + user + " within the service's window: move the clock on")
                .isLessThanOrEqualTo(now + 1);
        lastSteps.put(user, step);
        return Totp.code(secret, step);
    }

    /** The secret of the authenticator app a user enrolled through {@link #signIn}. */
    public String secret(String user) {
        return secrets.get(user);
    }

    /** The secret of an authenticator app a user enrolled elsewhere (in the browser), for {@link #nextCode}. */
    public void rememberSecret(String user, String secret) {
        secrets.put(user, secret);
    }

    /** Forgets a user's session here (after a sign-out, say): the next call signs in again. */
    public void forget(String user) {
        signedIn.remove(user);
    }

    private static JsonNode readTree(String body) {
        try {
            return JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        }
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
    }

    /** Creates a user through {@code POST /api/users} as the first-start admin. */
    public void createUser(String username, String role, String... units) {
        createUser(Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "units",
                List.of(units), "countries", COUNTRIES));
    }

    /** One user per working role: hr.lopez, adj.smith, cmd.fent (JU-FENTANYL) and aud.garcia. */
    public void createStaff() {
        createUser("hr.lopez", "VETTING_OFFICER");
        createUser("adj.smith", "ADJUDICATOR");
        createUser("cmd.fent", "COMMANDER", "JU-FENTANYL");
        createUser("aud.garcia", "AUDITOR");
    }

    /** A user of one role bound to one country (need to know: the other country's officers are not theirs). */
    public void createScoped(String username, String role, String country) {
        createUser(Map.of("username", username, "password", PASSWORD, "roles", List.of(role), "countries",
                List.of(country)));
    }

    /** A further administrator (no countries: an ADMIN sees every country and holds no other role). */
    public void createAdmin(String username) {
        createUser(Map.of("username", username, "password", PASSWORD, "roles", List.of("ADMIN")));
    }

    /** A user with a role and, optionally, the officer they are (separation of duties). */
    public void createUser(String username, List<String> roles, String officerId) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD,
                "roles", roles, "countries", COUNTRIES));
        if (officerId != null) {
            body.put("officerId", officerId);
        }
        createUser(body);
    }

    private void createUser(Map<String, Object> body) {
        try (Response r = as("admin", "/api/users").post(Entity.json(body))) {
            if (r.getStatus() != 201) {
                throw new IllegalStateException("cannot create " + body.get("username") + ": "
                        + r.readEntity(String.class));
            }
        }
    }

    /** The answer's JSON body, once its status is {@code status} (the body is the failure's message). */
    public static JsonNode expect(Response r, int status) {
        try (r) {
            String body = r.readEntity(String.class);
            assertThat(r.getStatus()).as(body).isEqualTo(status);
            return body.isEmpty() ? null : JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON", e);
        }
    }

    /** A read by {@code user} that must answer 200: its body. */
    public JsonNode get(String user, String path) {
        return expect(as(user, path).get(), 200);
    }

    /** A submission by {@code user} that must answer 201: the evaluation. */
    public JsonNode submit(String user, Object record) {
        return expect(post(user, "/api/candidates", record), 201);
    }

    public Response post(String user, String path, Object body) {
        return as(user, path).post(Entity.json(body));
    }

    /** One answer to {@link #submitConcurrently}: the officer, the status, and the evaluation id of a 201. */
    public record Answer(String officerId, int status, String evaluationId) {}

    /**
     * Submits each officer's clean record, {@code threads} requests at a time (so the service writes
     * them in groups), and returns every answer in the officers' order.
     */
    public List<Answer> submitConcurrently(String user, List<String> officers, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Answer>> results = new ArrayList<>();
            for (String officer : officers) {
                results.add(pool.submit(() -> {
                    try (Response r = post(user, "/api/candidates", Records.clean(officer))) {
                        String id = r.getStatus() == 201 ? r.readEntity(JsonNode.class).get("evaluationId").asText()
                                : null;
                        return new Answer(officer, r.getStatus(), id);
                    }
                }));
            }
            List<Answer> answers = new ArrayList<>();
            for (var f : results) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** As {@link #submitConcurrently}, every submission answered 201: the evaluation ids. */
    public List<String> submitAtOnce(String user, List<String> officers, int threads) throws Exception {
        List<String> acknowledged = new ArrayList<>();
        for (Answer a : submitConcurrently(user, officers, threads)) {
            assertThat(a.status()).as("every submission answered 201: " + a.officerId()).isEqualTo(201);
            acknowledged.add(a.evaluationId());
        }
        return acknowledged;
    }

    public Response postRaw(String user, String path, String body) {
        return as(user, path).post(Entity.entity(body, MediaType.APPLICATION_JSON_TYPE));
    }

    /** Runs one statement straight on the database, bypassing the service (a test breaking or restoring a table). */
    public void execute(String statement) throws SQLException {
        try (Connection c = connection(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** Counts rows straight from the database, bypassing the service. */
    public long count(String table) {
        try (Connection c = connection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Instant now() {
        return TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
    }
}
