package io.mlops.cli;

import static io.mlops.cli.Cli.abs;
import static io.mlops.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tempDir;

    @Test
    void shouldRunTheReceiptsDemoEndToEnd() throws Exception {
        Path dir = tempDir.resolve("demo");

        Cli.Result result = run("demo", "--output", abs(dir), "--rows", "800");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(
                        "== mlops demo: classifying expense receipts ==",
                        "trained logistic on 800 receipts",
                        "confusion matrix",
                        "quality gates: PASSED")
                .containsPattern("(?m)^gate +actual +threshold +status$")
                .containsPattern("(?m)^accuracy >= 0\\.85 +\\d\\.\\d{4} +>= 0\\.8500 +PASSED$")
                .containsPattern("(?m)^recall\\[lodging] >= 0\\.80 +\\d\\.\\d{4} +>= 0\\.8000 +PASSED$");
        assertThat(result.errorLines()).isEmpty();

        assertThat(dir.resolve("data/receipts-train.csv")).isRegularFile();
        assertThat(Files.readAllLines(dir.resolve("data/receipts-train.csv")).get(0))
                .isEqualTo("description,merchant,amount,currency,country,payment_method,category");
        assertThat(dir.resolve("data/receipts-test.csv")).isRegularFile();
        assertThat(dir.resolve("data/receipts-shifted.csv")).isRegularFile();
        assertThat(dir.resolve("train.yaml")).isRegularFile();
        assertThat(Files.readString(dir.resolve("train.yaml")))
                .contains("label: category", "algorithm: logistic", "seed: 42");
        JsonNode trained = Cli.assertBundle(dir.resolve("model"));
        assertThat(trained.path("split").path("trainRows").asInt()).isEqualTo(800);
        assertThat(Cli.entries(dir))
                .containsExactlyInAnyOrder(
                        "data", "train.yaml", "model", "evaluation.json", "evaluation-shifted.json", "report.html");

        JsonNode evaluation = Cli.validMetadata(dir.resolve("evaluation.json"));
        JsonNode shifted = Cli.validMetadata(dir.resolve("evaluation-shifted.json"));
        assertThat(evaluation.path("kind").asText()).isEqualTo("evaluate");
        assertThat(shifted.path("kind").asText()).isEqualTo("evaluate");
        assertThat(evaluation.path("gates").path("outcome").asText()).isEqualTo("PASSED");
        assertThat(evaluation.path("gates").path("results")).hasSize(DemoCommand.GATES.size());
        assertThat(evaluation.path("model").path("sha256").asText())
                .isEqualTo(Cli.sha256(dir.resolve("model/model.tribuo")));
        double accuracy = evaluation.path("metrics").path("accuracy").asDouble();
        double shiftedAccuracy = shifted.path("metrics").path("accuracy").asDouble();
        assertThat(shiftedAccuracy).isLessThan(accuracy);
        assertThat(result.out())
                .contains(String.format(java.util.Locale.ROOT, "accuracy %.4f (was %.4f)", shiftedAccuracy, accuracy));
    }

    @Test
    void shouldTrainTheDemoSpecAgainWithTrain() {
        Path dir = tempDir.resolve("demo");
        Cli.Result demo = run("demo", "--output", abs(dir), "--rows", "300", "--seed", "5");
        assertThat(demo.exitCode())
                .isIn(ExitCode.OK.code(), ExitCode.GATES_UNSTABLE.code(), ExitCode.GATES_FAILED.code());
        Path again = tempDir.resolve("again");

        Cli.Result result = run("train", "--spec", abs(dir.resolve("train.yaml")), "--output", abs(again), "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Cli.assertBundle(again).path("model").path("fingerprint").asText())
                .isEqualTo(Cli.readJson(dir.resolve("model/run-metadata.json"))
                        .path("model")
                        .path("fingerprint")
                        .asText());
    }
}
