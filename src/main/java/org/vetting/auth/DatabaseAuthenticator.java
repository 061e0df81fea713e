package org.vetting.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import org.jdbi.v3.core.Jdbi;
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
            Optional<UserDao.UserRow> row = dao.find(credentials.getUsername()).filter(UserDao.UserRow::enabled);
            if (row.isEmpty()) {
                passwords.matches(credentials.getPassword(), null); // an unknown name costs what a known one does
                return Optional.empty();
            }
            return row.filter(r -> matches(credentials, r.passwordHash())).map(r -> User.of(r, dao));
        });
    }

    private boolean matches(BasicCredentials credentials, String hash) {
        String key = credentials.getUsername() + "\0" + digest(credentials.getPassword());
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

    private static String digest(String password) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(String.valueOf(password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
