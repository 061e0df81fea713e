package org.vetting.db;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.vetting.api.OfficerRecord;
import org.vetting.common.Json;

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

    /** A version of an officer's record, read. */
    default Optional<OfficerRecord> record(String officerId, int version) {
        return find(officerId, version).map(OfficerRecordDao::read);
    }

    /** The officer's latest record; empty when none is on file. */
    default Optional<OfficerRecord> latest(String officerId) {
        int version = latestVersion(officerId);
        return version == 0 ? Optional.empty() : record(officerId, version);
    }

    /** A record as stored (canonical JSON, here or in any row that carries one), read. */
    static OfficerRecord read(String json) {
        return Json.read(json, OfficerRecord.class);
    }

    @SqlUpdate("""
            INSERT INTO officer_records (officer_id, version, record, submitted_by, submitted_at)
            VALUES (:officerId, :version, :record, :by, :at)
            """)
    void insert(@Bind("officerId") String officerId, @Bind("version") int version, @Bind("record") String record,
                @Bind("by") String submittedBy, @Bind("at") Instant at);
}
