package io.mlops.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.contract.MlopsException;
import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.data.ColumnType;
import io.mlops.contract.gates.Criticality;
import io.mlops.contract.gates.GateStatus;
import io.mlops.contract.metrics.Metrics;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.TestData;
import io.mlops.engine.data.TableReader;
import io.mlops.engine.data.TypedData;
import io.mlops.engine.eval.Evaluator;
import io.mlops.engine.gates.GateParser;
import io.mlops.engine.io.Hashing;
import io.mlops.engine.metadata.MetadataWriter;
import io.mlops.engine.model.ModelBundle;
import io.mlops.engine.model.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TrainingPipelineTest {
    @TempDir
    Path dir;

    private TrainingSpec.Builder spec(final Path data, final String output) {
        return TrainingSpec.builder()
                .data(data)
                .label("category")
                .column("description", ColumnType.TEXT)
                .param("epochs", 3)
                .seed(7L)
                .output(dir.resolve(output));
    }

    private TrainingResult train(final TrainingSpec spec) {
        return new TrainingPipeline(ProgressListener.NONE, dir).train(spec, List.of());
    }

    @Test
    void shouldWriteABundleThatReloadsAndRescoresToTheRecordedMetrics() throws IOException {
        Path data = TestData.writeMixedCsv(dir.resolve("train.csv"), 600, 1);
        Path test = TestData.writeMixedCsv(dir.resolve("test.csv"), 200, 2);

        TrainingResult result = train(spec(data, "model").testData(test).build());

        Path bundle = dir.resolve("model");
        assertThat(bundle.resolve("model.tribuo")).isRegularFile();
        assertThat(bundle.resolve("bundle.json")).isRegularFile();
        assertThat(bundle.resolve("run-metadata.json")).hasContent(result.metadataJson());
        assertThat(Hashing.sha256(bundle.resolve("model.tribuo")))
                .isEqualTo(result.metadata().model().sha256());

        ModelBundle loaded = new ModelStore().load(bundle.resolve("model.tribuo"));
        TypedData testData =
                TypedData.of(new TableReader().read(test), loaded.preparation().getSchema());
        Metrics rescored =
                new Evaluator().evaluate(loaded.model(), loaded.preparation().examples(testData));
        assertThat(rescored).isEqualTo(result.metadata().metrics());
        assertThat(rescored.accuracy()).isBetween(0.7, 0.99);
        assertThat(rescored.logLoss()).isNotNull().isPositive();

        JsonNode json = new ObjectMapper().readTree(Files.readString(bundle.resolve("run-metadata.json")));
        assertThat(MetadataWriter.violations(json)).isEmpty();
        assertThat(json.get("kind").asText()).isEqualTo("train");
        assertThat(json.get("hyperparameters").get("epochs").asInt()).isEqualTo(3);
        assertThat(json.get("data").get("train").get("sha256").asText()).isEqualTo(Hashing.sha256(data));
        assertThat(json.get("data").get("test").get("rows").asInt()).isEqualTo(200);
        assertThat(json.get("split").get("method").asText()).isEqualTo("file");
        assertThat(json.get("schema").get("features").toString()).contains("\"description\"", "TEXT", "NUMERIC");
        assertThat(json.get("environment").get("tribuo").asText()).isEqualTo("4.3.2");
        assertThat(json.has("codeVersion")).as("the temp folder is not in Git").isFalse();
    }

    @Test
    void shouldBeReproducibleForSameSpecDataAndSeed() throws IOException {
        Path data = TestData.writeMixedCsv(dir.resolve("train.csv"), 400, 1);

        TrainingResult first = train(spec(data, "a").build());
        TrainingResult second = train(spec(data, "b").build());
        TrainingResult otherSeed = train(spec(data, "c").seed(8L).build());
        Path changed = TestData.writeMixedCsv(dir.resolve("other.csv"), 400, 3);
        TrainingResult otherData = train(spec(changed, "d").build());

        String fingerprint = first.bundle().manifest().modelFingerprint();
        assertThat(second.bundle().manifest().modelFingerprint()).isEqualTo(fingerprint);
        assertThat(second.metadata().metrics()).isEqualTo(first.metadata().metrics());
        assertThat(otherSeed.bundle().manifest().modelFingerprint()).isNotEqualTo(fingerprint);
        assertThat(otherData.bundle().manifest().modelFingerprint()).isNotEqualTo(fingerprint);
        // the raw files carry training timestamps, which is why the fingerprint exists
        assertThat(Files.size(dir.resolve("a/model.tribuo"))).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void shouldTrainSaveAndReloadEveryAlgorithm(final Algorithm algorithm) {
        Path data = TestData.writeMixedCsv(dir.resolve("train.csv"), 300, 1);
        TrainingSpec.Builder builder = TrainingSpec.builder()
                .data(data)
                .label("category")
                .column("description", ColumnType.TEXT)
                .algorithm(algorithm)
                .output(dir.resolve("m"));
        if (algorithm == Algorithm.RANDOM_FOREST || algorithm == Algorithm.XGBOOST) {
            builder.param("trees", 5);
        }

        TrainingResult result = train(builder.build());

        ModelBundle loaded = new ModelStore().load(dir.resolve("m"));
        assertThat(loaded.manifest().algorithm()).isEqualTo(algorithm.id());
        assertThat(result.metadata().metrics().accuracy()).isGreaterThan(0.6);
        assertThat(loaded.model().getOutputIDInfo().size()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void shouldTrainATextOnlyModelWhoseTestRowsHaveOnlyWordsItNeverSaw(final Algorithm algorithm) throws IOException {
        // every fourth description is one word of its own, so the test split holds rows the model knows nothing of
        StringBuilder csv = new StringBuilder("description,category\n");
        List<String> words = List.of("taxi", "hotel", "lunch");
        for (int row = 0; row < 300; row++) {
            String category = List.of("travel", "lodging", "meals").get(row % 3);
            String description = row % 4 == 0 ? "w" + row + "x" : words.get(row % 3) + " receipt " + row % 7;
            csv.append(description).append(',').append(category).append('\n');
        }
        Path data = Files.writeString(dir.resolve("text.csv"), csv);
        TrainingSpec.Builder builder = TrainingSpec.builder()
                .data(data)
                .label("category")
                .column("description", ColumnType.TEXT)
                .algorithm(algorithm)
                .seed(3L)
                .output(dir.resolve("text"));
        if (algorithm == Algorithm.RANDOM_FOREST || algorithm == Algorithm.XGBOOST) {
            builder.param("trees", 5);
        }

        TrainingResult result = train(builder.build());

        // the known-word rows are predicted right, the others from what the model does without words
        assertThat(result.metadata().metrics().accuracy()).isBetween(0.6, 0.95);
        assertThat(new ModelStore().load(dir.resolve("text")).manifest().algorithm())
                .isEqualTo(algorithm.id());
    }

    @Test
    void shouldReportProgressWhileTraining() {
        Path data = TestData.writeMixedCsv(dir.resolve("train.csv"), 300, 1);
        List<String> messages = new ArrayList<>();

        new TrainingPipeline(messages::add, dir).train(spec(data, "m").build(), List.of());

        assertThat(messages).as(messages.toString()).anyMatch(m -> m.startsWith("reading "));
        assertThat(messages)
                .filteredOn(m -> m.matches("training +\\d+% \\(iteration \\d+ of \\d+, average loss [0-9.]+\\)"))
                .hasSizeGreaterThanOrEqualTo(9);
        assertThat(messages).anyMatch(m -> m.contains("training 100%"));
        assertThat(messages).anyMatch(m -> m.startsWith("model written to "));
    }

    @Test
    void shouldApplyGatesOnTheTestMetrics() {
        Path data = TestData.writeMixedCsv(dir.resolve("train.csv"), 400, 1);

        TrainingResult result = new TrainingPipeline(ProgressListener.NONE, dir)
                .train(
                        spec(data, "m").build(),
                        new GateParser(Criticality.UNSTABLE).parse(List.of("accuracy >= 0.5", "accuracy >= 0.9999")));

        assertThat(result.metadata().gates().outcome()).isEqualTo(GateStatus.UNSTABLE);
        assertThat(result.metadata().gates().results())
                .extracting(r -> r.status())
                .containsExactly(GateStatus.PASSED, GateStatus.UNSTABLE);
    }

    @Test
    void shouldRejectALabelWithOneClassAndWriteNothing() {
        Path data = TestData.write(dir.resolve("one.csv"), "amount,category\n1,meals\n2,meals\n3,meals\n");

        TrainingSpec spec = TrainingSpec.builder()
                .data(data)
                .label("category")
                .output(dir.resolve("m"))
                .build();
        assertThatThrownBy(() -> train(spec))
                .isInstanceOf(MlopsException.class)
                .hasMessage(
                        data + ": label column 'category' has only one class [meals]; a classifier needs at least two");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void shouldRefuseToReplaceAFolderThatIsNotABundle() throws IOException {
        Path data = TestData.writeMixedCsv(dir.resolve("train.csv"), 200, 1);
        Path precious = TestData.write(dir.resolve("work/notes.txt"), "keep me");

        assertThatThrownBy(() -> train(spec(data, "work").build()))
                .hasMessage(dir.resolve("work")
                        + ": output folder holds files that are not part of a model bundle (notes.txt); writing a"
                        + " bundle replaces the whole folder, so choose a new or empty folder, or move those files"
                        + " away");
        assertThat(precious).hasContent("keep me");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).doesNotContain(".work.tmp");
        }
    }

    @Test
    void shouldRejectAnOutputBelowAFileAndLeaveNoTemporaryFiles() throws IOException {
        Path data = TestData.writeMixedCsv(dir.resolve("train.csv"), 200, 1);
        TestData.write(dir.resolve("blocker"), "a file, not a folder");

        assertThatThrownBy(() -> train(spec(data, "blocker/model").build()))
                .isInstanceOf(MlopsException.class)
                .hasMessage(dir.resolve("blocker") + ": output folder is a file, expected a folder");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("train.csv", "blocker");
        }
    }

    @Test
    void shouldReplaceAnEarlierBundleCompletely() {
        Path data = TestData.writeMixedCsv(dir.resolve("train.csv"), 200, 1);
        train(spec(data, "m").build());
        String firstSha = new ModelStore().load(dir.resolve("m")).manifest().modelSha256();

        train(spec(data, "m").seed(99L).build());

        assertThat(new ModelStore().load(dir.resolve("m")).manifest().modelSha256())
                .isNotEqualTo(firstSha);
        assertThat(new ModelStore().load(dir.resolve("m")).manifest().seed()).isEqualTo(99);
    }
}
