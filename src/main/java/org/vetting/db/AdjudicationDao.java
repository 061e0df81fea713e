package org.vetting.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.vetting.api.PendingCase;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Adjudications, written once; {@code conditions} and {@code waived} are JSON lists. */
public interface AdjudicationDao {
    record AdjudicationRow(String id, String evaluationId, String officerId, String unit, String stage,
                           String decision, String reasons, String conditions, String waived, String adjudicator,
                           Instant at, String firstFor, String finalFor,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String notes) {}

    String COLUMNS = """
            id, evaluation_id, officer_id, unit, stage, decision, reasons, conditions, waived, adjudicator, at, \
            first_for, final_for, notes""";

    @SqlUpdate("INSERT INTO adjudications (" + COLUMNS + """
            ) VALUES (:id, :evaluationId, :officerId, :unit, :stage, :decision, :reasons, :conditions, :waived,
                      :adjudicator, :at, :firstFor, :finalFor, :notes)""")
    void insert(@BindMethods AdjudicationRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM adjudications WHERE id = :id")
    @RegisterConstructorMapper(AdjudicationRow.class)
    Optional<AdjudicationRow> find(@Bind("id") String id);

    /**
     * The queue, oldest first: cases whose clearance waits for a decision (PENDING_ADJUDICATION,
     * SUSPENDED), and denials whose evaluation the rules marked as open to a waiver, undecided.
     */
    @SqlQuery("""
            SELECT c.evaluation_id, c.officer_id, o.given_name, o.family_name, c.unit, c.status, e.outcome, e.evaluated_at,
                   (SELECT a.adjudicator FROM adjudications a
                     WHERE a.evaluation_id = c.evaluation_id AND a.stage = 'FIRST_APPROVAL') AS first_approval_by
              FROM clearances c
              JOIN evaluations e ON e.id = c.evaluation_id
              JOIN officers o ON o.officer_id = c.officer_id
             WHERE (c.status IN ('PENDING_ADJUDICATION', 'SUSPENDED')
                    OR (c.status = 'DENIED' AND e.adjudication = 'WAIVER'
                        AND NOT EXISTS (SELECT 1 FROM adjudications a WHERE a.evaluation_id = e.id
                                                                        AND a.stage = 'FINAL')))
               AND (:scoped = FALSE OR o.country IN (<countries>))
               AND (CAST(:self AS VARCHAR(64)) IS NULL OR c.officer_id <> :self)
               AND (CAST(:after AS VARCHAR(36)) IS NULL
                    OR e.evaluated_at > (SELECT p.evaluated_at FROM evaluations p WHERE p.id = :after)
                    OR (e.evaluated_at = (SELECT p.evaluated_at FROM evaluations p WHERE p.id = :after)
                        AND e.id > :after))
             ORDER BY e.evaluated_at, e.id
             LIMIT :limit
            """)
    @RegisterConstructorMapper(PendingCase.class)
    List<PendingCase> queue(@Bind("scoped") boolean scoped,
                            @BindList(value = "countries", onEmpty = BindList.EmptyHandling.NULL_STRING)
                            Collection<String> countries, @Bind("self") String self, @Bind("after") String after,
                            @Bind("limit") int limit);

    @SqlQuery("SELECT " + COLUMNS + " FROM adjudications WHERE evaluation_id = :evaluationId ORDER BY at, id")
    @RegisterConstructorMapper(AdjudicationRow.class)
    List<AdjudicationRow> ofEvaluation(@Bind("evaluationId") String evaluationId);
}
