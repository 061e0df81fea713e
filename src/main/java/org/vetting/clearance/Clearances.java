package org.vetting.clearance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jdbi.v3.core.Handle;
import org.vetting.chain.AuditChain;
import org.vetting.chain.EntryType;
import org.vetting.common.Json;
import org.vetting.db.ClearanceDao;
import org.vetting.rules.Validity;

/**
 * Changing a clearance, always the same way: the current row, an event with its cause, and the
 * audit entry of that event, inside the caller's transaction.
 */
public final class Clearances {
    public static final String CAUSE_EVALUATION = "EVALUATION";
    public static final String CAUSE_ADJUDICATION = "ADJUDICATION";
    public static final String CAUSE_EXPIRY = "EXPIRY";

    private Clearances() {}

    /** Sets the clearance of an officer for a unit; {@code validity} is null for a status without one. */
    public static ClearanceDao.EventRow change(Handle h, String officerId, String unit, ClearanceStatus status,
                                               Validity validity, List<Condition> conditions, String evaluationId,
                                               String cause, String actor, Instant at) {
        ClearanceDao dao = h.attach(ClearanceDao.class);
        String json = Json.write(conditions);
        LocalDate until = validity == null ? null : validity.until();
        LocalDate revettingFrom = validity == null ? null : validity.revettingFrom();
        var current = new ClearanceDao.ClearanceRow(officerId, unit, status.name(), until, json, evaluationId, at,
                revettingFrom);
        if (dao.update(current) == 0) {
            dao.insert(current);
        }
        var event = new ClearanceDao.EventRow(0, officerId, unit, status.name(), until, json, cause, evaluationId, actor,
                at, revettingFrom);
        long id = dao.insertEvent(event);
        event = new ClearanceDao.EventRow(id, officerId, unit, status.name(), until, json, cause, evaluationId, actor, at,
                revettingFrom);
        AuditChain.append(h, EntryType.CLEARANCE, Long.toString(id), officerId, actor, at, Json.write(event));
        return event;
    }
}
