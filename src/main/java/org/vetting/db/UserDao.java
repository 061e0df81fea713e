package org.vetting.db;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;
import org.vetting.api.Role;
import org.vetting.auth.User;

/** Users, their roles and the units a commander is bound to. */
public interface UserDao {

    /** What authentication needs: never leaves the auth layer. */
    record Credentials(String username, String passwordHash, boolean enabled) {}

    @SqlQuery("SELECT username, password_hash, enabled FROM users WHERE username = :username")
    @RegisterConstructorMapper(Credentials.class)
    Optional<Credentials> findCredentials(@Bind("username") String username);

    @SqlQuery("SELECT officer_id FROM users WHERE username = :username")
    Optional<String> officerIdOf(@Bind("username") String username);

    @SqlQuery("SELECT COUNT(*) FROM users WHERE username = :username")
    int countByName(@Bind("username") String username);

    @SqlQuery("SELECT role FROM user_roles WHERE username = :username ORDER BY role")
    List<String> rolesOf(@Bind("username") String username);

    @SqlQuery("SELECT unit FROM user_units WHERE username = :username ORDER BY unit")
    List<String> unitsOf(@Bind("username") String username);

    @SqlQuery("SELECT created_at FROM users WHERE username = :username")
    Instant createdAt(@Bind("username") String username);

    @SqlQuery("SELECT COUNT(*) FROM users")
    long count();

    @SqlUpdate("INSERT INTO users (username, password_hash, officer_id, enabled, created_at, created_by) "
            + "VALUES (:username, :hash, :officerId, TRUE, :at, :by)")
    void insertUser(@Bind("username") String username, @Bind("hash") String hash, @Bind("officerId") String officerId,
                    @Bind("at") Instant at, @Bind("by") String createdBy);

    @SqlUpdate("INSERT INTO user_roles (username, role) VALUES (:username, :role)")
    void insertRole(@Bind("username") String username, @Bind("role") String role);

    @SqlUpdate("INSERT INTO user_units (username, unit) VALUES (:username, :unit)")
    void insertUnit(@Bind("username") String username, @Bind("unit") String unit);

    default Optional<User> findUser(String username) {
        if (countByName(username) == 0) {
            return Optional.empty();
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        rolesOf(username).forEach(r -> roles.add(Role.valueOf(r)));
        return Optional.of(new User(username, Set.copyOf(roles), Set.copyOf(new TreeSet<>(unitsOf(username))),
                officerIdOf(username).orElse(null)));
    }

    @Transaction
    default void create(String username, String hash, Set<Role> roles, Set<String> units, String officerId,
                        Instant at, String createdBy) {
        insertUser(username, hash, officerId, at, createdBy);
        roles.forEach(r -> insertRole(username, r.name()));
        units.forEach(u -> insertUnit(username, u));
    }
}
