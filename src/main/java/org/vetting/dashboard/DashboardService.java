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
import org.vetting.api.AdverseStage;
import org.vetting.db.AdjudicationDao;
import org.vetting.db.AdverseCaseDao;
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
    /** Reply windows closing within this many days are shown as due. */
    static final int DUE_DAYS = 7;

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
        List<DashboardView.Figure> figures = new ArrayList<>(List.of(new DashboardView.Figure("QUEUE", queue.size()),
                new DashboardView.Figure("OLDEST_DAYS", oldest)));
        figures.addAll(adverseDue(user));
        return new DashboardView(figures, series);
    }

    /**
     * What adjudicators must act on in adverse cases (policy section 9, "nothing stalls unseen"):
     * notices to issue, replies in, reply windows closing within {@value #DUE_DAYS} days, cases ready
     * for reconsideration (a reply in, or the window closed).
     */
    private List<DashboardView.Figure> adverseDue(User user) {
        LocalDate today = time.today();
        long notices = 0;
        long replies = 0;
        long closing = 0;
        long ready = 0;
        for (AdverseCaseDao.OpenCase c : jdbi.withExtension(AdverseCaseDao.class,
                dao -> dao.openCases(user.countryScoped(), user.countries()))) {
            if (c.stage() == AdverseStage.PROPOSED) {
                notices++;
            } else if (c.stage() == AdverseStage.NOTICE_ISSUED) {
                LocalDate ends = c.extendedTo() != null ? c.extendedTo() : c.replyDueOn();
                replies += c.replies() > 0 ? 1 : 0;
                closing += !ends.isBefore(today) && !ends.isAfter(today.plusDays(DUE_DAYS)) ? 1 : 0;
                ready += c.replies() > 0 || ends.isBefore(today) ? 1 : 0;
            } else if (c.stage() == AdverseStage.RECONSIDERATION) {
                ready++;
            }
        }
        return List.of(new DashboardView.Figure("NOTICES_TO_ISSUE", notices),
                new DashboardView.Figure("REPLIES_IN", replies), new DashboardView.Figure("WINDOWS_CLOSING", closing),
                new DashboardView.Figure("READY_FOR_RECONSIDERATION", ready));
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
        // adverse cases open, by stage, and the age of the oldest (policy section 9)
        Map<AdverseStage, Long> byStage = new java.util.EnumMap<>(AdverseStage.class);
        long oldest = 0;
        for (AdverseCaseDao.OpenCase c : jdbi.withExtension(AdverseCaseDao.class,
                dao -> dao.openCases(user.countryScoped(), user.countries()))) {
            byStage.merge(c.stage(), 1L, Long::sum);
            oldest = Math.max(oldest, Duration.between(c.openedAt(), time.now()).toDays());
        }
        byStage.forEach((stage, n) -> figures.add(new DashboardView.Figure("CASES_" + stage.name(), n)));
        figures.add(new DashboardView.Figure("OLDEST_CASE_DAYS", oldest));
        return new DashboardView(figures, series);
    }
}
