package org.vetting.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.vetting.api.AdjudicationStage;
import org.vetting.api.PendingCase;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Adjudications, written once; {@code conditions} and {@code waived} are JSON lists. */
public interface AdjudicationDao {
    record AdjudicationRow(String id, String evaluationId, String officerId, String unit, AdjudicationStage stage,
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
     * The queue, oldest first: the evaluations clearances rest on that the rules opened to an
     * adjudicator (their stored path, {@code rules.AdjudicationPath}, is DECISION or WAIVER) and that
     * have no final decision; a waiver shows who gave its first approval.
     */
    default List<PendingCase> queue(Collection<String> countries, Query query) {
        return queue(countries, AdjudicationStage.FIRST_APPROVAL, AdjudicationStage.FINAL, query);
    }

    /** Whose queue: {@code scoped} to the countries given, never their own file ({@code self}), after a cursor. */
    record Query(boolean scoped, String self, String after, int limit) {}

    @SqlQuery("""
            SELECT c.evaluation_id, c.officer_id, o.given_name, o.family_name, c.unit, c.status, e.outcome, e.evaluated_at,
                   (SELECT a.adjudicator FROM adjudications a
                     WHERE a.evaluation_id = c.evaluation_id AND a.stage = :firstApproval) AS first_approval_by
              FROM clearances c
              JOIN evaluations e ON e.id = c.evaluation_id
              JOIN officers o ON o.officer_id = c.officer_id
             WHERE e.adjudication IN ('DECISION', 'WAIVER')
               AND NOT EXISTS (SELECT 1 FROM adjudications a WHERE a.evaluation_id = e.id AND a.stage = :final)
               AND (:scoped = FALSE OR o.country IN (<countries>))
               AND (CAST(:self AS VARCHAR(64)) IS NULL OR c.officer_id <> :self)
               AND (CAST(:after AS VARCHAR(36)) IS NULL
                    OR e.evaluated_at > (SELECT p.evaluated_at FROM evaluations p WHERE p.id = :after)
                    OR (e.evaluated_at = (SELECT p.evaluated_at FROM evaluations p WHERE p.id = :after)
                        AND e.id > :after))
             ORDER BY e.evaluated_at, e.id
             LIMIT :limit""")
    @RegisterConstructorMapper(PendingCase.class)
    List<PendingCase> queue(@BindList(value = "countries", onEmpty = BindList.EmptyHandling.NULL_STRING)
                            Collection<String> countries, @Bind("firstApproval") AdjudicationStage firstApproval,
                            @Bind("final") AdjudicationStage finalStage, @BindMethods Query query);

    @SqlQuery("SELECT " + COLUMNS + " FROM adjudications WHERE evaluation_id = :evaluationId ORDER BY at, id")
    @RegisterConstructorMapper(AdjudicationRow.class)
    List<AdjudicationRow> ofEvaluation(@Bind("evaluationId") String evaluationId);
}
