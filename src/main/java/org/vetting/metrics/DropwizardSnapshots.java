package org.vetting.metrics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.codahale.metrics.Counter;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.Histogram;
import com.codahale.metrics.Meter;
import com.codahale.metrics.Metric;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Snapshot;
import com.codahale.metrics.Timer;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.Quantile;
import io.prometheus.metrics.model.snapshots.Quantiles;
import io.prometheus.metrics.model.snapshots.SummarySnapshot;

/**
 * Dropwizard's registry (JVM, Jetty, Jersey, the connection pool) as Prometheus snapshots: gauges
 * with a numeric value, counters, meters as counters, timers (in seconds) and histograms as
 * summaries with the median, 75th, 95th and 99th percentiles. Names become {@code a_b_c}.
 */
final class DropwizardSnapshots {
    private static final double[] QUANTILES = {0.5, 0.75, 0.95, 0.99};

    private DropwizardSnapshots() {}

    static List<MetricSnapshot> of(MetricRegistry registry) {
        List<MetricSnapshot> all = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Map.Entry<String, Metric> e : registry.getMetrics().entrySet()) {
            String name = name(e.getKey());
            if (!taken.add(name)) {
                continue; // two Dropwizard names that read the same here: the first one stands
            }
            MetricSnapshot s = snapshot(name, e.getKey(), e.getValue());
            if (s != null) {
                all.add(s);
            } else {
                taken.remove(name);
            }
        }
        return all;
    }

    private static MetricSnapshot snapshot(String name, String original, Metric metric) {
        if (metric instanceof Gauge<?> g) {
            Object value;
            try {
                value = g.getValue();
            } catch (RuntimeException unavailable) {
                return null;
            }
            return value instanceof Number n ? GaugeSnapshot.builder().name(name).help(original)
                    .dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().value(n.doubleValue()).build()).build()
                    : null;
        }
        if (metric instanceof Counter c) {
            return counter(name, original, c.getCount());
        }
        if (metric instanceof Meter m) {
            return counter(name, original, m.getCount());
        }
        if (metric instanceof Timer t) {
            return summary(name + "_seconds", original, t.getCount(), t.getSnapshot(),
                    1.0 / TimeUnit.SECONDS.toNanos(1));
        }
        if (metric instanceof Histogram h) {
            return summary(name, original, h.getCount(), h.getSnapshot(), 1.0);
        }
        return null;
    }

    private static CounterSnapshot counter(String name, String help, long count) {
        return CounterSnapshot.builder().name(name.endsWith("_total") ? name.substring(0, name.length() - 6) : name)
                .help(help).dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().value(count).build()).build();
    }

    /** Dropwizard keeps no running sum: the summary's sum is count × mean of the reservoir. */
    private static SummarySnapshot summary(String name, String help, long count, Snapshot values, double scale) {
        List<Quantile> quantiles = new ArrayList<>();
        for (double q : QUANTILES) {
            quantiles.add(new Quantile(q, values.getValue(q) * scale));
        }
        return SummarySnapshot.builder().name(name).help(help)
                .dataPoint(SummarySnapshot.SummaryDataPointSnapshot.builder().count(count)
                        .sum(count * values.getMean() * scale).quantiles(Quantiles.of(quantiles)).build())
                .build();
    }

    /** A Prometheus name: letters, digits and underscores, not starting with a digit. */
    static String name(String dropwizard) {
        String n = dropwizard.replaceAll("[^a-zA-Z0-9_]", "_").replaceAll("_+", "_");
        return Character.isDigit(n.charAt(0)) ? "_" + n : n;
    }
}
