package org.vetting.core;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.vetting.rules.FiredRule;
import org.vetting.rules.Outcome;

/** One evaluation, stored or dry-run ({@code id} null), with its explained flags and fired rules. */
public record Evaluation(String id, String officerId, int recordVersion, String unit, Outcome outcome, LocalDate asOf,
                         LocalDate validUntil, String rulesetVersion, Instant evaluatedAt, String evaluatedBy,
                         List<ExplainedFlag> flags, List<FiredRule> firedRules) {}
