package io.mlops.engine.retrain;

import io.mlops.contract.MlopsException;
import io.mlops.contract.UnavailableException;
import io.mlops.contract.serving.LiveMetrics;
import io.mlops.contract.serving.ServiceMetricNames;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Reads a prediction service's {@code /metrics} as {@link LiveMetrics}. */
final class ServiceProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_BYTES = 4 << 20;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    /**
     * Fetches and reads the metrics.
     *
     * @param service the service's base URL, e.g. {@code http://127.0.0.1:8080}
     * @return the metrics
     * @throws UnavailableException naming the URL if the service is unreachable, answers with an error status, or its
     *     document is not the metrics of an mlops prediction service
     * @throws MlopsException       if the URL is not an http(s) URL
     */
    LiveMetrics read(final String service) {
        URI uri = metricsUri(service);
        HttpResponse<byte[]> response;
        try {
            response = client.send(
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException exception) {
            throw new UnavailableException(uri + ": prediction service unreachable: " + describe(exception), exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            throw new UnavailableException(uri + ": interrupted while reading the service's metrics", exception);
        }
        if (response.statusCode() != 200) {
            throw new UnavailableException(
                    uri + ": prediction service answered HTTP " + response.statusCode() + ", expected 200 with its"
                            + " metrics",
                    null);
        }
        if (response.body().length > MAX_BYTES) {
            throw new UnavailableException(uri + ": metrics document larger than " + MAX_BYTES + " bytes", null);
        }
        try {
            return LiveMetrics.read(uri.toString(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (MlopsException exception) {
            throw new UnavailableException(exception.getMessage(), exception);
        }
    }

    static URI metricsUri(final String service) {
        URI base;
        try {
            base = URI.create(service.endsWith("/") ? service.substring(0, service.length() - 1) : service);
        } catch (IllegalArgumentException exception) {
            throw new MlopsException("--service: not a URL: \"" + service + "\"");
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null) {
            throw new MlopsException(
                    "--service: expected an http(s) URL such as http://127.0.0.1:8080, got \"" + service + "\"");
        }
        return base.getPath() != null && base.getPath().endsWith(ServiceMetricNames.PATH)
                ? base
                : URI.create(base + ServiceMetricNames.PATH);
    }

    private static String describe(final IOException exception) {
        String message = exception.getMessage();
        return exception.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
