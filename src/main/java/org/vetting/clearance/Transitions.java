package org.vetting.clearance;

import java.util.Arrays;
import java.time.LocalDate;
import java.util.List;

import org.vetting.db.ClearanceDao;
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
    /** The clearance after an evaluation; {@code next} is null when a denial stands until {@code reapplyFrom}. */
    public record Result(ClearanceState next, LocalDate reapplyFrom) {
        public boolean stands() {
            return next == null;
        }
    }

    private Transitions() {}

    /** What an evaluation decided that moves a clearance: its outcome, and the validity and conditions of a grant. */
    public record Judged(Outcome outcome, Validity valid, List<Condition> conditions) {}

    /**
     * The clearance after an evaluation ({@code current}: the row, locked; null for a new one) on
     * {@code today}; {@code fresh}: whatever stood before (a correction, a first application).
     */
    public static Result afterEvaluation(ClearanceDao.ClearanceRow current, Judged judged, Unit unit, LocalDate today,
                                         boolean fresh) {
        Outcome outcome = judged.outcome();
        ClearanceStatus held = current == null ? null : ClearanceStatus.valueOf(current.status());
        if (!fresh && held != null && held.isDenial() && current.standsUntil() != null
                && today.isBefore(current.standsUntil())) {
            return new Result(null, current.standsUntil());
        }
        ClearanceStatus next = fresh || held == null ? ClearanceStatus.forOutcome(outcome)
                : held.afterReevaluation(outcome);
        return new Result(state(next, next == ClearanceStatus.ACTIVE ? judged.valid() : null,
                next == ClearanceStatus.ACTIVE ? judged.conditions() : List.of(), unit, today), null);
    }

    /** How a clearance meets a new rule set (docs/api.md, "Changing the policy"). */
    public enum OnRuleChange {
        /** DENIED, REVOKED, EXPIRED: stays as it is, nothing is evaluated. */
        KEEP,
        /** ACTIVE, SUSPENDED: continuous vetting (REFERRED suspends, INELIGIBLE revokes). */
        CONTINUOUS_VETTING,
        /** PENDING_ADJUDICATION, PENDING_INFORMATION: the new outcome's status, as a fresh evaluation. */
        FRESH
    }

    public static OnRuleChange onRuleChange(ClearanceStatus status) {
        return switch (status) {
            case DENIED, REVOKED, EXPIRED -> OnRuleChange.KEEP;
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
