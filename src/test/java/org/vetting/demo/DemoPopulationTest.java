package org.vetting.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vetting.VettingConfiguration;
import org.vetting.VettingContext;
import org.vetting.chain.AuditChain;
import org.vetting.common.DayClock;
import org.vetting.errors.Conflict;
import org.vetting.support.TestApp;

/**
 * The demo population on an empty database (H2, and PostgreSQL in its run): every outcome and
 * every clearance status, a waiver waiting for its second adjudicator, clearances due for
 * re-vetting, a valid chain — and refused on a database that holds officers.
 */
class DemoPopulationTest {
    @Test
    void anEmptyDatabaseGetsEveryOutcomeAndStatus_AndASecondRunIsRefused(@TempDir Path dir) throws Exception {
        TestApp.Database database = TestApp.Database.create();
        VettingConfiguration config = new VettingConfiguration();
        config.getDataSourceFactory().setUrl(database.url());
        config.getDataSourceFactory().setUser(database.user());
        config.getDataSourceFactory().setPassword("");
        config.setRulesDirectory("rules");
        try (var db = VettingContext.Database.open(config, "demo-test").migrate()) {
            DayClock clock = new DayClock(DemoPopulation.firstDay(TestApp.TODAY));
            VettingContext context = VettingContext.build(config, db.jdbi(), clock);
            context.users().bootstrapAdmin(TestApp.ADMIN_PASSWORD, dir.resolve("admin-password"));
            DemoPopulation.Result result = new DemoPopulation(context, clock).fill(TestApp.TODAY, 120);

            assertThat(result.outcomes()).containsOnlyKeys("ELIGIBLE", "CONDITIONAL", "REFERRED", "INCOMPLETE",
                    "INELIGIBLE");
            assertThat(result.passwords()).containsKeys("hr.mx", "adj.rivera", "adj.keller", "aud.salinas",
                    "pol.ortega", "pol.brooks", "cmd.fentanyl", "board.ortiz").doesNotContainKey("admin");
            assertThat(result.passwords().values()).allSatisfy(p -> assertThat(p).hasSizeGreaterThanOrEqualTo(12));
            // under section 9 nothing is denied or revoked at once: proposals, and denials upheld by their cases
            assertThat(strings(db, "SELECT DISTINCT status FROM clearances")).containsExactlyInAnyOrder("ACTIVE",
                    "PENDING_ADJUDICATION", "PENDING_INFORMATION", "DENIED", "SUSPENDED", "EXPIRED", "DENIAL_PROPOSED",
                    "REVOCATION_PROPOSED");
            assertThat(strings(db, "SELECT DISTINCT stage FROM adverse_cases")).containsExactlyInAnyOrder("PROPOSED",
                    "NOTICE_ISSUED", "RECONSIDERATION", "FINAL", "APPEALED", "CLOSED");
            assertThat(strings(db, "SELECT letter_id FROM adverse_letters")).isNotEmpty();
            assertThat(strings(db, "SELECT stage FROM adjudications WHERE stage = 'FIRST_APPROVAL'")).hasSize(1);
            assertThat(strings(db, "SELECT officer_id FROM clearances WHERE status = 'ACTIVE' AND revetting_from <= DATE '"
                    + TestApp.TODAY + "'")).isNotEmpty();
            assertThat(strings(db, "SELECT username FROM user_roles WHERE role = 'ADMIN'")).containsExactly("admin");
            // screening: the sample lists, an open hit, a dismissal waiting for its second adjudicator, an
            // association's hit, and a clearance suspended by a list update
            assertThat(strings(db, "SELECT DISTINCT list_name FROM watchlist_versions"))
                    .containsExactlyInAnyOrder("OFAC-SDN", "OPENSANCTIONS", "MX-UIF");
            assertThat(strings(db, "SELECT status FROM screening_hits")).contains("OPEN", "DISMISSAL_PENDING");
            assertThat(strings(db, "SELECT subject FROM screening_hits")).contains("OFFICER", "ASSOCIATION:a1");
            assertThat(strings(db, "SELECT status FROM clearances WHERE officer_id = 'MX-09004'"))
                    .containsExactly("SUSPENDED");
            assertThat(db.jdbi().inTransaction(AuditChain::verify).valid()).isTrue();

            assertThatThrownBy(() -> new DemoPopulation(context, clock).fill(TestApp.TODAY, 120))
                    .isInstanceOf(Conflict.class).hasMessageContaining("already holds officers");
        } finally {
            database.drop();
        }
    }

    static List<String> strings(VettingContext.Database db, String sql) {
        return db.jdbi().withHandle(h -> new ArrayList<>(h.createQuery(sql).mapTo(String.class).list()));
    }
}
