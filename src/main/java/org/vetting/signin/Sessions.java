package org.vetting.signin;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vetting.api.FactorKind;
import org.vetting.api.SecondFactorProof;
import org.vetting.api.SessionEntry;
import org.vetting.api.SessionStage;
import org.vetting.api.SessionView;
import org.vetting.api.SignInEvent;
import org.vetting.api.SignInRequest;
import org.vetting.audit.SignIns;
import org.vetting.auth.Passwords;
import org.vetting.auth.SignInThrottle;
import org.vetting.auth.User;
import org.vetting.common.ServiceTime;
import org.vetting.common.Sha256;
import org.vetting.db.FactorDao;
import org.vetting.db.SessionDao;
import org.vetting.db.UserDao;
import org.vetting.errors.Conflict;
import org.vetting.errors.CsrfRefused;
import org.vetting.errors.Throttled;
import org.vetting.errors.Unauthenticated;
import org.vetting.errors.ValidationFailed;

/**
 * Signing in (docs/api.md, "Sign-in"): a password opens a session, a second factor signs it in
 * (or, for someone without one, enrolling one does: {@link Factors}); the session then carries the
 * person until they sign out, it is idle too long or it reaches its absolute end, their user is
 * disabled or their roles change. Only the SHA-256 of a session's identifier is stored, so every
 * instance knows every session and none can be rebuilt from the database. Each step is in the
 * sign-in log; wrong passwords and codes are throttled per account and address.
 */
public final class Sessions {
    /** How stale {@code last_seen_at} may be before a request writes it again (the idle timeout's grain). */
    private static final Duration TOUCH_AFTER = Duration.ofMinutes(1);

    private final Jdbi jdbi;
    private final Passwords passwords;
    private final SignInThrottle throttle;
    private final SignIns log;
    private final ServiceTime time;
    private final SessionPolicy policy;
    private final SecurityKeys keys;

    public Sessions(Jdbi jdbi, Passwords passwords, SignInThrottle throttle, SignIns log, ServiceTime time,
                    SessionPolicy policy, SecurityKeys keys) {
        this.keys = keys;
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.throttle = throttle;
        this.log = log;
        this.time = time;
        this.policy = policy;
    }

    public SessionPolicy policy() {
        return policy;
    }

    /** A session just opened: its identifier (the cookie's value; only its hash is stored) and its state. */
    public record Opened(String id, SessionView view) {}

    /** A session in force and its person, as a request made with its cookie acts. */
    public record Resolved(SessionDao.SessionRow session, User user) {}

    /**
     * The first step: the password. Opens a session that still needs a second factor (or its
     * enrolment), or — second factors off — is signed in at once.
     */
    public Opened signIn(SignInRequest request, String address) {
        String username = request == null ? null : request.username();
        String password = request == null ? null : request.password();
        if (username == null || username.isBlank() || username.length() > 64) {
            throw ValidationFailed.of("username", "required, at most 64 characters");
        }
        if (password == null || password.isEmpty() || password.length() > 1_000) {
            throw ValidationFailed.of("password", "required");
        }
        checkThrottle(username, address);
        Optional<UserDao.UserRow> user = jdbi.withExtension(UserDao.class, dao -> dao.find(username))
                .filter(UserDao.UserRow::enabled);
        boolean right = passwords.matches(password, user.map(UserDao.UserRow::passwordHash).orElse(null));
        if (!right) {
            refused(username, address, SignInEvent.WRONG_CREDENTIALS, "password");
            throw new Unauthenticated("wrong user name or password");
        }
        throttle.succeeded(username, address);
        boolean enrolled = jdbi.withExtension(FactorDao.class, dao -> dao.ofUser(username)).stream()
                .anyMatch(f -> f.confirmedAt() != null);
        SessionStage stage = !policy.secondFactorRequired() ? SessionStage.SIGNED_IN
                : enrolled ? SessionStage.SECOND_FACTOR_REQUIRED : SessionStage.ENROLMENT_REQUIRED;
        Instant now = time.now();
        String id = Secrets.token();
        SessionDao.SessionRow row = new SessionDao.SessionRow(Sha256.hex(id), username, Secrets.token(), stage, "password",
                address, now, now, null, null, null);
        jdbi.useExtension(SessionDao.class, dao -> dao.insert(row));
        log.record(username, address, stage == SessionStage.SIGNED_IN ? SignInEvent.SIGNED_IN
                : SignInEvent.PASSWORD_ACCEPTED, "password");
        return new Opened(id, view(row));
    }

    /** How a second factor is proved. */
    public enum Method {
        TOTP("totp"), RECOVERY("recovery"), WEBAUTHN("webauthn");

