package org.vetting.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.vetting.api.CorrectionStatus;

/** Corrections of records on file: proposed, then approved or rejected once. {@code remove}/{@code replace} are JSON. */
public interface CorrectionDao {
    record CorrectionRow(String id, String officerId, CorrectionStatus status, String proposedBy, String reasons,
                         String removeRecords, String replaceRecords, int recordVersion, Instant createdAt,
                         String decidedBy, Instant decidedAt, String decisionReasons) {}

    String COLUMNS = """
            id, officer_id, status, proposed_by, reasons, remove_records, replace_records, record_version, created_at, \\
            decided_by, decided_at, decision_reasons""";

    @SqlUpdate("INSERT INTO corrections (" + COLUMNS + """
            ) VALUES (:id, :officerId, :status, :proposedBy, :reasons, :removeRecords, :replaceRecords,
                      :recordVersion, :createdAt, :decidedBy, :decidedAt, :decisionReasons)""")
    void insert(@BindMethods CorrectionRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM corrections WHERE id = :id")
    @RegisterConstructorMapper(CorrectionRow.class)
    Optional<CorrectionRow> find(@Bind("id") String id);

    /** The correction, locked until the deciding transaction ends: one decision each. */
    @SqlQuery("SELECT " + COLUMNS + " FROM corrections WHERE id = :id FOR UPDATE")
    @RegisterConstructorMapper(CorrectionRow.class)
    Optional<CorrectionRow> lock(@Bind("id") String id);

    /** A pending correction's decision; 0 when it is no longer pending. */
    default int decide(String id, CorrectionStatus status, String decidedBy, Instant decidedAt, String decisionReasons) {
        return decide(id, status, decidedBy, decidedAt, decisionReasons, CorrectionStatus.PENDING);
    }

    @SqlUpdate("""
            UPDATE corrections SET status = :status, decided_by = :decidedBy, decided_at = :decidedAt,
                   decision_reasons = :decisionReasons
             WHERE id = :id AND status = :pending
            """)
    int decide(@Bind("id") String id, @Bind("status") CorrectionStatus status, @Bind("decidedBy") String decidedBy,
               @Bind("decidedAt") Instant decidedAt, @Bind("decisionReasons") String decisionReasons,
               @Bind("pending") CorrectionStatus pending);

    /**
     * Corrections after the cursor (creation time, then id), oldest first; a null status means any;
     * {@code scoped}: of officers of these countries only; never about {@code self}.
     */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM corrections
            WHERE (CAST(:status AS VARCHAR(16)) IS NULL OR status = :status)
              AND id > :after
              AND (:scoped = FALSE OR officer_id IN (SELECT officer_id FROM officers WHERE country IN (<countries>)))
              AND (CAST(:self AS VARCHAR(64)) IS NULL OR officer_id <> :self)
            ORDER BY id
            LIMIT :limit""")
    @RegisterConstructorMapper(CorrectionRow.class)
    List<CorrectionRow> list(@Bind("status") CorrectionStatus status, @Bind("after") String after, @Bind("scoped") boolean scoped,
                             @BindList(value = "countries", onEmpty = BindList.EmptyHandling.NULL_STRING)
                             Collection<String> countries, @Bind("self") String self, @Bind("limit") int limit);
}
