package org.vetting.adjudication;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.vetting.api.AdjudicationRequest;
import org.vetting.api.FieldError;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.auth.User;
import org.vetting.clearance.ClearanceStatus;
import org.vetting.clearance.Clearances;
import org.vetting.clearance.Condition;
import org.vetting.evaluation.Evaluation;
import org.vetting.evaluation.EvaluationService;
import org.vetting.evaluation.ExplainedFlag;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.db.AdjudicationDao;
import org.vetting.db.AdjudicationDao.AdjudicationRow;
import org.vetting.db.ClearanceDao;
import org.vetting.errors.ApiException;
import org.vetting.rules.Outcome;
import org.vetting.rules.Severity;

/**
 * Adjudication (POLICY.md section 5). A REFERRED case is granted or denied by one adjudicator; an
 * INELIGIBLE case whose every DISQUALIFYING flag is waivable can be granted by waiving those codes,
 * which takes two different adjudicators (the first approval changes nothing). Nobody decides a
 * case they submitted or one about themselves; a decided case is not decided again.
 */
public final class AdjudicationService {
    public static final String FIRST_APPROVAL = "FIRST_APPROVAL";
    public static final String FINAL = "FINAL";
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    /** The result: what was recorded, and the clearance afterwards. */
    public record Result(AdjudicationRow adjudication, ClearanceDao.ClearanceRow clearance) {}

    private final Jdbi jdbi;
    private final EvaluationService evaluations;
    private final ServiceTime time;

    public AdjudicationService(Jdbi jdbi, EvaluationService evaluations, ServiceTime time) {
        this.jdbi = jdbi;
        this.evaluations = evaluations;
        this.time = time;
    }

    /** A case waiting for an adjudicator; {@code firstApprovalBy} is set for a waiver awaiting its second. */
    public record Pending(String evaluationId, String officerId, String unit, String status, String outcome,
                          Instant evaluatedAt, String firstApprovalBy) {}