        private final String label;

        Method(String label) {
            this.label = label;
        }

        /** As the sign-in log and {@code signedInWith} spell it. */
        public String label() {
            return label;
        }
    }

    /**
     * The second step: a code of an authenticator app, a recovery code, or a security key's answer.
     * The session signed in gets a new identifier (the one a half-signed-in cookie carried names
     * nothing afterwards: no session fixation).
     */
    public Opened secondFactor(String id, SecondFactorProof proof, String address, Method method) {
        SessionDao.SessionRow session = open(id);
        if (session.stage() != SessionStage.SECOND_FACTOR_REQUIRED) {
            throw new Conflict(session.stage() == SessionStage.SIGNED_IN ? "already signed in"
                    : "no second factor is enrolled yet: enrol one (POST /api/me/factors/totp)");
        }
        prove(session, proof, address, method);
        Instant now = time.now();
        String renewed = Secrets.token();
        String signedInWith = "password+" + method.label();
        jdbi.useTransaction(h -> {
            SessionDao dao = h.attach(SessionDao.class);
            dao.advance(session.idHash(), SessionStage.SIGNED_IN, signedInWith, now);
            dao.rotate(session.idHash(), Sha256.hex(renewed));
        });
        log.record(session.username(), address, SignInEvent.SIGNED_IN, signedInWith);
        return new Opened(renewed, view(find(renewed).orElseThrow()));
    }

    /**
     * The options a security key answers to prove itself ({@code navigator.credentials.get}): for the
     * second step of signing in, or a re-authentication.
     */
    public String keyOptions(String id) {
        SessionDao.SessionRow session = open(id);
        if (session.stage() == SessionStage.ENROLMENT_REQUIRED) {
            throw new Conflict("no second factor is enrolled yet: enrol one (POST /api/me/factors/webauthn/options)");
        }
        return keys.assertionOptions(session);
    }

    /** A new identifier for a session whose holder just signed in (in the caller's transaction): the cookie's new value. */
    static String rotate(Handle h, String idHash) {
        String renewed = Secrets.token();
        h.attach(SessionDao.class).rotate(idHash, Sha256.hex(renewed));
        return renewed;
    }

    /**
     * A second factor proved again by a signed-in person, for the second signature of a four-eyes
     * step: a security key's answer, six digits, or a recovery code.
     */
    public SessionView reauthenticate(String id, SecondFactorProof proof, String address) {
        SessionDao.SessionRow session = open(id);
        if (session.stage() != SessionStage.SIGNED_IN) {
            throw new Unauthenticated("sign in first");
        }
        String code = proof == null || proof.code() == null ? null : proof.code().strip();
        Method method = proof != null && proof.credential() != null ? Method.WEBAUTHN
                : code != null && !code.matches("\\d{6}") ? Method.RECOVERY : Method.TOTP;
        prove(session, proof, address, method);
        Instant now = time.now();
        jdbi.useExtension(SessionDao.class, dao -> dao.advance(session.idHash(), session.stage(), session.method(),
                now));
        log.record(session.username(), address, SignInEvent.REAUTHENTICATED, method.label());
        return view(find(id).orElseThrow());
    }

    /** Ends the session a state-changing call names with its CSRF token; how it had signed in. */
    public String signOut(String id, String csrfToken, String address) {
        SessionDao.SessionRow session = open(id, csrfToken);
        signOut(id, address);
        return session.method();
    }

    /** Ends the session: its cookie no longer works, on any instance. */
    public void signOut(String id, String address) {
        SessionDao.SessionRow session = open(id);
        jdbi.useExtension(SessionDao.class, dao -> dao.end(session.idHash(), time.now(), "SIGNED_OUT"));
        log.record(session.username(), address, SignInEvent.SIGNED_OUT, session.method());
    }

    /**
     * The session a cookie names and its person, for a request: none when it ended, was idle longer
     * than the idle timeout, reached its absolute end, or its user was disabled. A signed-in session's
     * last use is written at most once a minute.
     */
    public Optional<Resolved> resolve(String id) {
        if (id == null || id.length() > 100) {
            return Optional.empty();
        }
        Instant now = time.now();
        return jdbi.withHandle(h -> {
            SessionDao sessions = h.attach(SessionDao.class);
            Optional<SessionDao.SessionRow> found = sessions.find(Sha256.hex(id));
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SessionDao.SessionRow s = found.get();
            if (expired(s, now)) {
                sessions.end(s.idHash(), now, "EXPIRED");
                return Optional.empty();
            }
            Optional<User> user = person(h, s.username());
            if (user.isEmpty()) {
                sessions.end(s.idHash(), now, "USER_DISABLED");
                return Optional.empty();
            }
            if (s.lastSeenAt().plus(TOUCH_AFTER).isBefore(now)) {
                sessions.touch(s.idHash(), now);
            }
            return Optional.of(new Resolved(s, user.get().withRecentSecondFactor(recent(s, now))));
        });
    }

