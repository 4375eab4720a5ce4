package io.jenkins.plugins.mlops.charts;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.mlops.records.EngineDocuments;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.ModelVersionAction;
import io.jenkins.plugins.mlops.records.RunStore;
import io.mlops.contract.Json;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import io.mlops.contract.retrain.ConditionKind;
import io.mlops.contract.retrain.ConditionStatus;
import io.mlops.contract.retrain.RetrainCondition;
import io.mlops.report.MetricTrend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrendRecorderTest {
    @TempDir
    Path buildDir;

    private MlRunAction store(String function, String runId, String json) throws Exception {
        new RunStore(buildDir.toFile()).write(RunStore.parse("test", json), json);
        return new MlRunAction(function, runId, null, buildDir.toFile());
    }

    /** A retrain check whose accuracy-decay condition measured the given live accuracy against 0.88. */
    private MlRunAction retrainCheck(String runId, double live, boolean fired) throws Exception {
        RunMetadata check = new RunMetadataReader().read("check", EngineDocuments.retrainCheck(runId, false));
        List<RetrainCondition> conditions = new ArrayList<>(check.decision().conditions());
        conditions.add(RetrainCondition.builder(ConditionKind.ACCURACY_DECAY)
                .status(fired ? ConditionStatus.FIRED : ConditionStatus.NOT_FIRED)
                .measured(live)
                .threshold(0.88)
                .detail("live accuracy " + live + " against 0.88")
                .build());
        RunMetadata withLive = check.toBuilder()
                .decision(check.decision().toBuilder().conditions(conditions).build())
                .build();
        return store("mlRetrainWhen", runId, Json.pretty().writeValueAsString(withLive));
    }

    @Test
    void shouldIndexEverythingTheRunHistoryShowsAndReadItBack() throws Exception {
        List<MlRunAction> runs = List.of(
                store("mlTrain", "t1", EngineDocuments.train("t1")),
                store("mlEvaluate", "e1", EngineDocuments.evaluate("e1", "UNSTABLE")),
                store("mlDeploy", "d1", EngineDocuments.deploy("d1", false)),
                retrainCheck("r1", 0.76, true));
        List<ModelVersionAction> versions = List.of(
                ModelVersionAction.registered("receipts", 4, "challenger", "ab", "jenkins", "t", null),
                ModelVersionAction.promoted("receipts", 4, "champion", 3, "carol", "t", "better", null));
        RunMetadata train = runs.get(0).getMetadata().orElseThrow();
        RunMetadata evaluate = runs.get(1).getMetadata().orElseThrow();

        TrendIndex index = new TrendIndex(buildDir.resolve("job"));
        index.append(TrendRecorder.lineOf(runs, versions, 7).orElseThrow());
        TrendIndex.Line line = index.lines(50).get(0);

        assertThat(line.build()).isEqualTo(7);
        assertThat(line.label()).isEqualTo("#7");
        assertThat(line.metrics()).isEqualTo(evaluate.metrics().byName());
        assertThat(line.thresholds()).containsEntry("accuracy", 0.0).containsEntry(MetricTrend.LIVE_ACCURACY, 0.88);
        assertThat(line.liveAccuracy()).isEqualTo(0.76);
        assertThat(line.algorithm()).isEqualTo(train.algorithm()).isNotBlank();
        assertThat(line.modelName()).isEqualTo("receipts");
        assertThat(line.modelVersion()).isEqualTo(4);
        assertThat(line.aliases()).containsExactly("challenger", "champion");
        assertThat(line.dataRows())
                .isEqualTo(train.data().get(RunMetadata.TRAIN_DATA).rows())
                .isPositive();
        assertThat(line.dataFingerprint())
                .hasSize(TrendIndex.Line.FINGERPRINT_CHARS)
                .isEqualTo(train.data().get(RunMetadata.TRAIN_DATA).sha256().substring(0, 12));
        assertThat(line.gateOutcome()).isEqualTo("UNSTABLE");
        assertThat(line.deployments()).containsExactly("ROLLED_BACK");
        assertThat(line.retrainReason()).isEqualTo("accuracy-decay");
        assertThat(line.hyperparameters())
                .isNotEmpty()
                .containsOnlyKeys(train.hyperparameters().keySet());
        assertThat(line.point().metrics()).containsEntry(MetricTrend.LIVE_ACCURACY, 0.76);
    }

    @Test
    void shouldIndexABuildThatOnlyCheckedForRetrainingWithItsLiveAccuracy() throws Exception {
        TrendIndex.Line line = TrendRecorder.lineOf(List.of(retrainCheck("r2", 0.91, false)), List.of(), 3)
                .orElseThrow();

        assertThat(line.metrics()).isEmpty();
        assertThat(line.liveAccuracy()).isEqualTo(0.91);
        assertThat(line.retrainReason()).isEqualTo(TrendIndex.Line.NOT_DUE);
        assertThat(line.gateOutcome()).isNull();
        assertThat(line.modelVersion()).isNull();
        assertThat(line.point().metrics()).containsOnlyKeys(MetricTrend.LIVE_ACCURACY);
    }

    @Test
    void shouldIndexNothingForABuildWithoutMlSteps() {
        assertThat(TrendRecorder.lineOf(List.of(), List.of(), 1)).isEmpty();
    }
}
