package io.mlops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.gates.Criticality;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import io.mlops.engine.eval.EvaluationPipeline;
import io.mlops.engine.eval.EvaluationRequest;
import io.mlops.engine.eval.EvaluationResult;
import io.mlops.engine.gates.GateParser;
import io.mlops.engine.metadata.MetadataWriter;
import io.mlops.engine.registry.FileSystemRegistry;
import io.mlops.engine.registry.ModelVersion;
import io.mlops.engine.registry.Registration;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingResult;
import io.mlops.engine.train.TrainingSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Documents written by the real engine (training, evaluation, registration) read back through the contract's types:
 * what the Jenkins plugin and every other reader sees is exactly what the engine wrote.
 */
class ContractRoundTripTest {
    @TempDir
    static Path dir;

    private static TrainingResult trained;

    @BeforeAll
    static void train() {
        Path data = TestData.writeMixedCsv(dir.resolve("train.csv"), 300, 1);
        TrainingSpec spec = TrainingSpec.builder()
                .data(data)
                .label("category")
                .column("description", ColumnType.TEXT)
                .param("epochs", 2)
                .seed(7L)
                .output(dir.resolve("model"))
                .build();
        trained = new TrainingPipeline(ProgressListener.NONE, dir)
                .train(spec, new GateParser(Criticality.FAILURE).parse(List.of("accuracy >= 0.1")));
    }

    private static RunMetadata read(final Path file) throws Exception {
        return new RunMetadataReader().read(file.toString(), Files.readString(file));
    }

    @Test
    void shouldReadATrainingRunsDocumentBackToTheSameRecord() throws Exception {
        Path file = dir.resolve("model").resolve(BundleLayout.METADATA_FILE);

        RunMetadata read = read(file);

        assertThat(read).isEqualTo(trained.metadata());
        assertThat(read.kind()).isEqualTo(RunKind.TRAIN);
        assertThat(read.metrics().byName()).containsKeys("accuracy", "weightedF1", "f1[transport]");
        assertThat(read.gates().results()).hasSize(1);
        assertThat(new MetadataWriter().toJson(read)).isEqualTo(Files.readString(file));
    }

    @Test
    void shouldReadAnEvaluationRunsDocumentBackToTheSameRecord() throws Exception {
        Path test = TestData.writeMixedCsv(dir.resolve("test.csv"), 120, 2);
        EvaluationResult evaluated = new EvaluationPipeline(ProgressListener.NONE, dir)
                .evaluate(new EvaluationRequest(
                        dir.resolve("model"),
                        test,
                        new GateParser(Criticality.UNSTABLE).parse(List.of("accuracy >= baseline - 0.5")),
                        dir.resolve("model")));
        Path file = Files.writeString(dir.resolve("evaluation.json"), evaluated.metadataJson());

        RunMetadata read = read(file);

        assertThat(read).isEqualTo(evaluated.metadata());
        assertThat(read.baselineMetrics()).isEqualTo(evaluated.baselineMetrics());
        assertThat(new MetadataWriter().toJson(read)).isEqualTo(evaluated.metadataJson());
    }

    @Test
    void shouldSummariseTheRegisteredRunFromTheTypedDocument() throws Exception {
        FileSystemRegistry registry = FileSystemRegistry.open(dir.resolve("registry"));

        ModelVersion version = registry.register(Registration.of(dir.resolve("model"), "receipts", "ci"));

        RunMetadata training = trained.metadata();
        assertThat(version.run().runId()).isEqualTo(training.runId());
        assertThat(version.run().metrics()).isEqualTo(training.metrics().byName());
        assertThat(version.run().trainDataSha256())
                .isEqualTo(training.data().get(RunMetadata.TRAIN_DATA).sha256());
        assertThat(version.run().code()).isEqualTo(training.codeVersion());
        Path stored = registry.versionFolder("receipts", 1).resolve(BundleLayout.METADATA_FILE);
        assertThat(read(stored)).isEqualTo(training);
    }
}
