package org.vetting.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.vetting.api.ProposalStatus;

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
    record ProposalRow(String version, String description, ProposalStatus status, String proposedBy, Instant proposedAt,
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

    default Optional<String> activeVersion() {
        return version(ProposalStatus.ACTIVE);
    }

    /** The one version with a status of which there is at most one (ACTIVE). */
    @SqlQuery("SELECT version FROM ruleset_proposals WHERE status = :status")
    Optional<String> version(@Bind("status") ProposalStatus status);

    /** Approved versions whose day has come, earliest first. */
    default List<String> due(LocalDate today) {
        return due(ProposalStatus.APPROVED, today);
    }

    @SqlQuery("""
            SELECT version FROM ruleset_proposals
             WHERE status = :approved AND effective_from <= :today
             ORDER BY effective_from, decided_at""")
    List<String> due(@Bind("approved") ProposalStatus approved, @Bind("today") LocalDate today);

    /** A draft's decision: APPROVED (from a day) or REJECTED, by whom, when, with reasons. */
    record Decision(String version, ProposalStatus status, String by, Instant at, String reasons,
                    LocalDate effectiveFrom) {}

    /** Records a draft's decision; 0 when it is no longer a draft. */
    default int decide(Decision decision) {
        return decide(decision, ProposalStatus.DRAFT);
    }

    @SqlUpdate("""
            UPDATE ruleset_proposals SET status = :status, decided_by = :by, decided_at = :at,
                   decision_reasons = :reasons, effective_from = :effectiveFrom
             WHERE version = :version AND status = :draft""")
    int decide(@BindMethods Decision decision, @Bind("draft") ProposalStatus draft);

    default int retireActive(Instant at) {
        return retire(ProposalStatus.RETIRED, ProposalStatus.ACTIVE, at);
    }

    @SqlUpdate("UPDATE ruleset_proposals SET status = :retired, retired_at = :at WHERE status = :active")
    int retire(@Bind("retired") ProposalStatus retired, @Bind("active") ProposalStatus active, @Bind("at") Instant at);

    /** The one step from DRAFT (first start) or APPROVED to ACTIVE; 0 when another instance took it. */
    default int activate(String version, Instant at) {
        return activate(version, at, ProposalStatus.ACTIVE, List.of(ProposalStatus.DRAFT, ProposalStatus.APPROVED));
    }

    @SqlUpdate("""
            UPDATE ruleset_proposals SET status = :active, activated_at = :at
             WHERE version = :version AND status IN (<from>)""")
    int activate(@Bind("version") String version, @Bind("at") Instant at, @Bind("active") ProposalStatus active,
                 @BindList("from") List<ProposalStatus> from);
}
