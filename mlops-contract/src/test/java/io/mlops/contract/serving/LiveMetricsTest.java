package io.mlops.contract.serving;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LiveMetricsTest {
    /** Written by the real prediction service (mlops-serving's LiveMetricsRoundTripTest checks it still is). */
    private static String serviceDocument() throws IOException {
        try (InputStream in = LiveMetricsTest.class.getResourceAsStream("service-metrics.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void shouldReadTheDocumentTheServiceWrites() throws IOException {
        LiveMetrics metrics = LiveMetrics.read("service", serviceDocument());

        assertThat(metrics.modelName()).isEqualTo("receipts");
        assertThat(metrics.modelVersion()).isEqualTo("v1");
        assertThat(metrics.modelSha256()).hasSize(64);
        assertThat(metrics.liveAccuracy()).isBetween(0.0, 1.0);
        assertThat(metrics.feedbackWindow()).isPositive();
        assertThat(metrics.feedbackTotal()).isGreaterThanOrEqualTo(metrics.feedbackWindow());
        assertThat(metrics.liveRecall()).isNotEmpty();
        assertThat(metrics.driftPsi()).isNotEmpty();
        assertThat(metrics.driftScore())
                .isEqualTo(metrics.driftPsi().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .max()
                        .orElseThrow());
        assertThat(metrics.toBuilder().build()).isEqualTo(metrics);
    }

    @Test
    void shouldReadAServiceWithoutFeedbackAsNoAccuracy() {
        String text = "# TYPE mlops_model_version gauge\n"
                + "mlops_model_version{name=\"m\",sha256=\"" + "a".repeat(64) + "\",version=\"v2\"} 1.0\n"
                + "mlops_live_feedback_window 0.0\n"
                + "mlops_input_drift_score 0.0\n";

        LiveMetrics metrics = LiveMetrics.read("s", text);

        assertThat(metrics.liveAccuracy()).isNull();
        assertThat(metrics.feedbackWindow()).isZero();
        assertThat(metrics.driftPsi()).isEmpty();
    }

    @Test
    void shouldUnescapeLabelValuesAndSkipTimestamps() {
        var samples = PrometheusText.parse(
                "s", "x{a=\"q\\\"uote\\\\ and\\nline\",b=\"2\"} 3.5 1700000000000\ny +Inf\nz NaN\n");

        assertThat(samples).hasSize(3);
        assertThat(samples.get(0).labels())
                .containsEntry("a", "q\"uote\\ and\nline")
                .containsEntry("b", "2");
        assertThat(samples.get(0).value()).isEqualTo(3.5);
        assertThat(samples.get(1).value()).isInfinite();
        assertThat(samples.get(2).value()).isNaN();
    }

    @Test
    void shouldNameTheLineThatIsNoSample() {
        assertThatThrownBy(() -> PrometheusText.parse("http://h/metrics", "# ok\n<html><body>Not found"))
                .isInstanceOf(MlopsException.class)
                .hasMessage("http://h/metrics line 2: not a Prometheus sample (expected a metric name):"
                        + " <html><body>Not found");
        assertThatThrownBy(() -> PrometheusText.parse("u", "a{b=\"c} 1"))
                .hasMessage("u line 1: not a Prometheus sample (unterminated value of label b): a{b=\"c} 1");
        assertThatThrownBy(() -> PrometheusText.parse("u", "a one"))
                .hasMessage("u line 1: not a Prometheus sample (value is not a number: one): a one");
    }

    @Test
    void shouldRefuseMetricsOfAnotherService() {
        assertThatThrownBy(() -> LiveMetrics.read("http://h/metrics", "process_cpu_seconds_total 1.0\n"))
                .isInstanceOf(MlopsException.class)
                .hasMessage("http://h/metrics: not the metrics of an mlops prediction service: no mlops_model_version");
    }
}
