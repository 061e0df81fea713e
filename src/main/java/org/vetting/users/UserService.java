package org.vetting.users;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.api.FieldError;
import org.vetting.api.NewUser;
import org.vetting.api.Role;
import org.vetting.api.UserView;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.auth.Passwords;
import org.vetting.auth.User;
import org.vetting.db.UserDao;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.errors.NotFound;
import org.vetting.errors.ValidationFailed;
import org.vetting.errors.Conflict;
import org.vetting.common.Actors;

/** Creating users, and the first-start {@code admin} user of docs/api.md. */
public final class UserService {
    private static final Logger LOG = LoggerFactory.getLogger(UserService.class);
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{3,64}");
    private static final Pattern OFFICER_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    public static final String ADMIN = "admin";

    private final Jdbi jdbi;
    private final Passwords passwords;
    private final ServiceTime time;

    public UserService(Jdbi jdbi, Passwords passwords, ServiceTime time) {
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.time = time;
    }

    /**
     * When the user table is empty, creates {@code admin} with the configured password, or a random
     * one that is logged once. Safe when several instances start together: the primary key decides.
     */
    public void bootstrapAdmin(String configuredPassword) {
        if (jdbi.withExtension(UserDao.class, UserDao::count) > 0) {
            return;
        }
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        String password = generated ? randomPassword() : configuredPassword;
        try {
            jdbi.useTransaction(h -> created(h, ADMIN, passwords.hash(password), Set.of(Role.ADMIN), Set.of(), null,
                    Actors.SYSTEM));
        } catch (RuntimeException alreadyCreated) {
            LOG.info("first-start admin user was created by another instance");
            return;
        }
        if (generated) {
            LOG.warn("Created the first user 'admin' with the generated password {} (shown once; "
                    + "set VETTING_ADMIN_PASSWORD to choose it)", password);
        } else {
            LOG.info("Created the first user 'admin' with the password from VETTING_ADMIN_PASSWORD");
        }
    }

    public UserView create(NewUser request, Set<String> knownUnits, String actor) {
        List<FieldError> errors = new ArrayList<>();
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            errors.add(new FieldError("username", "required: 3-64 letters, digits, '.', '_', '@' or '-'"));
        }
        String pw = Passwords.problem(request.password());
        if (pw != null) {
            errors.add(new FieldError("password", pw));
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        if (request.roles().isEmpty()) {
            errors.add(new FieldError("roles", "at least one role"));
        }
        for (int i = 0; i < request.roles().size(); i++) {
            String r = request.roles().get(i);
            try {
                roles.add(Role.valueOf(String.valueOf(r)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("roles[" + i + "]", "unknown role " + r + "; expected one of "
                        + String.join(", ", java.util.Arrays.stream(Role.values()).map(Enum::name).toList())));
            }
        }
        Set<String> units = new LinkedHashSet<>();
        for (int i = 0; i < request.units().size(); i++) {
            String u = request.units().get(i);
            if (!knownUnits.contains(u)) {
                errors.add(new FieldError("units[" + i + "]", "unknown unit " + u));
            }
            units.add(u);
        }
        if (roles.contains(Role.COMMANDER) && units.isEmpty()) {
            errors.add(new FieldError("units", "a COMMANDER must be bound to at least one unit"));
        }
        if (!roles.contains(Role.COMMANDER) && !units.isEmpty()) {
            errors.add(new FieldError("units", "only a COMMANDER is bound to units"));
        }
        if (request.officerId() != null && !OFFICER_ID.matcher(request.officerId()).matches()) {
            errors.add(new FieldError("officerId", "must be 1-64 letters, digits or '-'"));
        }
        if (!errors.isEmpty()) {
            throw ValidationFailed.of(errors);
        }
        String hash = passwords.hash(request.password());
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            if (dao.find(request.username()).isPresent()) {
                throw new Conflict("user " + request.username() + " already exists");
            }
            created(h, request.username(), hash, roles, units, request.officerId(), actor);
            return view(dao, request.username());
        });
    }

    /** Every user, without password hashes. */
    public List<UserView> list() {
        return jdbi.withHandle(h -> {
            UserDao dao = h.attach(UserDao.class);
            return dao.all().stream().map(row -> view(dao, row)).toList();
        });
    }

    /**
     * Disables a user: they can no longer sign in (the authentication cache is emptied by the
     * caller). The change is audited; users are never deleted, so history keeps naming them.
     */
    public UserView disable(String username, String actor) {
        if (username.equals(actor)) {
            throw new Conflict("administrators cannot disable themselves");
        }
        return jdbi.inTransaction(h -> {
            UserDao dao = h.attach(UserDao.class);
            UserDao.UserRow row = dao.find(username).orElseThrow(() -> new NotFound("no user " + username));
            if (row.enabled()) {
                dao.disable(username);
                var user = User.of(row, dao);
                var content = new java.util.LinkedHashMap<String, Object>();
                content.put("change", "DISABLED");
                content.put("username", username);
                content.put("roles", user.roles().stream().map(Enum::name).sorted().toList());
                content.put("units", user.units().stream().sorted().toList());
                content.put("officerId", row.officerId());
                content.put("enabled", false);
                AuditChain.append(h, EntryType.USER, username, row.officerId(), actor,
                        time.now(), Json.write(content));
            }
            return view(dao, dao.find(username).orElseThrow());
        });
    }

    /** Stores a new user and appends the USER entry (a snapshot: user rows change later) in one transaction. */
    private void created(org.jdbi.v3.core.Handle h, String username, String hash, Set<Role> roles, Set<String> units,
                         String officerId, String actor) {
        java.time.Instant now = time.now();
        h.attach(UserDao.class).create(username, hash, roles.stream().map(Enum::name).collect(Collectors.toSet()), units,
                officerId, now, actor);
        var content = new java.util.LinkedHashMap<String, Object>();
        content.put("change", "CREATED");
        content.put("username", username);
        content.put("roles", roles.stream().map(Enum::name).sorted().toList());
        content.put("units", units.stream().sorted().toList());
        content.put("officerId", officerId);
        content.put("enabled", true);
        AuditChain.append(h, EntryType.USER, username, officerId, actor, now, Json.write(content));
    }

    private static UserView view(UserDao dao, String username) {
        return view(dao, dao.find(username).orElseThrow());
    }

    private static UserView view(UserDao dao, UserDao.UserRow row) {
        var user = User.of(row, dao);
        return new UserView(row.username(), user.roles().stream().sorted().toList(),
                user.units().stream().sorted().toList(), row.officerId(), row.enabled(), row.createdAt());
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
