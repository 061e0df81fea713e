package org.vetting.api;

import java.util.SortedMap;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A rule-set version and its life: who proposed it and why, its scenario results, who decided it
 * and why, when it took effect. The detail ({@code GET /api/rulesets/{version}}) adds its rules,
 * units and files; the list leaves them out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSetVersionView(String version, ProposalStatus status, String description, String proposedBy,
                                 Instant createdAt, ScenarioSummary scenarios, String approvedBy, String rejectedBy,
                                 Instant decidedAt, String reasons, LocalDate effectiveFrom, Instant activatedAt,
                                 Instant retiredAt, String latestBacktestId, Reevaluation reevaluation,
                                 List<RuleSetView.Rule> rules,
                                 List<RuleSetView.Unit> units, SortedMap<String, String> files) {

    /**
     * The re-evaluation of everyone on file since it took effect: clearances done of total, how many
     * changed status, and when it finished (null while it runs).
     */
    public record Reevaluation(int done, int total, int changed, Instant finishedAt) {}

    /** The proposal's scenarios as run when it was proposed. */
    public record ScenarioSummary(int passed, int failed, List<String> failures) {}
}
