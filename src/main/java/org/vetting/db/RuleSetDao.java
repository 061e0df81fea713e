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
 * Rule-set versions: {@code rulesets} holds every version ever active with its files (append-only,
 * what replay compiles), {@code ruleset_proposals} every version ever proposed and its status.
 */
public interface RuleSetDao {

    @SqlQuery("SELECT activated_at FROM rulesets WHERE version = :version")
    Optional<Instant> activatedAt(@Bind("version") String version);

    @SqlQuery("SELECT files FROM rulesets WHERE version = :version")
    Optional<String> files(@Bind("version") String version);

    @SqlUpdate("INSERT INTO rulesets (version, activated_at, files) VALUES (:version, :at, :files)")
    void insert(@Bind("version") String version, @Bind("at") Instant at, @Bind("files") String files);

    /** A proposal without its files; {@code scenarios} is JSON ({passed, failed, failures}). */
    record ProposalRow(String version, String description, String status, String proposedBy, Instant proposedAt,
                       String scenarios, String decidedBy, Instant decidedAt, String decisionReasons,
                       LocalDate effectiveFrom, Instant activatedAt, Instant retiredAt) {}

    String COLUMNS = """
            version, description, status, proposed_by, proposed_at, scenarios, decided_by, decided_at, \
            decision_reasons, effective_from, activated_at, retired_at""";

    @SqlUpdate("INSERT INTO ruleset_proposals (files, " + COLUMNS + """
            ) VALUES (:files, :version, :description, :status, :proposedBy, :proposedAt, :scenarios, :decidedBy,
                      :decidedAt, :decisionReasons, :effectiveFrom, :activatedAt, :retiredAt)""")
    void propose(@BindMethods ProposalRow row, @Bind("files") String files);

    @SqlQuery("SELECT " + COLUMNS + " FROM ruleset_proposals WHERE version = :version")
    @RegisterConstructorMapper(ProposalRow.class)
    Optional<ProposalRow> proposal(@Bind("version") String version);

    /** The proposal, locked until the deciding transaction ends: one decision each. */
    @SqlQuery("SELECT " + COLUMNS + " FROM ruleset_proposals WHERE version = :version FOR UPDATE")
    @RegisterConstructorMapper(ProposalRow.class)
    Optional<ProposalRow> lockProposal(@Bind("version") String version);

    @SqlQuery("SELECT files FROM ruleset_proposals WHERE version = :version")
    Optional<String> proposalFiles(@Bind("version") String version);

    /** Every version, newest proposal first. */
    @SqlQuery("SELECT " + COLUMNS + " FROM ruleset_proposals ORDER BY proposed_at DESC, version")
    @RegisterConstructorMapper(ProposalRow.class)
    List<ProposalRow> proposals();

    @SqlQuery("SELECT version FROM ruleset_proposals WHERE status = 'ACTIVE'")
    Optional<String> activeVersion();

    /** Approved versions whose day has come, earliest first. */
    @SqlQuery("""
            SELECT version FROM ruleset_proposals
             WHERE status = 'APPROVED' AND effective_from <= :today
             ORDER BY effective_from, decided_at""")
    List<String> due(@Bind("today") LocalDate today);

    @SqlUpdate("""
            UPDATE ruleset_proposals SET status = :status, decided_by = :by, decided_at = :at,
                   decision_reasons = :reasons, effective_from = :effectiveFrom
             WHERE version = :version AND status = 'DRAFT'""")
    int decide(@Bind("version") String version, @Bind("status") String status, @Bind("by") String by,
               @Bind("at") Instant at, @Bind("reasons") String reasons, @Bind("effectiveFrom") LocalDate effectiveFrom);

    @SqlUpdate("UPDATE ruleset_proposals SET status = 'RETIRED', retired_at = :at WHERE status = 'ACTIVE'")
    int retireActive(@Bind("at") Instant at);

    /** The one step from DRAFT (first start) or APPROVED to ACTIVE; 0 when another instance took it. */
    @SqlUpdate("""
            UPDATE ruleset_proposals SET status = 'ACTIVE', activated_at = :at
             WHERE version = :version AND status IN ('DRAFT', 'APPROVED')""")
    int activate(@Bind("version") String version, @Bind("at") Instant at);
}