    /** An enabled user with their grants in effect; none when there is no such user, or it is disabled. */
    public Optional<User> person(String username) {
        return jdbi.withHandle(h -> person(h, username));
    }

    private static Optional<User> person(Handle h, String username) {
        List<UserDao.UserGrantRow> rows = h.attach(UserDao.class).findWithGrants(username);
        Optional<UserDao.UserRow> row = rows.stream().findFirst().map(UserDao.UserGrantRow::user)
                .filter(UserDao.UserRow::enabled);
        List<UserDao.Grant> grants = rows.stream().filter(g -> g.kind() != null)
                .map(g -> new UserDao.Grant(g.kind(), g.granted())).toList();
        return row.map(r -> User.of(r, grants));
    }

    /**
     * A session for a person the agency's identity provider signed in (a code flow just checked):
     * signed in at once, its method {@code sso}, its second factor the provider's authentication
     * at {@code authenticatedAt} (by the service's clock).
     */
    public Opened openThroughProvider(String username, String address, Instant authenticatedAt) {
        Instant now = time.now();
        String id = Secrets.token();
        SessionDao.SessionRow row = new SessionDao.SessionRow(Sha256.hex(id), username, Secrets.token(), SessionStage.SIGNED_IN,
                "sso", address, now, now, authenticatedAt, null, null);
        jdbi.useExtension(SessionDao.class, dao -> dao.insert(row));
        log.record(username, address, SignInEvent.SIGNED_IN, "sso");
        return new Opened(id, view(row));
    }

    /**
     * A signed-in session's person authenticated again at the provider (a re-authentication asked for
     * with {@code max_age}): its second factor is now {@code authenticatedAt}. Refused when the
     * session ended, or the provider signed in someone else.
     */
    public void reauthenticatedThroughProvider(String idHash, String username, Instant authenticatedAt, String address) {
        Instant now = time.now();
        SessionDao.SessionRow session = jdbi.withExtension(SessionDao.class, dao -> dao.find(idHash))
                .filter(s -> !expired(s, now) && s.stage() == SessionStage.SIGNED_IN)
                .orElseThrow(() -> new Unauthenticated("no session, or it has ended: sign in"));
        if (!session.username().equals(username)) {
            log.record(session.username(), address, SignInEvent.WRONG_CREDENTIALS, "sso");
            throw new Unauthenticated("the identity provider signed in " + username + ", not " + session.username());
        }
        jdbi.useExtension(SessionDao.class, dao -> dao.advance(idHash, session.stage(), session.method(), authenticatedAt));
        log.record(username, address, SignInEvent.REAUTHENTICATED, "sso");
    }

    /** The SHA-256 a session is stored under, for a re-authentication that returns to it. */
    public static String hashOf(String id) {
        return Sha256.hex(id);
    }

    /** The session a cookie names, as its holder sees it ({@code GET /api/me}, the sign-in steps). */
    public SessionView view(String id) {
        return view(open(id));
    }

    /** How many seconds a session has until its absolute end (its idle end moves with each call). */
    public long secondsToAbsoluteEnd(SessionDao.SessionRow s) {
        return Math.max(0, Duration.between(time.now(), s.createdAt().plus(policy.absolute())).toSeconds());
    }

    /** A session in force as its holder sees it. */
    public SessionView describe(SessionDao.SessionRow s) {
        return view(s);
    }

    /** A user's open sessions, for an administrator. */
    public List<SessionEntry> sessionsOf(String username) {
        Instant now = time.now();
        return jdbi.withExtension(SessionDao.class, dao -> dao.open(username)).stream()
                .filter(s -> !expired(s, now))
                .map(s -> new SessionEntry(s.createdAt(), s.lastSeenAt(), s.address(), s.method(), s.stage()))
                .toList();
    }

    /** Ends every session of a user, in the caller's transaction (disabled, roles changed, an administrator's call). */
    public static int endAll(Handle h, String username, Instant at, String reason) {
        return h.attach(SessionDao.class).endAll(username, at, reason);
    }

    /** Ends every session of a user and logs it; how many there were. */
    public int endAll(String username, String actor, String address) {
        int ended = jdbi.inTransaction(h -> endAll(h, username, time.now(), "ENDED_BY_" + actor));
        log.record(username, address, SignInEvent.SESSIONS_ENDED, null);
        return ended;
    }

