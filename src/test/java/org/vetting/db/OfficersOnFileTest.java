package org.vetting.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.vetting.common.Json;
import org.vetting.support.Records;
import org.vetting.support.TestApp;

/**
 * Officers whose records were stored before the officers table existed (V6) get their row, with the
 * country and name of their latest record, at the start-up that migrates the schema; a start on an
 * up-to-date schema does not read every record on file again (a scan of a million records took
 * seconds of every start-up).
 */
class OfficersOnFileTest {
    @Test
    void aStartThatMigratesListsOfficersStoredBefore_AndAStartOnAnUpToDateSchemaDoesNotScanAgain() throws Exception {
        TestApp.Database db = TestApp.Database.create();
        try {
            assertThat(Migrations.migrate(db.url(), db.user(), "5")).as("a release before the officers table").isPositive();
            storeRecordTheOldWay(db, "MX-OLD-1");

            start(db); // migrates V6 onwards, then lists the officers stored before
            assertThat(officers(db)).containsExactly("MX-OLD-1 MX Ana");

            execute(db, "DELETE FROM officers");
            start(db); // nothing to migrate: no scan
            assertThat(officers(db)).isEmpty();
        } finally {
            db.drop();
        }
    }

    static void start(TestApp.Database db) throws Exception {
        TestApp app = new TestApp(db);
        app.app.before();
        app.app.after();
    }

    static void storeRecordTheOldWay(TestApp.Database db, String officerId) throws SQLException {
        try (Connection c = connect(db); PreparedStatement s = c.prepareStatement("INSERT INTO officer_records "
                + "(officer_id, version, record, submitted_by, submitted_at) VALUES (?, 1, ?, 'hr.before', CURRENT_TIMESTAMP)")) {
            s.setString(1, officerId);
            s.setString(2, Json.write(Records.clean(officerId)));
            s.executeUpdate();
        }
    }

    static List<String> officers(TestApp.Database db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = connect(db); ResultSet rs = c.createStatement()
                .executeQuery("SELECT officer_id, country, given_name FROM officers ORDER BY officer_id")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    static void execute(TestApp.Database db, String sql) throws SQLException {
        try (Connection c = connect(db)) {
            c.createStatement().execute(sql);
        }
    }

    static Connection connect(TestApp.Database db) throws SQLException {
        return DriverManager.getConnection(db.url(), db.user(), "");
    }
}
