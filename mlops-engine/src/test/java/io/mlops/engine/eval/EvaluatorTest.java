package io.mlops.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.mlops.contract.metrics.ClassMetrics;
import io.mlops.contract.metrics.ConfusionMatrix;
import io.mlops.contract.metrics.Metrics;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    @Test
    void shouldComputeMetricsAsByHand() {
        // truth:     a a a b b c
        // predicted: a a b b c c
        Metrics m = new Evaluator()
                .metrics(List.of("a", "a", "a", "b", "b", "c"), List.of("a", "a", "b", "b", "c", "c"), null);

        assertThat(m.accuracy()).isCloseTo(4.0 / 6, within(1e-12));
        assertThat(m.perClass().get("a")).isEqualTo(new ClassMetrics(1.0, 2.0 / 3, 0.8, 3));
        assertThat(m.perClass().get("b").precision()).isCloseTo(0.5, within(1e-12));
        assertThat(m.perClass().get("b").recall()).isCloseTo(0.5, within(1e-12));
        assertThat(m.perClass().get("c").precision()).isCloseTo(0.5, within(1e-12));
        assertThat(m.perClass().get("c").recall()).isCloseTo(1.0, within(1e-12));
        assertThat(m.macroPrecision()).isCloseTo((1.0 + 0.5 + 0.5) / 3, within(1e-12));
        assertThat(m.macroRecall()).isCloseTo((2.0 / 3 + 0.5 + 1.0) / 3, within(1e-12));
        assertThat(m.macroF1()).isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, within(1e-12));
        assertThat(m.weightedF1()).isCloseTo((0.8 * 3 + 0.5 * 2 + 2.0 / 3) / 6, within(1e-12));
        assertThat(m.confusionMatrix())
                .isEqualTo(new ConfusionMatrix(List.of("a", "b", "c"), new long[][] {{2, 1, 0}, {0, 1, 1}, {0, 0, 1}}));
        assertThat(m.logLoss()).isNull();
        assertThat(m.byName()).containsEntry("recall[c]", 1.0).doesNotContainKey("logLoss");
    }

    @Test
    void shouldCountAClassThatIsNeverPredictedAsZeroPrecision() {
        Metrics m = new Evaluator().metrics(List.of("a", "b"), List.of("a", "a"), 0.5);

        assertThat(m.perClass().get("b")).isEqualTo(new ClassMetrics(0, 0, 0, 1));
        assertThat(m.byName()).containsEntry("logLoss", 0.5);
    }
}
