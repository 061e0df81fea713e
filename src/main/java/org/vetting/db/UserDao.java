package org.vetting.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Users, their roles and the units a commander is bound to. */
public interface UserDao {

    /** One row of the users table. The hash is read to authenticate; no view carries it. */
    record UserRow(String username, String passwordHash, String officerId, boolean enabled, Instant createdAt) {}

    @SqlQuery("SELECT username, password_hash, officer_id, enabled, created_at FROM users WHERE username = :username")
    @RegisterConstructorMapper(UserRow.class)
    Optional<UserRow> find(@Bind("username") String username);

    @SqlQuery("SELECT role FROM user_roles WHERE username = :username ORDER BY role")
    List<String> rolesOf(@Bind("username") String username);

    @SqlQuery("SELECT unit FROM user_units WHERE username = :username ORDER BY unit")
    List<String> unitsOf(@Bind("username") String username);

    @SqlQuery("SELECT COUNT(*) FROM users")
    long count();

    @SqlQuery("SELECT username, password_hash, officer_id, enabled, created_at FROM users ORDER BY username")
    @RegisterConstructorMapper(UserRow.class)
    List<UserRow> all();

    @SqlUpdate("UPDATE users SET enabled = FALSE WHERE username = :username")
    int disable(@Bind("username") String username);

    @SqlUpdate("""
            INSERT INTO users (username, password_hash, officer_id, enabled, created_at, created_by)
            VALUES (:username, :hash, :officerId, TRUE, :at, :by)
            """)
    void insertUser(@Bind("username") String username, @Bind("hash") String hash, @Bind("officerId") String officerId,
                    @Bind("at") Instant at, @Bind("by") String createdBy);

    @SqlUpdate("INSERT INTO user_roles (username, role) VALUES (:username, :role)")
    void insertRole(@Bind("username") String username, @Bind("role") String role);

    @SqlUpdate("INSERT INTO user_units (username, unit) VALUES (:username, :unit)")
    void insertUnit(@Bind("username") String username, @Bind("unit") String unit);

    @Transaction
    default void create(String username, String hash, Set<String> roles, Set<String> units, String officerId,
                        Instant at, String createdBy) {
        insertUser(username, hash, officerId, at, createdBy);
        roles.forEach(r -> insertRole(username, r));
        units.forEach(u -> insertUnit(username, u));
    }
}
