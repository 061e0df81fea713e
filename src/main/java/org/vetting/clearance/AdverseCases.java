package org.vetting.clearance;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jdbi.v3.core.Handle;
import org.vetting.api.AdverseKind;
import org.vetting.api.AdverseResult;
import org.vetting.api.AdverseStage;
import org.vetting.api.AdverseStep;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.common.Ids;
import org.vetting.common.Json;
import org.vetting.db.AdverseCaseDao;
import org.vetting.db.AdverseCaseDao.CaseRow;
import org.vetting.db.AdverseCaseDao.StepRow;
import org.vetting.db.ClearanceDao;
import org.vetting.rules.AdverseClocks;

/**
 * Opening and ending adverse cases (policy section 9) where a clearance changes, inside the caller's
 * transaction: every path that proposes a denial or revocation (an evaluation of any cause, an
 * adjudicator's DENY) opens the case with the change, and an approved correction that takes the
 * finding away ends it. The case's own steps are {@code adverse.AdverseCaseService}'s.
 */
public final class AdverseCases {
    private AdverseCases() {}

    /**
     * Opens the case of a proposal just recorded ({@code event}: DENIAL_PROPOSED or
     * REVOCATION_PROPOSED), with the rule set's clocks; the audit entry for the caller to append.
     */
    public static AuditChain.Pending open(Handle h, ClearanceDao.EventRow event, AdverseClocks clocks) {
        ClearanceStatus status = ClearanceStatus.valueOf(event.status());
        AdverseKind kind = status == ClearanceStatus.REVOCATION_PROPOSED ? AdverseKind.REVOCATION : AdverseKind.DENIAL;
        CaseRow row = new CaseRow(Ids.next(), event.officerId(), event.unit(), kind, AdverseStage.PROPOSED, null,
                event.evaluationId(), event.actor(), event.cause(), event.at(), clocks.replyDays(), clocks.extensionDays(),
                clocks.appealDays(), null, null, null, null, null, null, null, null, null, event.at(),
                CaseRow.openKey(event.officerId(), event.unit()));
        AdverseCaseDao dao = h.attach(AdverseCaseDao.class);
        dao.insert(row);
        StepRow step = new StepRow(Ids.next(), row.caseId(), AdverseStep.OPENED, event.actor(), event.at(), null,
                event.status(), null, event.evaluationId());
        dao.insertStep(step);
        return audit(row, step, List.of());
    }

    /**
     * Ends the open case of a proposal another four-eyes path decided (the clearance already took
     * its new status): an approved correction that took the finding away, or a waiver granted by two
     * adjudicators. WITHDRAWN, by the person who completed that path, {@code why} on the step.
     */
    public static AuditChain.Pending end(Handle h, String officerId, String unit, String actor, Instant at, String why) {
        AdverseCaseDao dao = h.attach(AdverseCaseDao.class);
        CaseRow open = dao.open(CaseRow.openKey(officerId, unit)).orElseThrow(() -> new IllegalStateException(
                "a proposal without an open case: " + officerId + " " + unit));
        CaseRow closed = open.change().closed(AdverseResult.WITHDRAWN, at).at(at);
        dao.update(closed);
        StepRow step = new StepRow(Ids.next(), open.caseId(), AdverseStep.CLOSED, actor, at,
                why, AdverseResult.WITHDRAWN.name(), null, null);
        dao.insertStep(step);
        return audit(closed, step, List.of());
    }

    /**
     * The audit entry of a step: the case after it, the step, and the letters it produced (id,
     * kind, language, SHA-256), so the chain holds each letter's hash.
     */
    public static AuditChain.Pending audit(CaseRow c, StepRow step, List<AdverseCaseDao.LetterRow> letters) {
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("case", c);
        content.put("step", step);
        content.put("letters", letters);
        return new AuditChain.Pending(EntryType.ADVERSE_CASE, c.caseId(), c.officerId(), step.actor(), step.at(),
                Json.write(content));
    }
}
