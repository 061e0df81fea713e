package org.vetting.clearance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.vetting.api.ClearanceCause;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.common.Json;
import org.vetting.db.ClearanceDao;

/**
 * Changing a clearance, always the same way: the current row, an event with its cause, and the
 * audit entry of that event, inside the caller's transaction.
 */
public final class Clearances {
    private Clearances() {}

    /** One change of a clearance: whose, for which unit, what it becomes, on which evaluation, why, by whom, when. */
    public record Change(String officerId, String unit, ClearanceState next, String evaluationId, ClearanceCause cause,
                         String actor, Instant at) {}

    /** Sets the clearance of an officer for a unit, records the change with its cause and audits it. */
    public static ClearanceDao.EventRow change(Handle h, Change change) {
        ClearanceDao.EventRow event = record(h.attach(ClearanceDao.class), change, true);
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
    public static ClearanceDao.EventRow record(ClearanceDao dao, Change change, boolean onFile) {
        ClearanceState next = change.next();
        String json = Json.write(next.conditions());
        LocalDate until = next.validity() == null ? null : next.validity().until();
        LocalDate revettingFrom = next.validity() == null ? null : next.validity().revettingFrom();
        String status = next.status().name();
        var current = new ClearanceDao.ClearanceRow(change.officerId(), change.unit(), status, until, json,
                change.evaluationId(), change.at(), revettingFrom, next.standsUntil());
        if (!onFile || dao.update(current) == 0) {
            dao.insert(current);
        }
        var event = new ClearanceDao.EventRow(0, change.officerId(), change.unit(), status, until, json, change.cause(),
                change.evaluationId(), change.actor(), change.at(), revettingFrom, next.standsUntil());
        long id = dao.insertEvent(event);
        return new ClearanceDao.EventRow(id, event.officerId(), event.unit(), status, until, json, event.cause(),
                event.evaluationId(), event.actor(), event.at(), revettingFrom, next.standsUntil());
    }
}
