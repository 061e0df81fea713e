package org.vetting.signin;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import org.apache.commons.codec.binary.Base32;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.vetting.api.CodeRequest;
import org.vetting.api.FactorKind;
import org.vetting.api.FactorView;
import org.vetting.api.FactorsView;
import org.vetting.api.KeyRegistration;
import org.vetting.api.RecoveryCodes;
import org.vetting.api.SessionStage;
import org.vetting.api.SignInEvent;
import org.vetting.api.TotpEnrolment;
import org.vetting.audit.SignIns;
import org.vetting.common.Ids;
import org.vetting.common.ServiceTime;
import org.vetting.common.Sha256;
import org.vetting.db.FactorDao;
import org.vetting.db.SessionDao;
import org.vetting.errors.Conflict;
import org.vetting.errors.NotFound;
import org.vetting.errors.ReauthenticationRequired;
import org.vetting.errors.Unauthenticated;
import org.vetting.errors.ValidationFailed;

/**
 * A person's second factors: registering a security key or passkey ({@link SecurityKeys}), enrolling an authenticator app (its secret shown once, as a QR code's
 * {@code otpauth://} URI), confirming it with a first code — which also signs in a session that had
 * to enrol, and issues ten recovery codes — listing and removing them. A factor is removed only with
 * a recent second factor, and never the last one: losing every factor is for two administrators.
 */
public final class Factors {
    static final String ISSUER = "Vetting service";
    static final int RECOVERY_CODES = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final Sessions sessions;
    private final SignIns log;
    private final ServiceTime time;
    private final SecurityKeys keys;

    public Factors(Jdbi jdbi, Sessions sessions, SignIns log, ServiceTime time, SecurityKeys keys) {
        this.keys = keys;
        this.jdbi = jdbi;
        this.sessions = sessions;
        this.log = log;
        this.time = time;
    }

    /** A new authenticator app for the session's person, not yet confirmed. */
    public TotpEnrolment startTotp(String sessionId) {
        SessionDao.SessionRow session = enrolling(sessionId);
        String secret = Totp.newSecret();
        String id = Ids.next();
        Instant now = time.now();
        jdbi.useExtension(FactorDao.class, dao -> dao.insert(new FactorDao.FactorRow(id, session.username(),
                FactorKind.TOTP, "authenticator app", secret, -1, now, null, null)));
        String uri = Totp.uri(ISSUER, session.username(), secret);
        return new TotpEnrolment(id, secret, uri, qr(uri));
    }