    /**
     * An open session by its identifier, for a state-changing call made with its cookie: refused
     * without the session's CSRF token.
     */
    public SessionDao.SessionRow open(String id, String csrfToken) {
        SessionDao.SessionRow s = open(id);
        if (!Secrets.same(csrfToken, s.csrfToken())) {
            throw new CsrfRefused();
        }
        return s;
    }

    /** An open session by its identifier, or refused as if there were none. */
    SessionDao.SessionRow open(String id) {
        Instant now = time.now();
        return find(id).filter(s -> !expired(s, now))
                .orElseThrow(() -> new Unauthenticated("no session, or it has ended: sign in"));
    }

    private Optional<SessionDao.SessionRow> find(String id) {
        if (id == null || id.length() > 100) {
            return Optional.empty();
        }
        return jdbi.withExtension(SessionDao.class, dao -> dao.find(Sha256.hex(id)));
    }

    /** Proves a second factor for the session's person, or refuses (throttled as passwords are). */
    private void prove(SessionDao.SessionRow session, SecondFactorProof proof, String address, Method method) {
        String code = proof == null || proof.code() == null ? "" : proof.code().strip();
        if (method == Method.WEBAUTHN ? proof == null || proof.credential() == null
                : code.isEmpty() || code.length() > 64) {
            throw switch (method) {
                case WEBAUTHN -> ValidationFailed.of("credential", "required: the object the browser's WebAuthn call made");
                case RECOVERY -> ValidationFailed.of("code", "required: a recovery code");
                case TOTP -> ValidationFailed.of("code", "required: six digits");
            };
        }
        String throttled = "code\0" + session.username();
        checkThrottle(throttled, address);
        boolean proved = switch (method) {
            case WEBAUTHN -> keys.proves(session, proof.credential());
            case RECOVERY -> Factors.spendRecoveryCode(jdbi, session.username(), code, time.now());
            case TOTP -> Factors.acceptTotp(jdbi, session.username(), code, time.now());
        };
        if (!proved) {
            throttle.failed(throttled, address);
            log.record(session.username(), address, SignInEvent.WRONG_CODE, method.label());
            throw new Unauthenticated(switch (method) {
                case WEBAUTHN -> "the security key's answer was refused";
                case RECOVERY -> "not an unused recovery code";
                case TOTP -> "wrong or already used code";
            });
        }
        throttle.succeeded(throttled, address);
    }

    private void checkThrottle(String username, String address) {
        throttle.wait(username, address).ifPresent(wait -> {
            throw new Throttled(Math.max(1, (wait.toMillis() + 999) / 1000));
        });
    }

    private void refused(String username, String address, SignInEvent event, String method) {
        throttle.failed(username, address);
        log.record(username, address, event, method);
    }

    private boolean expired(SessionDao.SessionRow s, Instant now) {
        return !s.lastSeenAt().plus(policy.idle()).isAfter(now) || !s.createdAt().plus(policy.absolute()).isAfter(now);
    }

    private boolean recent(SessionDao.SessionRow s, Instant now) {
        return !policy.secondFactorRequired()
                || s.secondFactorAt() != null && s.secondFactorAt().plus(policy.reauthentication()).isAfter(now);
    }

    /**
     * A session as its holder sees it; the second factors it may prove are those its person enrolled
     * (security keys first, the phishing-resistant kind), and recovery codes.
     */
    private SessionView view(SessionDao.SessionRow s) {
        List<String> methods = List.of();
        if ("sso".equals(s.method())) {
            methods = List.of("sso"); // the provider proves it again (max_age), not a factor of this service
        } else if (policy.secondFactorRequired() && s.stage() != SessionStage.ENROLMENT_REQUIRED) {
            Set<FactorKind> kinds = jdbi.withExtension(FactorDao.class, dao -> dao.ofUser(s.username())).stream()
                    .filter(f -> f.confirmedAt() != null).map(FactorDao.FactorRow::kind).collect(Collectors.toSet());
            List<String> m = new ArrayList<>();
            if (kinds.contains(FactorKind.WEBAUTHN)) {
                m.add(Method.WEBAUTHN.label());
            }
            if (kinds.contains(FactorKind.TOTP)) {
                m.add(Method.TOTP.label());
            }
            m.add(Method.RECOVERY.label());
            methods = List.copyOf(m);
        }
        Instant idleEnd = s.lastSeenAt().plus(policy.idle());
        Instant absoluteEnd = s.createdAt().plus(policy.absolute());
        return new SessionView(s.stage(), methods, s.csrfToken(), s.method(), s.secondFactorAt(),
                idleEnd.isBefore(absoluteEnd) ? idleEnd : absoluteEnd);
    }
}
