package io.mlops.cli;

import static io.mlops.cli.Cli.abs;
import static io.mlops.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCommandTest {
    @TempDir
    Path tempDir;

    @Test
    void shouldTellTheWholeCiCdCtStoryWithItsNumbers() throws Exception {
        Path dir = tempDir.resolve("demo");

        Cli.Result result = run("demo", "--output", abs(dir), "--rows", "800");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(
                        "== mlops demo: CI/CD/CT for an expense-receipt classifier ==",
                        "[CI] trained logistic v1 on 800 receipts",
                        "quality gates: PASSED",
                        "[CD] registered receipts@1 as champion; serving it at http://127.0.0.1:",
                        "[CT] retrain check of receipts@champion",
                        "decision: retrain: data-changed, accuracy-decay, drift",
                        "[CT] retrained the same spec on old + new data: 1000 receipts -> receipts@2",
                        "lineage against receipts@1: 200 new rows in ["
                                + dir.resolve("data/incoming/receipts-2026-11.csv") + "]",
                        "[CD] promoted receipts@2 to champion and hot-swapped the running service: DEPLOYED")
                .containsPattern("(?m)^accuracy >= 0\\.85 +\\d\\.\\d{4} +>= 0\\.8500 +PASSED$")
                .containsPattern(
                        "(?m)^  FIRED +data-changed +200 new rows \\(1 new, 0 changed, 0 removed files\\) >= 1$")
                .containsPattern("(?m)^  FIRED +accuracy-decay +live accuracy 0\\.\\d{4} < 0\\.\\d{4} \\(test accuracy")
                .containsPattern("(?m)^  FIRED +drift +largest PSI \\d+\\.\\d{4} \\(payment_method\\) > 0\\.2000")
                .containsPattern("(?m)^accuracy >= baseline \\+ 0\\.02 +\\d\\.\\d{4} +>= 0\\.\\d{4} +PASSED$");
        assertThat(result.errorLines()).isEmpty();
        List<Double> live = java.util.regex.Pattern.compile("live accuracy (\\d\\.\\d{4}) over the last 200")
                .matcher(result.out())
                .results()
                .map(m -> Double.valueOf(m.group(1)))
                .toList();
        assertThat(live).hasSize(2);
        assertThat(live.get(1)).as("live accuracy after the swap").isGreaterThan(live.get(0) + 0.05);

        assertThat(Files.readString(dir.resolve("train.yaml")))
                .contains("label: category", "algorithm: logistic", "seed: 42", "data/incoming/*.csv");
        assertThat(Cli.entries(dir.resolve("runs")))
                .containsExactly(
                        "1-train-v1.json",
                        "2-evaluate-v1.json",
                        "3-retrain-check.json",
                        "4-train-v2.json",
                        "5-evaluate-challenger.json",
                        "6-deploy.json");
        for (String run : Cli.entries(dir.resolve("runs"))) {
            Cli.validMetadata(dir.resolve("runs").resolve(run));
        }
        JsonNode check = Cli.readJson(dir.resolve("runs/3-retrain-check.json"));
        assertThat(check.path("kind").asText()).isEqualTo("retrain-check");
        assertThat(check.path("decision").path("retrain").asBoolean()).isTrue();
        JsonNode v2 = Cli.readJson(dir.resolve("runs/4-train-v2.json"));
        assertThat(v2.path("data").path("train").path("inputs")).hasSize(2);
        JsonNode duel = Cli.readJson(dir.resolve("runs/5-evaluate-challenger.json"));
        assertThat(duel.path("metrics").path("accuracy").asDouble())
                .isGreaterThan(duel.path("baselineMetrics").path("accuracy").asDouble());
        assertThat(Cli.readJson(dir.resolve("runs/6-deploy.json"))
                        .path("deployment")
                        .path("status")
                        .asText())
                .isEqualTo("DEPLOYED");
        Cli.Result aliases =
                run("models", "show", "receipts@champion", "--registry", abs(dir.resolve("registry")), "--json");
        assertThat(aliases.json().path("aliases").path("champion").asInt())
                .as(aliases.toString())
                .isEqualTo(2);
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
