package org.vetting.db;

import java.time.LocalDate;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** The few numbers each role's start page shows. */
public interface DashboardDao {
    record UnitStatus(String unit, String status, long n) {}

    record DayOutcome(LocalDate decidedOn, String outcome, long n) {}

    @SqlQuery("SELECT unit, status, COUNT(*) AS n FROM clearances WHERE unit IN (<units>) GROUP BY unit, status")
    @RegisterConstructorMapper(UnitStatus.class)
    List<UnitStatus> clearances(@BindList(value = "units", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                Collection<String> units);

    /** The validity end of every ACTIVE clearance of these units between two days. */
    @SqlQuery("""
            SELECT valid_until FROM clearances
             WHERE status = 'ACTIVE' AND unit IN (<units>) AND valid_until BETWEEN :from AND :to""")
    List<LocalDate> expiries(@BindList(value = "units", onEmpty = BindList.EmptyHandling.NULL_STRING)
                             Collection<String> units, @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    /** Evaluations per day and outcome since a moment; {@code scoped}: of officers of these countries only. */
    @SqlQuery("""
            SELECT CAST(e.evaluated_at AS DATE) AS decided_on, e.outcome, COUNT(*) AS n
              FROM evaluations e
              JOIN officers o ON o.officer_id = e.officer_id
             WHERE e.evaluated_at >= :since
               AND (:scoped = FALSE OR o.country IN (<countries>))
             GROUP BY CAST(e.evaluated_at AS DATE), e.outcome""")
    @RegisterConstructorMapper(DayOutcome.class)
    List<DayOutcome> decisions(@Bind("since") Instant since, @Bind("scoped") boolean scoped,
                               @BindList(value = "countries", onEmpty = BindList.EmptyHandling.NULL_STRING)
                               Collection<String> countries);
}
