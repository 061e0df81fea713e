package org.vetting.users;

import java.nio.file.Path;
import org.vetting.common.Identifiers;
import org.vetting.api.PasswordChange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.api.FieldError;
import org.vetting.api.ListPage;
import org.vetting.api.NewUser;
import org.vetting.api.Role;
import org.vetting.api.RoleChange;
import org.vetting.api.UserView;
import org.vetting.auth.Passwords;
import org.vetting.auth.User;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.db.FactorDao;
import org.vetting.db.SessionDao;
import org.vetting.db.UserDao;
import org.vetting.errors.Conflict;
import org.vetting.errors.NotFound;
import org.vetting.errors.SeparationOfDuties;
import org.vetting.errors.ValidationFailed;

/**
 * Users and their roles (docs/api.md "Integrity"). Granting a privileged role (ADJUDICATOR, AUDITOR,
 * POLICY_OFFICER, ADMIN) to a new or an existing user, or enabling a disabled user who holds one,
 * waits for a second ADMIN while two or more are enabled; with one (first start) it takes effect at
 * once and the audit entry says it was made without a second approver. An ADMIN holds no other
 * role; every other user is bound to countries. Every change is a USER entry of the audit chain.
 *
 * <p>Just over 300 lines: what waits for a second administrator (roles, re-enabling, a factor
 * reset) is one pending row per user, asked for and approved here; split, the rule "one thing waits
 * at a time, approved by another administrator" would live in several classes.
 */
