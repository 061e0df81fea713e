package org.vetting.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.vetting.api.OfficerRecord;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.evaluation.Evaluation;
import org.vetting.evaluation.EvaluationService;
import org.vetting.common.Json;
import org.vetting.db.OfficerRecordDao;
import org.vetting.db.RuleSetDao;
import org.vetting.rules.RuleSet;
import org.vetting.rules.RuleSetLoader;
import org.vetting.chain.AuditChain;
import org.vetting.chain.ChainStatus;

/** What auditors ask: the history of evaluations, one evaluation with its input, replay, the chain. */
public final class AuditService {
    /** An evaluation as audited: its chain entry, and (for a single entry) the input as evaluated. */
    public record AuditedEvaluation(Evaluation evaluation, long sequence, String hash, String previousHash,
                                    String input) {}

    /** Filters of {@code GET /api/audit/evaluations}; null means "any". Times are [from, to). */
    public record Query(String officerId, String unit, String rule, String flag, String outcome, String actor,
                        Instant from, Instant to) {}

    public record Replay(boolean matches, Evaluation recorded, Evaluation replayed, List<String> differences) {}

    private record Hit(long sequence, String evaluationId, String hash, String previousHash) {}

    private final Jdbi jdbi;
    private final EvaluationService evaluations;
    private final ActiveRuleSet active;
    private final Map<String, RuleSet> pastRuleSets = new ConcurrentHashMap<>();

    public AuditService(Jdbi jdbi, EvaluationService evaluations, ActiveRuleSet active) {
        this.jdbi = jdbi;
        this.evaluations = evaluations;
        this.active = active;
    }

    /** Evaluations in chain order after the sequence {@code after}, at most {@code limit}. */
    public List<AuditedEvaluation> evaluations(Query q, long after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT a.sequence, a.ref, a.hash, a.previous_hash FROM audit_log a "
                + "JOIN evaluations e ON e.id = a.ref WHERE a.entry_type = 'EVALUATION' AND a.sequence > :after");
        if (q.officerId() != null) {
            sql.append(" AND e.officer_id = :officerId");
        }
        if (q.unit() != null) {
            sql.append(" AND e.unit = :unit");
        }
        if (q.outcome() != null) {
            sql.append(" AND e.outcome = :outcome");
        }
        if (q.actor() != null) {
            sql.append(" AND e.evaluated_by = :actor");
        }
        if (q.from() != null) {
            sql.append(" AND e.evaluated_at >= :from");
        }
        if (q.to() != null) {
            sql.append(" AND e.evaluated_at < :to");
        }
        if (q.rule() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM fired_rules f WHERE f.evaluation_id = e.id AND f.rule_name = :rule)");
        }
        if (q.flag() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM evaluation_flags g WHERE g.evaluation_id = e.id AND g.code = :flag)");
        }
        sql.append(" ORDER BY a.sequence");
        List<Hit> hits = jdbi.withHandle(h -> h.createQuery(sql.toString())
                .configure(SqlStatements.class, c -> c.setUnusedBindingAllowed(true))
                .bind("after", after).bind("officerId", q.officerId()).bind("unit", q.unit())
                .bind("outcome", q.outcome()).bind("actor", q.actor()).bind("from", q.from()).bind("to", q.to())
                .bind("rule", q.rule()).bind("flag", q.flag())
                .setMaxRows(limit)
                .map((rs, ctx) -> new Hit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list());
        List<AuditedEvaluation> items = new ArrayList<>(hits.size());
        for (Hit hit : hits) {
            Evaluation e = evaluations.find(hit.evaluationId()).orElseThrow();
            items.add(new AuditedEvaluation(e, hit.sequence(), hit.hash(), hit.previousHash(), null));
        }
        return items;
    }

    /** One evaluation with its chain entry and the input record exactly as evaluated. */
    public Optional<AuditedEvaluation> evaluation(String id) {
        return evaluations.find(id).map(e -> jdbi.withHandle(h -> {
            Map<String, Object> entry = h.createQuery("SELECT sequence, hash, previous_hash FROM audit_log "
                    + "WHERE entry_type = 'EVALUATION' AND ref = :id").bind("id", id).mapToMap().one();
            String input = h.attach(OfficerRecordDao.class).find(e.officerId(), e.recordVersion()).orElseThrow();
            return new AuditedEvaluation(e, ((Number) entry.get("sequence")).longValue(), (String) entry.get("hash"),
                    (String) entry.get("previous_hash"), input);
        }));
    }

    /** Re-runs the stored input under the recorded rule-set version and date, and compares. */
    public Optional<Replay> replay(String id) {
        return evaluation(id).map(audited -> {
            Evaluation recorded = audited.evaluation();
            // a re-evaluation (continuous vetting) evaluates the stored record for each held clearance's unit
            OfficerRecord input = Json.read(audited.input(), OfficerRecord.class).forUnit(recorded.unit());
            RuleSet ruleSet = ruleSet(recorded.rulesetVersion());
            Evaluation replayed = evaluations.evaluate(ruleSet, input, recorded.asOf(), recorded.evaluatedBy());
            List<String> differences = new ArrayList<>();
            compare(differences, "outcome", recorded.outcome(), replayed.outcome());
            compare(differences, "validUntil", recorded.validUntil(), replayed.validUntil());
            compare(differences, "flags", recorded.flags(), replayed.flags());
            compare(differences, "firedRules", recorded.firedRules(), replayed.firedRules());
            return new Replay(differences.isEmpty(), recorded, replayed, differences);
        });
    }

    public ChainStatus verify() {
        return jdbi.inTransaction(AuditChain::verify);
    }

    private RuleSet ruleSet(String version) {
        RuleSet current = active.ruleSet();
        if (current.version().equals(version)) {
            return current;
        }
        return pastRuleSets.computeIfAbsent(version, v -> {
            String files = jdbi.withExtension(RuleSetDao.class, dao -> dao.files(v))
                    .orElseThrow(() -> new IllegalStateException("rule set " + v + " is not stored"));
            return RuleSetLoader.compile("ruleset " + v, Json.read(files, new TypeReference<TreeMap<String, String>>() {}));
        });
    }

    private static void compare(List<String> differences, String what, Object recorded, Object replayed) {
        if (!Objects.equals(recorded, replayed)) {
            differences.add(what + ": recorded " + recorded + ", replayed " + replayed);
        }
    }
}
