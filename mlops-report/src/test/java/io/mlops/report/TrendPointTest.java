package io.mlops.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.metadata.EnvironmentInfo;
import io.mlops.contract.metadata.ModelInfo;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrendPointTest {
    private static RunMetadata.Builder run() {
        return RunMetadata.builder(RunKind.EVALUATE)
                .runId("run-1")
                .startedAt("2026-12-01T10:00:00Z")
                .finishedAt("2026-12-01T10:00:01Z")
                .model(new ModelInfo("model", "ab", "cd"))
                .durations(Map.of(RunMetadata.TOTAL_MILLIS, 1000L))
                .environment(new EnvironmentInfo("0.1.0", "17", "vendor", "4.3.2", "Linux", 2));
    }

    @Test
    void shouldTakeEveryMetricAndTheThresholdsOfTheGates() {
        RunMetadata evaluated = run().metrics(Runs.metrics(0.9, 0.8))
                .gates(Runs.gate("accuracy", 0.85, 0.9))
                .build();

        TrendPoint point = TrendPoint.of(evaluated, "#7", 7);

        assertThat(point.label()).isEqualTo("#7");
        assertThat(point.buildNumber()).isEqualTo(7);
        assertThat(point.metrics()).containsEntry("accuracy", 0.9).containsEntry("recall[food]", 0.6);
        assertThat(point.thresholds()).containsExactly(Map.entry("accuracy", 0.85));
    }

    @Test
    void shouldRejectARunWithoutMetricsNamingIt() {
        assertThatThrownBy(() -> TrendPoint.of(run().build(), "#1", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("run run-1 (evaluate) has no metrics to draw on a trend");
    }
}