public final class UserService {
    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);
    private static final TypeReference<List<Role>> ROLES = new TypeReference<>() {};
    public static final String ADMIN = "admin";

    /** The answer to a change: the user, and whether part of it waits for a second administrator. */
    public record Outcome(UserView user, boolean pending) {}

    private final Jdbi jdbi;
    private final Passwords passwords;
    private final ServiceTime time;
    /** Whether a person may be created without a password (they sign in through the agency's provider). */
    private final boolean singleSignOn;

    public UserService(Jdbi jdbi, Passwords passwords, ServiceTime time, boolean singleSignOn) {
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.time = time;
        this.singleSignOn = singleSignOn;
    }

    /**
     * When the user table is empty, creates {@code admin} with the configured password, or a random
     * one written to {@code generatedPasswordFile} (see {@link FirstAdmin}).
     */
    public void bootstrapAdmin(String configuredPassword, Path generatedPasswordFile) {
        new FirstAdmin(jdbi, passwords, time).create(configuredPassword, generatedPasswordFile);
    }

    /** Creates a user; privileged roles wait for a second administrator when there is one to ask. */
    public Outcome create(NewUser request, Set<String> knownUnits, User admin) {
        List<FieldError> errors = new ArrayList<>();
        if (!Identifiers.isIdentifier("username", request.username())) {
            errors.add(new FieldError("username", "required: " + Identifiers.USERNAME_RULE));
        }
        // a person who signs in through the agency's provider has no password here; a program always has one
        boolean noPassword = request.password() == null && singleSignOn && !request.serviceAccount();
        String pw = noPassword ? null : Passwords.problem(request.password());
        if (pw != null) {
            errors.add(new FieldError("password", singleSignOn || request.password() != null ? pw
                    : pw + " (only people who sign in through the agency's provider, when it is configured, have none)"));
        }
        if (request.officerId() != null && !Identifiers.isOfficerId(request.officerId())) {
            errors.add(new FieldError("officerId", Identifiers.OFFICER_ID_RULE));
        }
        RoleGrant grant = RoleGrant.of(request.roles(), request.units(), request.countries(), knownUnits, errors);
        boolean program = request.serviceAccount();
        if (program && !Role.SERVICE_ACCOUNT_ROLES.containsAll(grant.roles())) {
            errors.add(new FieldError("roles", "a service account holds VETTING_OFFICER or AUDITOR only"));
        }
        if (program && request.officerId() != null) {
            errors.add(new FieldError("officerId", "a service account is a program, not an officer"));
        }
        ValidationFailed.check(errors);
        String hash = noPassword ? null : passwords.hash(request.password());
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            if (dao.find(request.username()).isPresent()) {
                throw new Conflict("user " + request.username() + " already exists");
            }
            // a service account always waits for a second administrator (created disabled, its enabling pending)
            boolean ask = program || asksSecondAdmin(dao, grant.privileged());
            Set<Role> now = ask ? grant.ordinary() : grant.roles();
            dao.create(new UserDao.NewUserRow(request.username(), hash, names(now), grant.units(), grant.countries(),
                    request.officerId(), time.now(), admin.username(), program));
            if (ask) {
                dao.insertPending(new UserDao.PendingGrant(request.username(), Json.write(grant.privileged()), program,
                        admin.username(), time.now(), false));
            }
            audit(h, request.username(), "CREATED", admin.username(), secondApprover(ask, grant.privileged()));
            return new Outcome(view(dao, request.username()), ask);
        });
    }

    /**
     * Sets a user's roles, units and countries. Removals and units and countries take effect at once;
     * a privileged role the user does not hold waits for a second administrator.
     */
    public Outcome changeRoles(String username, RoleChange change, Set<String> knownUnits, User admin) {
        List<FieldError> errors = new ArrayList<>();
        RoleGrant grant = RoleGrant.of(change.roles(), change.units(), change.countries(), knownUnits, errors);
        ValidationFailed.check(errors);
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            UserDao.UserRow row = dao.find(username).orElseThrow(() -> new NotFound("no user " + username));
            User current = User.of(row, dao);
            if (current.has(Role.ADMIN) && !grant.roles().contains(Role.ADMIN) && row.enabled()
                    && dao.enabledAdmins() <= 1) {
                throw new Conflict("user " + username + " is the last enabled administrator");
            }
            Set<Role> added = EnumSet.noneOf(Role.class);
            added.addAll(grant.privileged());
            added.removeAll(current.roles());
            boolean ask = asksSecondAdmin(dao, added);
            for (Role r : current.roles()) {
                if (!grant.roles().contains(r)) {
                    dao.deleteRole(username, r.name());
                }
            }
            for (Role r : grant.roles()) {
                if (!current.roles().contains(r) && !(ask && added.contains(r))) {
                    dao.insertRole(username, r.name());
                }
            }
            dao.bind(username, grant.units(), grant.countries());
            dao.deletePending(username);
            if (ask) {
                dao.insertPending(new UserDao.PendingGrant(username, Json.write(added), false, admin.username(),
                        time.now(), false));
            }
            endSessions(h, username, "ROLES_CHANGED");
            audit(h, username, "ROLES_CHANGED", admin.username(), secondApprover(ask, added));
            return new Outcome(view(dao, username), ask);
        });
    }

    /** A second administrator approves what waits for a user: the privileged roles, the re-enabling. */
    public UserView approve(String username, User admin) {
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            dao.find(username).orElseThrow(() -> new NotFound("no user " + username));
            UserDao.PendingGrant pending = dao.pending(username)
                    .orElseThrow(() -> new Conflict("nothing waits for approval for user " + username));
            if (pending.requestedBy().equals(admin.username())) {
                throw new SeparationOfDuties("a grant is approved by a second administrator, not the one who asked");
            }
            if (username.equals(admin.username())) {
                throw new SeparationOfDuties("nobody approves a grant to themselves");
            }
            List<Role> roles = Json.read(pending.roles(), ROLES);
            Set<String> held = new TreeSet<>(dao.rolesOf(username));
            roles.stream().map(Role::name).filter(r -> !held.contains(r)).forEach(r -> dao.insertRole(username, r));
            if (pending.enable()) {
                dao.setEnabled(username, true);
            }
            if (pending.resetFactors()) {
                // every factor and unused recovery code goes; the person enrols again at their next sign-in
                FactorDao factors = h.attach(FactorDao.class);
                factors.removeAll(username, time.now());
                factors.dropUnusedCodes(username);
            }
            dao.deletePending(username);
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("approvedRoles", roles.stream().map(Role::name).sorted().toList());
            extra.put("approvedEnable", pending.enable());
            extra.put("approvedFactorReset", pending.resetFactors());
            extra.put("requestedBy", pending.requestedBy());
            endSessions(h, username, "ROLES_CHANGED");
            audit(h, username, "APPROVED", admin.username(), extra);
            return view(dao, username);
        });
    }

    /**
     * Asks for a user's second factors to be reset (every one lost, the recovery codes too): it takes
     * effect only when a second administrator approves ({@link #approve}); the person enrols again at
     * their next sign-in. Never the person alone, and never one administrator alone.
     */
    public UserView requestFactorReset(String username, User admin) {
        if (username.equals(admin.username())) {
            throw new SeparationOfDuties("another administrator asks for your factors to be reset");
        }
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            dao.find(username).orElseThrow(() -> new NotFound("no user " + username));
            if (dao.pending(username).isPresent()) {
                throw new Conflict("something already waits for approval for user " + username
                        + ": approve or change it first");
            }
            dao.insertPending(new UserDao.PendingGrant(username, "[]", false, admin.username(), time.now(), true));
            audit(h, username, "FACTOR_RESET_REQUESTED", admin.username(), Map.of());
            return view(dao, username);
        });
    }

    /** A user, or NotFound. */
    public UserView find(String username) {
        return jdbi.withExtension(UserDao.class, dao -> dao.find(username).map(row -> view(dao, row))
                .orElseThrow(() -> new NotFound("no user " + username)));
    }

    /**
     * A user's sessions end with the change that makes them wrong (disabled, roles changed), in its
     * transaction: from the next request on, on every instance, they sign in again.
     */
    private void endSessions(Handle h, String username, String reason) {
        h.attach(SessionDao.class).endAll(username, time.now(), reason);
    }

    /** Users in name order after {@code after}, without password hashes. */
    public ListPage<UserView> list(String after, int limit) {
        return jdbi.withHandle(h -> {
            UserDao dao = h.attach(UserDao.class);
            List<UserDao.UserRow> rows = dao.page(after == null ? "" : after, limit + 1);
            return ListPage.of(rows, limit, UserDao.UserRow::username).map(row -> view(dao, row));
        });
    }

    /**
     * Disables a user: they are refused from their next request on, on every instance (credentials
     * are checked against the users table on each request). Users are never deleted, so history keeps
     * naming them. The last enabled administrator stays.
     */
    public UserView disable(String username, User admin) {
        if (username.equals(admin.username())) {
            throw new Conflict("administrators cannot disable themselves");
        }
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            UserDao.UserRow row = dao.find(username).orElseThrow(() -> new NotFound("no user " + username));
            if (row.enabled()) {
                if (User.of(row, dao).has(Role.ADMIN) && dao.enabledAdmins() <= 1) {
                    throw new Conflict("user " + username + " is the last enabled administrator");
                }
                dao.setEnabled(username, false);
                endSessions(h, username, "USER_DISABLED");
                audit(h, username, "DISABLED", admin.username(), Map.of());
            }
            return view(dao, username);
        });
    }

    /** Enables a user again; one who holds a privileged role waits for a second administrator. */
    public Outcome enable(String username, User admin) {
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            UserDao.UserRow row = dao.find(username).orElseThrow(() -> new NotFound("no user " + username));
            if (row.enabled()) {
                return new Outcome(view(dao, username), false);
            }
            Set<Role> privileged = EnumSet.noneOf(Role.class);
            User.of(row, dao).roles().stream().filter(Role::privileged).forEach(privileged::add);
            boolean ask = asksSecondAdmin(dao, privileged);
            if (ask) {
                List<Role> waiting = dao.pending(username).map(p -> Json.read(p.roles(), ROLES)).orElse(List.of());
                dao.deletePending(username);
                dao.insertPending(new UserDao.PendingGrant(username, Json.write(waiting), true, admin.username(),
                        time.now(), false));
            } else {
                dao.setEnabled(username, true);
            }
            audit(h, username, "ENABLED", admin.username(), secondApprover(ask, privileged));
            return new Outcome(view(dao, username), ask);
        });
    }

    /** Whether a grant of these roles must wait: it is privileged and a second administrator exists. */
    private static boolean asksSecondAdmin(UserDao dao, Set<Role> privileged) {
        return !privileged.isEmpty() && dao.enabledAdmins() >= 2;
    }

    private static Map<String, Object> secondApprover(boolean ask, Set<Role> privileged) {
        Map<String, Object> extra = new LinkedHashMap<>();
        if (!privileged.isEmpty()) {
            extra.put("privilegedRoles", privileged.stream().map(Role::name).sorted().toList());
            extra.put(ask ? "awaitingSecondApprover" : "withoutSecondApprover", true);
        }
        return extra;
    }

    private void audit(Handle h, String username, String change, String actor, Map<String, Object> extra) {
        UserEntries.audit(h, new UserEntries.Change(username, change, actor, time.now()), extra);
    }

    private static Set<String> names(Set<Role> roles) {
        return UserEntries.names(roles);
    }

    private static UserView view(UserDao dao, String username) {
        return UserEntries.view(dao, username);
    }

    private static UserView view(UserDao dao, UserDao.UserRow row) {
        return UserEntries.view(dao, row);
    }

    /** Changes the signed-in user's own password: the current one must be given, the new one pass the rules. */
    public void changePassword(User user, PasswordChange change) {
        List<FieldError> errors = new ArrayList<>();
        if (change == null || change.current() == null) {
            errors.add(new FieldError("current", "required: the current password"));
        }
        String problem = Passwords.problem(change == null ? null : change.replacement());
        if (problem != null) {
            errors.add(new FieldError("new", problem));
        } else if (change.replacement().equals(change.current())) {
            errors.add(new FieldError("new", "must differ from the current password"));
        }
        ValidationFailed.check(errors);
        String hash = passwords.hash(change.replacement());
        jdbi.useTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            UserDao.UserRow row = dao.find(user.username()).orElseThrow();
            if (!passwords.matches(change.current(), row.passwordHash())) {
                throw ValidationFailed.of("current", "not the current password");
            }
            dao.setPassword(user.username(), hash, false);
            audit(h, user.username(), "PASSWORD_CHANGED", user.username(), Map.of());
        });
    }
}
