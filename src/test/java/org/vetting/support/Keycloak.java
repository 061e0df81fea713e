package org.vetting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real Keycloak for the single sign-on tests: its own distribution (unpacked by Maven from Maven
 * Central into {@code target/keycloak}, built once), linked for this test class, started on a free
 * loopback port with an in-memory database and the realms of {@code
 * src/test/resources/keycloak} imported (the service's confidential client, people with passwords
 * and one with TOTP, a second realm as "another issuer"), and stopped (the copy removed) after.
 */
public final class Keycloak implements AutoCloseable {
    public static final String CLIENT_ID = "vetting-service";
    public static final String CLIENT_SECRET = "vetting-sso-client-secret";
    /** The OTP secret of {@code hr.sso} in the realm file (Keycloak keys HMAC with these bytes). */
    public static final String TOTP_SECRET = "vetting-sso-totp-secret-1";
    private static final String ADMIN = "kcadmin";
    private static final String ADMIN_PASSWORD = "kcadmin-test-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path home;
    private final Process process;
    private final int port;

    private Keycloak(Path home, Process process, int port) {
        this.home = home;
        this.process = process;
        this.port = port;
    }

    /**
     * Starts one and returns at once (its address is known: a free port chosen first); {@link
     * #ready()} waits until it answers. The distribution is built once for every copy (Keycloak's
     * {@code kc.sh build}, under a lock: the test JVMs share it), and each copy links its files, so a
     * start is Keycloak's optimised start alone.
     */
    public static Keycloak start() {
        Path dist = Path.of(System.getProperty("vetting.keycloak", "target/keycloak/keycloak-26.4.7"));
        if (!Files.isDirectory(dist)) {
            throw new IllegalStateException(dist + " is missing: Maven unpacks Keycloak there (mvn process-test-resources)");
        }
        try {
            built(dist);
            Path home = Files.createTempDirectory(dist.getParent(), "run-");
            link(dist, home);
            Path imports = Files.createDirectories(home.resolve("data/import"));
            for (String realm : new String[] {"vetting-realm.json", "elsewhere-realm.json"}) {
                Files.copy(Path.of("src/test/resources/keycloak", realm), imports.resolve(realm));
            }
            int port = freePort();
            ProcessBuilder pb = kc(home, "start", "--optimized", "--http-enabled=true", "--http-port=" + port,
                    "--http-host=127.0.0.1", "--hostname-strict=false", "--import-realm", "--cache=local")
                    .redirectErrorStream(true).redirectOutput(home.resolve("keycloak.log").toFile());
            pb.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN);
            pb.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            Keycloak kc = new Keycloak(home, pb.start(), port);
            Runtime.getRuntime().addShutdownHook(new Thread(kc::close));
            return kc;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (up to three minutes) until the realm answers discovery; at once when it does already. */
    public Keycloak ready() {
        if (!up) {
            awaitUp();
            up = true;
        }
        return this;
    }

    private volatile boolean up;

    private static ProcessBuilder kc(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx768m");
        // the quick compiler alone: a Keycloak that lives for one test class starts on less CPU
        pb.environment().put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return pb;
    }

    /** Keycloak's build of the distribution (an in-memory database), once: test JVMs wait on a file lock. */
    private static void built(Path dist) throws IOException {
        Path marker = dist.resolve(".vetting-built");
        try (FileChannel lock = FileChannel.open(dist.getParent().resolve("build.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock held = lock.lock()) {
            if (Files.exists(marker)) {
                return;
            }
            Process build = kc(dist, "build", "--db=dev-mem", "--health-enabled=false").redirectErrorStream(true)
                    .redirectOutput(dist.getParent().resolve("build.log").toFile()).start();
            if (!build.waitFor(5, java.util.concurrent.TimeUnit.MINUTES) || build.exitValue() != 0) {
                throw new IllegalStateException("kc.sh build failed: see " + dist.getParent().resolve("build.log"));
            }
            Files.writeString(marker, "built by the tests\n");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void awaitUp() {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak stopped: see " + home.resolve("keycloak.log") + "\n" + log());
            }
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(issuer()
                        + "/.well-known/openid-configuration")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak did not start in 3 minutes:\n" + log());
    }

    private String log() {
        try {
            String all = Files.readString(home.resolve("keycloak.log"));
            return all.length() > 4_000 ? all.substring(all.length() - 4_000) : all;
        } catch (IOException e) {
            return "(no log)";
        }
    }

    /** The base address, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The issuer of the service's realm. */
    public String issuer() {
        return issuer("vetting");
    }

    public String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    /** An access token of a realm's user for a client, by the password grant (a script's way, for the bearer tests). */
    public String accessToken(String realm, String client, String username) {
        Map<String, String> form = new java.util.LinkedHashMap<>(Map.of("grant_type", "password", "client_id", client,
                "username", username, "password", password(username), "scope", "openid"));
        if (client.equals(CLIENT_ID)) {
            form.put("client_secret", CLIENT_SECRET);
        }
        JsonNode r = post(issuer(realm) + "/protocol/openid-connect/token", form, null);
        if (!r.has("access_token")) {
            throw new IllegalStateException("no token for " + username + ": " + r);
        }
        return r.get("access_token").asText();
    }

    /** A person's Keycloak password in the realm files. */
    public static String password(String username) {
        return "kc-" + username + "-password";
    }

    /**
     * Rotates the service realm's signing key: a new RSA key of higher priority, which signs every
     * token from now on (the old one still verifies the tokens it signed).
     */
    public void rotateKeys() {
        String admin = post(issuer("master") + "/protocol/openid-connect/token", Map.of("grant_type", "password",
                "client_id", "admin-cli", "username", ADMIN, "password", ADMIN_PASSWORD), null).get("access_token").asText();
        try {
            String realmId = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/vetting"))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString()).body())
                    .get("id").asText();
            String component = JSON.writeValueAsString(Map.of("name", "rotated-" + System.nanoTime(),
                    "providerId", "rsa-generated", "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                    "config", Map.of("priority", new String[] {"500"}, "enabled", new String[] {"true"},
                            "active", new String[] {"true"}, "keySize", new String[] {"2048"},
                            "algorithm", new String[] {"RS256"})));
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/admin/realms/vetting/components"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(component)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("key rotation refused: " + r.statusCode() + " " + r.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode post(String url, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        try {
            return JSON.readTree(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            try {
                if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        delete(home);
    }

    /** The distribution's tree again, its files hard links (an optimised start writes none of them). */
    private static void link(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals(".vetting-built")) {
                    Files.createLink(target, p);
                }
            }
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory under target/: mvn clean removes what is left
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
