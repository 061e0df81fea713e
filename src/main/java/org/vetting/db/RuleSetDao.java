package org.vetting.db;

import java.time.Instant;
import java.util.Optional;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every rule-set version ever activated, with its files (JSON object name to content). */
public interface RuleSetDao {

    @SqlQuery("SELECT activated_at FROM rulesets WHERE version = :version")
    Optional<Instant> activatedAt(@Bind("version") String version);

    @SqlQuery("SELECT files FROM rulesets WHERE version = :version")
    Optional<String> files(@Bind("version") String version);

    @SqlUpdate("INSERT INTO rulesets (version, activated_at, files) VALUES (:version, :at, :files)")
    void insert(@Bind("version") String version, @Bind("at") Instant at, @Bind("files") String files);
}
