package org.vetting.clearance;

import java.util.Arrays;
import java.time.LocalDate;
import java.util.List;

import org.vetting.db.ClearanceDao;
import org.vetting.api.AdverseKind;
import org.vetting.rules.AdverseClocks;
import org.vetting.rules.Outcome;
import org.vetting.rules.Unit;
import org.vetting.rules.Validity;

/**
 * How an evaluation moves a clearance (docs/api.md "Clearances"), in one place for every path:
 * a submission, continuous vetting, an approved correction.
 * <ul>
 *   <li>A DENIED or REVOKED clearance stands until its {@code standsUntil} (the unit's
 *       {@code reapplyAfterMonths} after the change): the evaluation is stored and says from when a
 *       new application counts, the clearance stays. Only an adjudication or a fresh evaluation
 *       (an approved correction) changes it earlier.</li>
 *   <li>An ACTIVE or SUSPENDED clearance follows continuous vetting: REFERRED suspends it,
 *       INELIGIBLE revokes it, a clean outcome keeps it ACTIVE with the new validity.</li>
 *   <li>Otherwise, and for a fresh evaluation, the outcome's status.</li>
 * </ul>
 */
public final class Transitions {
    /**
     * The clearance after an evaluation; {@code next} is null when the clearance stays as it is (a
     * denial that stands until {@code reapplyFrom}, or a proposal its adverse case decides).
     * {@code endsCase}: an approved correction took the finding away from a proposal, whose open case
     * therefore ends.
     */
    public record Result(ClearanceState next, LocalDate reapplyFrom, boolean endsCase) {
        public boolean stands() {
            return next == null;
        }

        /** Whether this change proposes a denial or revocation: an adverse case opens with it. */
        public boolean opensCase() {
            return next != null && next.status().isProposal();
        }
    }

    private Transitions() {}

    /** What an evaluation decided that moves a clearance: its outcome, and the validity and conditions of a grant. */
    public record Judged(Outcome outcome, Validity valid, List<Condition> conditions) {}

    /**
     * The clearance after an evaluation ({@code current}: the row, locked; null for a new one) on
     * {@code today}; {@code fresh}: whatever stood before (a correction, a first application).
     * {@code clocks}: the rule set's section 9 clocks; with them a denial or revocation is proposed
     * (DENIAL_PROPOSED, REVOCATION_PROPOSED) and an adverse case decides it, without them (sets before
     * v1.3) it is at once.
     */
    public static Result afterEvaluation(ClearanceDao.ClearanceRow current, Judged judged, Unit unit,
                                         AdverseClocks clocks, LocalDate today, boolean fresh) {
        Outcome outcome = judged.outcome();
        ClearanceStatus held = current == null ? null : ClearanceStatus.valueOf(current.status());
        if (!fresh && held != null && held.isDenial() && current.standsUntil() != null
                && today.isBefore(current.standsUntil())) {
            return new Result(null, current.standsUntil(), false);
        }
        boolean endsCase = false;
        if (held != null && held.isProposal()) {
            // its adverse case decides it: a new record is evaluated and kept for the reconsideration;
            // only an approved correction that takes the disqualifying finding away ends the case
            if (!fresh || outcome == Outcome.INELIGIBLE) {
                return new Result(null, null, false);
            }
            endsCase = true;
        }
        ClearanceStatus next = fresh || held == null ? ClearanceStatus.forOutcome(outcome)
                : held.afterReevaluation(outcome);
        if (clocks != null && next.isDenial()) {
            next = held != null && held.held() ? ClearanceStatus.REVOCATION_PROPOSED : ClearanceStatus.DENIAL_PROPOSED;
        }
        return new Result(state(next, next == ClearanceStatus.ACTIVE ? judged.valid() : null,
                next == ClearanceStatus.ACTIVE ? judged.conditions() : List.of(), unit, today), null, endsCase);
    }

    /**
     * An adjudicator's DENY of a clearance now {@code held}: DENIED (REVOKED for one the officer
     * held), or with section 9's clocks its proposal.
     */
    public static ClearanceStatus denial(ClearanceStatus held, AdverseClocks clocks) {
        if (held.isProposal()) {
            return held; // its open case decides it
        }
        boolean revocation = held.held();
        if (clocks == null) {
            return revocation ? ClearanceStatus.REVOKED : ClearanceStatus.DENIED;
        }
        return revocation ? ClearanceStatus.REVOCATION_PROPOSED : ClearanceStatus.DENIAL_PROPOSED;
    }

    /**
     * A withdrawn adverse case (policy section 9, reconsideration): the clearance takes what the
     * evaluation as it now stands gives, through the usual paths — a first application's status for
     * a denial, continuous vetting of the clearance held for a revocation. Never a denial: an
     * INELIGIBLE evaluation is not withdrawn.
     */
    public static ClearanceState afterWithdrawal(AdverseKind kind, Judged judged, Unit unit, LocalDate today) {
        ClearanceStatus next = kind == AdverseKind.REVOCATION ? ClearanceStatus.ACTIVE.afterReevaluation(judged.outcome())
                : ClearanceStatus.forOutcome(judged.outcome());
        if (next.isDenial()) {
            throw new IllegalStateException("an INELIGIBLE evaluation is not withdrawn");
        }
        return state(next, next == ClearanceStatus.ACTIVE ? judged.valid() : null,
                next == ClearanceStatus.ACTIVE ? judged.conditions() : List.of(), unit, today);
    }

    /** How a clearance meets a new rule set (docs/api.md, "Changing the policy"). */
    public enum OnRuleChange {
        /** DENIED, REVOKED, EXPIRED and the proposals: stays as it is, nothing is evaluated. */
        KEEP,
        /** ACTIVE, SUSPENDED: continuous vetting (REFERRED suspends, INELIGIBLE revokes). */
        CONTINUOUS_VETTING,
        /** PENDING_ADJUDICATION, PENDING_INFORMATION: the new outcome's status, as a fresh evaluation. */
        FRESH
    }

    public static OnRuleChange onRuleChange(ClearanceStatus status) {
        return switch (status) {
            // a proposal is decided by its adverse case, whose reconsideration evaluates under the rules then in force
            case DENIED, REVOKED, EXPIRED, DENIAL_PROPOSED, REVOCATION_PROPOSED -> OnRuleChange.KEEP;
            case ACTIVE, SUSPENDED -> OnRuleChange.CONTINUOUS_VETTING;
            case PENDING_ADJUDICATION, PENDING_INFORMATION -> OnRuleChange.FRESH;
        };
    }

    /** The statuses a rule change or a screening event re-evaluates (all but those kept as they are). */
    public static List<String> reevaluatedOnChange() {
        return Arrays.stream(ClearanceStatus.values()).filter(s -> onRuleChange(s) != OnRuleChange.KEEP)
                .map(Enum::name).toList();
    }

    /** A state set by a decision (an adjudication): a denial stands from today. */
    public static ClearanceState decided(ClearanceStatus status, Validity validity, List<Condition> conditions,
                                         Unit unit, LocalDate today) {
        return state(status, validity, conditions, unit, today);
    }

    private static ClearanceState state(ClearanceStatus status, Validity validity, List<Condition> conditions, Unit unit,
                                        LocalDate today) {
        return new ClearanceState(status, validity, conditions,
                status.isDenial() ? today.plusMonths(unit.reapplyAfterMonths()) : null);
    }
}
