package io.mlops.cli;

import static io.mlops.cli.Cli.abs;
import static io.mlops.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.ExitCode;
import io.mlops.contract.gates.BuildResult;
import io.mlops.contract.gates.GateReport;
import io.mlops.contract.gates.GateResult;
import io.mlops.contract.gates.GateStatus;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluateCommandTest {
    @TempDir
    static Path shared;

    @TempDir
    Path tempDir;

    private static Path model;
    private static Path test;

    @BeforeAll
    static void trainModel() {
        Path data = Cli.receipts(shared.resolve("train.csv"), 1, 600);
        test = Cli.receipts(shared.resolve("test.csv"), 2, 200);
        model = shared.resolve("model");
        Cli.Result result = run(
                "train",
                "--data",
                abs(data),
                "--label",
                "category",
                "-p",
                "epochs=2",
                "--output",
                abs(model),
                "--json");
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    private static Cli.Result evaluate(final String... more) {
        String[] args = new String[5 + more.length];
        args[0] = "evaluate";
        args[1] = "--model";
        args[2] = abs(model);
        args[3] = "--data";
        args[4] = abs(test);
        System.arraycopy(more, 0, args, 5, more.length);
        return run(args);
    }

    @Test
    void shouldExitWithZeroAndShowTheGateTableWhenAllGatesPass() {
        Cli.Result result = evaluate(
                "--gate",
                "accuracy >= 0.5",
                "--gate",
                "macroF1 > 0.3",
                "--gate",
                "recall[lodging] >= 0.2",
                "--gate",
                "logLoss < 5");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains("model " + abs(model) + " on " + abs(test) + " (200 examples)")
                .contains("confusion matrix")
                .containsPattern("(?m)^gate +actual +threshold +status$")
                .containsPattern("(?m)^accuracy >= 0\\.5 +\\d\\.\\d{4} +>= 0\\.5000 +PASSED$")
                .containsPattern("(?m)^macroF1 > 0\\.3 +\\d\\.\\d{4} +> 0\\.3000 +PASSED$")
                .containsPattern("(?m)^recall\\[lodging] >= 0\\.2 +\\d\\.\\d{4} +>= 0\\.2000 +PASSED$")
                .containsPattern("(?m)^logLoss < 5 +\\d\\.\\d{4} +< 5\\.0000 +PASSED$")
                .contains("quality gates: PASSED");
        assertThat(result.errorLines()).isEmpty();
    }

    @Test
    void shouldExitWithZeroWithoutGates() {
        Cli.Result result = evaluate("--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = Cli.validMetadata(result.json());
        assertThat(json.path("kind").asText()).isEqualTo("evaluate");
        assertThat(json.has("gates")).isFalse();
        assertThat(json.path("metrics").path("examples").asInt()).isEqualTo(200);
        assertThat(json.path("model").path("sha256").asText()).isEqualTo(Cli.sha256(model.resolve("model.tribuo")));
        assertThat(json.path("data").path("test").path("rows").asInt()).isEqualTo(200);
    }

    @Test
    void shouldExitWithFourWhenAnUnstableGateFails() {
        Cli.Result result = evaluate("--gate", "accuracy >= 0.5", "--gate", "accuracy >= 0.999 (unstable)");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.GATES_UNSTABLE.code());
        assertThat(result.out())
                .containsPattern("(?m)^accuracy >= 0\\.999 \\(unstable\\) +\\d\\.\\d{4} +>= 0\\.9990 +UNSTABLE$")
                .contains("quality gates: UNSTABLE");
        assertThat(result.errorLines()).isEmpty();
    }

    @Test
    void shouldExitWithFiveWhenAFailureGateFails() {
        Cli.Result result = evaluate("--gate", "accuracy >= 0.999", "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.GATES_FAILED.code());
        JsonNode gates = Cli.validMetadata(result.json()).path("gates");
        assertThat(gates.path("outcome").asText()).isEqualTo("FAILED");
        JsonNode gate = gates.path("results").get(0);
        assertThat(gate.path("expression").asText()).isEqualTo("accuracy >= 0.999");
        assertThat(gate.path("metric").asText()).isEqualTo("accuracy");
        assertThat(gate.path("status").asText()).isEqualTo("FAILED");
        assertThat(gate.path("criticality").asText()).isEqualTo("FAILURE");
        assertThat(gate.path("threshold").asDouble()).isEqualTo(0.999);
        assertThat(gate.path("actual").asDouble())
                .isEqualTo(result.json().path("metrics").path("accuracy").asDouble())
                .isLessThan(0.999);
    }

    @Test
    void shouldExitWithFourWhenGatesFailWithOnGateFailureUnstable() {
        Cli.Result result = evaluate("--gate", "accuracy >= 0.999", "--on-gate-failure", "UNSTABLE");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.GATES_UNSTABLE.code());
        assertThat(result.out()).contains("quality gates: UNSTABLE");
    }

    @Test
    void shouldLetAFailureSuffixOverrideOnGateFailureUnstable() {
        Cli.Result result = evaluate(
                "--gate",
                "accuracy >= 0.999 (failure)",
                "--gate",
                "macroF1 > 1",
                "--on-gate-failure",
                "UNSTABLE",
                "--json");

        GateReport gates = new RunMetadataReader().read("stdout", result.out()).gates();
        assertThat(gates.results())
                .extracting(GateResult::status)
                .containsExactly(GateStatus.FAILED, GateStatus.UNSTABLE);
        assertThat(gates.outcome()).isEqualTo(GateStatus.FAILED);
        assertThat(result.exitCode())
                .as("one answer: the report's outcome, its exit code and the build result the plugin maps it to")
                .isEqualTo(gates.outcome().exitCode().code())
                .isEqualTo(ExitCode.GATES_FAILED.code());
        assertThat(gates.outcome().buildResult()).isEqualTo(BuildResult.FAILURE);
    }

    @Test
    void shouldMakeBaselineGatesInactiveWhenTheRegistryBaselineDoesNotExistYet() {
        Path registry = tempDir.resolve("registry");
        Cli.Result registered =
                run("register", "--model", abs(model), "--name", "receipts", "--registry", abs(registry));
        assertThat(registered.exitCode()).as(registered.toString()).isZero();

        Cli.Result result = evaluate(
                "--baseline",
                "receipts@champion",
                "--registry",
                abs(registry),
                "--gate",
                "accuracy >= baseline - 0.01",
                "--gate",
                "accuracy >= 0.5",
                "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.err())
                .contains("[mlops] baseline 'receipts@champion' is not in the registry (alias 'champion' of model"
                        + " 'receipts' not found; the model has no aliases); gates relative to the baseline are"
                        + " INACTIVE");
        RunMetadata metadata = new RunMetadataReader().read("stdout", result.out());
        assertThat(metadata.baseline()).isNull();
        assertThat(metadata.gates().results())
                .extracting(GateResult::status)
                .containsExactly(GateStatus.INACTIVE, GateStatus.PASSED);
        assertThat(metadata.gates().outcome()).isEqualTo(GateStatus.PASSED);
    }

    @Test
    void shouldStillRefuseAnInvalidBaselineReference() {
        Cli.Result result = evaluate("--baseline", "receipts@", "--gate", "accuracy >= baseline - 0.01");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.BAD_INPUT.code());
    }

    @Test
    void shouldAcceptTheGateFailureModeInAnyCase() {
        Cli.Result result = evaluate("--gate", "accuracy >= 0.999", "--on-gate-failure", "unstable");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.GATES_UNSTABLE.code());
    }

    @Test
    void shouldReportTheWorstOfSeveralFailedGates() {
        Cli.Result result = evaluate(
                "--gate",
                "accuracy >= 0.999 (unstable)",
                "--gate",
                "macroF1 >= 0.999",
                "--gate",
                "accuracy >= 0.1",
                "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.GATES_FAILED.code());
        JsonNode results = result.json().path("gates").path("results");
        assertThat(results).extracting(r -> r.path("status").asText()).containsExactly("UNSTABLE", "FAILED", "PASSED");
    }

    @Test
    void shouldMarkAGateOnAnUnknownClassInactiveAndExitWithZero() {
        Cli.Result result = evaluate("--gate", "recall[unknownclass] >= 0.9", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode gates = Cli.validMetadata(result.json()).path("gates");
        JsonNode gate = gates.path("results").get(0);
        assertThat(gate.path("metric").asText()).isEqualTo("recall[unknownclass]");
        assertThat(gate.path("status").asText()).isEqualTo("INACTIVE");
        assertThat(gate.has("actual")).isFalse();
        assertThat(gates.path("outcome").asText()).isIn("PASSED", "INACTIVE");
    }

    @Test
    void shouldShowAnInactiveGateAsNotAvailableInTheReport() {
        Cli.Result result = evaluate("--gate", "recall[unknownclass] >= 0.9");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).containsPattern("(?m)^recall\\[unknownclass] >= 0\\.9 +n/a +>= 0\\.9000 +INACTIVE$");
    }

    @Test
    void shouldMarkABaselineGateWithoutBaselineInactive() {
        Cli.Result result = evaluate("--gate", "accuracy >= baseline - 0.01", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json()
                        .path("gates")
                        .path("results")
                        .get(0)
                        .path("status")
                        .asText())
                .isEqualTo("INACTIVE");
    }

    @Test
    void shouldPassABaselineGateWhenAModelIsComparedWithItself() {
        Cli.Result result = evaluate("--baseline", abs(model), "--gate", "accuracy >= baseline - 0.01", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = Cli.validMetadata(result.json());
        double accuracy = json.path("metrics").path("accuracy").asDouble();
        assertThat(json.path("baselineMetrics").path("accuracy").asDouble()).isEqualTo(accuracy);
        assertThat(json.path("baseline").path("sha256").asText()).isEqualTo(Cli.sha256(model.resolve("model.tribuo")));
        JsonNode gate = json.path("gates").path("results").get(0);
        assertThat(gate.path("status").asText()).isEqualTo("PASSED");
        assertThat(gate.path("baseline").isNumber()).isTrue();
        assertThat(gate.path("baseline").asDouble()).isEqualTo(accuracy);
        assertThat(gate.path("actual").asDouble()).isEqualTo(accuracy);
        assertThat(gate.path("threshold").asDouble())
                .isCloseTo(accuracy - 0.01, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void shouldFailABaselineGateThatDemandsImprovement() {
        Cli.Result result = evaluate("--baseline", abs(model), "--gate", "accuracy > baseline (unstable)");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.GATES_UNSTABLE.code());
        assertThat(result.out()).contains("baseline", "delta", "+0.0000", "quality gates: UNSTABLE");
    }

    @Test
    void shouldWriteSchemaValidMetadataWithTheMetadataOption() throws Exception {
        Path metadata = tempDir.resolve("reports/evaluation.json");

        Cli.Result result = evaluate("--gate", "accuracy >= 0.5", "--metadata", abs(metadata));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode json = Cli.validMetadata(metadata);
        assertThat(json.path("kind").asText()).isEqualTo("evaluate");
        assertThat(json.path("gates").path("outcome").asText()).isEqualTo("PASSED");
        assertThat(result.out()).contains("quality gates: PASSED");
        assertThat(Cli.entries(metadata.getParent())).containsExactly("evaluation.json");
        assertThat(Files.readString(metadata)).endsWith(System.lineSeparator());
    }

    @Test
    void shouldAcceptTheModelFileInsteadOfTheBundleFolder() {
        Cli.Result result =
                run("evaluate", "--model", abs(model.resolve("model.tribuo")), "--data", abs(test), "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json().path("metrics").path("examples").asInt()).isEqualTo(200);
    }

    @Test
    void shouldEvaluateJsonLinesData() {
        StringBuilder lines = new StringBuilder();
        for (var receipt : new io.mlops.engine.demo.ReceiptsGenerator(3)
                .generate(io.mlops.engine.demo.ReceiptsGenerator.Batch.INITIAL, 50)) {
            lines.append(Cli.JSON
                            .createObjectNode()
                            .put("description", receipt.description())
                            .put("merchant", receipt.merchant())
                            .put("amount", receipt.amount())
                            .put("currency", receipt.currency())
                            .put("country", receipt.country())
                            .put("payment_method", receipt.paymentMethod())
                            .put("category", receipt.category()))
                    .append('\n');
        }
        Path jsonl = Cli.write(tempDir.resolve("test.jsonl"), lines.toString());

        Cli.Result result = run("evaluate", "--model", abs(model), "--data", abs(jsonl), "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.json().path("metrics").path("examples").asInt()).isEqualTo(50);
    }
}
