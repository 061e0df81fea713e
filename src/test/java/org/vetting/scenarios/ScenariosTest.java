package org.vetting.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.vetting.rules.RuleInfo;
import org.vetting.rules.RuleSet;
import org.vetting.rules.RuleSetLoader;

/** Runs every scenario of the real rules/scenarios folder against the real rules/. */
class ScenariosTest {
    static final Path RULES = Path.of("rules");
    static final RuleSet RULE_SET = RuleSetLoader.fromDirectory(RULES);
    static final List<Scenario> SCENARIOS = Scenarios.of(RULE_SET);

    @TestFactory
    Stream<DynamicTest> everyScenarioPasses() {
        assertThat(SCENARIOS).hasSizeGreaterThan(80);
        return SCENARIOS.stream().map(s -> DynamicTest.dynamicTest(s.file() + " :: " + s.name(), () -> {
            ScenarioResult r = Scenarios.run(RULE_SET, s);
            assertThat(r.problem()).as(r.line()).isNull();
        }));
    }

    @Test
    void everyCodeIsRaisedByAScenario_AndMissedByANearMiss() {
        Set<String> codes = RULE_SET.rules().stream().map(RuleInfo::code).filter(c -> c != null)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(codes).hasSize(45);
        for (String code : codes) {
            assertThat(SCENARIOS).as("a scenario raising " + code).anyMatch(s -> s.expectFlags().contains(code));
            assertThat(SCENARIOS).as("a near miss for " + code).anyMatch(s ->
                    s.name().startsWith(code + " near miss") && !s.expectFlags().contains(code));
        }
    }

    @Test
    void aFailingScenarioIsReported_WithWhatDiffered() {
        Scenario wrong = new Scenario("x.yml", "wrong on purpose", LocalDate.of(2026, 11, 27),
                Map.of("officerId", "MX-1", "country", "MX", "serviceStartDate", "2012-06-01", "targetUnit", "LIAISON"),
                "ELIGIBLE", List.of(), false, null);
        ScenarioResult r = Scenarios.run(RULE_SET, wrong);
        assertThat(r.passed()).isFalse();
        assertThat(r.line()).startsWith("FAIL x.yml :: wrong on purpose").contains("outcome INCOMPLETE, expected ELIGIBLE")
                .contains("EXAM_MISSING");
    }

    @Test
    void aNewUnitNeedsOnlyAnEditOfUnitsYml(@TempDir Path dir) throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        Files.writeString(dir.resolve("units.yml"), Files.readString(dir.resolve("units.yml")) + """
                  JU-CYBER:
                    name: Joint Cybercrime Unit
                    tier: SENSITIVE
                    minServiceYears: 5
                    requiredExams: {POLYGRAPH: 6, TOXICOLOGICAL: 12}
                    mediumReferralThreshold: 1
                    clearanceMonths: 9
                    conditionalMonths: 3
                    revettingDueDays: 30
                    reapplyAfterMonths: 24
                    severityOverrides: {PRIOR_DENIAL: HIGH}
                """);
        RuleSet withCyber = RuleSetLoader.fromDirectory(dir);
        assertThat(withCyber.version()).isNotEqualTo(RULE_SET.version());
        Map<String, Object> record = Map.of("officerId", "MX-C-1", "country", "MX", "serviceStartDate", "2020-01-01",
                "targetUnit", "JU-CYBER",
                "exams", List.of(Map.of("id", "e1", "type", "POLYGRAPH", "result", "PASS", "date", "2026-08-01"),
                        Map.of("id", "e2", "type", "TOXICOLOGICAL", "result", "PASS", "date", "2026-08-01")),
                "financialDisclosures", List.of(Map.of("year", 2025, "annualIncome", 1, "totalAssets", 1,
                        "totalLiabilities", 0)));
        LocalDate d = LocalDate.of(2026, 11, 27);
        // 6 years of service and a 6-month polygraph: eligible until 2027-02-01 (polygraph expiry)
        assertThat(Scenarios.run(withCyber, new Scenario("cyber", "eligible", d, record, "ELIGIBLE", List.of(), true,
                LocalDate.of(2027, 2, 1))).problem()).isNull();
        var denied = new java.util.HashMap<>(record);
        denied.put("priorVetting", List.of(Map.of("id", "p1", "program", "SIU", "result", "DENIED", "date", "2025-01-01")));
        assertThat(Scenarios.run(withCyber, new Scenario("cyber", "override", d, denied, "REFERRED",
                List.of("PRIOR_DENIAL"), false, null)).problem()).isNull();
        var junior = new java.util.HashMap<>(record);
        junior.put("serviceStartDate", "2022-01-01");
        assertThat(Scenarios.run(withCyber, new Scenario("cyber", "service", d, junior, "INELIGIBLE",
                List.of("INSUFFICIENT_SERVICE"), false, null)).problem()).isNull();
    }
}
