package org.vetting.clearance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.common.Json;
import org.vetting.db.ClearanceDao;

/**
 * Changing a clearance, always the same way: the current row, an event with its cause, and the
 * audit entry of that event, inside the caller's transaction.
 */
public final class Clearances {
    public static final String CAUSE_EVALUATION = "EVALUATION";
    public static final String CAUSE_ADJUDICATION = "ADJUDICATION";
    public static final String CAUSE_EXPIRY = "EXPIRY";

    private Clearances() {}

    public static final String CAUSE_CORRECTION = "CORRECTION";
    public static final String CAUSE_RULE_CHANGE = "RULE_CHANGE";
    /** A watchlist version taking effect, or a possible match reviewed (POLICY section 8). */
    public static final String CAUSE_SCREENING = "SCREENING";

    /** Sets the clearance of an officer for a unit, records the change with its cause and audits it. */
    public static ClearanceDao.EventRow change(Handle h, String officerId, String unit, ClearanceState next,
                                               String evaluationId, String cause, String actor, Instant at) {
        ClearanceDao.EventRow event = record(h.attach(ClearanceDao.class), officerId, unit, next, evaluationId, cause,
                actor, at, true);
        AuditChain.appendAll(h, List.of(audit(event)));
        return event;
    }

    /** The audit entry of a recorded change, for the caller to append with its decision's others. */
    public static AuditChain.Pending audit(ClearanceDao.EventRow event) {
        return new AuditChain.Pending(EntryType.CLEARANCE, Long.toString(event.id()), event.officerId(),
                event.actor(), event.at(), Json.write(event));
    }

    /**
     * Sets the clearance and records the change with its cause; the caller appends {@link #audit}.
     * {@code onFile}: whether the caller found (and locked) the officer's clearance row for the unit;
     * a new one is inserted without first trying to update it.
     */
    public static ClearanceDao.EventRow record(ClearanceDao dao, String officerId, String unit, ClearanceState next,
                                               String evaluationId, String cause, String actor, Instant at,
                                               boolean onFile) {
        String json = Json.write(next.conditions());
        LocalDate until = next.validity() == null ? null : next.validity().until();
        LocalDate revettingFrom = next.validity() == null ? null : next.validity().revettingFrom();
        String status = next.status().name();
        var current = new ClearanceDao.ClearanceRow(officerId, unit, status, until, json, evaluationId, at,
                revettingFrom, next.standsUntil());
        if (!onFile || dao.update(current) == 0) {
            dao.insert(current);
        }
        var event = new ClearanceDao.EventRow(0, officerId, unit, status, until, json, cause, evaluationId, actor,
                at, revettingFrom, next.standsUntil());
        long id = dao.insertEvent(event);
        return new ClearanceDao.EventRow(id, officerId, unit, status, until, json, cause, evaluationId, actor, at,
                revettingFrom, next.standsUntil());
    }
}
