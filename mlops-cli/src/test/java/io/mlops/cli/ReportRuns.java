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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Real runs to report on, made once per test class by the receipts demo: the trained bundle, the evaluation with
 * gates, the evaluation on a shifted batch, and a deploy run with a load test derived from the evaluation.
 *
 * @param bundle     the model bundle folder of the training run
 * @param evaluation the evaluation's run metadata
 * @param shifted    the shifted batch's run metadata
 * @param deploy     a deploy run's metadata with latency percentiles
 * @param demoReport the report the demo wrote
 */
record ReportRuns(Path bundle, Path evaluation, Path shifted, Path deploy, Path demoReport) {
    /** The load test of the deploy run, whose numbers the report shows. */
    static final LoadTestResult LOAD = new LoadTestResult(600, 0, 59.5, 1.25, 3.5, 7.75, 12.5, 0, true);

    private static ReportRuns shared;

    /**
     * Returns the runs, made on first use in {@code target/report-runs}: the report and browser tests share them, as
     * the demo's training is the slow part.
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
        Cli.Result demo = Cli.run("demo", "--output", Cli.abs(dir), "--rows", "200");
        assertThat(demo.exitCode()).as(demo.toString()).isIn(0, 4, 5);
        Path evaluation = dir.resolve("evaluation.json");
        Path deploy = dir.resolve("deploy.json");
        try {
            RunMetadata evaluated = new RunMetadataReader().read(evaluation.toString(), Files.readString(evaluation));
            RunMetadata deployed = evaluated.toBuilder()
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
        return new ReportRuns(
                dir.resolve("model"),
                evaluation,
                dir.resolve("evaluation-shifted.json"),
                deploy,
                dir.resolve("report.html"));
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
