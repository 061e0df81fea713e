package org.vetting.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The housekeeping H2's background writer would do, for an H2 file opened with {@code WRITE_DELAY=0}.
 *
 * <p>With {@code WRITE_DELAY=0} every commit is written to the file before it returns (nothing
 * answered is lost to a kill -9), but H2 then starts no background writer, and only that thread
 * rewrites the chunks that hold a few live pages among dead ones. Every commit appends a chunk;
 * a chunk with one page still live is never freed; the file grew by about 100 KB per submission.
 * Run every second, this rewrites the least-filled chunks' live pages (H2's own
 * {@link MVStore#compact(int, int)}, at most {@code writeLimit} bytes a run) so that whole chunks die,
 * are dropped by a later commit once H2's retention time (45 s) has passed, and their space is reused.
 * Nothing else changes: a rewrite is a commit like any other. Measured in docs/performance.md: at
 * twenty submissions a second the file levels off (358 MB after 5,070, growing 0.6 MB/s, against
 * 727 MB and 3 MB/s without); under sustained full load it cannot keep up and stands aside.
 */
public final class H2Housekeeping implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(H2Housekeeping.class);
    /** How often it runs, as H2's background writer would for a one-second write delay. */
    public static final long INTERVAL_MILLIS = 1000;
    /** Chunks are rewritten while less than this share of their bytes is live, as H2's own default. */
    public static final int TARGET_FILL_RATE = 90;
    /** Live bytes rewritten at most per run: bounds the pause a run adds to the commits it shares the store with. */
    public static final int WRITE_LIMIT = 4 << 20;
    /**
     * A run is skipped when the store committed more than this many times since the last: under
     * such a load the rewriting cannot keep up anyway (docs/performance.md) and would cost the
     * requests about a tenth of their throughput; it catches up when the burst ends.
     */
    public static final long BUSY_COMMITS = 200;

    private static final Pattern WRITE_DELAY = Pattern.compile("(?i);WRITE_DELAY=(\\d+)");

    private final DataSource dataSource;
    private final int targetFillRate;
    private final int writeLimit;
    private final long busyCommits;
    private long lastVersion = -1;

    /**
     * @param targetFillRate rewrite while the live share of the chunks is below this (percent)
     * @param writeLimit     bytes rewritten at most per run
     * @param busyCommits    skip a run after more commits than this since the last one
     */
    public H2Housekeeping(DataSource dataSource, int targetFillRate, int writeLimit, long busyCommits) {
        this.dataSource = dataSource;
        this.targetFillRate = targetFillRate;
        this.writeLimit = writeLimit;
        this.busyCommits = busyCommits;
    }

    /** With the service's settings. */
    public H2Housekeeping(DataSource dataSource) {
        this(dataSource, TARGET_FILL_RATE, WRITE_LIMIT, BUSY_COMMITS);
    }

    /**
     * Whether a database URL names an H2 file written with {@code WRITE_DELAY=0}: not memory, not
     * PostgreSQL, not a file given a write delay (whose own background writer keeps it).
     */
    public static boolean appliesTo(String url) {
        if (url == null || !url.startsWith("jdbc:h2:") || url.startsWith("jdbc:h2:mem:")) {
            return false;
        }
        var delay = WRITE_DELAY.matcher(url);
        return !delay.find() || delay.group(1).matches("0+");
    }

    @Override
    public void run() {
        try (Connection c = dataSource.getConnection()) {
            MVStore store = store(c);
            if (store == null || store.isClosed()) {
                return;
            }
            long version = store.getCurrentVersion();
            boolean busy = lastVersion >= 0 && version - lastVersion > busyCommits;
            if (!busy) {
                store.compact(targetFillRate, writeLimit);
            }
            lastVersion = store.getCurrentVersion();
        } catch (SQLException | RuntimeException e) {
            // the next run tries again; a failing database shows in the health check, not here
            LOG.warn("H2 housekeeping skipped: {}", e.toString());
        }
    }

    /** The embedded database's store behind a pooled connection, or null (a remote or other database). */
    static MVStore store(Connection c) throws SQLException {
        if (!c.isWrapperFor(JdbcConnection.class)) {
            return null;
        }
        if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                && local.getDatabase().getStore() != null) {
            return local.getDatabase().getStore().getMvStore();
        }
        return null;
    }
}
