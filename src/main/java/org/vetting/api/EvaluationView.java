package org.vetting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The evaluation of docs/api.md. {@code evaluationId} is null for a dry run; {@code reapplyFrom} is
 * set when a standing denial kept the clearance: the day from which a new application counts.
 */
public record EvaluationView(String evaluationId, String officerId, String unit, String outcome, LocalDate asOf,
                             LocalDate validUntil, String rulesetVersion, Instant evaluatedAt, String evaluatedBy,
                             List<FlagView> flags, List<FiredRuleView> firedRules, LocalDate reapplyFrom) {}
