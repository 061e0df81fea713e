package org.vetting.db;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * Everyone on file, a page at a time: each clearance with its officer's latest record, in
 * (officer, unit) order, for backtests and for the re-evaluation at a rule set's activation.
 */
public interface PopulationDao {
    /**
     * A clearance with what judging it needs: the latest record (JSON) and its version, the
     * officer's country, the rule-set version of the evaluation that set the clearance and what
     * screening found for it.
     */
    record Member(String officerId, String unit, String status, String country, String evaluatedUnder,
                  int recordVersion, String record, String screening) {}

    @SqlQuery("SELECT COUNT(*) FROM clearances")
    int size();

    /**
     * The clearances after ({@code afterOfficer}, {@code afterUnit}) in key order; {@code ""} and
     * {@code ""} start at the first. The page is cut on the primary key first (an index range), then
     * joined: the cost of a page does not grow with the population.
     */
    @SqlQuery("""
            SELECT c.officer_id, c.unit, c.status, o.country, e.ruleset_version AS evaluated_under,
                   r.version AS record_version, r.record, e.screening
              FROM (SELECT officer_id, unit, status, evaluation_id FROM clearances
                     WHERE (officer_id, unit) > (:afterOfficer, :afterUnit)
                     ORDER BY officer_id, unit
                     LIMIT :limit) c
              JOIN officer_records r ON r.officer_id = c.officer_id
               AND r.version = (SELECT MAX(x.version) FROM officer_records x WHERE x.officer_id = c.officer_id)
              LEFT JOIN officers o ON o.officer_id = c.officer_id
              LEFT JOIN evaluations e ON e.id = c.evaluation_id
             ORDER BY c.officer_id, c.unit""")
    @RegisterConstructorMapper(Member.class)
    List<Member> page(@Bind("afterOfficer") String afterOfficer, @Bind("afterUnit") String afterUnit,
                      @Bind("limit") int limit);
}
