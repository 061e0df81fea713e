package org.vetting.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.vetting.api.BacktestStatus;

/** Backtests of proposed rule sets: progress while running, the report (JSON) when done. */
public interface BacktestDao {
    record BacktestRow(String id, String version, String against, BacktestStatus status, String startedBy, LocalDate asOf,
                       Instant startedAt, Instant heartbeatAt, Instant finishedAt, int done, int total, String report,
                       String reportSha256, String error) {}

    String COLUMNS = """
            id, version, against, status, started_by, as_of, started_at, heartbeat_at, finished_at, done, total, \
            report, report_sha256, error""";

    @SqlUpdate("INSERT INTO backtests (" + COLUMNS + """
            ) VALUES (:id, :version, :against, :status, :startedBy, :asOf, :startedAt, :heartbeatAt, :finishedAt,
                      :done, :total, :report, :reportSha256, :error)""")
    void insert(@BindMethods BacktestRow row);

    @SqlQuery("SELECT " + COLUMNS + " FROM backtests WHERE id = :id")
    @RegisterConstructorMapper(BacktestRow.class)
    Optional<BacktestRow> find(@Bind("id") String id);

    default int progress(String id, int done, Instant at) {
        return progress(id, done, at, BacktestStatus.RUNNING);
    }

    @SqlUpdate("UPDATE backtests SET done = :done, heartbeat_at = :at WHERE id = :id AND status = :running")
    int progress(@Bind("id") String id, @Bind("done") int done, @Bind("at") Instant at,
                 @Bind("running") BacktestStatus running);

    /** The end of a running backtest: its report, or its error. */
    record Finish(String id, BacktestStatus status, int done, Instant at, String report, String sha, String error) {}

    default int finish(Finish finish) {
        return finish(finish, BacktestStatus.RUNNING);
    }

    @SqlUpdate("""
            UPDATE backtests SET status = :status, done = :done, finished_at = :at, heartbeat_at = :at, report = :report,
                   report_sha256 = :sha, error = :error
             WHERE id = :id AND status = :running""")
    int finish(@BindMethods Finish finish, @Bind("running") BacktestStatus running);

    /** Running backtests whose instance stopped beating (it ended): they can never finish. */
    default int failAbandoned(Instant before, Instant now) {
        return failAbandoned(before, now, BacktestStatus.FAILED, BacktestStatus.RUNNING);
    }

    @SqlUpdate("""
            UPDATE backtests SET status = :failed, finished_at = :now,
                   error = 'the instance running it stopped before it finished'
             WHERE status = :running AND heartbeat_at < :before""")
    int failAbandoned(@Bind("before") Instant before, @Bind("now") Instant now, @Bind("failed") BacktestStatus failed,
                      @Bind("running") BacktestStatus running);

    /** The latest finished backtest of a version against a given active set, if any. */
    default Optional<BacktestRow> latestDone(String version, String against) {
        return latest(version, against, BacktestStatus.DONE);
    }

    @SqlQuery("SELECT " + COLUMNS + " FROM backtests WHERE version = :version AND against = :against"
            + " AND status = :status ORDER BY finished_at DESC LIMIT 1")
    @RegisterConstructorMapper(BacktestRow.class)
    Optional<BacktestRow> latest(@Bind("version") String version, @Bind("against") String against,
                                 @Bind("status") BacktestStatus status);

    /** The latest backtest of a version, whatever its state. */
    @SqlQuery("SELECT " + COLUMNS + " FROM backtests WHERE version = :version ORDER BY started_at DESC LIMIT 1")
    @RegisterConstructorMapper(BacktestRow.class)
    Optional<BacktestRow> latest(@Bind("version") String version);
}
