package io.jenkins.plugins.mlops.triggers.poll;

import io.mlops.contract.MlopsException;
import io.mlops.contract.serving.LiveMetrics;
import java.net.URI;
import java.net.http.HttpResponse;

/**
 * Reads a prediction service's {@code GET /metrics} as the contract's {@link LiveMetrics}: the model served, live
 * accuracy over the feedback window, input drift. The controller reads the text only; it never loads the engine.
 */
public final class MetricsProbe {
    private final HttpSource http;

    /** @param http the HTTP client */
    public MetricsProbe(final HttpSource http) {
        this.http = http;
    }

    /**
     * @param service the service's base URL, e.g. {@code https://serving.internal:8443}
     * @return the URL of its metrics
     */
    public static URI metricsOf(final URI service) {
        String base = service.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + "metrics");
    }

    /**
     * Reads the metrics once.
     *
     * @param service       the service's base URL
     * @param authorization the {@code Authorization} header value, or {@code null}
     * @return the metrics
     * @throws PollException naming the URL if it cannot be reached, answers other than 2xx, or is no mlops service
     */
    public LiveMetrics read(final URI service, final String authorization) throws PollException {
        URI metrics = metricsOf(service);
        HttpResponse<String> response = http.send("GET", metrics, authorization, true);
        if (response.statusCode() / 100 != 2) {
            throw new PollException("GET " + metrics + " answered HTTP " + response.statusCode()
                    + (response.statusCode() == 401 || response.statusCode() == 403
                            ? " (check the credentials of credentialsId)"
                            : ""));
        }
        try {
            return LiveMetrics.read(metrics.toString(), response.body());
        } catch (MlopsException notMetrics) {
            throw new PollException(notMetrics.getMessage(), notMetrics);
        }
    }
}
