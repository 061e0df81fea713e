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

    public static ClearanceDao.EventRow change(Handle h, String officerId, String unit, ClearanceStatus status,
                                               LocalDate validUntil, List<Condition> conditions, String evaluationId,
                                               String cause, String actor, Instant at) {
        ClearanceDao dao = h.attach(ClearanceDao.class);
        String json = Json.write(conditions);
        if (dao.update(officerId, unit, status.name(), validUntil, json, evaluationId, at) == 0) {
            dao.insert(officerId, unit, status.name(), validUntil, json, evaluationId, at);
        }
        long id = dao.insertEvent(officerId, unit, status.name(), validUntil, json, cause, evaluationId, actor, at);
        ClearanceDao.EventRow event = new ClearanceDao.EventRow(id, officerId, unit, status.name(), validUntil, json,
                cause, evaluationId, actor, at);
        AuditChain.append(h, EntryType.CLEARANCE, Long.toString(id), officerId, actor, at, Json.write(event));
        return event;
    }
}
