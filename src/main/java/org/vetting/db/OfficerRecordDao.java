package org.vetting.db;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Versions of officers' records, each kept whole as canonical JSON. Never updated. */
public interface OfficerRecordDao {

    @SqlQuery("SELECT COALESCE(MAX(version), 0) FROM officer_records WHERE officer_id = :officerId")
    int latestVersion(@Bind("officerId") String officerId);

    /**
     * What a submission finds of an officer, in one statement: their country on file (null: no
     * officer row, or one stored before countries were required) and their latest record version (0:
     * none).
     */
    record OnFile(String country, int latestVersion) {}

    @SqlQuery("""
            SELECT (SELECT country FROM officers WHERE officer_id = :officerId) AS country,
                   (SELECT COALESCE(MAX(version), 0) FROM officer_records WHERE officer_id = :officerId) AS latest_version
            """)
    @RegisterConstructorMapper(OnFile.class)
    OnFile onFile(@Bind("officerId") String officerId);

    @SqlQuery("SELECT record FROM officer_records WHERE officer_id = :officerId AND version = :version")
    Optional<String> find(@Bind("officerId") String officerId, @Bind("version") int version);

    @SqlUpdate("""
            INSERT INTO officer_records (officer_id, version, record, submitted_by, submitted_at)
            VALUES (:officerId, :version, :record, :by, :at)
            """)
    void insert(@Bind("officerId") String officerId, @Bind("version") int version, @Bind("record") String record,
                @Bind("by") String submittedBy, @Bind("at") Instant at);
}
