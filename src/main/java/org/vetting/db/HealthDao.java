package org.vetting.db;

import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Whether the database answers at all. */
public interface HealthDao {
    @SqlQuery("SELECT 1")
    int ping();
}
