package org.vetting.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** {@code GET /api/rulesets/active}: what a policy analyst reviews — every rule and every unit. */
public record RuleSetView(String version, Instant activatedAt, List<Rule> rules, List<Unit> units) {

    /**
     * One rule: where it is, its category, and for a rule that raises a flag its code, severity,
     * waivability, messages and the condition it imposes when MEDIUM.
     */
    public record Rule(String name, String file, int line, String category, String code, String severity,
                       Boolean waivable, String messageEn, String messageEs, String conditionEn, String conditionEs) {}

    /** One joint unit as {@code units.yml} declares it. */
    public record Unit(String code, String name, String tier, int minServiceYears, Map<String, Integer> requiredExams,
                       int mediumReferralThreshold, int clearanceMonths, int conditionalMonths, int revettingDueDays,
                       int reapplyAfterMonths, Map<String, String> severityOverrides) {}
}
