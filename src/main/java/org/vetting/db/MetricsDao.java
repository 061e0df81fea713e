package org.vetting.db;

import java.util.List;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Counts for the operators' metrics: what was decided, what is held, how long the chain is. */
public interface MetricsDao {
    /** A count under up to two labels. */
    record Count(String labelA, String labelB, long n) {}

    @SqlQuery("SELECT unit AS label_a, outcome AS label_b, COUNT(*) AS n FROM evaluations GROUP BY unit, outcome")
    @RegisterConstructorMapper(Count.class)
    List<Count> evaluations();

    @SqlQuery("SELECT code AS label_a, '' AS label_b, COUNT(*) AS n FROM evaluation_flags GROUP BY code")
    @RegisterConstructorMapper(Count.class)
    List<Count> flags();

    @SqlQuery("SELECT unit AS label_a, status AS label_b, COUNT(*) AS n FROM clearances GROUP BY unit, status")
    @RegisterConstructorMapper(Count.class)
    List<Count> clearances();

    /** Refused sign-in steps: a wrong password or code ({@code SignInEvent.failure}). */
    @SqlQuery("SELECT COUNT(*) FROM sign_in_events WHERE outcome IN ('WRONG_CREDENTIALS', 'WRONG_CODE')")
    long failedSignIns();

    @SqlQuery("SELECT sequence FROM audit_head WHERE id = 1")
    long chainLength();
}
