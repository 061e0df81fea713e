package org.vetting.metrics;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import org.jdbi.v3.core.Jdbi;
import org.vetting.api.PendingCase;
import org.vetting.common.ServiceTime;
import org.vetting.db.AdjudicationDao;
import org.vetting.db.AdverseCaseDao;
import org.vetting.db.MetricsDao;

/**
 * What operators watch besides the JVM: evaluations by unit and outcome, flags by code, clearances
 * by unit and status, the adjudication queue's length and oldest case, failed sign-ins, the audit
 * chain's length. Read from the database on each scrape, so every instance reports the same totals.
 */
public final class BusinessMetrics {
    /** The queue is counted up to this many cases (its length reads at least this beyond). */
    static final int QUEUE_CAP = 10_000;

    private final Jdbi jdbi;
    private final ServiceTime time;

    public BusinessMetrics(Jdbi jdbi, ServiceTime time) {
        this.jdbi = jdbi;
        this.time = time;
    }

    public List<MetricSnapshot> snapshots() {
        return jdbi.inTransaction(h -> {
            MetricsDao dao = h.attach(MetricsDao.class);
            List<MetricSnapshot> all = new ArrayList<>();
            all.add(counter("vetting_evaluations", "Evaluations stored, by unit and outcome", dao.evaluations(),
                    "unit", "outcome"));
            all.add(counter("vetting_flags", "Flags raised in stored evaluations, by code", dao.flags(), "code", null));
            all.add(gauge("vetting_clearances", "Clearances on file, by unit and status", dao.clearances(),
                    "unit", "status"));
            all.add(gauge("vetting_adverse_cases", "Adverse cases (policy section 9), by stage",
                    h.attach(AdverseCaseDao.class).byStage(), "stage", null));
            List<PendingCase> queue = h.attach(AdjudicationDao.class).queue(Set.of(),
                    new AdjudicationDao.Query(false, null, null, QUEUE_CAP));
            all.add(single("vetting_adjudication_queue_length", "Cases waiting for an adjudicator", queue.size()));
            all.add(single("vetting_adjudication_queue_oldest_age_seconds",
                    "Age of the oldest case waiting for an adjudicator (0 when none)", queue.isEmpty() ? 0
                            : Math.max(0, Duration.between(queue.get(0).evaluatedAt(), time.now()).toSeconds())));
            all.add(CounterSnapshot.builder().name("vetting_failed_sign_ins").help("Failed sign-ins recorded")
                    .dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(dao.failedSignIns()).build())
                    .build());
            all.add(single("vetting_audit_chain_entries", "Entries of the audit chain", dao.chainLength()));
            return all;
        });
    }

    private static CounterSnapshot counter(String name, String help, List<MetricsDao.Count> counts, String first,
                                           String second) {
        CounterSnapshot.Builder b = CounterSnapshot.builder().name(name).help(help);
        counts.forEach(c -> b.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder()
                .labels(labels(c, first, second)).value(c.n()).build()));
        return b.build();
    }

    private static GaugeSnapshot gauge(String name, String help, List<MetricsDao.Count> counts, String first,
                                       String second) {
        GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(name).help(help);
        counts.forEach(c -> b.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder()
                .labels(labels(c, first, second)).value(c.n()).build()));
        return b.build();
    }

    private static GaugeSnapshot single(String name, String help, double value) {
        return GaugeSnapshot.builder().name(name).help(help)
                .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(value).build()).build();
    }

    private static Labels labels(MetricsDao.Count c, String first, String second) {
        return second == null ? Labels.of(first, c.labelA()) : Labels.of(first, c.labelA(), second, c.labelB());
    }
}
