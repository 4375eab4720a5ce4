package io.mlops.serving;

import io.mlops.contract.serving.ServiceMetricNames;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The service's Prometheus metrics: requests and errors by endpoint, a latency histogram, the model
 * version served, live accuracy and recall from feedback, and the input drift score. The names are the contract's
 * {@link ServiceMetricNames}, so the retrain check and the Jenkins triggers read them back as the contract's
 * {@code LiveMetrics}.
 */
public final class ServiceMetrics {
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter requests;
    private final Counter errors;
    private final Histogram latency;
    private final Counter feedback;
    private final Counter swaps;
    // the data points of each endpoint, looked up once instead of on every request
    private final ConcurrentMap<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    /**
     * Creates the metrics.
     *
     * @param slot    the model slot, read at scrape time
     * @param quality live quality, read at scrape time
     */
    public ServiceMetrics(final ModelSlot slot, final Supplier<LiveQuality> quality) {
        requests = Counter.builder()
                .name(ServiceMetricNames.REQUESTS)
                .help("HTTP requests by endpoint and status")
                .labelNames(ServiceMetricNames.LABEL_ENDPOINT, ServiceMetricNames.LABEL_STATUS)
                .register(registry);
        errors = Counter.builder()
                .name(ServiceMetricNames.REQUEST_ERRORS)
                .help("requests answered with 4xx or 5xx")
                .labelNames(ServiceMetricNames.LABEL_ENDPOINT)
                .register(registry);
        latency = Histogram.builder()
                .name(ServiceMetricNames.REQUEST_DURATION)
                .help("request latency")
                .labelNames(ServiceMetricNames.LABEL_ENDPOINT)
                .classicUpperBounds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1)
                // the text format shows only the classic buckets: spare every request the native ones
                .classicOnly()
                .register(registry);
        feedback = Counter.builder()
                .name(ServiceMetricNames.FEEDBACK)
                .help("feedback events received")
                .register(registry);
        swaps = Counter.builder()
                .name(ServiceMetricNames.MODEL_SWAPS)
                .help("model swaps and rollbacks")
                .labelNames(ServiceMetricNames.LABEL_KIND)
                .register(registry);
        GaugeWithCallback.builder()
                .name(ServiceMetricNames.MODEL_VERSION)
                .help("the model served: name, version and SHA-256 as labels, value 1")
                .labelNames(
                        ServiceMetricNames.LABEL_NAME,
                        ServiceMetricNames.LABEL_VERSION,
                        ServiceMetricNames.LABEL_SHA256)
                .callback(cb -> {
                    ServedModel model = slot.current();
                    cb.call(
                            1,
                            model.name(),
                            model.version(),
                            model.bundle().manifest().modelSha256());
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name(ServiceMetricNames.LIVE_ACCURACY)
                .help("accuracy over the feedback window")
                .callback(cb -> {
                    double accuracy = quality.get().accuracy();
                    if (!Double.isNaN(accuracy)) {
                        cb.call(accuracy);
                    }
                })
                .register(registry);
        GaugeWithCallback.builder()
                .name(ServiceMetricNames.LIVE_FEEDBACK_WINDOW)
                .help("feedback events in the window")
                .callback(cb -> cb.call(quality.get().size()))
                .register(registry);
        GaugeWithCallback.builder()
                .name(ServiceMetricNames.LIVE_RECALL)
                .help("recall per class over the feedback window")
                .labelNames(ServiceMetricNames.LABEL_CLASS)
                .callback(cb -> quality.get().recall().forEach((label, recall) -> cb.call(recall, label)))
                .register(registry);
        GaugeWithCallback.builder()
                .name(ServiceMetricNames.INPUT_DRIFT_PSI)
                .help("population stability index per feature")
                .labelNames(ServiceMetricNames.LABEL_FEATURE)
                .callback(cb -> slot.current().drift().psi().forEach((feature, psi) -> cb.call(psi, feature)))
                .register(registry);
        GaugeWithCallback.builder()
                .name(ServiceMetricNames.INPUT_DRIFT_SCORE)
                .help("largest PSI over all features")
                .callback(cb -> cb.call(slot.current().drift().score()))
                .register(registry);
    }

    /**
     * Records a finished request.
     *
     * @param endpoint the endpoint
     * @param status   the HTTP status
     * @param nanos    how long it took
     */
    public void request(final String endpoint, final int status, final long nanos) {
        Endpoint points = endpoints.get(endpoint);
        if (points == null) {
            points = endpoints.computeIfAbsent(endpoint, Endpoint::new);
        }
        points.requests(status).inc();
        if (status >= 400) {
            points.errors().inc();
        }
        points.latency.observe(nanos / 1e9);
    }

    /**
     * The data points of one endpoint. Each one is created on first use, as {@code labelValues} would
     * create it, so a series still appears only once something was counted in it.
     */
    private final class Endpoint {
        private static final int STATUSES = 600;
        private final String name;
        private final DistributionDataPoint latency;
        private final AtomicReferenceArray<CounterDataPoint> byStatus = new AtomicReferenceArray<>(STATUSES);
        private volatile CounterDataPoint errors;

        Endpoint(final String name) {
            this.name = name;
            this.latency = ServiceMetrics.this.latency.labelValues(name);
        }

        CounterDataPoint requests(final int status) {
            if (status < 0 || status >= STATUSES) {
                return ServiceMetrics.this.requests.labelValues(name, Integer.toString(status));
            }
            CounterDataPoint point = byStatus.get(status);
            if (point == null) {
                point = ServiceMetrics.this.requests.labelValues(name, Integer.toString(status));
                byStatus.set(status, point);
            }
            return point;
        }

        CounterDataPoint errors() {
            CounterDataPoint point = errors;
            if (point == null) {
                point = ServiceMetrics.this.errors.labelValues(name);
                errors = point;
            }
            return point;
        }
    }

    /** Counts a feedback event. */
    public void feedback() {
        feedback.inc();
    }

    /**
     * Counts a swap or rollback.
     *
     * @param kind {@code swap}, {@code rollback} or {@code abandoned} (a swap given up)
     */
    public void swapped(final String kind) {
        swaps.labelValues(kind).inc();
    }

    /** @return the metrics in Prometheus text format */
    public byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new PrometheusTextFormatWriter(false).write(out, registry.scrape());
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        return out.toByteArray();
    }

    /** @return the content type of {@link #scrape()} */
    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
