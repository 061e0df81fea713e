package org.vetting.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vetting.support.TestApp;

/**
 * PostgreSQL keeps a plan for each statement the service runs again and again (pgjdbc prepares
 * them on the server) and makes it on a new database, before any statistics exist; without
 * autovacuum it never makes it again. The reads that every submission and every request run must
 * then find their rows through an index on every column they match: the lock of a clearance by
 * officer and unit used the index on the unit alone, read every clearance of the unit to keep one,
 * and each submission cost more than the last (docs/performance.md, "Stop 26"). Pages must read the
 * index in order and stop. The statements are the DAOs' own, read off their annotations.
 */
class KeptPlansTest {
    static TestApp.Database db;

    @BeforeAll
    static void migrate() {
        Assumptions.assumeTrue(TestApp.POSTGRES, "PostgreSQL's kept plans: the PostgreSQL run (-Dvetting.test.db=postgres)");
        db = TestApp.Database.create();
        assertThat(Migrations.migrate(db.url(), db.user(), "latest")).isPositive();
    }

    @AfterAll
    static void drop() {
        if (db != null) {
            db.drop();
        }
    }

    /** The reads of a submission, of authenticating a request, and of reading an evaluation back. */
    @ParameterizedTest
    @ValueSource(strings = {"ClearanceDao.lock", "ClearanceDao.ofOfficer", "OfficerRecordDao.onFile",
            "OfficerRecordDao.find", "OfficerRecordDao.latestVersion", "OfficerDao.find", "AuditDao.lockHead",
            "UserDao.findWithGrants", "EvaluationDao.stored", "EvaluationDao.flags"})
    void everyMatchedColumnIsAnIndexCondition_InThePlanKeptOnANewDatabase(String statement) throws Exception {
        String plan = keptPlan(statement);
        assertThat(plan).as(statement + " on an empty database:\n" + plan)
                .contains("Index")
                .doesNotContain("Seq Scan")
                .doesNotContain("Filter:");
    }

    /**
     * Pages (after a key, in key order): the plan reads the index in that order and stops at the
     * page's size, so that walking every page (the chain's verification, every user) reads each row
     * once. A page limited by the driver only (JDBC's maximum rows) was planned for every row after
     * the key, read and sorted all of them, and the chain's verification grew with the square of it.
     */
    @ParameterizedTest
    @ValueSource(strings = {"AuditDao.page", "UserDao.page"})
    void aPageReadsTheIndexInItsOrder_AndStopsAtItsSize(String statement) throws Exception {
        String plan = keptPlan(statement);
        assertThat(plan).as(statement + " on an empty database:\n" + plan)
                .startsWith("Limit")
                .contains("Index Scan")
                .doesNotContain("Sort")
                .doesNotContain("Seq Scan");
    }

    /** EXPLAIN of the plan PostgreSQL keeps for a DAO's statement, made on the empty database. */
    static String keptPlan(String statement) throws Exception {
        Numbered sql = numbered(sqlOf(statement));
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), ""); Statement s = c.createStatement()) {
            s.execute("SET plan_cache_mode = force_generic_plan"); // the plan kept after five runs, made now
            s.execute("PREPARE kept AS " + sql.text());
            return explain(s, "EXPLAIN EXECUTE kept" + (sql.parameters() == 0 ? ""
                    : "(" + String.join(", ", Collections.nCopies(sql.parameters(), "NULL")) + ")"));
        }
    }

    /** The SQL of a DAO method's {@code @SqlQuery}, by "Dao.method". */
    static String sqlOf(String statement) throws ClassNotFoundException {
        String[] parts = statement.split("\\.");
        Class<?> dao = Class.forName("org.vetting.db." + parts[0]);
        Method method = Arrays.stream(dao.getMethods()).filter(m -> m.getName().equals(parts[1]))
                .filter(m -> m.isAnnotationPresent(SqlQuery.class)).findFirst()
                .orElseThrow(() -> new AssertionError(statement + " is not a @SqlQuery of " + dao.getSimpleName()));
        return method.getAnnotation(SqlQuery.class).value();
    }

    /** A statement with PostgreSQL's numbered parameters, and how many there are. */
    record Numbered(String text, int parameters) {}

    /** {@code :name} parameters as PostgreSQL's {@code $1}, {@code $2}…, one number per name. */
    static Numbered numbered(String sql) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?<![:\\w]):(\\w+)").matcher(sql);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int n = numbers.computeIfAbsent(m.group(1), k -> numbers.size() + 1);
            m.appendReplacement(out, "\\$" + n);
        }
        return new Numbered(m.appendTail(out).toString(), numbers.size());
    }

    static String explain(Statement s, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return String.join("\n", lines);
    }
}
