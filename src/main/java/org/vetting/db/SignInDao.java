package org.vetting.db;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The sign-in log: every step of signing in, failures included, with the method used; for auditors. */
public interface SignInDao {
    /** An entry: when, whose name was given, from where, what happened ({@code SignInEvent}), how. */
    record SignInRow(long id, Instant at, String username, String address, String outcome, String method) {}

    @SqlUpdate("""
            INSERT INTO sign_in_events (at, username, address, outcome, method)
            VALUES (:at, :username, :address, :outcome, :method)""")
    void insert(@BindMethods SignInRow row);

    @SqlQuery("""
            SELECT id, at, username, address, outcome, method FROM sign_in_events
             WHERE id > :after AND (CAST(:username AS VARCHAR(64)) IS NULL OR username = :username)
             ORDER BY id
             LIMIT :limit
            """)
    @RegisterConstructorMapper(SignInRow.class)
    List<SignInRow> find(@Bind("username") String username, @Bind("after") long after, @Bind("limit") int limit);
}
