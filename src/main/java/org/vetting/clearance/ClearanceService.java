package org.vetting.clearance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.api.ClearanceView;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.common.Language;
import org.vetting.db.ClearanceDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.rules.Unit;

/** Reading clearances (officer, roster) and expiring them. */
public final class ClearanceService {
    private static final Logger LOG = LoggerFactory.getLogger(ClearanceService.class);
    public static final String EXPIRY_ACTOR = "expiry-job";

    private final Jdbi jdbi;
    private final ActiveRuleSet active;
    private final ServiceTime time;

    public ClearanceService(Jdbi jdbi, ActiveRuleSet active, ServiceTime time) {
        this.jdbi = jdbi;
        this.active = active;
        this.time = time;
    }

    public LocalDate today() {
        return time.today();
    }

    public boolean officerKnown(String officerId) {
        return jdbi.withExtension(OfficerRecordDao.class, dao -> dao.latestVersion(officerId)) > 0;
    }

    public List<ClearanceDao.ClearanceRow> ofOfficer(String officerId) {
        return jdbi.withExtension(ClearanceDao.class, dao -> dao.ofOfficer(officerId));
    }

    public List<ClearanceDao.ClearanceRow> roster(String unit, String status, String after, int limit) {
        return jdbi.withExtension(ClearanceDao.class, dao -> dao.roster(unit, status, after == null ? "" : after, limit));
    }

    public ClearanceView view(ClearanceDao.ClearanceRow row, Language language) {
        List<Condition> conditions = Json.read(row.conditions(), Condition.LIST);
        return new ClearanceView(row.officerId(), row.unit(), row.status(), row.validUntil(),
                Condition.in(conditions, language), revettingDue(row), row.updatedAt());
    }

    /** POLICY.md section 5: re-vetting is due from the unit's notice period before expiry, and after it. */
    boolean revettingDue(ClearanceDao.ClearanceRow row) {
        if (ClearanceStatus.EXPIRED.name().equals(row.status())) {
            return true;
        }
        if (!ClearanceStatus.ACTIVE.name().equals(row.status()) || row.validUntil() == null) {
            return false;
        }
        int notice = active.ruleSet().unit(row.unit()).map(Unit::revettingDueDays).orElse(0);
        return !today().isBefore(row.validUntil().minusDays(notice));
    }

    /**
     * Marks every ACTIVE clearance past its validUntil as EXPIRED, one transaction each (the row is
     * locked and checked again, so two instances running the job expire each clearance once).
     */
    public int expire() {
        LocalDate today = today();
        List<ClearanceDao.Key> due = jdbi.withExtension(ClearanceDao.class, dao -> dao.expiredActive(today));
        int expired = 0;
        for (ClearanceDao.Key key : due) {
            boolean done = jdbi.inTransaction(h -> h.attach(ClearanceDao.class).lock(key.officerId(), key.unit())
                    .filter(c -> c.status().equals(ClearanceStatus.ACTIVE.name()) && c.validUntil() != null
                            && c.validUntil().isBefore(today))
                    .map(c -> {
                        Instant now = time.now();
                        Clearances.change(h, c.officerId(), c.unit(), ClearanceStatus.EXPIRED, c.validUntil(),
                                Json.read(c.conditions(), Condition.LIST),
                                c.evaluationId(), Clearances.CAUSE_EXPIRY, EXPIRY_ACTOR, now);
                        return true;
                    }).orElse(false));
            if (done) {
                expired++;
            }
        }
        if (expired > 0) {
            LOG.info("expired {} clearance(s) past their validity on {}", expired, today);
        }
        return expired;
    }
}
