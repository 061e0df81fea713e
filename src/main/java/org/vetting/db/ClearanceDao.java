package org.vetting.db;

import java.time.Instant;
import java.time.LocalDate;

import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Current clearances per officer and unit, and the append-only history of their changes. */
public interface ClearanceDao {

    record EventRow(long id, String officerId, String unit, String status, LocalDate validUntil, String cause,
                    String evaluationId, String actor, Instant at) {}

    @SqlQuery("SELECT id, officer_id, unit, status, valid_until, cause, evaluation_id, actor, at "
            + "FROM clearance_events WHERE id = :id")
    @RegisterConstructorMapper(EventRow.class)
    Optional<EventRow> event(@Bind("id") long id);

    @SqlQuery("SELECT COUNT(*) FROM clearance_events")
    long countEvents();

    @SqlUpdate("UPDATE clearances SET status = :status, valid_until = :validUntil, conditions = :conditions, "
            + "evaluation_id = :evaluationId, updated_at = :at WHERE officer_id = :officerId AND unit = :unit")
    int update(@Bind("officerId") String officerId, @Bind("unit") String unit, @Bind("status") String status,
               @Bind("validUntil") LocalDate validUntil, @Bind("conditions") String conditions,
               @Bind("evaluationId") String evaluationId, @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO clearances (officer_id, unit, status, valid_until, conditions, evaluation_id, updated_at) "
            + "VALUES (:officerId, :unit, :status, :validUntil, :conditions, :evaluationId, :at)")
    void insert(@Bind("officerId") String officerId, @Bind("unit") String unit, @Bind("status") String status,
                @Bind("validUntil") LocalDate validUntil, @Bind("conditions") String conditions,
                @Bind("evaluationId") String evaluationId, @Bind("at") Instant at);

    @SqlUpdate("INSERT INTO clearance_events (officer_id, unit, status, valid_until, cause, evaluation_id, actor, at) "
            + "VALUES (:officerId, :unit, :status, :validUntil, :cause, :evaluationId, :actor, :at)")
    @org.jdbi.v3.sqlobject.statement.GetGeneratedKeys("id")
    long insertEvent(@Bind("officerId") String officerId, @Bind("unit") String unit, @Bind("status") String status,
                     @Bind("validUntil") LocalDate validUntil, @Bind("cause") String cause,
                     @Bind("evaluationId") String evaluationId, @Bind("actor") String actor, @Bind("at") Instant at);

    /** Sets the clearance (insert or update) and records the change with its cause; returns the event's id. */
    default long set(String officerId, String unit, String status, LocalDate validUntil, String conditions,
                     String evaluationId, String cause, String actor, Instant at) {
        if (update(officerId, unit, status, validUntil, conditions, evaluationId, at) == 0) {
            insert(officerId, unit, status, validUntil, conditions, evaluationId, at);
        }
        return insertEvent(officerId, unit, status, validUntil, cause, evaluationId, actor, at);
    }
}
