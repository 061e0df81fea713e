package org.vetting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.stream.Stream;

import io.dropwizard.testing.ConfigOverride;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetting.support.TestApp;

class RuleSetLoaderTest {
    @TempDir
    Path dir;

    Path copyRules() throws IOException {
        Path rules = Path.of("rules");
        try (Stream<Path> files = Files.walk(rules)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                Path target = dir.resolve(rules.relativize(p).toString());
                Files.createDirectories(target.getParent());
                Files.copy(p, target);
            }
        }
        return dir;
    }

    @Test
    void shouldCompileTheRulesFolder_WithAVersionThatIsTheContentHash() throws IOException {
        RuleSet a = RuleSetLoader.fromDirectory(Path.of("rules"));
        RuleSet b = RuleSetLoader.fromDirectory(copyRules());
        assertThat(a.version()).isEqualTo(b.version()).matches("[0-9a-f]{64}");
        assertThat(a.units()).containsOnlyKeys("JU-FENTANYL", "JU-FINANCE", "JU-ARMS", "LIAISON");
        Files.writeString(dir.resolve("exams.drl"), Files.readString(dir.resolve("exams.drl")) + "\n// comment\n");
        assertThat(RuleSetLoader.fromDirectory(dir).version()).isNotEqualTo(a.version());
    }

    @Test
    void shouldCompileTheSameFilesOnce_AndNeverKeepARefusedSet() throws IOException {
        RuleSet a = RuleSetLoader.fromDirectory(copyRules());
        assertThat(RuleSetLoader.fromDirectory(Path.of("rules"))).as("the same files, from another folder").isSameAs(a);
        assertThat(RuleSetLoader.compiled(a.version())).containsSame(a);
        Path exams = dir.resolve("exams.drl");
        Files.writeString(exams, Files.readString(exams).replace("not Exam( type == $t )", "not Exam( type == $t "));
        String broken = RuleSetLoader.version(RuleSetLoader.read(dir));
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> RuleSetLoader.fromDirectory(dir)).isInstanceOf(RuleSetException.class)
                    .hasMessageContaining(dir + "/exams.drl:");
        }
        assertThat(RuleSetLoader.compiled(broken)).isEmpty();
    }

    @Test
    void shouldRefuseADrlSyntaxError_NamingFileAndLine() throws IOException {
        copyRules();
        Path exams = dir.resolve("exams.drl");
        String text = Files.readString(exams).replace("not Exam( type == $t )", "not Exam( type == $t ");
        Files.writeString(exams, text);
        int line = (int) text.lines().takeWhile(l -> !l.contains("not Exam( type == $t ")).count() + 1;
        assertThatThrownBy(() -> RuleSetLoader.fromDirectory(dir))
                .isInstanceOf(RuleSetException.class)
                .satisfies(e -> assertThat(((RuleSetException) e).errors())
                        .anyMatch(m -> m.startsWith(dir + "/exams.drl:")))
                .hasMessageContaining("exams.drl:" + (line + 1));
    }

    @Test
    void shouldRefuseARuleWithoutSeverity() throws IOException {
        copyRules();
        Path fit = dir.resolve("unit_fit.drl");
        Files.writeString(fit, Files.readString(fit).replace("@severity(\"DISQUALIFYING\") ", ""));
        assertThatThrownBy(() -> RuleSetLoader.fromDirectory(dir))
                .hasMessageContaining("unit_fit.drl:10: rule \"UNIT_FIT-01")
                .hasMessageContaining("@severity must be one of");
    }

    @Test
    void shouldRefuseACommanderConditionThatNamesTheFinding_WithFileAndLine() throws IOException {
        copyRules();
        Path integrity = dir.resolve("integrity.drl");
        String text = Files.readString(integrity).replace("@conditionEn(\"Supervisor review of conduct every 3 months\")",
                "@conditionEn(\"Re-evaluation when the corruption investigation closes\")");
        Files.writeString(integrity, text);
        long ruleLine = text.lines().takeWhile(l -> !l.contains("Re-evaluation when the corruption")).count();
        while (!text.lines().skip(ruleLine - 1).findFirst().orElseThrow().startsWith("rule ")) {
            ruleLine--;
        }
        assertThatThrownBy(() -> RuleSetLoader.fromDirectory(dir))
                .hasMessageContaining("integrity.drl:" + ruleLine + ": rule ")
                .hasMessageContaining("names a finding (corruption)");
    }

    @Test
    void shouldRefuseABrokenUnitsFile_NamingTheLine() throws IOException {
        copyRules();
        Path units = dir.resolve("units.yml");
        String text = Files.readString(units).replace("clearanceMonths: 24", "clearanceMonths: soon")
                .replace("{EXCESSIVE_CASH_DEPOSITS: HIGH,", "{EXAM_MISSING: HIGH,");
        Files.writeString(units, text);
        long line = text.lines().takeWhile(l -> !l.contains("{EXAM_MISSING: HIGH,")).count() + 1;
        assertThatThrownBy(() -> RuleSetLoader.fromDirectory(dir))
                .hasMessageContaining("units.yml:" + line + ": unit JU-FINANCE: EXAM_MISSING is INCOMPLETE and cannot be overridden")
                .hasMessageMatching("(?s).*units.yml:\\d+: LIAISON.clearanceMonths must be a whole number, got soon.*");
    }

    @Test
    void shouldRefuseBrokenScreeningAndAdverseSettings_NamingTheLine() throws IOException {
        copyRules();
        Path units = dir.resolve("units.yml");
        String text = Files.readString(units).replace("screeningOtherBirthDateCap: 0.75", "screeningOtherBirthDateCap: 0.85")
                .replace("es: [grupo,", "es: [Grupo,").replace("appealDays: 15", "appealDays: 400");
        Files.writeString(units, text);
        long cap = text.lines().takeWhile(l -> !l.startsWith("screeningOtherBirthDateCap")).count() + 1;
        long appeal = text.lines().takeWhile(l -> !l.startsWith("appealDays")).count() + 1;
        assertThatThrownBy(() -> RuleSetLoader.fromDirectory(dir))
                .hasMessageContaining("units.yml:" + cap + ": screeningOtherBirthDateCap must be under screeningThreshold")
                .hasMessageContaining("write each word folded")
                .hasMessageContaining("units.yml:" + appeal + ": appealDays must be at most 365 days, got 400");
        Files.writeString(units, Files.readString(units).replace("Grupo", "grupo")
                .replace("screeningOtherBirthDateCap: 0.85\n", "").replace("appealDays: 400", "appealDays: 15"));
        assertThatThrownBy(() -> RuleSetLoader.fromDirectory(dir))
                .hasMessageContaining("screening settings come together").hasMessageContaining("missing screeningOtherBirthDateCap");
    }

    @Test
    void shouldRefuseToStartTheService_WhenARuleFileIsBroken() throws IOException {
        copyRules();
        Files.writeString(dir.resolve("outcome.drl"), "package vetting.outcome;\nrule \"broken\"\n when\n  Foo(\nend\n");
        var support = TestApp.support(Clock.system(ZoneOffset.UTC),
                ConfigOverride.config("database.url", "jdbc:h2:mem:broken;DB_CLOSE_DELAY=-1"),
                ConfigOverride.config("rulesDirectory", dir.toString()));
        try {
            assertThatThrownBy(support::before).hasStackTraceContaining(dir + "/outcome.drl:");
        } finally {
            support.after();
        }
    }
    /**
     * Once a set is active, a broken rules directory on disk (a later edit, not proposed) does not
     * stop the service: it serves the active set from the database.
     */
    @Test
    void shouldStartOnTheActiveSet_WhenTheRulesDirectoryIsBrokenLater() throws Exception {
        copyRules();
        String url = "jdbc:h2:mem:brokenlater;DB_CLOSE_DELAY=-1";
        var first = TestApp.support(Clock.system(ZoneOffset.UTC), ConfigOverride.config("database.url", url),
                ConfigOverride.config("rulesDirectory", dir.toString()));
        String active;
        try {
            first.before();
            active = ((org.vetting.VettingApplication) first.getApplication()).context().rules().ruleSet().version();
        } finally {
            first.after();
        }
        Files.writeString(dir.resolve("outcome.drl"), "package vetting.outcome;\nrule \"broken\"\n when\n  Foo(\nend\n");
        var again = TestApp.support(Clock.system(ZoneOffset.UTC), ConfigOverride.config("database.url", url),
                ConfigOverride.config("rulesDirectory", dir.toString()));
        try {
            again.before();
            assertThat(((org.vetting.VettingApplication) again.getApplication()).context().rules().ruleSet().version())
                    .isEqualTo(active);
        } finally {
            again.after();
        }
    }
}
