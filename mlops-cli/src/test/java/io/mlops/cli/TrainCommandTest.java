package io.mlops.cli;

import static io.mlops.cli.Cli.abs;
import static io.mlops.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir
    Path tempDir;

    private Path data;

    @BeforeEach
    void writeData() {
        data = Cli.receipts(tempDir.resolve("data/receipts.csv"), 1, 600);
    }

    @Test
    void shouldPrintExactlyOneJsonDocumentThatMatchesTheBundle() throws IOException {
        Path model = tempDir.resolve("out/model");

        Cli.Result result = run(
                "train",
                "--data",
                abs(data),
                "--label",
                "category",
                "--algorithm",
                "logistic",
                "-p",
                "epochs=3",
                "--seed",
                "7",
                "--output",
                abs(model),
                "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json;
        try (JsonParser parser = Cli.JSON.createParser(result.out())) {
            json = parser.readValueAsTree();
            assertThat(parser.nextToken())
                    .as("anything after the JSON document")
                    .isNull();
        }
        Cli.validMetadata(json);
        assertThat(json.path("kind").asText()).isEqualTo("train");
        assertThat(json.path("algorithm").asText()).isEqualTo("logistic");
        assertThat(json.path("seed").asLong()).isEqualTo(7);
        assertThat(json.path("hyperparameters").path("epochs").isInt()).isTrue();
        assertThat(json.path("hyperparameters").path("epochs").asInt()).isEqualTo(3);
        assertThat(json.path("split").path("method").asText()).isEqualTo("holdout");
        assertThat(json.path("split").path("trainRows").asInt()
                        + json.path("split").path("testRows").asInt())
                .isEqualTo(600);
        assertThat(json.path("data").path("train").path("sha256").asText()).isEqualTo(Cli.sha256(data));
        assertThat(json.path("model").path("sha256").asText()).isEqualTo(Cli.sha256(model.resolve("model.tribuo")));
        assertThat(json.path("metrics").path("accuracy").asDouble()).isBetween(0.5, 1.0);

        Cli.assertBundle(model);
        assertThat(Files.readString(model.resolve("run-metadata.json"))).isEqualTo(result.out());
        assertThat(result.err()).contains("[mlops] training logistic", "%");
        assertThat(result.errorLines()).isEmpty();
        assertThat(Cli.entries(model.getParent())).containsExactly("model");
    }

    @Test
    void shouldWriteACopyOfTheMetadataWithTheMetadataOption() throws IOException {
        Path model = tempDir.resolve("model");
        Path metadata = tempDir.resolve("reports/train.json");

        Cli.Result result = run(
                "train",
                "--data",
                abs(data),
                "--label",
                "category",
                "-p",
                "epochs=1",
                "--output",
                abs(model),
                "--metadata",
                abs(metadata),
                "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        Cli.validMetadata(metadata);
        assertThat(Files.readString(metadata))
                .isEqualTo(Files.readString(model.resolve("run-metadata.json")))
                .isEqualTo(result.out());
        assertThat(Cli.entries(metadata.getParent())).containsExactly("train.json");
    }

    @Test
    void shouldPrintAReadableReportWithoutJson() {
        Path model = tempDir.resolve("model");

        Cli.Result result = run(
                "train",
                "--data",
                abs(data),
                "--label",
                "category",
                "-p",
                "epochs=1",
                "--seed",
                "3",
                "--output",
                abs(model));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(
                        "(logistic, seed 3)",
                        "metric",
                        "accuracy",
                        "macroF1",
                        "class",
                        "precision",
                        "recall",
                        "support",
                        "lodging",
                        "confusion matrix",
                        "run metadata: " + model.resolve("run-metadata.json"));
        assertThat(result.out()).doesNotContain("quality gates");
        Cli.assertBundle(model);
    }

    @Test
    void shouldTrainFromAYamlSpec() {
        Path model = tempDir.resolve("yaml-model");
        Path spec = Cli.write(
                tempDir.resolve("train.yaml"),
                String.join(
                        "\n",
                        "data: " + abs(data),
                        "label: category",
                        "columns:",
                        "  description: text",
                        "  amount: numeric",
                        "ignore: [merchant]",
                        "algorithm: logistic",
                        "params:",
                        "  epochs: 2",
                        "seed: 5",
                        "testFraction: 0.25",
                        "features:",
                        "  ngrams: 2",
                        "output: " + abs(model),
                        ""));

        Cli.Result result = run("train", "--spec", abs(spec), "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode metadata = Cli.assertBundle(model);
        assertThat(metadata.path("seed").asLong()).isEqualTo(5);
        assertThat(metadata.path("hyperparameters").path("epochs").asInt()).isEqualTo(2);
        assertThat(metadata.path("split").path("testFraction").asDouble()).isEqualTo(0.25);
        assertThat(metadata.path("split").path("testRows").asInt()).isBetween(140, 160);
        assertThat(metadata.path("features").path("ngrams").asInt()).isEqualTo(2);
        assertThat(metadata.path("schema").toString())
                .doesNotContain("merchant")
                .contains("description");
        assertThat(result.json()).isEqualTo(metadata);
    }

    @Test
    void shouldTrainFromAJsonSpec() {
        Path model = tempDir.resolve("json-model");
        Path spec = Cli.write(
                tempDir.resolve("train.json"),
                Cli.JSON
                        .createObjectNode()
                        .put("data", abs(data))
                        .put("label", "category")
                        .put("algorithm", "cart")
                        .put("seed", 9)
                        .put("output", abs(model))
                        .set("params", Cli.JSON.createObjectNode().put("maxDepth", 4))
                        .toString());

        Cli.Result result = run("train", "--spec", abs(spec), "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode metadata = Cli.assertBundle(model);
        assertThat(metadata.path("algorithm").asText()).isEqualTo("cart");
        assertThat(metadata.path("seed").asLong()).isEqualTo(9);
        assertThat(metadata.path("hyperparameters").path("maxDepth").asInt()).isEqualTo(4);
    }

    @Test
    void shouldLetOptionsOverrideTheSpec() {
        Path specModel = tempDir.resolve("spec-model");
        Path optionModel = tempDir.resolve("option-model");
        Path spec = Cli.write(
                tempDir.resolve("train.yml"),
                String.join(
                        "\n",
                        "data: " + abs(tempDir.resolve("missing.csv")),
                        "label: nothing",
                        "params:",
                        "  epochs: 4",
                        "  learningRate: 0.5",
                        "seed: 5",
                        "output: " + abs(specModel),
                        ""));

        Cli.Result result = run(
                "train",
                "--spec",
                abs(spec),
                "--data",
                abs(data),
                "--label",
                "category",
                "--seed",
                "11",
                "-p",
                "epochs=1",
                "--output",
                abs(optionModel),
                "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(specModel).doesNotExist();
        JsonNode metadata = Cli.assertBundle(optionModel);
        assertThat(metadata.path("seed").asLong()).isEqualTo(11);
        assertThat(metadata.path("hyperparameters").path("epochs").asInt()).isEqualTo(1);
        assertThat(metadata.path("hyperparameters").path("learningRate").asDouble())
                .isEqualTo(0.5);
        assertThat(metadata.path("schema").path("label").asText()).isEqualTo("category");
    }

    @Test
    void shouldTrainOnASeparateTestFile() {
        Path test = Cli.receipts(tempDir.resolve("data/test.csv"), 2, 150);
        Path model = tempDir.resolve("model");

        Cli.Result result = run(
                "train",
                "--data",
                abs(data),
                "--test-data",
                abs(test),
                "--label",
                "category",
                "-p",
                "epochs=1",
                "--output",
                abs(model),
                "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode metadata = Cli.assertBundle(model);
        assertThat(metadata.path("split").path("method").asText()).isEqualTo("file");
        assertThat(metadata.path("split").path("trainRows").asInt()).isEqualTo(600);
        assertThat(metadata.path("split").path("testRows").asInt()).isEqualTo(150);
        assertThat(metadata.path("metrics").path("examples").asInt()).isEqualTo(150);
    }

    @Test
    void shouldTrainTheSameModelForTheSameSeedAndAnotherForAnotherSeed() {
        Path first = tempDir.resolve("first");
        Path second = tempDir.resolve("second");
        Path other = tempDir.resolve("other");
        Path small = Cli.receipts(tempDir.resolve("data/small.csv"), 4, 300);

        for (String[] run : new String[][] {{abs(first), "7"}, {abs(second), "7"}, {abs(other), "8"}}) {
            Cli.Result result = run(
                    "train",
                    "--data",
                    abs(small),
                    "--label",
                    "category",
                    "-p",
                    "epochs=1",
                    "--seed",
                    run[1],
                    "--output",
                    run[0],
                    "--json");
            assertThat(result.exitCode()).as(result.toString()).isZero();
        }

        String fingerprint =
                Cli.assertBundle(first).path("model").path("fingerprint").asText();
        assertThat(Cli.assertBundle(second).path("model").path("fingerprint").asText())
                .isEqualTo(fingerprint);
        assertThat(Cli.assertBundle(other).path("model").path("fingerprint").asText())
                .isNotEqualTo(fingerprint);
    }

    @Test
    void shouldReplaceAnEarlierBundleInTheSameFolder() {
        Path model = tempDir.resolve("out/model");
        Cli.Result first = run(
                "train",
                "--data",
                abs(data),
                "--label",
                "category",
                "-p",
                "epochs=1",
                "--seed",
                "1",
                "--output",
                abs(model),
                "--json");
        assertThat(first.exitCode()).as(first.toString()).isZero();

        Cli.Result second = run(
                "train",
                "--data",
                abs(data),
                "--label",
                "category",
                "-p",
                "epochs=2",
                "--seed",
                "2",
                "--output",
                abs(model),
                "--json");

        assertThat(second.exitCode()).as(second.toString()).isZero();
        JsonNode metadata = Cli.assertBundle(model);
        assertThat(metadata.path("seed").asLong()).isEqualTo(2);
        assertThat(metadata.path("runId").asText())
                .isEqualTo(second.json().path("runId").asText())
                .isNotEqualTo(first.json().path("runId").asText());
        assertThat(Cli.entries(model.getParent())).containsExactly("model");
    }

    @Test
    void shouldExitWithFiveWhenATrainingGateFailsButStillWriteTheBundle() {
        Path model = tempDir.resolve("model");

        Cli.Result result = run(
                "train",
                "--data",
                abs(data),
                "--label",
                "category",
                "-p",
                "epochs=1",
                "--output",
                abs(model),
                "--gate",
                "accuracy >= 0.5",
                "--gate",
                "accuracy >= 0.999");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.GATES_FAILED.code());
        assertThat(result.out())
                .containsPattern("accuracy >= 0\\.5 +\\d\\.\\d{4} +>= 0\\.5000 +PASSED")
                .containsPattern("accuracy >= 0\\.999 +\\d\\.\\d{4} +>= 0\\.9990 +FAILED")
                .contains("quality gates: FAILED");
        JsonNode metadata = Cli.assertBundle(model);
        assertThat(metadata.path("gates").path("outcome").asText()).isEqualTo("FAILED");
        assertThat(result.errorLines()).isEmpty();
    }

    @Test
    void shouldExitWithZeroWhenTrainingGatesPass() {
        Path model = tempDir.resolve("model");

        Cli.Result result = run(
                "train",
                "--data",
                abs(data),
                "--label",
                "category",
                "-p",
                "epochs=1",
                "--output",
                abs(model),
                "--gate",
                "accuracy >= 0.3",
                "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json().path("gates").path("outcome").asText()).isEqualTo("PASSED");
    }
}
