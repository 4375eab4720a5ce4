package io.jenkins.plugins.mlops.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.records.EngineDocuments;
import io.jenkins.plugins.mlops.records.RunStore;
import io.mlops.contract.data.ColumnStats;
import io.mlops.contract.data.DataFingerprint;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metrics.ConfusionMatrix;
import io.mlops.contract.metrics.Metrics;
import io.mlops.contract.retrain.ColumnDrift;
import io.mlops.contract.retrain.DataDrift;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BuildComparisonTest {
    private static RunMetadata train;
    private static RunMetadata evaluation;

    @BeforeAll
    static void runs() throws IOException {
        train = RunStore.parse("train", EngineDocuments.train("train-1"));
        evaluation = RunStore.parse("evaluate", EngineDocuments.evaluate("evaluate-1", "PASSED"));
    }

    private static BuildComparison compare(List<RunMetadata> a, List<RunMetadata> b) {
        return BuildComparison.of(new BuildComparison.Side(12, a), new BuildComparison.Side(15, b));
    }

    private static Metrics metrics(double accuracy, long[][] counts) {
        return new Metrics(
                accuracy,
                0.7,
                0.7,
                0.7,
                0.75,
                0.4,
                100,
                Map.of(),
                new ConfusionMatrix(List.of("food", "lodging"), counts));
    }

    @Test
    void shouldTakeTheMetricsOfTheLastRunThatMeasuredThem() {
        RunMetadata better = evaluation.toBuilder()
                .metrics(metrics(0.9, new long[][] {{45, 5}, {5, 45}}))
                .build();
        RunMetadata worse = evaluation.toBuilder()
                .metrics(metrics(0.8, new long[][] {{40, 10}, {10, 40}}))
                .build();

        List<BuildComparison.MetricDelta> deltas =
                compare(List.of(train, worse), List.of(train, better)).metricDeltas();

        BuildComparison.MetricDelta accuracy = deltas.get(0);
        assertThat(accuracy.name()).isEqualTo("accuracy");
        assertThat(List.of(accuracy.aText(), accuracy.bText(), accuracy.deltaText()))
                .containsExactly("0.8000", "0.9000", "+0.1000");
        assertThat(accuracy.direction()).isEqualTo("better");
        assertThat(deltas)
                .filteredOn(delta -> delta.name().equals("logLoss"))
                .singleElement()
                .satisfies(logLoss -> assertThat(logLoss.direction()).isEqualTo("same"));
    }

    @Test
    void shouldCallALowerLogLossBetter() {
        assertThat(new BuildComparison.MetricDelta("logLoss", 0.5, 0.3).direction())
                .isEqualTo("better");
        assertThat(new BuildComparison.MetricDelta("macroF1", 0.5, 0.3).direction())
                .isEqualTo("worse");
        assertThat(new BuildComparison.MetricDelta("macroF1", null, 0.3).deltaText())
                .isEqualTo("-");
    }

    @Test
    void shouldListOnlyTheHyperparametersThatDiffer() {
        Map<String, Object> changed = new LinkedHashMap<>(train.hyperparameters());
        String name = changed.keySet().iterator().next();
        changed.put(name, "changed");
        changed.put("addedOnlyInB", 3);
        RunMetadata other = train.toBuilder().hyperparameters(changed).build();

        assertThat(compare(List.of(train), List.of(other)).hyperparameterDifferences())
                .containsExactly(
                        new BuildComparison.Difference(
                                name, String.valueOf(train.hyperparameters().get(name)), "changed"),
                        new BuildComparison.Difference("addedOnlyInB", "-", "3"));
        assertThat(compare(List.of(train), List.of(train)).hyperparameterDifferences())
                .isEmpty();
    }

    @Test
    void shouldCompareTheDataOfEachRoleWithTheContractsDrift() {
        DataFingerprint trainData = train.data().get(RunMetadata.TRAIN_DATA);
        Map<String, ColumnStats> columns = new LinkedHashMap<>(trainData.columns());
        String removed = columns.keySet().iterator().next();
        columns.remove(removed);
        columns.put("hour", new ColumnStats("NUMERIC", 0, 0.0, 23.0, 11.5, 6.9, null, null, List.of(1L, 1L, 1L)));
        DataFingerprint changed = new DataFingerprint("later.csv", "f".repeat(64), trainData.rows(), columns);
        Map<String, DataFingerprint> data = new LinkedHashMap<>(train.data());
        data.put(RunMetadata.TRAIN_DATA, changed);
        RunMetadata other = train.toBuilder().data(data).build();

        BuildComparison.DataDifference difference = compare(List.of(train), List.of(other)).dataDifferences().stream()
                .filter(d -> d.role().equals(RunMetadata.TRAIN_DATA))
                .findFirst()
                .orElseThrow();

        assertThat(difference.sameContent()).isFalse();
        assertThat(difference.summary())
                .isEqualTo(
                        "different content: " + trainData.rows() + " rows in A, " + changed.rows() + " rows in B (+0)");
        assertThat(difference.columns()).isEqualTo(DataDrift.between(trainData, changed));
        assertThat(difference.columns())
                .filteredOn(c -> c.change() != ColumnDrift.Change.KEPT)
                .extracting(ColumnDrift::column, ColumnDrift::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(removed, ColumnDrift.Change.REMOVED),
                        org.assertj.core.groups.Tuple.tuple("hour", ColumnDrift.Change.ADDED));
        BuildComparison.DriftRow kept = difference.rows().stream()
                .filter(row -> row.drift().change() == ColumnDrift.Change.KEPT
                        && row.drift().psi() != null)
                .findFirst()
                .orElseThrow();
        assertThat(kept.psiText())
                .isEqualTo(String.format(Locale.ROOT, "%.4f", kept.drift().psi()));
        // the kept columns' statistics did not change
        assertThat(difference.rows())
                .filteredOn(row -> row.drift().change() == ColumnDrift.Change.KEPT)
                .allSatisfy(row -> assertThat(row.drift().psi()).isIn(null, 0.0));
    }

    @Test
    void shouldShadeEachCellByItsShareOfTheTrueClass() {
        MatrixTable table =
                MatrixTable.of(new ConfusionMatrix(List.of("food", "lodging"), new long[][] {{40, 10}, {0, 0}}));

        assertThat(table.rows().get(0).cells())
                .extracting(MatrixTable.Cell::cssClass)
                .containsExactly("mlops-shade-4 mlops-diagonal", "mlops-shade-1");
        assertThat(table.rows().get(1).cells())
                .extracting(MatrixTable.Cell::shade)
                .containsExactly(0, 0);
        assertThat(MatrixTable.of(null)).isNull();
    }

    @Test
    void shouldShowBothConfusionMatricesAndNoneForABuildWithoutMetrics() {
        RunMetadata noMetrics = train.toBuilder().metrics(null).build();

        List<BuildComparison.MatrixSide> sides =
                compare(List.of(noMetrics), List.of(evaluation)).matrices();

        assertThat(sides).extracting(BuildComparison.MatrixSide::name).containsExactly("A", "B");
        assertThat(sides.get(0).matrix()).isNull();
        assertThat(sides.get(1).matrix().labels())
                .isEqualTo(evaluation.metrics().confusionMatrix().labels());
    }
}