    /**
     * The adjudication queue, oldest first: REFERRED cases (clearance PENDING_ADJUDICATION or
     * SUSPENDED) and INELIGIBLE ones whose every DISQUALIFYING flag is waivable, undecided.
     */
    public List<Pending> queue() {
        return jdbi.withHandle(h -> h.createQuery("""
                SELECT c.evaluation_id, c.officer_id, c.unit, c.status, e.outcome, e.evaluated_at,
                       (SELECT a.adjudicator FROM adjudications a
                         WHERE a.evaluation_id = c.evaluation_id AND a.stage = 'FIRST_APPROVAL') AS first_approval_by
                  FROM clearances c JOIN evaluations e ON e.id = c.evaluation_id
                 WHERE c.status IN ('PENDING_ADJUDICATION', 'SUSPENDED')
                    OR (c.status = 'DENIED' AND e.outcome = 'INELIGIBLE'
                        AND NOT EXISTS (SELECT 1 FROM evaluation_flags f WHERE f.evaluation_id = e.id
                                        AND ((f.severity = 'DISQUALIFYING' AND f.waivable = FALSE)
                                             OR f.severity = 'INCOMPLETE'))
                        AND NOT EXISTS (SELECT 1 FROM adjudications a WHERE a.evaluation_id = e.id
                                        AND a.stage = 'FINAL'))
                 ORDER BY e.evaluated_at, c.officer_id
                """).map((rs, ctx) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7))).list());
    }

    public Result adjudicate(String evaluationId, AdjudicationRequest request, User adjudicator) {
        validate(request);
        boolean grant = request.decision().equals("GRANT");
        Evaluation e = evaluations.find(evaluationId)
                .orElseThrow(() -> new ApiException(404, "no evaluation " + evaluationId));
        if (adjudicator.username().equals(e.evaluatedBy())) {
            throw new ApiException(403, "separation of duties: you submitted this evaluation");
        }
        if (e.officerId().equals(adjudicator.officerId())) {
            throw new ApiException(403, "separation of duties: this is your own record");
        }
        Set<String> disqualifying = codes(e, Severity.DISQUALIFYING);
        if (e.outcome() == Outcome.INELIGIBLE && grant) {
            Set<String> notWaivable = new TreeSet<>();
            e.flags().stream().filter(f -> f.severity() == Severity.DISQUALIFYING && !f.waivable())
                    .forEach(f -> notWaivable.add(f.code()));
            if (!notWaivable.isEmpty()) {
                refuse(e, request, adjudicator, notWaivable);
            }
        }
        try {
            return jdbi.inTransaction(h -> decide(h, e, request, grant, disqualifying, adjudicator));
        } catch (UnableToExecuteStatementException race) {
            // the unique first_for/final_for columns: another adjudicator recorded the same step first
            throw new ApiException(409, "evaluation " + evaluationId + " was adjudicated concurrently; reload it");
        }
    }

    private Result decide(Handle h, Evaluation e, AdjudicationRequest request, boolean grant, Set<String> disqualifying,
                          User adjudicator) {
        ClearanceDao.ClearanceRow clearance = h.attach(ClearanceDao.class).lock(e.officerId(), e.unit())
                .orElseThrow(() -> new ApiException(409, "evaluation " + e.id() + " set no clearance"));
        if (!clearance.evaluationId().equals(e.id())) {
            throw new ApiException(409, "evaluation " + e.id() + " was superseded by evaluation " + clearance.evaluationId());
        }
        AdjudicationDao dao = h.attach(AdjudicationDao.class);
        List<AdjudicationRow> earlier = dao.ofEvaluation(e.id());
        if (earlier.stream().anyMatch(a -> a.stage().equals(FINAL))) {
            throw new ApiException(409, "evaluation " + e.id() + " is already decided");
        }
        Optional<AdjudicationRow> firstApproval = earlier.stream().filter(a -> a.stage().equals(FIRST_APPROVAL)).findFirst();
        boolean waiver;
        switch (e.outcome()) {
            case REFERRED -> {
                if (!request.waive().isEmpty()) {
                    throw ApiException.unprocessable("waive", "nothing to waive: the evaluation has no DISQUALIFYING flag");
                }
                waiver = false;
            }
            case INELIGIBLE -> {
                if (grant) {
                    Set<String> incomplete = codes(e, Severity.INCOMPLETE);
                    if (!incomplete.isEmpty()) {
                        throw ApiException.unprocessable("decision", "the record is incomplete ("
                                + String.join(", ", incomplete) + "): complete it before a waiver");
                    }
                    if (!new TreeSet<>(request.waive()).equals(disqualifying)) {
                        throw ApiException.unprocessable("waive", "a GRANT must waive exactly the DISQUALIFYING codes "
                                + String.join(", ", disqualifying));
                    }
                }
                waiver = true;
            }
            default -> throw new ApiException(409, "evaluation " + e.id() + " is " + e.outcome()
                    + ": only REFERRED cases and waivable INELIGIBLE ones are adjudicated");
        }
        if (waiver && grant && firstApproval.isPresent()
                && firstApproval.get().adjudicator().equals(adjudicator.username())) {
            throw new ApiException(403, "four eyes: a waiver needs a second, different adjudicator");
        }
        Instant now = time.now();
        List<Condition> conditions = new ArrayList<>();
        firstApproval.ifPresent(a -> Json.read(a.conditions(), Condition.LIST).forEach(conditions::add));
        request.conditions().forEach(c -> conditions.add(new Condition(c.strip(), c.strip())));
        boolean first = waiver && grant && firstApproval.isEmpty();
        String stage = first ? FIRST_APPROVAL : FINAL;
        AdjudicationRow row = new AdjudicationRow(UUID.randomUUID().toString(), e.id(), e.officerId(), e.unit(), stage,
                request.decision(), request.reasons().strip(), Json.write(conditions),
                Json.write(grant ? new TreeSet<>(request.waive()) : List.of()), adjudicator.username(), now,
                first ? e.id() : null, first ? null : e.id());
        dao.insert(row);
        AuditChain.append(h, EntryType.ADJUDICATION, row.id(), e.officerId(), adjudicator.username(), now,
                Json.write(row));
        if (!first) {
            List<Condition> kept = new ArrayList<>(new LinkedHashSet<>(conditions));
            LocalDate validUntil = grant ? (kept.isEmpty() ? e.grantUntil() : e.conditionalUntil()) : null;
            Clearances.change(h, e.officerId(), e.unit(), grant ? ClearanceStatus.ACTIVE : ClearanceStatus.DENIED,
                    validUntil, grant ? kept : List.of(), e.id(), Clearances.CAUSE_ADJUDICATION,
                    adjudicator.username(), now);
        }
        ClearanceDao.ClearanceRow after = h.attach(ClearanceDao.class).lock(e.officerId(), e.unit()).orElseThrow();
        return new Result(row, after);
    }

    /** A waiver of a non-waivable code is refused, and the attempt is audited. */
    private void refuse(Evaluation e, AdjudicationRequest request, User adjudicator, Set<String> notWaivable) {
        Instant now = time.now();
        Map<String, Object> attempt = new LinkedHashMap<>();
        attempt.put("evaluationId", e.id());
        attempt.put("decision", request.decision());
        attempt.put("waive", request.waive());
        attempt.put("notWaivable", notWaivable);
        attempt.put("reasons", request.reasons());
        attempt.put("adjudicator", adjudicator.username());
        jdbi.useTransaction(h -> AuditChain.append(h, EntryType.ADJUDICATION_REFUSED, e.id(), e.officerId(),
                adjudicator.username(), now, Json.write(attempt)));
        throw ApiException.unprocessable("waive", String.join(", ", notWaivable)
                + " can never be waived (POLICY.md section 3); the attempt was recorded");
    }

    private static Set<String> codes(Evaluation e, Severity severity) {
        Set<String> codes = new TreeSet<>();
        for (ExplainedFlag f : e.flags()) {
            if (f.severity() == severity) {
                codes.add(f.code());
            }
        }
        return codes;
    }

    private static void validate(AdjudicationRequest r) {
        List<FieldError> errors = new ArrayList<>();
        if (r.decision() == null || !(r.decision().equals("GRANT") || r.decision().equals("DENY"))) {
            errors.add(new FieldError("decision", "required: GRANT or DENY"));
        }
        if (r.reasons() == null || r.reasons().isBlank()) {
            errors.add(new FieldError("reasons", "required: the written reasons for the decision"));
        } else if (r.reasons().length() > 10_000) {
            errors.add(new FieldError("reasons", "at most 10000 characters"));
        }
        for (int i = 0; i < r.conditions().size(); i++) {
            String c = r.conditions().get(i);
            if (c == null || c.isBlank() || c.length() > 500) {
                errors.add(new FieldError("conditions[" + i + "]", "a condition is 1-500 characters"));
            }
        }
        if ("DENY".equals(r.decision()) && !r.conditions().isEmpty()) {
            errors.add(new FieldError("conditions", "only a GRANT carries conditions"));
        }
        if ("DENY".equals(r.decision()) && !r.waive().isEmpty()) {
            errors.add(new FieldError("waive", "only a GRANT waives codes"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.unprocessable(errors);
        }
    }

    public static List<String> strings(String json) {
        return Json.read(json, STRINGS);
    }
}
