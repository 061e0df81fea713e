package org.vetting.rules;

import java.util.Map;
import java.util.Optional;

import org.vetting.api.ExamType;

/** A joint unit as declared in {@code rules/units.yml} (docs/policy.md "Units"). Also a fact for the rules. */
public record Unit(String code, String name, String tier, int minServiceYears,
                   Map<ExamType, Integer> requiredExams, int mediumReferralThreshold,
                   int clearanceMonths, int conditionalMonths, int revettingDueDays, int reapplyAfterMonths,
                   Map<String, Severity> severityOverrides) {
    public Unit {
        requiredExams = Map.copyOf(requiredExams);
        severityOverrides = Map.copyOf(severityOverrides);
    }

    public Optional<Severity> overrideFor(String code) {
        return Optional.ofNullable(severityOverrides.get(code));
    }
}
