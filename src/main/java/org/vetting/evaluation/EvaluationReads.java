package org.vetting.evaluation;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.jdbi.v3.core.Jdbi;
import org.vetting.api.AdverseCaseRef;
import org.vetting.rules.Outcome;
import org.vetting.api.EvaluationView;
import org.vetting.common.Language;
import org.vetting.db.AdverseCaseDao;
import org.vetting.access.OfficerAccess;
import org.vetting.api.EvaluationSummary;
import org.vetting.api.ListPage;
import org.vetting.auth.User;
import org.vetting.db.EvaluationDao;
import org.vetting.errors.NotFound;

/** Stored evaluations, read back: by id, or an officer's in order, each within the reader's need to know. */
public final class EvaluationReads {
    private final Jdbi jdbi;
    private final OfficerAccess access;

    public EvaluationReads(Jdbi jdbi, OfficerAccess access) {
        this.jdbi = jdbi;
        this.access = access;
    }

    /** The stored evaluations of an officer, oldest first, without their flags. */
    public ListPage<EvaluationSummary> ofOfficer(String officerId, User reader, String after, int limit) {
        access.check(reader, officerId);
        List<EvaluationDao.EvaluationRow> rows = jdbi.withExtension(EvaluationDao.class,
                dao -> dao.ofOfficer(officerId, after, limit + 1));
        return ListPage.of(rows, limit, EvaluationDao.EvaluationRow::id).map(e -> new EvaluationSummary(e.id(),
                e.unit(), e.outcome(), e.asOf(), e.validUntil(), e.evaluatedAt(), e.evaluatedBy()));
    }

    /** A stored evaluation, as the service itself reads it (no reader's scope applies). */
    public Optional<Evaluation> find(String id) {
        return jdbi.withExtension(EvaluationDao.class, dao -> dao.rows(id)).map(StoredEvaluation::from);
    }

    /**
     * A stored evaluation as {@code reader} may read it: one about an officer outside their
     * countries is absent (404), one about themselves refused (403). {@code named} learns the
     * officer first, so the attempt is logged with it.
     */
    public Evaluation read(String id, User reader, Consumer<String> named) {
        Evaluation e = find(id).orElseThrow(() -> NotFound.evaluation(id));
        named.accept(e.officerId());
        access.check(reader, e.officerId(), () -> NotFound.evaluation(id));
        return e;
    }

    /** The evaluation as the API shows it, with the adverse case it opened (policy section 9), if any. */
    public EvaluationView view(Evaluation e, Language language) {
        EvaluationView view = e.view(language);
        // only a REFERRED (denied by an adjudicator) or INELIGIBLE evaluation opens a case: the others,
        // most of a submission's answers, need no lookup
        if (e.id() == null || (e.outcome() != Outcome.REFERRED && e.outcome() != Outcome.INELIGIBLE)) {
            return view;
        }
        return jdbi.withExtension(AdverseCaseDao.class, dao -> dao.openedBy(e.id()))
                .map(c -> view.withCase(new AdverseCaseRef(c.caseId(), c.stage()))).orElse(view);
    }

    /** The adverse cases these evaluations opened (policy section 9), by evaluation id, in one query. */
    public java.util.Map<String, AdverseCaseRef> casesOpenedBy(java.util.Collection<String> evaluationIds) {
        java.util.Map<String, AdverseCaseRef> opened = new java.util.HashMap<>();
        if (!evaluationIds.isEmpty()) {
            jdbi.withExtension(AdverseCaseDao.class, dao -> dao.openedByAny(evaluationIds)).forEach(o ->
                    opened.put(o.evaluationId(), new AdverseCaseRef(o.caseId(), o.stage())));
        }
        return opened;
    }

    /** As {@link #view(Evaluation, Language)}, for the evaluations of one decision. */
    public List<EvaluationView> views(List<Evaluation> evaluations, Language language) {
        return evaluations.stream().map(e -> view(e, language)).toList();
    }
}
