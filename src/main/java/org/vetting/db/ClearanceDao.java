package org.vetting.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.vetting.api.ClearanceCause;

/** Current clearances per officer and unit, and the append-only history of their changes. */
public interface ClearanceDao {

    /** The current clearance of an officer for a unit; {@code conditions} is JSON. */
    record ClearanceRow(String officerId, String unit, String status, LocalDate validUntil, String conditions,
                        String evaluationId, Instant updatedAt, LocalDate revettingFrom, LocalDate standsUntil) {}

    /**
     * One change of a clearance, with its cause (EVALUATION, ADJUDICATION, EXPIRY). The re-vetting
     * day (V5) is left out of its JSON when null, so the audit content of earlier changes holds.
     */
    record EventRow(long id, String officerId, String unit, String status, LocalDate validUntil, String conditions,
                    ClearanceCause cause, String evaluationId, String actor, Instant at,
                    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate revettingFrom,
                    @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate standsUntil) {}

    String COLUMNS = """
            officer_id, unit, status, valid_until, conditions, evaluation_id, updated_at, revetting_from, \
            stands_until""";

    @SqlQuery("SELECT " + COLUMNS + " FROM clearances WHERE officer_id = :officerId AND unit = :unit FOR UPDATE")
    @RegisterConstructorMapper(ClearanceRow.class)
    Optional<ClearanceRow> lock(@Bind("officerId") String officerId, @Bind("unit") String unit);

    @SqlQuery("SELECT " + COLUMNS + " FROM clearances WHERE officer_id = :officerId ORDER BY unit")
    @RegisterConstructorMapper(ClearanceRow.class)
    List<ClearanceRow> ofOfficer(@Bind("officerId") String officerId);

    /** A unit's clearances after the officer {@code after}; {@code scoped}: of officers of these countries only. */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM clearances
            WHERE unit = :unit AND officer_id > :after
              AND (CAST(:status AS VARCHAR(32)) IS NULL OR status = :status)
              AND (:scoped = FALSE OR officer_id IN (SELECT officer_id FROM officers WHERE country IN (<countries>)))
            ORDER BY officer_id
            LIMIT :limit""")
    @RegisterConstructorMapper(ClearanceRow.class)
    List<ClearanceRow> roster(@Bind("unit") String unit, @Bind("status") String status, @Bind("after") String after,
                              @Bind("scoped") boolean scoped,
                              @BindList(value = "countries", onEmpty = BindList.EmptyHandling.NULL_STRING)
                              Collection<String> countries, @Bind("limit") int limit);

    @SqlQuery("""
            SELECT officer_id, unit FROM clearances
             WHERE status = 'ACTIVE' AND valid_until < :today
             ORDER BY officer_id, unit
            """)
    @RegisterConstructorMapper(Key.class)
    List<Key> expiredActive(@Bind("today") LocalDate today);

    /** An officer and a unit. */
    record Key(String officerId, String unit) {}

    @SqlUpdate("""
            UPDATE clearances SET status = :status, valid_until = :validUntil, revetting_from = :revettingFrom,
                   stands_until = :standsUntil, conditions = :conditions, evaluation_id = :evaluationId,
                   updated_at = :updatedAt
             WHERE officer_id = :officerId AND unit = :unit
            """)
    int update(@BindMethods ClearanceRow row);

    @SqlUpdate("INSERT INTO clearances (" + COLUMNS + """
            ) VALUES (:officerId, :unit, :status, :validUntil, :conditions, :evaluationId, :updatedAt, :revettingFrom,
                      :standsUntil)""")
    void insert(@BindMethods ClearanceRow row);

    @SqlUpdate("""
            INSERT INTO clearance_events (officer_id, unit, status, valid_until, revetting_from, stands_until,
                                          conditions, cause, evaluation_id, actor, at)
            VALUES (:officerId, :unit, :status, :validUntil, :revettingFrom, :standsUntil, :conditions, :cause,
                    :evaluationId, :actor, :at)
            """)
    @GetGeneratedKeys("id")
    long insertEvent(@BindMethods EventRow event);

    @SqlQuery("""
            SELECT id, officer_id, unit, status, valid_until, conditions, cause, evaluation_id, actor, at, revetting_from,
                   stands_until
              FROM clearance_events WHERE id = :id
            """)
    @RegisterConstructorMapper(EventRow.class)
    Optional<EventRow> event(@Bind("id") long id);

    @SqlQuery("SELECT COUNT(*) FROM clearance_events")
    long countEvents();
}
