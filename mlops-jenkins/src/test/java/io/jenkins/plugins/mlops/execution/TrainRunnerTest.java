package io.jenkins.plugins.mlops.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.launch.ProcessOutcome;
import io.jenkins.plugins.mlops.records.EngineDocuments;
import io.jenkins.plugins.mlops.records.RunStore;
import io.mlops.contract.Json;
import io.mlops.contract.metadata.ModelInfo;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainRunnerTest {
    @TempDir
    Path workspace;

    @TempDir
    Path buildDir;

    @BeforeEach
    void writeModelBundle() throws Exception {
        Files.createDirectories(workspace.resolve("model"));
        Files.writeString(workspace.resolve("model/model.tribuo"), "model bytes");
        Files.writeString(workspace.resolve("model/bundle.json"), "{}");
    }

    private FakeBuildContext engineWrites(int exitCode, String errorLine, String metadata) {
        return new FakeBuildContext(workspace, buildDir, (arguments, metadataPath) -> {
            if (metadata != null) {
                Files.createDirectories(workspace.resolve(metadataPath).getParent());
                Files.writeString(workspace.resolve(metadataPath), metadata);
            }
            return new LaunchResult(new ProcessOutcome(exitCode, errorLine), metadata, workspace.toString());
        });
    }

    private static TrainRequest receipts() {
        return new TrainRequest(
                null,
                "data/receipts.csv",
                "category",
                "logistic",
                Map.of("epochs", "10"),
                42,
                null,
                null,
                "model",
                "model/run-metadata.json",
                CsvFormatArguments.DETECT);
    }

    @Test
    void shouldRecordRunAndReturnMetadataAsMap() throws Exception {
        FakeBuildContext build = engineWrites(0, "", EngineDocuments.train("t1"));

        Map<String, Object> result = new TrainRunner(build).run(receipts());

        assertThat(result)
                .containsEntry("runId", "t1")
                .containsEntry("metadataFile", "model/run-metadata.json")
                .containsEntry("modelArtifact", "mlops/t1/model")
                .containsEntry("buildResult", "SUCCESS");
        double accuracy =
                RunStore.parse("test", EngineDocuments.train("t1")).metrics().accuracy();
        assertThat(((Map<?, ?>) result.get("metrics")).get("accuracy")).isEqualTo(accuracy);
        assertThat(result).containsEntry("schemaVersion", RunMetadataSchema.VERSION);
        assertThat(buildDir.resolve("mlops/t1.json")).exists();
        assertThat(build.archived)
                .containsExactly(
                        Map.entry("mlops/t1/run-metadata.json", "model/run-metadata.json"),
                        Map.entry("mlops/t1/model/model.tribuo", "model/model.tribuo"),
                        Map.entry("mlops/t1/model/bundle.json", "model/bundle.json"),
                        Map.entry("mlops/t1/model/run-metadata.json", "model/run-metadata.json"));
        assertThat(buildDir.resolve("archive/mlops/t1/model/model.tribuo")).hasContent("model bytes");
        assertThat(build.actions).singleElement().satisfies(a -> {
            assertThat(a.getFunctionName()).isEqualTo("mlTrain");
            assertThat(a.getMetrics()).containsEntry("accuracy", accuracy).containsKey("weightedF1");
        });
        assertThat(build.results).isEmpty();
        assertThat(build.log())
                .contains("[mlTrain] mlops train --data data/receipts.csv --label category --algorithm logistic"
                        + " --param epochs=10 --seed 42 --output model --metadata model/run-metadata.json");
    }

    @Test
    void shouldFailWithTheEngineMessageOnBadInput() {
        FakeBuildContext build =
                engineWrites(3, "mlops: data/train.csv line 812: column 'amount' is not a number: \"12,5O\"", null);

        assertThatThrownBy(() -> new TrainRunner(build).run(receipts()))
                .isInstanceOf(StepFailure.class)
                .hasMessage(
                        "[mlTrain] data/train.csv line 812: column 'amount' is not a number: \"12,5O\" (mlops exit code 3: bad input)");
        assertThat(build.actions).isEmpty();
        assertThat(build.archived).isEmpty();
    }

    @Test
    void shouldFailWhenTheEngineProcessDies() {
        FakeBuildContext build = engineWrites(137, "", null);

        assertThatThrownBy(() -> new TrainRunner(build).run(receipts()))
                .hasMessage("[mlTrain] mlops exit code 137: terminated abnormally (crash, out of memory or killed)");
    }

    @Test
    void shouldArchiveModelOfSpecRunFromMetadataPath() throws Exception {
        RunMetadata trained = RunStore.parse("test", EngineDocuments.train("s1"));
        String metadata = Json.pretty()
                .writeValueAsString(trained.toBuilder()
                        .model(new ModelInfo(
                                workspace.resolve("model").toString(),
                                trained.model().sha256(),
                                trained.model().fingerprint()))
                        .build());
        FakeBuildContext build = engineWrites(0, "", metadata);
        TrainRequest spec = new TrainRequest(
                "ml/train.yaml",
                null,
                null,
                null,
                Map.of(),
                null,
                null,
                null,
                null,
                ".mlops/train-run-metadata.json",
                CsvFormatArguments.DETECT);

        Map<String, Object> result = new TrainRunner(build).run(spec);

        assertThat(result).containsEntry("modelArtifact", "mlops/s1/model");
        assertThat(build.archived).containsKeys("mlops/s1/run-metadata.json", "mlops/s1/model/model.tribuo");
        assertThat(build.launches).singleElement().asList().startsWith("train", "--spec", "ml/train.yaml");
    }

    @Test
    void shouldTurnModelPathsIntoWorkspaceFolders() {
        assertThat(ModelPaths.bundleDir("model/model.tribuo", "/ws")).isEqualTo("model");
        assertThat(ModelPaths.bundleDir("/ws/out/m1", "/ws")).isEqualTo("out/m1");
        assertThat(ModelPaths.bundleDir("/elsewhere/model.tribuo", "/ws")).isNull();
        assertThat(ModelPaths.bundleDir("../up/model.tribuo", "/ws")).isNull();
        assertThat(ModelPaths.bundleDir("model.tribuo", "/ws")).isEqualTo(".");
        assertThat(ModelPaths.bundleDir(null, "/ws")).isNull();
    }
}
