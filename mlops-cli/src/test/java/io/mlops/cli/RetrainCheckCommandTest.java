package io.mlops.cli;

import static io.mlops.cli.Cli.abs;
import static io.mlops.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.ExitCode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainCheckCommandTest {
    @TempDir
    Path dir;

    private Path spec;
    private Path model;

    @BeforeEach
    void trainOnTheFirstMonth() throws IOException {
        Path base = Cli.receipts(dir.resolve("data/base/2026-10.csv"), 1, 300);
        Files.setLastModifiedTime(base, FileTime.from(Instant.now().minus(Duration.ofMinutes(5))));
        Files.createDirectories(dir.resolve("data/incoming"));
        model = dir.resolve("model");
        spec = Cli.write(
                dir.resolve("train.yaml"),
                "data:\n  - " + abs(dir.resolve("data/base")) + "\n  - " + abs(dir.resolve("data/incoming"))
                        + "/*.csv\nlabel: category\nignore: [merchant]\ncolumns: {description: text}\n"
                        + "params: {epochs: 2}\noutput: " + abs(model) + "\n");
        Cli.Result trained = run("train", "--spec", abs(spec));
        assertThat(trained.exitCode()).as(trained.toString()).isZero();
    }

    private Cli.Result check(final String... options) {
        String[] args = new String[options.length + 5];
        args[0] = "retrain-check";
        args[1] = "--model";
        args[2] = abs(model);
        args[3] = "--cache";
        args[4] = abs(dir.resolve(".mlops/scan.json"));
        System.arraycopy(options, 0, args, 5, options.length);
        return run(args);
    }

    @Test
    void shouldSayNoWithEachConditionThenYesOnceNewDataArrives() throws IOException {
        Cli.Result quiet = check("--spec", abs(spec), "--max-age-days", "30");
        Cli.receipts(dir.resolve("data/incoming/2026-11.csv"), 2, 120);
        Cli.Result due = check("--spec", abs(spec), "--exit-code", "--metadata", abs(dir.resolve("check.json")));

        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.out())
                .contains("retrain check of " + abs(model))
                .containsPattern("(?m)^  NOT FIRED +data-changed +training data unchanged \\(1 files\\)$")
                .containsPattern("(?m)^  NOT FIRED +age +trained 0\\.0 days ago .* <= 30\\.0 days$")
                .contains("decision: no retraining: 2 conditions checked, none fired");
        assertThat(due.exitCode()).as(due.toString()).isEqualTo(ExitCode.RETRAIN_DUE.code());
        assertThat(due.out())
                .containsPattern(
                        "(?m)^  FIRED +data-changed +120 new rows \\(1 new, 0 changed, 0 removed files\\) >= 1$")
                .contains("new file: " + abs(dir.resolve("data/incoming/2026-11.csv")) + " (120 rows, sha256 ")
                .contains("decision: retrain: data-changed");
        JsonNode metadata = Cli.validMetadata(dir.resolve("check.json"));
        assertThat(metadata.path("kind").asText()).isEqualTo("retrain-check");
        assertThat(metadata.path("decision").path("retrain").asBoolean()).isTrue();
        assertThat(metadata.path("decision").path("newData").path("newRows").asLong())
                .isEqualTo(120);
    }

    @Test
    void shouldForceAndPrintTheDecisionAsJsonExitingZeroWithoutExitCode() {
        Cli.Result result = check("--force", "--json");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        JsonNode decision = Cli.validMetadata(result.json()).path("decision");
        assertThat(decision.path("retrain").asBoolean()).isTrue();
        assertThat(decision.path("conditions").get(0).path("kind").asText()).isEqualTo("forced");
    }

    @Test
    void shouldExitUnavailableForAnUnreachableServiceOrMakeItInactiveWhenAsked() throws IOException {
        String service = "http://127.0.0.1:" + freePort();

        Cli.Result failed = check("--service", service);
        Cli.Result inactive = check("--service", service, "--if-unavailable", "inactive", "--json");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(ExitCode.UNAVAILABLE.code());
        assertThat(failed.errorLine()).startsWith("mlops: " + service + "/metrics: prediction service unreachable: ");
        assertThat(inactive.exitCode()).as(inactive.toString()).isZero();
        JsonNode decision = Cli.validMetadata(inactive.json()).path("decision");
        assertThat(decision.path("retrain").asBoolean()).isFalse();
        assertThat(decision.path("conditions"))
                .extracting(
                        c -> c.path("kind").asText() + " " + c.path("status").asText())
                .containsExactly("accuracy-decay INACTIVE", "drift INACTIVE");
    }

    @Test
    void shouldRefuseACheckWithNothingToCheckAsAUsageError() {
        Cli.Result result = check();

        assertThat(result.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("nothing to check: give --spec or --data, --service, --drift-data,");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
