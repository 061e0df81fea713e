package org.vetting.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vetting.support.Records;

/**
 * Nothing acknowledged is lost: the packaged service runs as a child process with the shipped
 * config.yml (the embedded H2 default, or PostgreSQL), clients submit under load, the process is
 * killed with SIGKILL, restarted on the same database, and every evaluation it answered 201 for must
 * be there, with a chain that verifies. Runs after {@code package} (failsafe), with the real jar.
 */
class CrashIT {
    static final String ADMIN_PASSWORD = "admin-password-for-the-crash-test";
    static final String PASSWORD = "correct-horse-battery";
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern EVALUATION_ID = Pattern.compile("\"evaluationId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void noAcknowledgedSubmissionIsLostWhenTheProcessIsKilled(String db) throws Exception {
        onFreshDatabase(db, (work, port, url) -> {
            Process service = start(work, port, url);
            try {
                post(port, "admin", ADMIN_PASSWORD, "/api/users", Map.of("username", "hr.crash", "password", PASSWORD,
                        "roles", List.of("VETTING_OFFICER"), "countries", List.of("MX")));
                post(port, "admin", ADMIN_PASSWORD, "/api/users", Map.of("username", "aud.crash", "password", PASSWORD,
                        "roles", List.of("AUDITOR"), "countries", List.of("MX")));
                ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
                CountDownLatch firstAnswer = new CountDownLatch(1);
                ExecutorService clients = Executors.newFixedThreadPool(6);
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                for (int c = 0; c < 6; c++) {
                    int client = c;
                    clients.submit(() -> {
                        for (int i = 0; System.nanoTime() < until; i++) {
                            try {
                                HttpResponse<String> r = post(port, "hr.crash", PASSWORD, "/api/candidates",
                                        Records.clean("MX-CRASH-" + client + "-" + i));
                                Matcher m = EVALUATION_ID.matcher(r.body());
                                if (r.statusCode() == 201 && m.find()) {
                                    acknowledged.add(m.group(1));
                                    firstAnswer.countDown();
                                }
                            } catch (Exception stopped) {
                                return;
                            }
                        }
                    });
                }
                // killed two seconds into the load, counted from the first answer: a slow start (a busy
                // machine, the first sign-in's bcrypt) must not leave the kill nothing to test
                assertThat(firstAnswer.await(60, TimeUnit.SECONDS)).as("a submission answered within 60 s").isTrue();
                Thread.sleep(2_000);
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // SIGKILL, mid-load
                clients.shutdownNow();
                clients.awaitTermination(30, TimeUnit.SECONDS);
                assertThat(acknowledged).as("submissions answered before the kill").isNotEmpty();

                service = start(work, port, url);
                List<String> lost = new ArrayList<>();
                for (String id : acknowledged) {
                    if (get(port, "aud.crash", "/api/audit/evaluations/" + id).statusCode() != 200) {
                        lost.add(id);
                    }
                }
                assertThat(lost).as(lost.size() + " of " + acknowledged.size() + " acknowledged lost").isEmpty();
                assertThat(get(port, "aud.crash", "/api/audit/verify").body()).contains("\"valid\":true");
            } finally {
                service.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        });
    }

    /** A test against the packaged service: its working directory, its port, and its database URL (null: H2). */
    interface ServiceTest {
        void run(Path work, int port, String url) throws Exception;
    }

    /**
     * Runs {@code test} on a fresh database of the kind given — the embedded H2 default in a new
     * working directory, or a new PostgreSQL database, dropped afterwards.
     */
    static void onFreshDatabase(String db, ServiceTest test) throws Exception {
        Assumptions.assumeFalse(db.equals("postgres") && Boolean.getBoolean("vetting.skipPostgres"),
                "-Dvetting.skipPostgres=true");
        Path work = Files.createTempDirectory("vetting-crash-" + db);
        String pgName = "vt_crash_" + UUID.randomUUID().toString().replace("-", "");
        String url = null;
        if (db.equals("postgres")) {
            admin("CREATE DATABASE " + pgName);
            url = "jdbc:postgresql://127.0.0.1:5432/" + pgName;
        }
        try {
            test.run(work, freePort(), url);
        } finally {
            if (url != null) {
                admin("DROP DATABASE IF EXISTS " + pgName + " WITH (FORCE)");
            }
        }
    }

    static Process start(Path work, int port, String url) throws Exception {
        Path jar = Path.of("target/vetting-service.jar").toAbsolutePath();
        // as the README starts it: with the class-data-sharing archive the build writes beside the jar
        Path archive = Path.of("target/vetting-service.jsa").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("java"));
        if (Files.isRegularFile(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-jar", jar.toString(), "server", Path.of("config.yml").toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("service.log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("VETTING_PORT", Integer.toString(port));
        env.put("VETTING_ADMIN_PORT", Integer.toString(freePort()));
        env.put("VETTING_RULES_DIR", Path.of("rules").toAbsolutePath().toString());
        env.put("VETTING_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("VETTING_SECOND_FACTOR", "off"); // its clients speak HTTP Basic
        if (url != null) {
            env.put("VETTING_DB_URL", url);
            env.put("VETTING_DB_USER", "postgres");
        }
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
                    return p;
                }
            } catch (IOException notYet) {
                // starting
            }
            if (!p.isAlive()) {
                break;
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("the service did not start: " + Files.readString(work.resolve("service.log")));
    }

    static HttpResponse<String> post(int port, String user, String password, String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(user, password)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(int port, String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(user, PASSWORD)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void admin(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
