package org.vetting.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The re-evaluation of everyone on file under a version that took effect: a cursor over
 * (officer, unit), moved in the transaction of each batch.
 */
public interface ActivationDao {
    record ActivationRow(String version, Instant startedAt, LocalDate asOf, String afterOfficer, String afterUnit,
                         int done, int changed, int total, Instant finishedAt) {}

    String COLUMNS = "version, started_at, as_of, after_officer, after_unit, done, changed, total, finished_at";

    @SqlUpdate("INSERT INTO ruleset_activations (" + COLUMNS + """
            ) VALUES (:version, :startedAt, :asOf, :afterOfficer, :afterUnit, :done, :changed, :total, :finishedAt)""")
    void insert(@BindMethods ActivationRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM ruleset_activations WHERE version = :version")
    @RegisterConstructorMapper(ActivationRow.class)
    Optional<ActivationRow> find(@Bind("version") String version);

    /** Unfinished re-evaluations, oldest first. */
    @SqlQuery("SELECT version FROM ruleset_activations WHERE finished_at IS NULL ORDER BY started_at")
    List<String> unfinished();

    /** The row, locked: one batch at a time, whichever instance runs it. */
    @SqlQuery("SELECT " + COLUMNS + " FROM ruleset_activations WHERE version = :version FOR UPDATE")
    @RegisterConstructorMapper(ActivationRow.class)
    Optional<ActivationRow> lock(@Bind("version") String version);

    @SqlUpdate("""
            UPDATE ruleset_activations SET after_officer = :afterOfficer, after_unit = :afterUnit, done = :done,
                   changed = :changed, finished_at = :finishedAt
             WHERE version = :version""")
    void advance(@BindMethods ActivationRow row);
}
