package org.vetting.clearance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.List;

import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vetting.api.ClearanceCause;
import org.vetting.access.OfficerAccess;
import org.vetting.api.ClearanceView;
import org.vetting.api.ListPage;
import org.vetting.api.Role;
import org.vetting.errors.ValidationFailed;
import org.vetting.auth.User;
import org.vetting.errors.NotFound;
import org.vetting.errors.OutOfScope;
import org.vetting.policy.ActiveRuleSet;
import org.vetting.common.Json;
import org.vetting.common.ServiceTime;
import org.vetting.common.Language;
import org.vetting.db.ClearanceDao;
import org.vetting.db.OfficerRecordDao;
import org.vetting.rules.Validity;
import org.vetting.common.Actors;

/** Reading clearances (officer, roster) and expiring them. */
public final class ClearanceService {
    private static final Logger LOG = LoggerFactory.getLogger(ClearanceService.class);

    private final Jdbi jdbi;
    private final ActiveRuleSet active;
    private final OfficerAccess access;
    private final ServiceTime time;

    public ClearanceService(Jdbi jdbi, ActiveRuleSet active, OfficerAccess access, ServiceTime time) {
        this.jdbi = jdbi;
        this.active = active;
        this.access = access;
        this.time = time;
    }

    private boolean officerKnown(String officerId) {
        return jdbi.withExtension(OfficerRecordDao.class, dao -> dao.latestVersion(officerId)) > 0;
    }

    /**
     * An officer's clearances as {@code viewer} may see them: every unit, or for a user who is only a
     * commander, the units they command — and a refusal rather than an empty list when that leaves
     * none (docs/api.md).
     */
    public List<ClearanceView> ofOfficer(String officerId, User viewer, Language language) {
        if (viewer.countryScoped()) {
            access.check(viewer, officerId);
        }
        List<ClearanceDao.ClearanceRow> rows = jdbi.withExtension(ClearanceDao.class, dao -> dao.ofOfficer(officerId));
        if (rows.isEmpty() && !officerKnown(officerId)) {
            throw NotFound.officer(officerId);
        }
        if (viewer.onlyCommander()) {
            rows = rows.stream().filter(c -> viewer.units().contains(c.unit())).toList();
            if (rows.isEmpty()) {
                throw new OutOfScope("officer " + officerId + " holds no clearance in a unit you command");
            }
        }
        Map<String, String> names = names(rows);
        return rows.stream().map(c -> view(c, names.get(c.officerId()), language)).toList();
    }

    /**
     * One page of a unit's roster, in officer order after the cursor {@code after} (an officer id),
     * optionally of one status. A commander sees the units they command; auditors and
     * administrators every unit.
     */
    public ListPage<ClearanceView> roster(String unit, String status, String after, int limit, User viewer,
                                          Language language) {
        if (!viewer.has(Role.AUDITOR) && !viewer.has(Role.ADMIN) && !viewer.units().contains(unit)) {
            throw new OutOfScope("you do not command " + unit);
        }
        if (active.ruleSet().unit(unit).isEmpty()) {
            throw new NotFound("no unit " + unit);
        }
        if (status != null && Arrays.stream(ClearanceStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw ValidationFailed.of("status", "unknown status " + status);
        }
        List<ClearanceDao.ClearanceRow> rows = jdbi.withExtension(ClearanceDao.class,
                dao -> dao.roster(unit, status, after == null ? "" : after, viewer.countryScoped(), viewer.countries(),
                        limit + 1));
        ListPage<ClearanceDao.ClearanceRow> page = ListPage.of(rows, limit, ClearanceDao.ClearanceRow::officerId);
        Map<String, String> names = names(page.items());
        return page.map(c -> view(c, names.get(c.officerId()), language));
    }

    /** The names of the officers of these clearances. */
    private Map<String, String> names(List<ClearanceDao.ClearanceRow> rows) {
        return access.names(rows.stream().map(ClearanceDao.ClearanceRow::officerId).collect(Collectors.toSet()));
    }

    /** One clearance with its officer's name. */
    public ClearanceView view(ClearanceDao.ClearanceRow row, Language language) {
        return view(row, names(List.of(row)).get(row.officerId()), language);
    }

    private ClearanceView view(ClearanceDao.ClearanceRow row, String officerName, Language language) {
        List<Condition> conditions = Json.read(row.conditions(), Condition.LIST);
        return new ClearanceView(row.officerId(), officerName == null || officerName.isEmpty() ? null : officerName,
                row.unit(), row.status(), row.validUntil(), Condition.in(conditions, language), revettingDue(row),
                row.updatedAt());
    }

    /**
     * Re-vetting is due from the day the rules set with the clearance's validity (the unit's notice
     * before expiry), and after expiry (docs/policy.md "Units").
     */
    boolean revettingDue(ClearanceDao.ClearanceRow row) {
        if (ClearanceStatus.EXPIRED.name().equals(row.status())) {
            return true;
        }
        return ClearanceStatus.ACTIVE.name().equals(row.status()) && row.revettingFrom() != null
                && !time.today().isBefore(row.revettingFrom());
    }

    /**
     * Marks every ACTIVE clearance past its validUntil as EXPIRED, one transaction each (the row is
     * locked and checked again, so two instances running the job expire each clearance once).
     */
    public int expire() {
        LocalDate today = time.today();
        List<ClearanceDao.Key> due = jdbi.withExtension(ClearanceDao.class, dao -> dao.expiredActive(today));
        int expired = 0;
        for (ClearanceDao.Key key : due) {
            boolean done = jdbi.inTransaction(h -> h.attach(ClearanceDao.class).lock(key.officerId(), key.unit())
                    .filter(c -> c.status().equals(ClearanceStatus.ACTIVE.name()) && c.validUntil() != null
                            && c.validUntil().isBefore(today))
                    .map(c -> {
                        Instant now = time.now();
                        ClearanceState expiredState = new ClearanceState(ClearanceStatus.EXPIRED,
                                new Validity(c.validUntil(), c.revettingFrom()), Json.read(c.conditions(), Condition.LIST),
                                null);
                        Clearances.change(h, new Clearances.Change(c.officerId(), c.unit(), expiredState,
                                c.evaluationId(), ClearanceCause.EXPIRY, Actors.EXPIRY_JOB, now));
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
