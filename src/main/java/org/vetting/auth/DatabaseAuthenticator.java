package org.vetting.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import org.jdbi.v3.core.Jdbi;
import org.vetting.common.Sha256;
import org.vetting.db.UserDao;

/**
 * HTTP Basic credentials checked against the users table on every request: a disabled user, a
 * removed role or a changed password takes effect at once, on every instance. Only the bcrypt
 * verification is remembered (for {@code ttl}, keyed by user and a digest of the password, valid
 * while the stored hash is the one it was checked against), so bcrypt runs once per user and period.
 *
 * <p>A verification is renewed ahead of its expiry: a request that finds one in the last quarter of
 * its period is answered from it and hands the same check to a background thread, which verifies the
 * password against the stored hash again and, if it still matches, remembers it for a new period.
 * So a user working steadily (a batch intake, a continuous-vetting feed) never waits for bcrypt after
 * their first request, where every period's first requests used to wait for it together (about
 * half a second at cost 12 on two cores, docs/performance.md); no verification is ever trusted for
 * longer than {@code ttl} after bcrypt last confirmed it, and the password is held only while its
 * renewal is queued or running.
 */
public class DatabaseAuthenticator implements Authenticator<BasicCredentials, User> {
    private final Jdbi jdbi;
    private final Passwords passwords;
    private final Cache<String, Verified> verified;
    private final Cache<String, Object> accounts = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();
    private final Ticker ticker;
    private final long renewAfterNanos;
    private final Executor renewals;
    /** Verifications being renewed: one renewal at a time per user and password. */
    private final Set<String> renewing = ConcurrentHashMap.newKeySet();
    /**
     * Whether people may use HTTP Basic (second factors off). When not, only service accounts may,
     * and a person's name is refused at the cost of an unknown one, before their hash is tried.
     */
    private volatile boolean peopleMayUseBasic = true;

    /** A bcrypt verification: the hash the password matched, and when (the ticker's nanoseconds). */
    private record Verified(String hash, long at) {}

    /**
     * @param ttl      how long a bcrypt verification is remembered
     * @param renewals runs the renewals ahead of expiry (bounded: a refused renewal is simply not made,
     *                 and the verification expires as it would have)
     */
    public DatabaseAuthenticator(Jdbi jdbi, Passwords passwords, Duration ttl, Executor renewals) {
        this(jdbi, passwords, ttl, renewals, Ticker.systemTicker());
    }

    DatabaseAuthenticator(Jdbi jdbi, Passwords passwords, Duration ttl, Executor renewals, Ticker ticker) {
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.ticker = ticker;
        this.renewals = renewals;
        this.renewAfterNanos = ttl.toNanos() - ttl.toNanos() / 4;
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).ticker(ticker).build();
    }

    /** Service accounts only (second factors required for people); their callers sign no second signature. */
    public DatabaseAuthenticator serviceAccountsOnly() {
        this.peopleMayUseBasic = false;
        return this;
    }

    @Override
    public Optional<User> authenticate(BasicCredentials credentials) {
        return jdbi.withExtension(UserDao.class, dao -> {
            List<UserDao.UserGrantRow> rows = dao.findWithGrants(credentials.getUsername());
            Optional<UserDao.UserRow> row = rows.stream().findFirst().map(UserDao.UserGrantRow::user)
                    .filter(UserDao.UserRow::enabled).filter(r -> peopleMayUseBasic || r.serviceAccount());
            if (row.isEmpty()) {
                passwords.matches(credentials.getPassword(), null); // an unknown name costs what a known one does
                return Optional.empty();
            }
            List<UserDao.Grant> grants = rows.stream().filter(g -> g.kind() != null)
                    .map(g -> new UserDao.Grant(g.kind(), g.granted())).toList();
            return row.filter(r -> matches(credentials, r.passwordHash()))
                    .map(r -> User.of(r, grants).withRecentSecondFactor(peopleMayUseBasic));
        });
    }

    private boolean matches(BasicCredentials credentials, String hash) {
        String key = credentials.getUsername() + "\0" + Sha256.hex(String.valueOf(credentials.getPassword()));
        Verified known = remembered(key, hash);
        if (known != null) {
            if (ticker.read() - known.at() >= renewAfterNanos) {
                renew(key, credentials.getPassword(), hash);
            }
            return true;
        }
        // one bcrypt at a time per account: a burst of guesses at one account queues behind itself and
        // takes at most one of bcrypt's threads, so other users' sign-ins are not kept waiting
        Object lock = accounts.get(credentials.getUsername(), name -> new Object());
        synchronized (lock) {
            // the same credentials may have been verified while this request waited for the lock
            if (remembered(key, hash) != null) {
                return true;
            }
            if (!passwords.matches(credentials.getPassword(), hash)) {
                return false;
            }
        }
        verified.put(key, new Verified(hash, ticker.read()));
        return true;
    }

    /** The remembered verification of these credentials, if it was made against the hash stored now. */
    private Verified remembered(String key, String hash) {
        Verified known = verified.getIfPresent(key);
        return known != null && known.hash().equals(hash) ? known : null;
    }

    /** bcrypt again in the background; a match is remembered for a new period, a mismatch forgotten. */
    private void renew(String key, String password, String hash) {
        if (!renewing.add(key)) {
            return;
        }
        try {
            renewals.execute(() -> {
                try {
                    long at = ticker.read();
                    if (passwords.matches(password, hash)) {
                        verified.put(key, new Verified(hash, at));
                    } else {
                        verified.invalidate(key);
                    }
                } finally {
                    renewing.remove(key);
                }
            });
        } catch (RejectedExecutionException full) {
            renewing.remove(key); // not renewed: it expires, and the next request verifies as before
        }
    }
}
