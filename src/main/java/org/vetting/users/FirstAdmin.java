package org.vetting.users;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.api.Role;
import org.vetting.auth.Passwords;
import org.vetting.common.Actors;
import org.vetting.common.ServiceTime;
import org.vetting.db.UserDao;

/**
 * The first administrator, created at first start when there are no users: with the password in
 * {@code VETTING_ADMIN_PASSWORD}, or a random one written to a file only its owner may read (never
 * to the log), which must be changed at first sign-in.
 */
final class FirstAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(FirstAdmin.class);

    private final Jdbi jdbi;
    private final Passwords passwords;
    private final ServiceTime time;

    FirstAdmin(Jdbi jdbi, Passwords passwords, ServiceTime time) {
        this.jdbi = jdbi;
        this.passwords = passwords;
        this.time = time;
    }

    /**
     * Creates {@code admin} when the user table is empty. Safe when several instances start together:
     * the primary key decides.
     */
    void create(String configuredPassword, Path generatedPasswordFile) {
        boolean generated = configuredPassword == null || configuredPassword.isEmpty();
        if (!generated && Passwords.problem(configuredPassword) != null) {
            throw new IllegalStateException("VETTING_ADMIN_PASSWORD is not acceptable: "
                    + Passwords.problem(configuredPassword));
        }
        if (jdbi.withExtension(UserDao.class, UserDao::count) > 0) {
            return;
        }
        String password = generated ? randomPassword() : configuredPassword;
        try {
            jdbi.useTransaction(h -> {
                String hash = passwords.hash(password);
                h.attach(UserDao.class).create(new UserDao.NewUserRow(UserService.ADMIN, hash, Set.of(Role.ADMIN.name()), Set.of(),
                        Set.of(), null, time.now(), Actors.SYSTEM, false));
                if (generated) {
                    h.attach(UserDao.class).setPassword(UserService.ADMIN, hash, true);
                }
                UserEntries.audit(h, new UserEntries.Change(UserService.ADMIN, "CREATED", Actors.SYSTEM, time.now()),
                        Map.of("withoutSecondApprover", true));
            });
        } catch (RuntimeException failed) {
            if (jdbi.withExtension(UserDao.class, UserDao::count) == 0) {
                throw failed; // not another instance's creation: a real failure stops start-up
            }
            LOG.info("first-start admin user was created by another instance");
            return;
        }
        if (generated) {
            writeOwnerOnly(generatedPasswordFile, password);
            LOG.warn("Created the first user 'admin' with a generated password, written to {} (readable by its "
                    + "owner only; it must be changed at first sign-in; set VETTING_ADMIN_PASSWORD to choose it)",
                    generatedPasswordFile.toAbsolutePath());
        } else {
            LOG.info("Created the first user 'admin' with the password from VETTING_ADMIN_PASSWORD");
        }
    }

    private static void writeOwnerOnly(Path file, String password) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + System.lineSeparator());
        } catch (IOException | UnsupportedOperationException e) {
            throw new IllegalStateException("cannot write the generated admin password to " + file, e);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
