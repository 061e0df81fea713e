package org.vetting.db;

import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Flyway migrations from {@code db/migration}: plain SQL that both H2 and PostgreSQL run, with
 * {@code ${text}} standing for an unbounded text column; {@code db/postgresql} adds what only
 * PostgreSQL has (triggers that make the history tables append-only). Several instances starting
 * together are serialised by Flyway's own lock.
 */
public final class Migrations {
    private Migrations() {}

    public static void migrate(DataSource dataSource, String jdbcUrl) {
        boolean postgres = jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
        Flyway.configure()
                .dataSource(dataSource)
                .locations(postgres ? new String[] {"classpath:db/migration", "classpath:db/postgresql"}
                        : new String[] {"classpath:db/migration"})
                .placeholders(Map.of("text", postgres ? "TEXT" : "CLOB"))
                .load()
                .migrate();
    }
}
