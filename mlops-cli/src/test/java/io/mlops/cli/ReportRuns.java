package io.mlops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlops.contract.Json;
import io.mlops.contract.deploy.DeployResult;
import io.mlops.contract.deploy.DeployStatus;
import io.mlops.contract.deploy.GoldenResult;
import io.mlops.contract.deploy.LoadTestResult;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import io.mlops.engine.demo.ReceiptsGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real runs to report on, made once per test JVM by the train and evaluate commands on receipts: the trained
 * bundle, an evaluation with gates, an evaluation on a shifted batch, and a deploy run with a load test derived from
 * the evaluation.
 *
 * @param bundle     the model bundle folder of the training run
 * @param evaluation the evaluation's run metadata
 * @param shifted    the shifted batch's run metadata
 * @param deploy     a deploy run's metadata with latency percentiles
 */
record ReportRuns(Path bundle, Path evaluation, Path shifted, Path deploy) {
    /** The load test of the deploy run, whose numbers the report shows. */
    static final LoadTestResult LOAD = new LoadTestResult(600, 0, 59.5, 1.25, 3.5, 7.75, 12.5, 0, true);

    private static ReportRuns shared;

    /**
     * Returns the runs, made on first use in {@code target/report-runs}: the report and browser tests share them, as
     * training is the slow part.
     *
     * @return the runs
     */
    static synchronized ReportRuns shared() {
        if (shared == null) {
            shared = make(Path.of("target", "report-runs").toAbsolutePath());
        }
        return shared;
    }

    private static ReportRuns make(final Path dir) {
        Path train = Cli.receipts(dir.resolve("data/train.csv"), 1, 400);
        Path test = Cli.receipts(dir.resolve("data/test.csv"), 2, 150);
        Path later = Cli.receipts(dir.resolve("data/later.csv"), 3, 150, ReceiptsGenerator.Batch.SHIFTED);
        Path model = dir.resolve("model");
        Path evaluation = dir.resolve("evaluation.json");
        Path shifted = dir.resolve("evaluation-shifted.json");
        Path deploy = dir.resolve("deploy.json");
        succeed(
                "train",
                "--data",
                Cli.abs(train),
                "--test-data",
                Cli.abs(test),
                "--label",
                "category",
                "-p",
                "epochs=3",
                "--seed",
                "42",
                "--output",
                Cli.abs(model));
        succeed(
                "evaluate",
                "--model",
                Cli.abs(model),
                "--data",
                Cli.abs(test),
                "--gate",
                "accuracy >= 0.5",
                "--gate",
                "macroF1 >= 0.4",
                "--metadata",
                Cli.abs(evaluation));
        succeed("evaluate", "--model", Cli.abs(model), "--data", Cli.abs(later), "--metadata", Cli.abs(shifted));
        try {
            RunMetadata deployed = read(evaluation).toBuilder()
                    .kind(RunKind.DEPLOY)
                    .gates(null)
                    .deployment(new DeployResult(
                            DeployStatus.DEPLOYED,
                            "service",
                            "http://127.0.0.1:8080",
                            "receipts",
                            "3",
                            new GoldenResult(20, 20, List.of()),
                            LOAD,
                            List.of()))
                    .build();
            Files.writeString(deploy, Json.pretty().writeValueAsString(deployed));
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        return new ReportRuns(model, evaluation, shifted, deploy);
    }

    private static void succeed(final String... args) {
        Cli.Result result = Cli.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
    }

    /** @return the metadata of the given run file */
    static RunMetadata read(final Path file) {
        try {
            return new RunMetadataReader().read(file.toString(), Files.readString(file));
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
