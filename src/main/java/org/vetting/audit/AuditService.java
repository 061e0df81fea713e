package org.vetting.audit;

import java.util.Map;
import java.util.stream.Collectors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.jdbi.v3.core.Jdbi;
import org.vetting.api.OfficerRecord;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.evaluation.Evaluation;
import org.vetting.api.AdverseCaseRef;
import org.vetting.evaluation.EvaluationReads;
import org.vetting.evaluation.Evaluator;
import org.vetting.common.Json;
import org.vetting.access.OfficerAccess;
import org.vetting.auth.User;
import org.vetting.db.AuditDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.rules.RuleSet;
import org.vetting.chain.AuditChain;
import org.vetting.api.ChainStatus;
import org.vetting.errors.ValidationFailed;
import org.vetting.rules.Outcome;

/** What auditors ask: the history of evaluations, one evaluation with its input, replay, the chain. */
public final class AuditService {
    /**
     * An evaluation as audited: its chain entry, (for a single entry) the input as evaluated, and the
     * adverse case it opened, if it opened one (policy section 9: its stages are the case's history).
     */
    public record AuditedEvaluation(Evaluation evaluation, String officerName, long sequence, String hash,
                                    String previousHash, String input, AdverseCaseRef adverseCase) {}

    /** Filters of {@code GET /api/audit/evaluations}; null means "any". Times are [from, to). */
    public record Query(String officerId, String unit, String rule, String flag, String outcome, String actor,
                        Instant from, Instant to) {}

    public record Replay(boolean matches, Evaluation recorded, Evaluation replayed, List<String> differences) {}

    private final Jdbi jdbi;
    private final EvaluationReads evaluations;
    private final Evaluator evaluator;
    private final ActiveRuleSet active;
    private final OfficerAccess access;
    private final AtomicReference<CompletableFuture<ChainStatus>> verifying = new AtomicReference<>();

    public AuditService(Jdbi jdbi, EvaluationReads evaluations, Evaluator evaluator, ActiveRuleSet active,
                        OfficerAccess access) {
        this.jdbi = jdbi;
        this.evaluations = evaluations;
        this.evaluator = evaluator;
        this.active = active;
        this.access = access;
    }

    /** Evaluations of the auditor's countries in chain order after the sequence {@code after}, at most {@code limit}. */
    public List<AuditedEvaluation> evaluations(Query q, long after, int limit, User auditor) {
        if (q.outcome() != null && Arrays.stream(Outcome.values()).noneMatch(o -> o.name().equals(q.outcome()))) {
            throw ValidationFailed.of("outcome", "unknown outcome " + q.outcome());
        }
        List<AuditDao.EvaluationEntry> entries = jdbi.withExtension(AuditDao.class, dao -> dao.evaluations(
                new AuditDao.Search(q.officerId(), q.unit(), q.outcome(), q.actor(), q.from(), q.to(), q.rule(), q.flag(),
                        auditor.countryScoped(), auditor.officerId(), after, limit), auditor.countries()));
        List<AuditedEvaluation> items = new ArrayList<>(entries.size());
        List<Evaluation> found = entries.stream().map(entry -> evaluations.find(entry.ref()).orElseThrow()).toList();
        Map<String, String> names = access.names(found.stream().map(Evaluation::officerId)
                .collect(Collectors.toSet()));
        Map<String, AdverseCaseRef> cases = evaluations.casesOpenedBy(found.stream().map(Evaluation::id).toList());
        for (int i = 0; i < entries.size(); i++) {
            AuditDao.EvaluationEntry entry = entries.get(i);
            Evaluation e = found.get(i);
            items.add(new AuditedEvaluation(e, names.get(e.officerId()), entry.sequence(), entry.hash(),
                    entry.previousHash(), null, cases.get(e.id())));
        }
        return items;
    }

    /**
     * One evaluation with its chain entry and the input record exactly as evaluated; outside the
     * auditor's countries absent, about themselves refused. {@code named} learns the officer first.
     */
    public AuditedEvaluation evaluation(String id, User auditor, Consumer<String> named) {
        Evaluation e = evaluations.read(id, auditor, named);
        return jdbi.withHandle(h -> {
            AuditDao.EvaluationEntry entry = h.attach(AuditDao.class).evaluationEntry(id).orElseThrow();
            String input = h.attach(OfficerRecordDao.class).find(e.officerId(), e.recordVersion()).orElseThrow();
            return new AuditedEvaluation(e, access.names(List.of(e.officerId())).get(e.officerId()), entry.sequence(),
                    entry.hash(), entry.previousHash(), input, evaluations.casesOpenedBy(List.of(e.id())).get(e.id()));
        });
    }

    /** Re-runs the stored input under the recorded rule-set version and date, and compares. */
    public Replay replay(String id, User auditor, Consumer<String> named) {
        AuditedEvaluation audited = evaluation(id, auditor, named);
        Evaluation recorded = audited.evaluation();
        // a re-evaluation (continuous vetting) evaluates the stored record for each held clearance's unit
        OfficerRecord input = OfficerRecordDao.read(audited.input()).forUnit(recorded.unit());
        RuleSet ruleSet = active.byVersion(recorded.rulesetVersion());
        // the same facts screening gave the rules then: lists change, the record of what they said does not
        Evaluation replayed = evaluator.evaluate(ruleSet, input, recorded.asOf(), recorded.evaluatedBy(),
                recorded.screening());
        List<String> differences = new ArrayList<>();
        compare(differences, "outcome", recorded.outcome(), replayed.outcome());
        compare(differences, "validUntil", recorded.validUntil(), replayed.validUntil());
        compare(differences, "flags", recorded.flags(), replayed.flags());
        compare(differences, "firedRules", recorded.firedRules(), replayed.firedRules());
        return new Replay(differences.isEmpty(), recorded, replayed, differences);
    }

    /**
     * Walks the whole chain. One walk at a time: callers who arrive while one runs share its answer,
     * so parallel calls cannot take the connection pool (the walk holds one connection).
     */
    public ChainStatus verify() {
        CompletableFuture<ChainStatus> mine = new CompletableFuture<>();
        CompletableFuture<ChainStatus> running = verifying.compareAndExchange(null, mine);
        if (running != null) {
            return running.join();
        }
        try {
            ChainStatus status = jdbi.inTransaction(AuditChain::verify);
            mine.complete(status);
            return status;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            verifying.set(null);
        }
    }

    private static void compare(List<String> differences, String what, Object recorded, Object replayed) {
        if (!Objects.equals(recorded, replayed)) {
            differences.add(what + ": recorded " + recorded + ", replayed " + replayed);
        }
    }
}
