package org.vetting.db;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Users, their roles and the units a commander is bound to. */
public interface UserDao {

    /** One row of the users table. The hash is read to authenticate; no view carries it. */
    record UserRow(String username, String passwordHash, String officerId, boolean enabled, Instant createdAt,
                   boolean mustChangePassword, boolean serviceAccount) {}

    @SqlQuery("""
            SELECT username, password_hash, officer_id, enabled, created_at, must_change_password, service_account
              FROM users WHERE username = :username
            """)
    @RegisterConstructorMapper(UserRow.class)
    Optional<UserRow> find(@Bind("username") String username);

    /** A user's role, unit and country grants in one statement: {@code kind} is ROLE, UNIT or COUNTRY. */
    record Grant(String kind, String granted) {}

    @SqlQuery("""
            SELECT 'ROLE' AS kind, role AS granted FROM user_roles WHERE username = :username
            UNION ALL SELECT 'UNIT', unit FROM user_units WHERE username = :username
            UNION ALL SELECT 'COUNTRY', country FROM user_countries WHERE username = :username
            """)
    @RegisterConstructorMapper(Grant.class)
    List<Grant> grantsOf(@Bind("username") String username);

    /** A user's row with one of their grants (null kind and granted: a user without any). */
    record UserGrantRow(@Nested UserRow user, String kind, String granted) {}

    /** A user and their grants in one statement, for authenticating every request: one row per grant. */
    @SqlQuery("""
            SELECT u.username, u.password_hash, u.officer_id, u.enabled, u.created_at, u.must_change_password,
                   u.service_account, g.kind, g.granted
              FROM users u
              LEFT JOIN (SELECT 'ROLE' AS kind, role AS granted FROM user_roles WHERE username = :username
                         UNION ALL SELECT 'UNIT', unit FROM user_units WHERE username = :username
                         UNION ALL SELECT 'COUNTRY', country FROM user_countries WHERE username = :username) g
                ON TRUE
             WHERE u.username = :username
            """)
    @RegisterConstructorMapper(UserGrantRow.class)
    List<UserGrantRow> findWithGrants(@Bind("username") String username);

    @SqlQuery("SELECT role FROM user_roles WHERE username = :username ORDER BY role")
    List<String> rolesOf(@Bind("username") String username);

    @SqlQuery("SELECT COUNT(*) FROM users")
    long count();

    @SqlQuery("""
            SELECT username, password_hash, officer_id, enabled, created_at, must_change_password, service_account
              FROM users WHERE username > :after ORDER BY username LIMIT :limit
            """)
    @RegisterConstructorMapper(UserRow.class)
    List<UserRow> page(@Bind("after") String after, @Bind("limit") int limit);

    @SqlUpdate("""
            UPDATE users SET password_hash = :hash, must_change_password = :mustChange WHERE username = :username
            """)
    int setPassword(@Bind("username") String username, @Bind("hash") String hash, @Bind("mustChange") boolean mustChange);

    @SqlUpdate("UPDATE users SET enabled = :enabled WHERE username = :username")
    int setEnabled(@Bind("username") String username, @Bind("enabled") boolean enabled);

    @SqlQuery("""
            SELECT COUNT(*) FROM users u
             WHERE u.enabled AND EXISTS (SELECT 1 FROM user_roles r WHERE r.username = u.username AND r.role = 'ADMIN')
            """)
    long enabledAdmins();

    @SqlUpdate("DELETE FROM user_roles WHERE username = :username AND role = :role")
    void deleteRole(@Bind("username") String username, @Bind("role") String role);

    @SqlUpdate("DELETE FROM user_units WHERE username = :username")
    void deleteUnits(@Bind("username") String username);

    @SqlUpdate("DELETE FROM user_countries WHERE username = :username")
    void deleteCountries(@Bind("username") String username);

    @SqlUpdate("INSERT INTO user_countries (username, country) VALUES (:username, :country)")
    void insertCountry(@Bind("username") String username, @Bind("country") String country);

    /** Privileged roles (and re-enabling) waiting for a second administrator; {@code roles} is a JSON list. */
    /** What waits for a second administrator: privileged roles, re-enabling, or resetting every second factor. */
    record PendingGrant(String username, String roles, boolean enable, String requestedBy, Instant requestedAt,
                        boolean resetFactors) {}

    @SqlQuery("""
            SELECT username, roles, enable, requested_by, requested_at, reset_factors FROM pending_grants
             WHERE username = :username""")
    @RegisterConstructorMapper(PendingGrant.class)
    Optional<PendingGrant> pending(@Bind("username") String username);

    @SqlUpdate("""
            INSERT INTO pending_grants (username, roles, enable, requested_by, requested_at, reset_factors)
            VALUES (:username, :roles, :enable, :requestedBy, :requestedAt, :resetFactors)
            """)
    void insertPending(@BindMethods PendingGrant grant);

    @SqlUpdate("DELETE FROM pending_grants WHERE username = :username")
    int deletePending(@Bind("username") String username);

    @SqlUpdate("""
            INSERT INTO users (username, password_hash, officer_id, enabled, created_at, created_by, service_account)
            VALUES (:username, :hash, :officerId, :enabled, :at, :createdBy, :serviceAccount)
            """)
    void insertUser(@BindMethods NewUserRow u, @Bind("enabled") boolean enabled);

    @SqlUpdate("INSERT INTO user_roles (username, role) VALUES (:username, :role)")
    void insertRole(@Bind("username") String username, @Bind("role") String role);

    @SqlUpdate("INSERT INTO user_units (username, unit) VALUES (:username, :unit)")
    void insertUnit(@Bind("username") String username, @Bind("unit") String unit);

    /** A new user: password hash, roles, units and countries, the officer they are (or null), who made them when. */
    record NewUserRow(String username, String hash, Set<String> roles, Set<String> units, Set<String> countries,
                      String officerId, Instant at, String createdBy, boolean serviceAccount) {}

    @Transaction
    default void create(NewUserRow u) {
        // a service account waits, disabled, for a second administrator; a person is enabled at once
        insertUser(u, !u.serviceAccount());
        u.roles().forEach(r -> insertRole(u.username(), r));
        bind(u.username(), u.units(), u.countries());
    }

    /** Replaces a user's units and countries. */
    default void bind(String username, Set<String> units, Set<String> countries) {
        deleteUnits(username);
        deleteCountries(username);
        units.forEach(u -> insertUnit(username, u));
        countries.forEach(c -> insertCountry(username, c));
    }
}
