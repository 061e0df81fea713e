package org.vetting.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import com.codahale.metrics.MetricRegistry;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file written with WRITE_DELAY=0 has no background writer: its chunks, each a commit, stay
 * mostly dead. The housekeeping reaches the store through the service's connection pool and
 * rewrites them, and the data stays as it was.
 */
class H2HousekeepingTest {
    @TempDir
    Path dir;

    @Test
    void shouldRaiseTheLiveShareOfTheChunks_WhenCommitsLeftThemMostlyDead() throws Exception {
        ManagedDataSource pool = filePool("vetting");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            table(s);
            commits(s, 1500);
            MVStore store = H2Housekeeping.store(c);
            assertThat(store).as("the store behind the pooled connection").isNotNull();
            int before = store.getFileStore().getChunksFillRate();
            var housekeeping = new H2Housekeeping(pool);
            for (int i = 0; i < 20; i++) {
                housekeeping.run();
                s.execute("UPDATE t SET v = v WHERE id = 1"); // a commit, which drops the chunks left dead
            }
            int after = store.getFileStore().getChunksFillRate();
            assertThat(before).as("live share before").isLessThan(50);
            assertThat(after).as("live share after, from %d %%", before).isGreaterThan(before + 20);
            try (ResultSet r = s.executeQuery("SELECT COUNT(*), SUM(LENGTH(v)) FROM t")) {
                r.next();
                assertThat(r.getLong(1)).isEqualTo(2000);
                assertThat(r.getLong(2)).isEqualTo(2000 * 150);
            }
        } finally {
            pool.stop();
        }
    }

    @Test
    void shouldLeaveTheChunksAlone_WhileTheStoreIsBusy() throws Exception {
        ManagedDataSource pool = filePool("busy");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            table(s);
            var housekeeping = new H2Housekeeping(pool, H2Housekeeping.TARGET_FILL_RATE, H2Housekeeping.WRITE_LIMIT, 100);
            housekeeping.run();
            commits(s, 1000);
            MVStore store = H2Housekeeping.store(c);
            int before = store.getFileStore().getChunksFillRate();
            housekeeping.run(); // a thousand commits since the last run: busy, skipped
            s.execute("UPDATE t SET v = v WHERE id = 1");
            assertThat(store.getFileStore().getChunksFillRate()).as("skipped while busy").isEqualTo(before);
            for (int i = 0; i < 10; i++) {
                housekeeping.run(); // one commit since the last run: it rewrites
                s.execute("UPDATE t SET v = v WHERE id = 1");
            }
            assertThat(store.getFileStore().getChunksFillRate()).as("rewritten once quiet").isGreaterThan(before);
        } finally {
            pool.stop();
        }
    }

    private ManagedDataSource filePool(String name) {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.h2.Driver");
        factory.setUrl("jdbc:h2:" + dir.resolve(name) + ";WRITE_DELAY=0");
        factory.setUser("sa");
        factory.setPassword("");
        return factory.build(new MetricRegistry(), "housekeeping-" + name);
    }

    /** 2,000 rows; chunks may be rewritten at once instead of after H2's 45 s of retention. */
    private static void table(Statement s) throws SQLException {
        s.execute("SET RETENTION_TIME 0");
        s.execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(200))");
        s.execute("INSERT INTO t SELECT x, REPEAT('a', 150) FROM SYSTEM_RANGE(1, 2000)");
    }

    private static void commits(Statement s, int n) throws SQLException {
        for (int i = 0; i < n; i++) {
            // one commit each, as the service's requests: a chunk each, most of it dead soon
            s.execute("UPDATE t SET v = REPEAT('" + (char) ('b' + i % 20) + "', 150) WHERE id = " + (i * 7 % 2000 + 1));
        }
    }

    @Test
    void shouldApplyToAnH2FileWithoutWriteDelay_Only() {
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:./data/vetting;LOCK_TIMEOUT=10000;WRITE_DELAY=0")).isTrue();
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:/srv/vetting")).isTrue();
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:./data/vetting;write_delay=500")).isFalse();
        assertThat(H2Housekeeping.appliesTo("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isFalse();
        assertThat(H2Housekeeping.appliesTo("jdbc:postgresql://127.0.0.1:5432/vetting")).isFalse();
        assertThat(H2Housekeeping.appliesTo(null)).isFalse();
    }

    @Test
    void shouldDoNothing_WhenTheDatabaseIsNotAnEmbeddedH2() throws SQLException {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.h2.Driver");
        factory.setUrl("jdbc:h2:mem:housekeeping-" + System.nanoTime());
        factory.setUser("sa");
        factory.setPassword("");
        ManagedDataSource pool = factory.build(new MetricRegistry(), "housekeeping-mem");
        try (Connection c = pool.getConnection()) {
            MVStore store = H2Housekeeping.store(c);
            // an in-memory store has no file: compacting it is a no-op, and a run must not fail
            new H2Housekeeping(pool).run();
            assertThat(store == null || store.getFileStore() == null).isTrue();
        } finally {
            try {
                pool.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
