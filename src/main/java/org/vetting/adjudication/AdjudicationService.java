package org.vetting.adjudication;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.type.TypeReference;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import java.util.Arrays;
import org.vetting.api.AdjudicationStage;
import org.vetting.clearance.ClearanceState;
import org.vetting.api.ClearanceCause;
import org.vetting.common.Ids;
import org.vetting.api.AdjudicationRequest;
import org.vetting.api.AdjudicationView;
import org.vetting.api.ConditionText;
import org.vetting.rules.CommanderText;
import org.vetting.api.FieldError;
import org.vetting.api.ListPage;
import org.vetting.api.PendingCase;
import org.vetting.auth.User;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.clearance.ClearanceService;
import org.vetting.clearance.ClearanceStatus;
import org.vetting.clearance.AdverseCases;
import org.vetting.clearance.Clearances;
import org.vetting.rules.AdverseClocks;
import org.vetting.clearance.Condition;
import org.vetting.clearance.Transitions;
import org.vetting.access.OfficerAccess;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.rules.Unit;
import org.vetting.common.Json;
import org.vetting.common.Language;
import org.vetting.common.ServiceTime;
import org.vetting.db.AdjudicationDao;
import org.vetting.db.AdjudicationDao.AdjudicationRow;
import org.vetting.db.ClearanceDao;
import org.vetting.db.AdverseCaseDao;
import org.vetting.api.AdverseResult;
import org.vetting.errors.AlreadyDecided;
import org.vetting.errors.Conflict;
import org.vetting.errors.NotFound;
import org.vetting.errors.SeparationOfDuties;
import org.vetting.errors.Superseded;
import org.vetting.errors.ValidationFailed;
import org.vetting.evaluation.Evaluation;
import org.vetting.evaluation.EvaluationReads;
import org.vetting.evaluation.ExplainedFlag;
import org.vetting.rules.AdjudicationPath;
import org.vetting.rules.Severity;

/**
 * Adjudication (docs/policy.md "Adjudication"). What may be done with an evaluation is the rules'
 * {@link AdjudicationPath}: a DECISION case is granted or denied by one adjudicator; a WAIVER case
 * is granted by waiving every DISQUALIFYING code, which takes two different adjudicators (the first
 * approval changes nothing). Nobody decides a case they submitted or one about themselves; a
 * decided case is not decided again.
 */
