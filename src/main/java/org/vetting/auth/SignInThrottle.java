package org.vetting.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Throttles password guessing (OWASP ASVS 4.0.3 V2.2.1): after a few failures for one account from
 * one address each further attempt waits an increasing delay (1 s, 2 s, 4 s … at most 5 minutes);
 * an address failing across many accounts is slowed the same way; and an account takes at most 100
 * failures an hour from all addresses together. A throttled attempt is answered 429 with
 * Retry-After and never reaches bcrypt, so a flood of guesses costs no CPU. Nothing is permanent:
 * windows slide, a success clears the account-address pair, and the real user at another address
 * is only held back by the hourly cap.
 */
public final class SignInThrottle {
    static final int FREE_FAILURES = 3;
    static final int ADDRESS_FREE_FAILURES = 20;
    public static final int ACCOUNT_FAILURES_PER_HOUR = 100;
    static final Duration MAX_DELAY = Duration.ofMinutes(5);
    static final Duration WINDOW = Duration.ofHours(1);

    private final Clock clock;
    /** Bounded in entries and in time, so that invented names and addresses cannot fill the heap. */
    private final Cache<String, Deque<Instant>> failures = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(WINDOW).build();

    public SignInThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long this attempt must wait, or empty when it may go ahead. */
    public Optional<Duration> wait(String username, String address) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        longest = max(longest, delay(pair(username, address), FREE_FAILURES, now));
        longest = max(longest, delay("address\0" + address, ADDRESS_FREE_FAILURES, now));
        Deque<Instant> account = recent("account\0" + username, now);
        synchronized (account) {
            if (account.size() >= ACCOUNT_FAILURES_PER_HOUR) {
                longest = max(longest, Duration.between(now, account.peekFirst().plus(WINDOW)));
            }
        }
        return longest.isZero() || longest.isNegative() ? Optional.empty() : Optional.of(longest);
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        for (String key : new String[] {pair(username, address), "address\0" + address, "account\0" + username}) {
            Deque<Instant> d = recent(key, now);
            synchronized (d) {
                d.addLast(now);
                if (d.size() > ACCOUNT_FAILURES_PER_HOUR) {
                    d.removeFirst();
                }
            }
        }
    }

    public void succeeded(String username, String address) {
        failures.invalidate(pair(username, address));
    }

    private Duration delay(String key, int free, Instant now) {
        Deque<Instant> d = recent(key, now);
        synchronized (d) {
            int over = d.size() - free;
            if (over < 0 || d.isEmpty()) {
                return Duration.ZERO;
            }
            Duration delay = Duration.ofSeconds(1L << Math.min(over, 20));
            delay = delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
            return Duration.between(now, d.peekLast().plus(delay));
        }
    }

    /** The failures of a key within the window (older ones dropped). */
    private Deque<Instant> recent(String key, Instant now) {
        Deque<Instant> d = failures.get(key, k -> new ArrayDeque<>());
        synchronized (d) {
            while (!d.isEmpty() && d.peekFirst().isBefore(now.minus(WINDOW))) {
                d.removeFirst();
            }
        }
        return d;
    }

    private static String pair(String username, String address) {
        return "pair\0" + username + "\0" + address;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
