package org.vetting.db;

import java.time.Instant;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Failed sign-ins (wrong credentials, or refused while throttled), for auditors. */
public interface SignInDao {
    record FailedSignIn(long id, Instant at, String username, String address, String outcome) {}

    @SqlUpdate("INSERT INTO failed_sign_ins (at, username, address, outcome) VALUES (:at, :username, :address, :outcome)")
    void insert(@Bind("at") Instant at, @Bind("username") String username, @Bind("address") String address,
                @Bind("outcome") String outcome);

    @SqlQuery("""
            SELECT id, at, username, address, outcome FROM failed_sign_ins
             WHERE id > :after AND (CAST(:username AS VARCHAR(64)) IS NULL OR username = :username)
             ORDER BY id
             LIMIT :limit
            """)
    @RegisterConstructorMapper(FailedSignIn.class)
    List<FailedSignIn> find(@Bind("username") String username, @Bind("after") long after, @Bind("limit") int limit);
}