public final class AdjudicationService {
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};

    private final Jdbi jdbi;
    private final ActiveRuleSet rules;
    private final EvaluationReads evaluations;
    private final ClearanceService clearances;
    private final OfficerAccess access;
    private final ServiceTime time;

    public AdjudicationService(Jdbi jdbi, ActiveRuleSet rules, EvaluationReads evaluations,
                               ClearanceService clearances, OfficerAccess access, ServiceTime time) {
        this.jdbi = jdbi;
        this.rules = rules;
        this.evaluations = evaluations;
        this.clearances = clearances;
        this.access = access;
        this.time = time;
    }

    /**
     * The adjudication queue, oldest first: undecided cases and waivers awaiting their second
     * approval, of the adjudicator's countries, without their own file.
     */
    public ListPage<PendingCase> queue(User adjudicator, String after, int limit) {
        List<PendingCase> rows = jdbi.withExtension(AdjudicationDao.class, dao -> dao.queue(adjudicator.countries(), new AdjudicationDao.Query(adjudicator.countryScoped(), adjudicator.officerId(),
                        after, limit + 1)));
        return ListPage.of(rows, limit, PendingCase::evaluationId);
    }

    /** Records a decision (or a waiver's first approval) and answers it with the clearance afterwards. */
    public AdjudicationView adjudicate(String evaluationId, AdjudicationRequest request, User adjudicator,
                                       Language language, Consumer<String> named) {
        validate(request, rules.ruleSet().findingTerms());
        boolean grant = request.decision().equals("GRANT");
        Evaluation e = evaluations.find(evaluationId).orElseThrow(() -> NotFound.evaluation(evaluationId));
        named.accept(e.officerId());
        access.check(adjudicator, e.officerId(), () -> NotFound.evaluation(evaluationId));
        if (adjudicator.username().equals(e.evaluatedBy())) {
            throw new SeparationOfDuties("you submitted this evaluation");
        }
        if (e.officerId().equals(adjudicator.officerId())) {
            throw new SeparationOfDuties("this is your own record");
        }
        if (e.adjudication() == AdjudicationPath.NONE) {
            notOpen(e, request, adjudicator);
        }
        try {
            Decided decided = jdbi.inTransaction(h -> decide(h, e, request, grant, adjudicator));
            AdjudicationRow row = decided.adjudication();
            return new AdjudicationView(row.id(), row.evaluationId(), row.officerId(), row.unit(), row.stage(),
                    row.decision(), row.reasons(), Condition.in(Json.read(row.conditions(), Condition.LIST), language),
                    row.notes() == null ? List.of() : Json.read(row.notes(), STRINGS), Json.read(row.waived(), STRINGS), row.adjudicator(), row.at(), clearances.view(decided.clearance(), language));
        } catch (UnableToExecuteStatementException race) {
            // the unique first_for/final_for columns: another adjudicator recorded the same step first
            throw new Conflict("evaluation " + evaluationId + " was adjudicated concurrently; reload it");
        }
    }

    private record Decided(AdjudicationRow adjudication, ClearanceDao.ClearanceRow clearance) {}

    private Decided decide(Handle h, Evaluation e, AdjudicationRequest request, boolean grant,
                                   User adjudicator) {
        ClearanceDao.ClearanceRow clearance = h.attach(ClearanceDao.class).lock(e.officerId(), e.unit())
                .orElseThrow(() -> new Conflict("evaluation " + e.id() + " set no clearance"));
        if (!clearance.evaluationId().equals(e.id())) {
            throw new Superseded(e.id(), clearance.evaluationId());
        }
        if (ClearanceStatus.valueOf(clearance.status()).isDenial() && h.attach(AdverseCaseDao.class)
                .ofClearance(e.officerId(), e.unit()).stream().anyMatch(c -> c.result() == AdverseResult.UPHELD)) {
            throw new Conflict("the clearance was decided through its adverse case (section 9): the board's appeal or"
                    + " a correction changes it, not a new adjudication");
        }
        AdjudicationDao dao = h.attach(AdjudicationDao.class);
        List<AdjudicationRow> earlier = dao.ofEvaluation(e.id());
        if (earlier.stream().anyMatch(a -> a.stage() == AdjudicationStage.FINAL)) {
            throw new AlreadyDecided(e.id());
        }
        Optional<AdjudicationRow> firstApproval = earlier.stream()
                .filter(a -> a.stage() == AdjudicationStage.FIRST_APPROVAL).findFirst();
        boolean waiver = e.adjudication() == AdjudicationPath.WAIVER;
        if (!waiver && !request.waive().isEmpty()) {
            throw ValidationFailed.of("waive", "nothing to waive: the evaluation has no DISQUALIFYING flag");
        }
        Set<String> disqualifying = codes(e, Severity.DISQUALIFYING);
        if (waiver && grant && !new TreeSet<>(request.waive()).equals(disqualifying)) {
            throw ValidationFailed.of("waive", "a GRANT must waive exactly the DISQUALIFYING codes "
                    + String.join(", ", disqualifying));
        }
        if (waiver && grant && firstApproval.isPresent()) {
            if (firstApproval.get().adjudicator().equals(adjudicator.username())) {
                throw new SeparationOfDuties("four eyes: a waiver needs a second, different adjudicator");
            }
            adjudicator.requireRecentSecondFactor(); // the second adjudicator's signature
        }
        Instant now = time.now();
        List<Condition> conditions = new ArrayList<>();
        firstApproval.ifPresent(a -> Json.read(a.conditions(), Condition.LIST).forEach(conditions::add));
        request.conditions().forEach(c -> conditions.add(new Condition(c.commander().strip(), c.commander().strip())));
        List<String> notes = new ArrayList<>();
        firstApproval.filter(a -> a.notes() != null).ifPresent(a -> notes.addAll(Json.read(a.notes(), STRINGS)));
        request.conditions().stream().filter(c -> c.note() != null && !c.note().isBlank())
                .forEach(c -> notes.add(c.note().strip()));
        boolean first = waiver && grant && firstApproval.isEmpty();
        AdjudicationStage stage = first ? AdjudicationStage.FIRST_APPROVAL : AdjudicationStage.FINAL;
        AdjudicationRow row = new AdjudicationRow(Ids.next(), e.id(), e.officerId(), e.unit(), stage,
                request.decision(), request.reasons().strip(), Json.write(conditions),
                Json.write(grant ? new TreeSet<>(request.waive()) : List.of()), adjudicator.username(), now,
                first ? e.id() : null, first ? null : e.id(), notes.isEmpty() ? null : Json.write(notes));
        dao.insert(row);
        AuditChain.append(h, new AuditChain.Pending(EntryType.ADJUDICATION, row.id(), e.officerId(), adjudicator.username(), now,
                Json.write(row)));
        if (!first) {
            List<Condition> kept = new ArrayList<>(new LinkedHashSet<>(conditions));
            Unit unit = rules.ruleSet().unit(e.unit()).orElseThrow(() -> new Conflict("unit " + e.unit()
                    + " is no longer in the rule set"));
            // a DENY under section 9 proposes: the clearance waits for its adverse case
            AdverseClocks clocks = rules.ruleSet().adverseClocks().orElse(null);
            ClearanceStatus status = grant ? ClearanceStatus.ACTIVE
                    : Transitions.denial(ClearanceStatus.valueOf(clearance.status()), clocks);
            ClearanceState next = Transitions.decided(status, grant ? e.grantValidity(!kept.isEmpty()) : null,
                    grant ? kept : List.of(), unit, time.today());
            boolean wasProposal = ClearanceStatus.valueOf(clearance.status()).isProposal();
            ClearanceDao.EventRow event = Clearances.change(h, new Clearances.Change(e.officerId(), e.unit(), next,
                    e.id(), ClearanceCause.ADJUDICATION, adjudicator.username(), now));
            if (status.isProposal() && !wasProposal) {
                AuditChain.append(h, AdverseCases.open(h, event, clocks));
            } else if (grant && wasProposal) {
                // a waiver granted by two adjudicators decides what the open case would have
                AuditChain.append(h, AdverseCases.end(h, e.officerId(), e.unit(), adjudicator.username(), now,
                        "a waiver granted by two adjudicators"));
            }
        }
        return new Decided(row, h.attach(ClearanceDao.class).lock(e.officerId(), e.unit()).orElseThrow());
    }

    /**
     * An evaluation the rules left with nothing to adjudicate (docs/policy.md, OUTCOME-9 and
     * OUTCOME-10), refused with what stands in the way: a GRANT over a code that can never be
     * waived is refused and the attempt audited; an incomplete record must be completed first.
     */
    private void notOpen(Evaluation e, AdjudicationRequest request, User adjudicator) {
        boolean grant = request.decision().equals("GRANT");
        Set<String> notWaivable = new TreeSet<>();
        e.flags().stream().filter(f -> f.severity() == Severity.DISQUALIFYING && !f.waivable())
                .forEach(f -> notWaivable.add(f.code()));
        if (grant && !notWaivable.isEmpty()) {
            refuse(e, request, adjudicator, notWaivable);
        }
        Set<String> incomplete = codes(e, Severity.INCOMPLETE);
        if (!incomplete.isEmpty()) {
            throw ValidationFailed.of("decision", "the record is incomplete (" + String.join(", ", incomplete)
                    + "): complete it before it is adjudicated");
        }
        throw new Conflict("evaluation " + e.id() + " is " + e.outcome() + ": the rules leave nothing to adjudicate"
                + (notWaivable.isEmpty() ? "" : " (" + String.join(", ", notWaivable) + " can never be waived)"));
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
        jdbi.useTransaction(h -> AuditChain.append(h, new AuditChain.Pending(EntryType.ADJUDICATION_REFUSED, e.id(), e.officerId(),
                adjudicator.username(), now, Json.write(attempt))));
        throw ValidationFailed.of("waive", String.join(", ", notWaivable)
                + " can never be waived (docs/policy.md); the attempt was recorded");
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

    private static void validate(AdjudicationRequest r, Set<String> findingTerms) {
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
            ConditionText c = r.conditions().get(i);
            String commander = c == null ? null : c.commander();
            if (commander == null || commander.isBlank() || commander.length() > 500) {
                errors.add(new FieldError("conditions[" + i + "].commander", "a commander text is 1-500 characters"));
            } else {
                String field = "conditions[" + i + "].commander";
                CommanderText.namedFinding(commander, findingTerms).ifPresent(term -> errors.add(new FieldError(field,
                        "names a finding (" + term + "): say what the officer must or may not do, and put the "
                                + "finding in the note")));
            }
            if (c != null && c.note() != null && c.note().length() > 2000) {
                errors.add(new FieldError("conditions[" + i + "].note", "at most 2000 characters"));
            }
        }
        if ("DENY".equals(r.decision()) && !r.conditions().isEmpty()) {
            errors.add(new FieldError("conditions", "only a GRANT carries conditions"));
        }
        if ("DENY".equals(r.decision()) && !r.waive().isEmpty()) {
            errors.add(new FieldError("waive", "only a GRANT waives codes"));
        }
        ValidationFailed.check(errors);
    }
}
