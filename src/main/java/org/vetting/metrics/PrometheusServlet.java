package org.vetting.metrics;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.codahale.metrics.MetricRegistry;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /prometheus} on the admin port: the Dropwizard registry and the business metrics in
 * Prometheus' text format (0.0.4). The admin port has no authentication; it listens on
 * {@code VETTING_ADMIN_BIND} (loopback by default), and the metrics name no officer.
 */
public final class PrometheusServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private final transient MetricRegistry registry;
    private final transient BusinessMetrics business;
    private final transient PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

    public PrometheusServlet(MetricRegistry registry, BusinessMetrics business) {
        this.registry = registry;
        this.business = business;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<MetricSnapshot> all = new ArrayList<>(business.snapshots());
        all.addAll(DropwizardSnapshots.of(registry));
        response.setStatus(200);
        response.setContentType(writer.getContentType());
        response.setHeader("Cache-Control", "no-store");
        writer.write(response.getOutputStream(), new MetricSnapshots(all));
    }
}
