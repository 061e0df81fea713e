package org.vetting.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.vetting.api.AdjudicationStage;
import org.vetting.api.AdverseKind;
import org.vetting.api.AdverseResult;
import org.vetting.api.AdverseStage;
import org.vetting.api.AdverseStep;
import org.vetting.api.LetterKind;
import org.vetting.common.Language;
import org.vetting.api.BacktestStatus;
import org.vetting.api.CeremonyKind;
import org.vetting.api.ClearanceCause;
import org.vetting.api.CorrectionStatus;
import org.vetting.api.HitStatus;
import org.vetting.api.ListVersionStatus;
import org.vetting.api.ProposalStatus;
import org.vetting.clearance.ClearanceStatus;
import org.vetting.rules.AdjudicationPath;
import org.vetting.rules.Outcome;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * Every workflow state is an enum in Java and a closed set in the database (V14's, V16's and V18's CHECK
 * constraints): the two lists are the same, and the database refuses any other value however it is
 * written, on H2 and PostgreSQL.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class WorkflowStatesTest {
    static final TestApp APP = new TestApp();
    static final DropwizardAppExtension<?> EXT = APP.app;
    /** The migrations that constrain states: V14 (the workflows), V16 (WebAuthn ceremonies). */
    static final List<Path> MIGRATIONS = List.of(Path.of("src/main/resources/db/migration/V14__workflow_states.sql"),
            Path.of("src/main/resources/db/migration/V16__security_keys.sql"),
            Path.of("src/main/resources/db/migration/V18__adverse_cases.sql"));

    /** Each constrained column, and the enum whose names it takes. */
    static final Map<String, Class<? extends Enum<?>>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("clearances.status", ClearanceStatus.class);
        COLUMNS.put("clearance_events.status", ClearanceStatus.class);
        COLUMNS.put("clearance_events.cause", ClearanceCause.class);
        COLUMNS.put("evaluations.outcome", Outcome.class);
        COLUMNS.put("evaluations.adjudication", AdjudicationPath.class);
        COLUMNS.put("adjudications.stage", AdjudicationStage.class);
        COLUMNS.put("corrections.status", CorrectionStatus.class);
        COLUMNS.put("ruleset_proposals.status", ProposalStatus.class);
        COLUMNS.put("backtests.status", BacktestStatus.class);
        COLUMNS.put("watchlist_versions.status", ListVersionStatus.class);
        COLUMNS.put("screening_hits.status", HitStatus.class);
        COLUMNS.put("sessions.ceremony_kind", CeremonyKind.class);
        COLUMNS.put("adverse_cases.kind", AdverseKind.class);
        COLUMNS.put("adverse_cases.stage", AdverseStage.class);
        COLUMNS.put("adverse_cases.result", AdverseResult.class);
        COLUMNS.put("adverse_steps.step", AdverseStep.class);
        COLUMNS.put("adverse_letters.kind", LetterKind.class);
        COLUMNS.put("adverse_letters.language", Language.class);
    }

    @BeforeAll
    static void oneOfficerOnFile() {
        APP.createStaff();
        APP.submit("hr.lopez", Records.clean("MX-STATES"));
    }

    @Test
    void shouldAllowExactlyTheEnumsNames_InEveryCheckConstraint() throws IOException {
        StringBuilder sql = new StringBuilder();
        for (Path migration : MIGRATIONS) {
            sql.append(Files.readString(migration)).append('\n');
        }
        Map<String, List<String>> checks = checks(sql.toString());
        COLUMNS.forEach((column, type) -> assertThat(checks.get(column)).as(column + " against " + type.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(type.getEnumConstants()).map(Enum::name).toList()));
        assertThat(COLUMNS.keySet()).as("every constraint has its enum here").containsAll(checks.keySet().stream()
                .filter(c -> !c.endsWith(".decision")).toList());
    }

    @Test
    void shouldListInTheQueue_ExactlyThePathsAnAdjudicatorActsOn() throws Exception {
        String queue = AdjudicationDao.class.getMethod("queue", java.util.Collection.class, AdjudicationStage.class,
                AdjudicationStage.class, AdjudicationDao.Query.class)
                .getAnnotation(org.jdbi.v3.sqlobject.statement.SqlQuery.class).value();
        assertThat(queue).contains("e.adjudication IN ('DECISION', 'WAIVER')");
        assertThat(Arrays.stream(AdjudicationPath.values()).map(Enum::name))
                .containsExactly("NONE", "DECISION", "WAIVER");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "clearances_status_known | UPDATE clearances SET status = 'GRANTED'",
            "ruleset_proposals_status_known | UPDATE ruleset_proposals SET status = 'ARCHIVED'",
            "clearance_events_cause_known | INSERT INTO clearance_events (officer_id, unit, status, valid_until, "
                    + "conditions, cause, evaluation_id, actor, at) SELECT officer_id, unit, status, valid_until, "
                    + "conditions, 'MANUAL', evaluation_id, actor, at FROM clearance_events"})
    void shouldRefuseAStateOutsideItsSet_WrittenStraightIntoTheDatabase(String constraint, String statement) {
        assertThatThrownBy(() -> APP.execute(statement)).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(e.getMessage().toLowerCase()).contains(constraint));
    }

    @Test
    void shouldAcceptAStateInsideItsSet() throws SQLException {
        APP.execute("UPDATE clearances SET status = 'SUSPENDED' WHERE officer_id = 'MX-STATES'");
        assertThat(APP.count("clearances WHERE status = 'SUSPENDED'")).isEqualTo(1);
    }

    /** "table.column" → the values of its CHECK (column IN (…)) in the migration. */
    static Map<String, List<String>> checks(String sql) {
        Map<String, List<String>> checks = new LinkedHashMap<>();
        Matcher m = Pattern.compile("ALTER TABLE (\\w+) ADD CONSTRAINT \\w+ CHECK \\((\\w+) IN \\(([^)]*)\\)\\)")
                .matcher(sql);
        while (m.find()) {
            checks.put(m.group(1) + "." + m.group(2), Arrays.stream(m.group(3).split(","))
                    .map(v -> v.strip().replace("'", "")).toList());
        }
        return checks;
    }
}
