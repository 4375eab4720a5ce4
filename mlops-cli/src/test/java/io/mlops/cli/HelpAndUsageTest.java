package io.mlops.cli;

import static io.mlops.cli.Cli.abs;
import static io.mlops.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelpAndUsageTest {
    @TempDir
    Path tempDir;

    @Test
    void shouldListSubcommandsAndExitCodesInTopLevelHelp() {
        Cli.Result result = run("--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(
                        "Usage: mlops",
                        "train",
                        "evaluate",
                        "demo",
                        "--help",
                        "--version",
                        "Exit codes:",
                        "bad input",
                        "criticality UNSTABLE",
                        "criticality FAILURE");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void shouldListKeyOptionsInTrainHelp() {
        Cli.Result result = run("train", "--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(
                        "Usage: mlops train",
                        "--spec",
                        "--data",
                        "--label",
                        "--test-data",
                        "--test-fraction",
                        "--algorithm",
                        "--param",
                        "--seed",
                        "--column",
                        "--ignore",
                        "--output",
                        "--metadata",
                        "--json",
                        "--gate",
                        "--on-gate-failure");
    }

    @Test
    void shouldListKeyOptionsInEvaluateHelp() {
        Cli.Result result = run("evaluate", "--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out())
                .contains(
                        "Usage: mlops evaluate",
                        "--model",
                        "--data",
                        "--baseline",
                        "--metadata",
                        "--json",
                        "--gate",
                        "--on-gate-failure");
    }

    @Test
    void shouldListKeyOptionsInDemoHelp() {
        Cli.Result result = run("demo", "--help");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Usage: mlops demo", "--output", "--rows", "--seed");
    }

    @Test
    void shouldShowHelpOfASubcommandThroughTheHelpCommand() {
        Cli.Result result = run("help", "train");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).contains("Usage: mlops train", "--spec");
    }

    @Test
    void shouldPrintTheVersion() {
        Cli.Result result = run("--version");

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.out()).startsWith("mlops ").contains("Tribuo ", "Java ");
    }

    @Test
    void shouldExitWithTwoForAnUnknownOption() {
        Cli.Result result = run("train", "--bogus");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("Unknown option: '--bogus'", "Usage: mlops train");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldExitWithTwoForAnUnknownSubcommand() {
        Cli.Result result = run("deploy");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("deploy");
    }

    @Test
    void shouldExitWithTwoWhenEvaluateHasNoModel() {
        Cli.Result result = run("evaluate", "--data", abs(tempDir.resolve("test.csv")));

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("Missing required option: '--model=PATH|NAME@REF'");
    }

    @Test
    void shouldExitWithTwoForAnUnknownGateFailureMode() {
        Cli.Result result = run(
                "evaluate",
                "--model",
                abs(tempDir.resolve("model")),
                "--data",
                abs(tempDir.resolve("test.csv")),
                "--on-gate-failure",
                "MAYBE");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("--on-gate-failure", "MAYBE");
    }

    @Test
    void shouldExitWithTwoForAMissingOptionValue() {
        Cli.Result result = run("train", "--seed");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("--seed");
    }

    @Test
    void shouldExitWithTwoForANonNumericSeed() {
        Cli.Result result = run("train", "--seed", "seven");

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(ExitCode.USAGE.code());
        assertThat(result.err()).contains("seven");
    }
}
