package org.vetting.auth;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
 */
public class DatabaseAuthenticator implements Authenticator<BasicCredentials, User> {
    private final Jdbi jdbi;
    private final Passwords passwords;
    private final Cache<String, String> verified;
    private final Cache<String, Object> accounts = Caffeine.newBuilder().maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(10)).build();

    public DatabaseAuthenticator(Jdbi jdbi, Passwords passwords, Duration ttl) {
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(ttl).build();
    }

    @Override
    public Optional<User> authenticate(BasicCredentials credentials) {
        return jdbi.withExtension(UserDao.class, dao -> {
            List<UserDao.UserGrantRow> rows = dao.findWithGrants(credentials.getUsername());
            Optional<UserDao.UserRow> row = rows.stream().findFirst().map(UserDao.UserGrantRow::user)
                    .filter(UserDao.UserRow::enabled);
            if (row.isEmpty()) {
                passwords.matches(credentials.getPassword(), null); // an unknown name costs what a known one does
                return Optional.empty();
            }
            List<UserDao.Grant> grants = rows.stream().filter(g -> g.kind() != null)
                    .map(g -> new UserDao.Grant(g.kind(), g.granted())).toList();
            return row.filter(r -> matches(credentials, r.passwordHash())).map(r -> User.of(r, grants));
        });
    }

    private boolean matches(BasicCredentials credentials, String hash) {
        String key = credentials.getUsername() + "\0" + Sha256.hex(String.valueOf(credentials.getPassword()));
        if (hash.equals(verified.getIfPresent(key))) {
            return true;
        }
        // one bcrypt at a time per account: a burst of guesses at one account queues behind itself and
        // takes at most one of bcrypt's threads, so other users' sign-ins are not kept waiting
        Object lock = accounts.get(credentials.getUsername(), name -> new Object());
        synchronized (lock) {
            // the same credentials may have been verified while this request waited for the lock
            if (hash.equals(verified.getIfPresent(key))) {
                return true;
            }
            if (!passwords.matches(credentials.getPassword(), hash)) {
                return false;
            }
        }
        verified.put(key, hash);
        return true;
    }
}
