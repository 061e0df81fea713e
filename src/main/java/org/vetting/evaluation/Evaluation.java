package org.vetting.evaluation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.vetting.rules.FiredRule;
import org.vetting.rules.Outcome;
import org.vetting.clearance.Condition;

/**
 * One evaluation, stored or dry-run ({@code id} null), with its explained flags and fired rules.
 * {@code grantUntil}/{@code conditionalUntil}: the validity of an adjudicated grant without and
 * with conditions; {@code conditions}: what a CONDITIONAL outcome requires.
 */
public record Evaluation(String id, String officerId, int recordVersion, String unit, Outcome outcome, LocalDate asOf,
                         LocalDate validUntil, LocalDate grantUntil, LocalDate conditionalUntil,
                         List<Condition> conditions, String rulesetVersion, Instant evaluatedAt, String evaluatedBy,
                         List<ExplainedFlag> flags, List<FiredRule> firedRules) {}
