package org.vetting.dashboard;

import java.util.Comparator;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jdbi.v3.core.Jdbi;
import org.vetting.api.DashboardView;
import org.vetting.api.PendingCase;
import org.vetting.auth.User;
import org.vetting.common.ServiceTime;
import org.vetting.db.AdjudicationDao;
import org.vetting.db.DashboardDao;

/**
 * The numbers each role acts on, for its start page, within what the role may see: a commander's
 * own units, an adjudicator's and an auditor's countries.
 */
public final class DashboardService {
    /** Age bands of the adjudication queue, in days: up to 7, 30, 90, and older. */
    static final int[] AGE_BANDS = {7, 30, 90};
    static final int QUEUE_CAP = 10_000;
    static final int DAYS = 30;
    static final int MONTHS = 12;

    private final Jdbi jdbi;
    private final ServiceTime time;

    public DashboardService(Jdbi jdbi, ServiceTime time) {
        this.jdbi = jdbi;
        this.time = time;
    }

    /** Clearances of the commander's units by status; ACTIVE ones expiring in each of the next twelve months. */
    public DashboardView commander(User user) {
        LocalDate today = time.today();
        List<DashboardView.Figure> figures = new ArrayList<>();
        List<DashboardView.Point> series = new ArrayList<>();
        Map<String, Long> byStatus = new TreeMap<>();
        jdbi.withExtension(DashboardDao.class, dao -> dao.clearances(user.units())).forEach(c -> {
            series.add(new DashboardView.Point(c.unit(), c.status(), c.n()));
            byStatus.merge(c.status(), c.n(), Long::sum);
        });
        byStatus.forEach((status, n) -> figures.add(new DashboardView.Figure(status, n)));
        Map<YearMonth, Long> byMonth = new TreeMap<>();
        for (int m = 0; m < MONTHS; m++) {
            byMonth.put(YearMonth.from(today).plusMonths(m), 0L);
        }
        jdbi.withExtension(DashboardDao.class, dao -> dao.expiries(user.units(), today,
                YearMonth.from(today).plusMonths(MONTHS - 1).atEndOfMonth()))
                .forEach(d -> byMonth.merge(YearMonth.from(d), 1L, Long::sum));
        byMonth.forEach((month, n) -> series.add(new DashboardView.Point(month.toString(), "EXPIRING", n)));
        return new DashboardView(figures, series);
    }

    /** The adjudicator's queue (their countries, not their own file) by age. */
    public DashboardView adjudicator(User user) {
        List<PendingCase> queue = jdbi.withExtension(AdjudicationDao.class, dao -> dao.queue(user.countries(),
                new AdjudicationDao.Query(user.countryScoped(), user.officerId(), null, QUEUE_CAP)));
        long[] bands = new long[AGE_BANDS.length + 1];
        long oldest = 0;
        for (PendingCase c : queue) {
            long days = Math.max(0, Duration.between(c.evaluatedAt(), time.now()).toDays());
            oldest = Math.max(oldest, days);
            int band = 0;
            while (band < AGE_BANDS.length && days > AGE_BANDS[band]) {
                band++;
            }
            bands[band]++;
        }
        List<DashboardView.Point> series = new ArrayList<>();
        for (int b = 0; b < bands.length; b++) {
            String group = b == 0 ? "0-" + AGE_BANDS[0] : b < AGE_BANDS.length ? (AGE_BANDS[b - 1] + 1) + "-" + AGE_BANDS[b]
                    : ">" + AGE_BANDS[AGE_BANDS.length - 1];
            series.add(new DashboardView.Point(group, "CASES", bands[b]));
        }
        return new DashboardView(List.of(new DashboardView.Figure("QUEUE", queue.size()),
                new DashboardView.Figure("OLDEST_DAYS", oldest)), series);
    }

    /** Decisions of the last thirty days by day and outcome (the auditor's countries). */
    public DashboardView auditor(User user) {
        LocalDate from = time.today().minusDays(DAYS - 1);
        List<DashboardView.Point> series = new ArrayList<>();
        Map<String, Long> byOutcome = new TreeMap<>();
        jdbi.withExtension(DashboardDao.class, dao -> dao.decisions(from.atStartOfDay(time.zone()).toInstant(),
                user.countryScoped(), user.countries())).forEach(d -> {
                    series.add(new DashboardView.Point(d.decidedOn().toString(), d.outcome(), d.n()));
                    byOutcome.merge(d.outcome(), d.n(), Long::sum);
                });
        series.sort(Comparator.comparing(DashboardView.Point::group).thenComparing(DashboardView.Point::key));
        List<DashboardView.Figure> figures = new ArrayList<>();
        byOutcome.forEach((outcome, n) -> figures.add(new DashboardView.Figure(outcome, n)));
        return new DashboardView(figures, series);
    }
}
