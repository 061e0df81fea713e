package org.vetting.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.dropwizard.auth.basic.BasicCredentials;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.vetting.VettingApplication;
import org.vetting.support.TestApp;

/**
 * A remembered bcrypt verification is renewed in the background ahead of its expiry, so that a user
 * working steadily never waits for bcrypt after their first request; an expired one is verified
 * before the answer as ever, and a changed password is refused whatever is remembered. The users and
 * their hashes are the service's own (created through the API, read from its database); the clock
 * and the background thread are the test's, so that each step is exact. The bcrypt count is the measure.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class VerificationRenewalTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;
    static final Duration TTL = Duration.ofMinutes(1);

    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    final ArrayDeque<Runnable> queued = new ArrayDeque<>();
    DatabaseAuthenticator authenticator;

    @BeforeAll
    static void users() {
        APP.createUser("hr.steady", "VETTING_OFFICER");
        APP.createUser("hr.idle", "VETTING_OFFICER");
        APP.createUser("hr.moving", "VETTING_OFFICER");
    }

    @BeforeEach
    void authenticator() {
        var context = ((VettingApplication) EXT.getApplication()).context();
        authenticator = new DatabaseAuthenticator(context.jdbi(), context.passwords(), TTL, queued::add, nanos::get);
    }

    static Passwords passwords() {
        return ((VettingApplication) EXT.getApplication()).context().passwords();
    }

    Optional<User> signIn(String user, String password) {
        return authenticator.authenticate(new BasicCredentials(user, password));
    }

    void after(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    void runQueued() {
        while (!queued.isEmpty()) {
            queued.poll().run();
        }
    }

    @Test
    void shouldRenewInTheBackground_SoASteadyUserNeverWaitsForBcryptAgain() {
        long before = passwords().verifications();
        assertThat(signIn("hr.steady", TestApp.PASSWORD)).isPresent();
        assertThat(passwords().verifications() - before).as("the first request verifies").isEqualTo(1);

        after(30);
        assertThat(signIn("hr.steady", TestApp.PASSWORD)).isPresent();
        assertThat(queued).as("half-way through the period: nothing to renew yet").isEmpty();

        after(20); // 50 s: the last quarter of the minute
        assertThat(signIn("hr.steady", TestApp.PASSWORD)).isPresent();
        assertThat(signIn("hr.steady", TestApp.PASSWORD)).isPresent();
        assertThat(passwords().verifications() - before).as("answered from the remembered verification").isEqualTo(1);
        assertThat(queued).as("one renewal, however many requests").hasSize(1);

        runQueued();
        assertThat(passwords().verifications() - before).as("the renewal ran bcrypt").isEqualTo(2);

        after(20); // 70 s after the first verification, 20 s after its renewal
        assertThat(signIn("hr.steady", TestApp.PASSWORD)).isPresent();
        assertThat(passwords().verifications() - before).as("no wait for bcrypt past the first period").isEqualTo(2);
        assertThat(signIn("hr.steady", "a-wrong-password")).as("a wrong password is never remembered").isEmpty();
    }

    @Test
    void shouldVerifyBeforeAnswering_OnceTheVerificationExpired() {
        assertThat(signIn("hr.idle", TestApp.PASSWORD)).isPresent();
        long before = passwords().verifications();
        after(61);
        assertThat(signIn("hr.idle", TestApp.PASSWORD)).isPresent();
        assertThat(passwords().verifications() - before).as("an expired verification is made again at once").isEqualTo(1);
        assertThat(queued).isEmpty();
    }

    @Test
    void shouldRefuseTheOldPassword_EvenWithARenewalQueuedForIt() {
        assertThat(signIn("hr.moving", TestApp.PASSWORD)).isPresent();
        after(50);
        assertThat(signIn("hr.moving", TestApp.PASSWORD)).isPresent();
        assertThat(queued).hasSize(1);
        try (Response r = APP.post("hr.moving", "/api/me/password", Map.of("current", TestApp.PASSWORD,
                "new", "a-brand-new-password"))) {
            assertThat(r.getStatus()).isEqualTo(204);
        }
        assertThat(signIn("hr.moving", TestApp.PASSWORD)).as("the stored hash changed").isEmpty();
        runQueued(); // the renewal made against the old hash
        assertThat(signIn("hr.moving", TestApp.PASSWORD)).as("still refused after the renewal").isEmpty();
        assertThat(signIn("hr.moving", "a-brand-new-password")).isPresent();
    }
}
