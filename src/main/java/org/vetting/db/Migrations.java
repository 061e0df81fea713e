package org.vetting.db;

import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Flyway migrations from {@code db/migration}: plain SQL that both H2 and PostgreSQL run, with
 * {@code ${text}} standing for an unbounded text column; {@code db/postgresql} adds what only
 * PostgreSQL has (triggers that make the history tables append-only). Several instances starting
 * together are serialised by Flyway's own lock.
 */
public final class Migrations {
    private Migrations() {}

    /** Applies what is pending; how many migrations that was (0: the schema was up to date). */
    public static int migrate(DataSource dataSource, String jdbcUrl) {
        return configure(jdbcUrl).dataSource(dataSource).load().migrate().migrationsExecuted;
    }

    /** Up to version {@code target} only: a database as an earlier release left it, for tests of upgrades. */
    static int migrate(String jdbcUrl, String user, String target) {
        return configure(jdbcUrl).dataSource(jdbcUrl, user, "").target(target).load().migrate().migrationsExecuted;
    }

    private static FluentConfiguration configure(String jdbcUrl) {
        boolean postgres = jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
        return Flyway.configure()
                .locations(postgres ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                        : new String[] {"classpath:db/migration"})
                .placeholders(Map.of("text", postgres ? "TEXT" : "CLOB"));
    }
}
