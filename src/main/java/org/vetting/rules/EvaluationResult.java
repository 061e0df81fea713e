package org.vetting.rules;

import java.time.LocalDate;
import java.util.List;

/** What the rules decided for one record, one unit and one date, under one rule-set version. */
public record EvaluationResult(String rulesetVersion, String unit, LocalDate asOf, Outcome outcome,
                               LocalDate validUntil, List<Flag> flags, List<FiredRule> firedRules) {}
