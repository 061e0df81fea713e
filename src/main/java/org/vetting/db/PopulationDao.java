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
     * officer's country, and the rule-set version of the evaluation that set the clearance.
     */
    record Member(String officerId, String unit, String status, String country, String evaluatedUnder,
                  int recordVersion, String record) {}

    @SqlQuery("SELECT COUNT(*) FROM clearances")
    int size();

    /** The clearances after ({@code afterOfficer}, {@code afterUnit}); {@code ""} and {@code ""} start at the first. */
    @SqlQuery("""
            SELECT c.officer_id, c.unit, c.status, o.country, e.ruleset_version AS evaluated_under,
                   r.version AS record_version, r.record
              FROM clearances c
              JOIN officer_records r ON r.officer_id = c.officer_id
               AND r.version = (SELECT MAX(x.version) FROM officer_records x WHERE x.officer_id = c.officer_id)
              LEFT JOIN officers o ON o.officer_id = c.officer_id
              LEFT JOIN evaluations e ON e.id = c.evaluation_id
             WHERE c.officer_id > :afterOfficer OR (c.officer_id = :afterOfficer AND c.unit > :afterUnit)
             ORDER BY c.officer_id, c.unit
             LIMIT :limit""")
    @RegisterConstructorMapper(Member.class)
    List<Member> page(@Bind("afterOfficer") String afterOfficer, @Bind("afterUnit") String afterUnit,
                      @Bind("limit") int limit);
}
