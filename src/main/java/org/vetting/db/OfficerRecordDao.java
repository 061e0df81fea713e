package org.vetting.db;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Versions of officers' records, each kept whole as canonical JSON. Never updated. */
public interface OfficerRecordDao {

    @SqlQuery("SELECT COALESCE(MAX(version), 0) FROM officer_records WHERE officer_id = :officerId")
    int latestVersion(@Bind("officerId") String officerId);

    @SqlQuery("SELECT record FROM officer_records WHERE officer_id = :officerId AND version = :version")
    Optional<String> find(@Bind("officerId") String officerId, @Bind("version") int version);

    @SqlUpdate("""
            INSERT INTO officer_records (officer_id, version, record, submitted_by, submitted_at)
            VALUES (:officerId, :version, :record, :by, :at)
            """)
    void insert(@Bind("officerId") String officerId, @Bind("version") int version, @Bind("record") String record,
                @Bind("by") String submittedBy, @Bind("at") Instant at);
}
