package org.vetting.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * What the rules decided for one record, one unit and one date, under one rule-set version.
 * {@code grantUntil} and {@code conditionalUntil} are the validity an adjudicated grant would get.
 */
public record EvaluationResult(String rulesetVersion, String unit, LocalDate asOf, Outcome outcome,
                               LocalDate validUntil, LocalDate grantUntil, LocalDate conditionalUntil,
                               List<Flag> flags, List<FiredRule> firedRules) {}