    /** The QR code of a text (ZXing), one string of 0s and 1s per row, with the standard quiet zone. */
    static List<String> qr(String text) {
        try {
            BitMatrix m = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0);
            List<String> rows = new ArrayList<>(m.getHeight());
            for (int y = 0; y < m.getHeight(); y++) {
                StringBuilder row = new StringBuilder(m.getWidth());
                for (int x = 0; x < m.getWidth(); x++) {
                    row.append(m.get(x, y) ? '1' : '0');
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (WriterException e) {
            throw new IllegalStateException("cannot draw the QR code of an otpauth URI", e);
        }
    }

    /** A factor enrolled: the recovery codes (first factor), and the session's new identifier when it just signed in. */
    public record Confirmed(RecoveryCodes codes, String renewedSessionId) {}

    /**
     * Confirms an authenticator app with its first code. A person's first factor also signs in the
     * session that had to enrol, and issues recovery codes (shown this once).
     */
    public Confirmed confirmTotp(String sessionId, String factorId, CodeRequest request, String address) {
        SessionDao.SessionRow session = enrolling(sessionId);
        String code = request == null || request.code() == null ? "" : request.code().strip();
        if (!code.matches("\\d{6}")) {
            throw ValidationFailed.of("code", "six digits, as the authenticator app shows them");
        }
        Instant now = time.now();
        return jdbi.inTransaction(h -> {
            FactorDao dao = h.attach(FactorDao.class);
            FactorDao.FactorRow factor = dao.find(factorId).filter(f -> f.username().equals(session.username()))
                    .orElseThrow(() -> new NotFound("no factor " + factorId));
            if (factor.confirmedAt() != null) {
                throw new Conflict("factor " + factorId + " is already confirmed");
            }
            OptionalLong step = Totp.match(factor.secret(), code, now, factor.lastStep());
            if (step.isEmpty() || dao.accept(factorId, step.getAsLong()) != 1) {
                log.record(session.username(), address, SignInEvent.WRONG_CODE, "totp");
                throw new Unauthenticated("wrong code: check the app's clock, and enter the code it shows now");
            }
            boolean first = firstFactor(dao, session.username());
            dao.confirm(factorId, now);
            return enrolled(h, session, first, Sessions.Method.TOTP, address);
        });
    }

    /** Starts registering a security key or passkey: the options for {@code navigator.credentials.create}. */
    public String startKey(String sessionId) {
        return keys.registrationOptions(enrolling(sessionId));
    }

    /**
     * Registers a security key or passkey from the browser's answer to {@link #startKey}. A person's
     * first factor also signs in the session that had to enrol, and issues recovery codes.
     */
    public Confirmed confirmKey(String sessionId, KeyRegistration request, String address) {
        SessionDao.SessionRow session = enrolling(sessionId);
        String label = request == null || request.label() == null ? "" : request.label().strip();
        if (label.isEmpty() || label.length() > 100 || label.chars().anyMatch(Character::isISOControl)) {
            throw ValidationFailed.of("label", "required: a name for the key, at most 100 characters");
        }
        SecurityKeys.Registered key = keys.register(session, request.credential());
        Instant now = time.now();
        return jdbi.inTransaction(h -> {
            FactorDao dao = h.attach(FactorDao.class);
            boolean first = firstFactor(dao, session.username());
            dao.insertKey(Ids.next(), session.username(), label, key.credentialId(), key.publicKey(), key.signCount(), now);
            return enrolled(h, session, first, Sessions.Method.WEBAUTHN, address);
        });
    }

    private static boolean firstFactor(FactorDao dao, String username) {
        return dao.ofUser(username).stream().noneMatch(f -> f.confirmedAt() != null);
    }

    /**
     * A factor just enrolled (in the caller's transaction): a person's first one brings recovery
     * codes, and signs in a session that had to enrol, under a new identifier.
     */
    private Confirmed enrolled(Handle h, SessionDao.SessionRow session, boolean first, Sessions.Method method,
                               String address) {
        Instant now = time.now();
        List<String> codes = first ? issueCodes(h.attach(FactorDao.class), session.username(), now) : List.of();
        log.record(session.username(), address, SignInEvent.FACTOR_ENROLLED, method.label());
        String renewed = null;
        if (session.stage() == SessionStage.ENROLMENT_REQUIRED) {
            String signedInWith = "password+" + method.label();
            h.attach(SessionDao.class).advance(session.idHash(), SessionStage.SIGNED_IN, signedInWith, now);
            renewed = Sessions.rotate(h, session.idHash());
            log.record(session.username(), address, SignInEvent.SIGNED_IN, signedInWith);
        }
        if (first) {
            log.record(session.username(), address, SignInEvent.RECOVERY_CODES_ISSUED, method.label());
        }
        return new Confirmed(new RecoveryCodes(codes), renewed);
    }

    /**
     * An authenticator app enrolled for a user without a sign-in: only the {@code demo} command does
     * this, for its invented users, and prints the URI beside their password. The URI to scan.
     */
    public String enrolWithoutSignIn(String username) {
        String secret = Totp.newSecret();
        Instant now = time.now();
        jdbi.useExtension(FactorDao.class, dao -> dao.insert(new FactorDao.FactorRow(Ids.next(), username,
                FactorKind.TOTP, "authenticator app", secret, -1, now, now, null)));
        log.record(username, "demo", SignInEvent.FACTOR_ENROLLED, "totp");
        return Totp.uri(ISSUER, username, secret);
    }

    /** The signed-in person's factors and how many recovery codes are left. */
    public FactorsView list(String sessionId) {
        SessionDao.SessionRow session = signedIn(sessionId);
        return jdbi.withExtension(FactorDao.class, dao -> new FactorsView(dao.ofUser(session.username()).stream()
                .filter(f -> f.confirmedAt() != null)
                .map(f -> new FactorView(f.id(), f.kind(), f.label(), f.confirmedAt())).toList(),
                dao.codesLeft(session.username())));
    }

    /** Removes a factor: with a second factor proved recently, and never the last one. */
    public void remove(String sessionId, String factorId, boolean recentSecondFactor, String address) {
        SessionDao.SessionRow session = signedIn(sessionId);
        if (!recentSecondFactor) {
            throw new ReauthenticationRequired();
        }
        jdbi.useTransaction(h -> {
            FactorDao dao = h.attach(FactorDao.class);
            List<FactorDao.FactorRow> confirmed = dao.ofUser(session.username()).stream()
                    .filter(f -> f.confirmedAt() != null).toList();
            if (confirmed.stream().noneMatch(f -> f.id().equals(factorId))) {
                throw new NotFound("no factor " + factorId);
            }
            if (confirmed.size() == 1) {
                throw new Conflict("this is the last second factor: enrol another one before removing it");
            }
            dao.remove(factorId, time.now());
        });
        log.record(session.username(), address, SignInEvent.FACTOR_REMOVED, null);
    }

    /** A code of one of the person's confirmed authenticator apps, accepted once; false when it is none. */
    static boolean acceptTotp(Jdbi jdbi, String username, String code, Instant now) {
        return jdbi.inTransaction(h -> {
            FactorDao dao = h.attach(FactorDao.class);
            for (FactorDao.FactorRow f : dao.ofUser(username)) {
                if (f.kind() != FactorKind.TOTP || f.confirmedAt() == null) {
                    continue;
                }
                OptionalLong step = Totp.match(f.secret(), code, now, f.lastStep());
                // the conditional update makes "once" hold across requests and instances
                if (step.isPresent() && dao.accept(f.id(), step.getAsLong()) == 1) {
                    return true;
                }
            }
            return false;
        });
    }

    /** Spends one of the person's recovery codes; false when it is not one, or was used. */
    static boolean spendRecoveryCode(Jdbi jdbi, String username, String code, Instant now) {
        String normalised = code.replace("-", "").replace(" ", "").toUpperCase();
        return jdbi.withExtension(FactorDao.class, dao -> dao.spendCode(username, Sha256.hex(normalised), now) == 1);
    }

    /** Ten new recovery codes (replacing unused ones): 80 random bits each, base32 in groups of four. */
    private static List<String> issueCodes(FactorDao dao, String username, Instant now) {
        dao.dropUnusedCodes(username);
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            byte[] bytes = new byte[10];
            RANDOM.nextBytes(bytes);
            String code = new Base32().encodeToString(bytes);
            dao.insertCode(username, Sha256.hex(code), now);
            codes.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
                    + code.substring(12, 16));
        }
        return codes;
    }

    /** A session that may enrol: one that must, or one signed in. */
    private SessionDao.SessionRow enrolling(String sessionId) {
        SessionDao.SessionRow session = sessions.open(sessionId);
        if (session.stage() == SessionStage.SECOND_FACTOR_REQUIRED) {
            throw new Unauthenticated("prove a second factor first");
        }
        return session;
    }

    private SessionDao.SessionRow signedIn(String sessionId) {
        SessionDao.SessionRow session = sessions.open(sessionId);
        if (session.stage() != SessionStage.SIGNED_IN) {
            throw new Unauthenticated("sign in first");
        }
        return session;
    }
}
