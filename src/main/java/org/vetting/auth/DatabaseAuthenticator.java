package org.vetting.auth;

import java.util.Optional;

import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.basic.BasicCredentials;
import org.vetting.db.UserDao;

/** HTTP Basic credentials checked against the users table (enabled users, bcrypt hash). */
public class DatabaseAuthenticator implements Authenticator<BasicCredentials, User> {
    private final UserDao users;
    private final Passwords passwords;

    public DatabaseAuthenticator(UserDao users, Passwords passwords) {
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public Optional<User> authenticate(BasicCredentials credentials) {
        return users.find(credentials.getUsername())
                .filter(row -> row.enabled() && passwords.matches(credentials.getPassword(), row.passwordHash()))
                .map(row -> User.of(row, users));
    }
}
