package org.vetting.db;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.mapper.Nested;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.vetting.common.Json;

/** Stored evaluations with their flags and fired rules. Rows are written once, never updated. */
public interface EvaluationDao {

    /**
     * One evaluation. The columns added in V5 (re-vetting dates, adjudication path) and V10
     * (screening) are left out of its JSON when null, so the audit content of evaluations stored
     * before them is unchanged.
     */
    record EvaluationRow(String id, String officerId, int recordVersion, String unit, String outcome, LocalDate asOf,
                         LocalDate validUntil, LocalDate grantUntil, LocalDate conditionalUntil, String conditions,
                         String rulesetVersion, Instant evaluatedAt, String evaluatedBy,
                         @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate revettingFrom,
                         @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate grantRevettingFrom,
                         @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate conditionalRevettingFrom,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String adjudication,
                         @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate reapplyFrom,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String screening) {}

    String COLUMNS = """
            id, officer_id, record_version, unit, outcome, as_of, valid_until, grant_until, conditional_until, \
            conditions, ruleset_version, evaluated_at, evaluated_by, revetting_from, grant_revetting_from, \
            conditional_revetting_from, adjudication, reapply_from, screening""";

    record FlagRow(String evaluationId, int position, String code, String category, String severity, boolean waivable,
                   String evidence, String ruleName, String messageEn, String messageEs) {}

    record FiredRuleRow(String evaluationId, int sequence, String ruleName, String flag) {}

    /** An evaluation as stored: its row, its flags and its fired rules. */
    record Rows(EvaluationRow evaluation, List<FlagRow> flags, List<FiredRuleRow> firedRules) {}

    /**
     * A fired rule as stored inline with its evaluation (V12): the evaluation's {@code fired_rules}
     * column holds them as a JSON list in firing order, one column instead of a row (and two index
     * entries) per firing. Evaluations stored before V12 keep theirs in the {@code fired_rules} table.
     */
    record InlineFiredRule(int sequence, String ruleName, @JsonInclude(JsonInclude.Include.NON_NULL) String flag) {}

    TypeReference<List<InlineFiredRule>> INLINE_FIRED_RULES = new TypeReference<>() {};

    /** Writes an evaluation: its row with its fired rules, and a batch of its flags. */
    default void insert(Rows rows) {
        insert(rows.evaluation(), Json.write(rows.firedRules().stream()
                .map(r -> new InlineFiredRule(r.sequence(), r.ruleName(), r.flag())).toList()));
        if (!rows.flags().isEmpty()) {
            insertFlags(rows.flags());
        }
    }

    /** Reads an evaluation's rows back, exactly as stored (fired rules inline, or as rows before V12). */
    default Optional<Rows> rows(String id) {
        return stored(id).map(s -> new Rows(s.evaluation(), flags(id), s.firedRules() == null ? firedRules(id)
                : Json.read(s.firedRules(), INLINE_FIRED_RULES).stream()
                        .map(r -> new FiredRuleRow(id, r.sequence(), r.ruleName(), r.flag())).toList()));
    }

    /**
     * What a stored {@code fired_rules} column contains when {@code rule} fired, for a search
     * ({@code POSITION(… IN fired_rules)}): its name as a complete JSON value, so a rule whose name
     * starts with another's is not taken for it.
     */
    static String inlineRuleNeedle(String rule) {
        return rule == null ? null : "\"ruleName\":" + Json.write(rule);
    }

    @SqlUpdate("INSERT INTO evaluations (" + COLUMNS + """
            , fired_rules) VALUES (:id, :officerId, :recordVersion, :unit, :outcome, :asOf, :validUntil, :grantUntil,
                      :conditionalUntil, :conditions, :rulesetVersion, :evaluatedAt, :evaluatedBy, :revettingFrom,
                      :grantRevettingFrom, :conditionalRevettingFrom, :adjudication, :reapplyFrom, :screening,
                      :firedRules)""")
    void insert(@BindMethods EvaluationRow row, @Bind("firedRules") String firedRules);

    @SqlBatch("""
            INSERT INTO evaluation_flags (evaluation_id, position, code, category, severity, waivable, evidence,
                                          rule_name, message_en, message_es)
            VALUES (:evaluationId, :position, :code, :category, :severity, :waivable, :evidence, :ruleName,
                    :messageEn, :messageEs)
            """)
    void insertFlags(@BindMethods List<FlagRow> rows);


    @SqlQuery("SELECT " + COLUMNS + " FROM evaluations WHERE id = :id")
    @RegisterConstructorMapper(EvaluationRow.class)
    Optional<EvaluationRow> find(@Bind("id") String id);

    @SqlQuery("""
            SELECT evaluation_id, position, code, category, severity, waivable, evidence, rule_name, message_en,
                   message_es
              FROM evaluation_flags WHERE evaluation_id = :id ORDER BY position
            """)
    @RegisterConstructorMapper(FlagRow.class)
    List<FlagRow> flags(@Bind("id") String id);

    /** An evaluation's row with its fired rules as stored inline (null for one stored before V12). */
    record StoredRow(@Nested EvaluationRow evaluation, String firedRules) {}

    @SqlQuery("SELECT " + COLUMNS + ", fired_rules FROM evaluations WHERE id = :id")
    @RegisterConstructorMapper(StoredRow.class)
    Optional<StoredRow> stored(@Bind("id") String id);

    /** The fired rules of an evaluation stored before V12, one row each. */
    @SqlQuery("""
            SELECT evaluation_id, sequence, rule_name, flag
              FROM fired_rules WHERE evaluation_id = :id ORDER BY sequence
            """)
    @RegisterConstructorMapper(FiredRuleRow.class)
    List<FiredRuleRow> firedRules(@Bind("id") String id);

    /** An officer's evaluations, oldest first, after the evaluation {@code after} (null: from the first). */
    @SqlQuery("SELECT " + COLUMNS + """
             FROM evaluations
            WHERE officer_id = :officerId
              AND (CAST(:after AS VARCHAR(36)) IS NULL
                   OR evaluated_at > (SELECT p.evaluated_at FROM evaluations p WHERE p.id = :after)
                   OR (evaluated_at = (SELECT p.evaluated_at FROM evaluations p WHERE p.id = :after) AND id > :after))
            ORDER BY evaluated_at, id
            LIMIT :limit""")
    @RegisterConstructorMapper(EvaluationRow.class)
    List<EvaluationRow> ofOfficer(@Bind("officerId") String officerId, @Bind("after") String after,
                                  @Bind("limit") int limit);

    @SqlQuery("SELECT COUNT(*) FROM evaluations")
    long count();
}
