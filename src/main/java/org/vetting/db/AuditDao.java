package org.vetting.db;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * The hash-chained audit log ({@code audit_log}) and its one-row head ({@code audit_head}), and the
 * auditors' history query over it. Entries are appended, never updated.
 */
public interface AuditDao {
    /** One row of {@code audit_log}. */
    record EntryRow(long sequence, String entryType, String ref, String officerId, String actor, Instant at,
                    String content, String previousHash, String hash) {}

    /** The head of the chain: the last sequence number and hash. */
    record Head(long sequence, String hash) {}

    /** An evaluation entry as the history lists it. */
    record EvaluationEntry(long sequence, String ref, String hash, String previousHash) {}

    /** Locks the head: appends are strictly ordered across threads and instances until commit. */
    @SqlQuery("SELECT sequence, hash FROM audit_head WHERE id = 1 FOR UPDATE")
    @RegisterConstructorMapper(Head.class)
    Head lockHead();

    @SqlQuery("SELECT sequence, hash FROM audit_head WHERE id = 1")
    @RegisterConstructorMapper(Head.class)
    Head head();

    /** Appends entries in one batch (one round trip for a decision's or a group's entries). */
    @SqlBatch("""
            INSERT INTO audit_log (sequence, entry_type, ref, officer_id, actor, at, content, previous_hash, hash)
            VALUES (:sequence, :entryType, :ref, :officerId, :actor, :at, :content, :previousHash, :hash)
            """)
    void insert(@BindMethods List<EntryRow> entries);

    @SqlUpdate("UPDATE audit_head SET sequence = :sequence, hash = :hash WHERE id = 1")
    void moveHead(@Bind("sequence") long sequence, @Bind("hash") String hash);

    /** Entries after {@code after}, in chain order. */
    @SqlQuery("""
            SELECT sequence, entry_type, ref, officer_id, actor, at, content, previous_hash, hash
              FROM audit_log
             WHERE sequence > :after
             ORDER BY sequence
             LIMIT :limit
            """)
    @RegisterConstructorMapper(EntryRow.class)
    List<EntryRow> page(@Bind("after") long after, @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM audit_log WHERE entry_type = :type")
    long count(@Bind("type") String entryType);

    @SqlQuery("""
            SELECT sequence, ref, hash, previous_hash
              FROM audit_log
             WHERE entry_type = 'EVALUATION' AND ref = :id
            """)
    @RegisterConstructorMapper(EvaluationEntry.class)
    Optional<EvaluationEntry> evaluationEntry(@Bind("id") String evaluationId);

    /**
     * Evaluation entries after {@code after} in chain order, at most {@code limit}, filtered by the
     * evaluation's officer, unit, outcome, actor, time ([from, to)), a fired rule and a flag code
     * (a null filter means "any"); {@code scoped}: of officers of these countries only; never the
     * reader's own file ({@code self}).
     */
    @SqlQuery("""
            SELECT a.sequence, a.ref, a.hash, a.previous_hash
              FROM audit_log a
              JOIN evaluations e ON e.id = a.ref
             WHERE a.entry_type = 'EVALUATION' AND a.sequence > :after
               AND (CAST(:officerId AS VARCHAR(64)) IS NULL OR e.officer_id = :officerId)
               AND (CAST(:unit AS VARCHAR(32)) IS NULL OR e.unit = :unit)
               AND (CAST(:outcome AS VARCHAR(16)) IS NULL OR e.outcome = :outcome)
               AND (CAST(:actor AS VARCHAR(64)) IS NULL OR e.evaluated_by = :actor)
               AND (CAST(:from AS TIMESTAMP WITH TIME ZONE) IS NULL OR e.evaluated_at >= :from)
               AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR e.evaluated_at < :to)
               AND (CAST(:rule AS VARCHAR(255)) IS NULL
                    OR POSITION(CAST(:ruleInline AS VARCHAR(1000)) IN e.fired_rules) > 0
                    OR EXISTS (SELECT 1 FROM fired_rules r WHERE r.evaluation_id = e.id AND r.rule_name = :rule))
               AND (CAST(:flag AS VARCHAR(64)) IS NULL OR EXISTS (
                        SELECT 1 FROM evaluation_flags g WHERE g.evaluation_id = e.id AND g.code = :flag))
               AND (:scoped = FALSE OR e.officer_id IN (SELECT officer_id FROM officers WHERE country IN (<countries>)))
               AND (CAST(:self AS VARCHAR(64)) IS NULL OR e.officer_id <> :self)
             ORDER BY a.sequence
             LIMIT :limit
            """)
    @RegisterConstructorMapper(EvaluationEntry.class)
    List<EvaluationEntry> evaluations(@BindMethods Search search,
                                      @BindList(value = "countries", onEmpty = BindList.EmptyHandling.NULL_STRING)
                                      Collection<String> countries);

    /**
     * What {@link #evaluations} reads: each filter null for "any", {@code scoped} to the countries
     * given, never {@code self}'s file, the page after {@code after}.
     */
    record Search(String officerId, String unit, String outcome, String actor, Instant from, Instant to, String rule,
                  String flag, boolean scoped, String self, long after, int limit) {
        /** {@code rule} as it stands among fired rules stored inline (V12). */
        public String ruleInline() {
            return EvaluationDao.inlineRuleNeedle(rule);
        }
    }
}
