package org.vetting.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Who read which officer's data, when, through which endpoint, with which answer. Append-only. */
public interface AccessLogDao {
    record EntryRow(long id, Instant at, String username, String officerId, String method, String path, int status) {}

    @SqlBatch("""
            INSERT INTO access_log (at, username, officer_id, method, path, status)
            VALUES (:at, :username, :officerId, :method, :path, :status)
            """)
    void insert(@BindMethods List<EntryRow> entries);

    /** Entries after {@code after} (an id), oldest first; a null filter means "any", times are [from, to). */
    @SqlQuery("""
            SELECT id, at, username, officer_id, method, path, status
              FROM access_log
             WHERE id > :after
               AND (CAST(:officerId AS VARCHAR(64)) IS NULL OR officer_id = :officerId)
               AND (CAST(:username AS VARCHAR(64)) IS NULL OR username = :username)
               AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR at >= :from)
               AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR at < :to)
               AND (:scoped = FALSE OR officer_id IS NULL
                    OR officer_id IN (SELECT officer_id FROM officers WHERE country IN (<countries>)))
             ORDER BY id
             LIMIT :limit
            """)
    @RegisterConstructorMapper(EntryRow.class)
    List<EntryRow> find(@BindMethods Filter filter,
                        @BindList(value = "countries", onEmpty = BindList.EmptyHandling.NULL_STRING)
                        Collection<String> countries);

    /** What {@link #find} reads: each filter null for "any", {@code scoped} to the countries given, the page. */
    record Filter(String officerId, String username, Instant from, Instant to, boolean scoped, long after, int limit) {}
}
