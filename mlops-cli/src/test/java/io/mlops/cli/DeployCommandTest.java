package io.mlops.cli;

import static io.mlops.cli.Cli.abs;
import static io.mlops.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployCommandTest {
    private static final String GOLDEN = "{\"input\": {\"description\": \"Hotel Adler, 2 Nächte inkl. Frühstück\", "
            + "\"amount\": 240.0, \"currency\": \"EUR\", \"country\": \"DE\", "
            + "\"payment_method\": \"card\"}, \"expected\": \"%s\"}\n";

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static Path model;

    @BeforeAll
    static void train() {
        Path data = Cli.receipts(shared.resolve("receipts.csv"), 3, 1200);
        model = shared.resolve("model");
        Cli.Result trained = run(
                "train",
                "--data",
                abs(data),
                "--label",
                "category",
                "--column",
                "description=text",
                "--ignore",
                "merchant",
                "-p",
                "epochs=3",
                "--output",
                abs(model));
        assertThat(trained.exitCode()).as(trained.toString()).isZero();
    }

    @Test
    void shouldDeployToAFolderCheckAndRecordTheDeployment() {
        Path golden = Cli.write(dir.resolve("golden.jsonl"), GOLDEN.formatted("lodging"));
        Path metadata = dir.resolve("deploy.json");

        Cli.Result result = run(
                "deploy",
                "--model",
                abs(model),
                "--name",
                "receipts",
                "--version-label",
                "7",
                "--dir",
                abs(dir.resolve("prod")),
                "--golden",
                abs(golden),
                "--rps",
                "30",
                "--seconds",
                "1",
                "--p99-ms",
                "10000",
                "--metadata",
                abs(metadata));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(
                        "deployment DEPLOYED: receipts 7 -> ",
                        "golden requests: 1 of 1 correct",
                        "load test: 30 sent, 0 failed");
        assertThat(Files.isSymbolicLink(dir.resolve("prod/current"))).isTrue();
        JsonNode json = Cli.validMetadata(metadata);
        assertThat(json.get("kind").asText()).isEqualTo("deploy");
        assertThat(json.get("deployment").get("status").asText()).isEqualTo("DEPLOYED");
        assertThat(json.get("deployment").get("load").get("sent").asInt()).isEqualTo(30);
        assertThat(json.get("model").get("sha256").asText()).isEqualTo(Cli.sha256(model.resolve("model.tribuo")));
    }

    @Test
    void shouldExitWithSixAndRollBackWhenAGoldenRequestFails() {
        Path golden = Cli.write(dir.resolve("golden.jsonl"), GOLDEN.formatted("meals"));

        Cli.Result result = run(
                "deploy", "--model", abs(model), "--dir", abs(dir.resolve("prod")), "--golden", abs(golden), "--json");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.DEPLOY_ROLLED_BACK.code());
        JsonNode json = Cli.validMetadata(result.json());
        assertThat(json.get("deployment").get("status").asText()).isEqualTo("ROLLED_BACK");
        assertThat(json.get("deployment").get("reasons").get(0).asText())
                .isEqualTo(
                        "integration check failed: 1 of 1 golden requests wrong: line 1: expected 'meals', got 'lodging'");
        assertThat(dir.resolve("prod/current")).doesNotExist();
    }

    @Test
    void shouldRequireAnAdminTokenForAService() {
        Cli.Result result = run(
                "deploy",
                "--model",
                abs(model),
                "--service",
                "http://127.0.0.1:9",
                "--admin-token-env",
                "MLOPS_TEST_TOKEN_THAT_IS_NOT_SET");

        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(result.errorLine())
                .isEqualTo("mlops: no admin token: set the environment variable "
                        + "MLOPS_TEST_TOKEN_THAT_IS_NOT_SET (or name another with --admin-token-env)");
    }

    @Test
    void shouldRequireExactlyOneTarget() {
        assertThat(run("deploy", "--model", abs(model)).exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(run("deploy", "--model", abs(model), "--dir", "a", "--service", "http://127.0.0.1:9")
                        .exitCode())
                .isEqualTo(ExitCode.USAGE.code());
    }

    @Test
    void shouldDescribeServeAndDeployInHelp() {
        assertThat(run("serve", "--help").out()).contains("/v1/predict", "--admin-token-env", "127.0.0.1");
        assertThat(run("deploy", "--help").out()).contains("--golden", "--rps", "--p99-ms", "--max-error-rate");
    }
}
