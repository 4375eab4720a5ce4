package io.mlops.cli;

import static io.mlops.cli.Cli.abs;
import static io.mlops.cli.Cli.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlops.contract.ExitCode;
import io.mlops.contract.Json;
import io.mlops.contract.metadata.ModelInfo;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.retrain.ColumnDrift;
import io.mlops.contract.retrain.ConditionKind;
import io.mlops.contract.retrain.ConditionStatus;
import io.mlops.contract.retrain.DataDrift;
import io.mlops.contract.retrain.RetrainCondition;
import io.mlops.contract.retrain.RetrainDecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {
    private static final String OPTION = "data-echarts-option";

    @TempDir
    static Path tempDir;

    private static ReportRuns runs;

    @BeforeAll
    static void makeRuns() {
        runs = ReportRuns.shared();
    }

    private static Document report(final String... args) throws Exception {
        Cli.Result result = run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        Path written = Path.of(result.out().strip());
        assertThat(written).isAbsolute().isRegularFile();
        return Jsoup.parse(Files.readString(written));
    }

    private static String number(final double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    @Test
    void shouldWriteTheReportOfOneRunFromItsBundleWithEveryChart() throws Exception {
        Path html = tempDir.resolve("run.html");
        RunMetadata trained = ReportRuns.read(runs.bundle().resolve("run-metadata.json"));

        Document page = report("report", abs(runs.bundle()), "--output", abs(html));

        assertThat(page.title()).isEqualTo("mlops run report");
        assertThat(page.select("#metrics").text())
                .contains("accuracy " + number(trained.metrics().accuracy()));
        assertThat(page.select("h3").eachText())
                .contains(
                        "precision, recall and F1 per class",
                        "confusion matrix (rows: true class, columns: predicted class)",
                        "amount: histogram",
                        "currency: top values");
        assertThat(page.select("h2").eachText()).contains("Metrics", "Lineage", "Hyperparameters", "Data");
        assertThat(page.text()).contains(trained.runId(), "epochs");
        assertThat(page.select("[" + OPTION + "]")).allSatisfy(chart -> assertThat(
                        Json.mapper().readTree(chart.attr(OPTION)).has("series"))
                .isTrue());
    }

    @Test
    void shouldEmbedEverythingAndFetchNothing() throws Exception {
        Document page = report("report", abs(runs.evaluation()), "--output", abs(tempDir.resolve("self.html")));

        assertThat(page.select("[src], [href], link, iframe, img")).isEmpty();
        assertThat(page.select("script")).hasSize(2);
        assertThat(page.select("script").get(0).data()).contains("echarts").hasSizeGreaterThan(500_000);
    }

    @Test
    void shouldCompareTwoRunsWithDeltasDataDifferencesAndBothConfusionMatrices() throws Exception {
        RunMetadata a = ReportRuns.read(runs.evaluation());
        RunMetadata b = ReportRuns.read(runs.shifted());

        Document page = report(
                "report", abs(runs.evaluation()), abs(runs.shifted()), "-o", abs(tempDir.resolve("compare.html")));

        assertThat(page.title()).isEqualTo("mlops run comparison");
        assertThat(page.select("#metric-deltas tr:contains(accuracy)").first().text())
                .isEqualTo(String.format(
                        Locale.ROOT,
                        "accuracy %.4f %.4f %+.4f",
                        a.metrics().accuracy(),
                        b.metrics().accuracy(),
                        b.metrics().accuracy() - a.metrics().accuracy()));
        assertThat(page.select("h2").eachText())
                .containsExactly("Runs", "Metric deltas", "Hyperparameter differences", "Data differences");
        assertThat(page.select(".side-by-side h3:contains(confusion matrix)")).hasSize(2);
        assertThat(page.text()).contains("different file content", "The same algorithm and hyperparameters.");
    }

    @Test
    void shouldShowEachColumnsDriftAsTheContractsPsiBetweenTheTwoFingerprints() throws Exception {
        RunMetadata a = ReportRuns.read(runs.evaluation());
        RunMetadata b = ReportRuns.read(runs.shifted());
        List<ColumnDrift> drift =
                DataDrift.between(a.data().get(RunMetadata.TEST_DATA), b.data().get(RunMetadata.TEST_DATA));

        Document page =
                report("report", abs(runs.evaluation()), abs(runs.shifted()), "-o", abs(tempDir.resolve("drift.html")));

        var table = page.selectFirst("table.data-drift");
        assertThat(table.select("th").last().text()).isEqualTo("drift (PSI)");
        assertThat(table.select("tbody tr")).hasSameSizeAs(drift);
        for (ColumnDrift column : drift) {
            String cell = table.select("tbody tr:has(td:eq(0):containsOwn(" + column.column() + "))")
                    .first()
                    .select("td")
                    .last()
                    .text();
            assertThat(cell)
                    .as(column.column())
                    .isEqualTo(
                            column.psi() == null
                                    ? "-"
                                    : String.format(Locale.ROOT, "%.4f", column.psi())
                                            + (column.drifted() ? " drifted" : ""));
        }
        // the shifted batch moves at least one feature beyond the usual line
        assertThat(drift).anyMatch(ColumnDrift::drifted);
        assertThat(table.text()).contains("drifted");
    }

    @Test
    void shouldDrawATrendOfRunsOldestFirstWithTheChosenMetrics() throws Exception {
        Document page = report(
                "report",
                abs(runs.shifted()),
                abs(runs.evaluation()),
                abs(runs.bundle()),
                "--metric",
                "accuracy",
                "--metric",
                "recall[lodging]",
                "-o",
                abs(tempDir.resolve("trend.html")));

        assertThat(page.select("#runs th").eachText()).contains("accuracy", "recall[lodging]");
        assertThat(page.select("#runs tbody tr")).hasSize(3);
        var option = Json.mapper().readTree(page.selectFirst("[" + OPTION + "]").attr(OPTION));
        assertThat(option.at("/series"))
                .extracting(s -> s.get("name").asText())
                .containsExactly("accuracy", "recall[lodging]", "accuracy gate");
        assertThat(option.at("/yAxis/max").asDouble()).isEqualTo(1.0);
        assertThat(option.at("/series/0/data")).hasSize(3);
        // only the evaluation has a gate: the gate line has gaps where the other runs have none
        assertThat(option.at("/series/2/data"))
                .hasSize(3)
                .filteredOn(JsonNode::isNull)
                .hasSize(2);
    }

    /** A retrain-check run of the evaluation's model, started {@code minutes} after it, with the given condition. */
    private static Path retrainCheck(final String name, final int minutes, final RetrainCondition condition)
            throws Exception {
        RunMetadata evaluation = ReportRuns.read(runs.evaluation());
        RetrainDecision decision = RetrainDecision.builder()
                .model("receipts@champion")
                .conditions(List.of(condition))
                .build();
        Path file = tempDir.resolve(name);
        Files.writeString(
                file,
                Json.pretty()
                        .writeValueAsString(evaluation.toBuilder()
                                .kind(RunKind.RETRAIN_CHECK)
                                .startedAt(java.time.Instant.parse(evaluation.startedAt())
                                        .plusSeconds(60L * minutes)
                                        .toString())
                                .metrics(null)
                                .gates(null)
                                .decision(decision)
                                .build()));
        return file;
    }

    private static RetrainCondition liveAccuracy(final double measured) {
        return RetrainCondition.builder(ConditionKind.ACCURACY_DECAY)
                .status(measured < 0.8 ? ConditionStatus.FIRED : ConditionStatus.NOT_FIRED)
                .measured(measured)
                .threshold(0.8)
                .detail(String.format(Locale.ROOT, "live accuracy %.4f against 0.8000", measured))
                .build();
    }

    /** A data condition: it measures no accuracy, so its run has nothing to draw on a trend. */
    private static RetrainCondition dataChanged(final ConditionStatus status) {
        return RetrainCondition.builder(ConditionKind.DATA_CHANGED)
                .status(status)
                .detail("data compared with the model's")
                .build();
    }

    @Test
    void shouldShowTheConditionsOfARetrainDecision() throws Exception {
        Path file = retrainCheck("retrain-check.json", 1, liveAccuracy(0.71));

        Document page = report("report", abs(file), "-o", abs(tempDir.resolve("retrain.html")));

        assertThat(page.select("h2").eachText()).contains("Retrain decision").doesNotContain("Metrics");
        assertThat(page.select("#retrain-conditions tbody tr").first().text())
                .isEqualTo("accuracy-decay FIRED 0.7100 0.8000 live accuracy 0.7100 against 0.8000");
        assertThat(page.text()).contains("Retrain receipts@champion");
    }

    @Test
    void shouldEscapeEveryValueOfARun() throws Exception {
        String hostile = "</script><script>alert(1)</script><img src=x onerror=alert(2)>";
        RunMetadata run = ReportRuns.read(runs.evaluation());
        Path file = tempDir.resolve("hostile.json");
        Files.writeString(
                file,
                Json.pretty()
                        .writeValueAsString(run.toBuilder()
                                .model(new ModelInfo(hostile, "ab", "cd"))
                                .hyperparameters(Map.of("\"'><b>", hostile))
                                .build()));

        Document page = report("report", abs(file), "-o", abs(tempDir.resolve("hostile.html")));

        assertThat(page.select("script")).hasSize(2);
        assertThat(page.select("img, b")).isEmpty();
        assertThat(page.text()).contains(hostile, "\"'><b>");
    }

    @Test
    void shouldRejectAMissingFileABundleWithoutMetadataAndNoJsonNamingThem() throws Exception {
        Path missing = tempDir.resolve("missing.json");
        Path folder = Files.createDirectories(tempDir.resolve("empty-folder"));
        Path yaml = Cli.write(tempDir.resolve("spec.yaml"), "data: x.csv\n");
        Path output = tempDir.resolve("never.html");

        Cli.Result noFile = run("report", abs(missing), "-o", abs(output));
        Cli.Result noBundle = run("report", abs(folder), "-o", abs(output));
        Cli.Result noJson = run("report", abs(yaml), "-o", abs(output));

        assertThat(noFile.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(noFile.errorLine()).contains(abs(missing), "no such file");
        assertThat(noBundle.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(noBundle.errorLine()).contains(abs(folder), "run-metadata.json is missing");
        assertThat(noJson.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(noJson.errorLine()).contains(abs(yaml), "not a JSON document");
        assertThat(output).doesNotExist();
    }

    @Test
    void shouldDrawTheLiveAccuracyOfRetrainChecksAndListTheRunsWithNothingToDraw() throws Exception {
        Path first = retrainCheck("check-1.json", 1, liveAccuracy(0.84));
        Path second = retrainCheck("check-2.json", 2, liveAccuracy(0.71));
        Path noAccuracy = retrainCheck("check-data.json", 3, dataChanged(ConditionStatus.NOT_FIRED));

        Document page = report(
                "report",
                abs(noAccuracy),
                abs(second),
                abs(runs.evaluation()),
                abs(first),
                "-o",
                abs(tempDir.resolve("live.html")));

        assertThat(page.select("#runs th").eachText())
                .containsExactly(
                        "run", "file", "kind", "started", "algorithm", "accuracy", "macroF1", "liveAccuracy", "gates");
        assertThat(page.select("#runs tbody tr").eachText())
                .hasSize(3)
                .satisfies(rows -> assertThat(rows.get(0)).contains(abs(runs.evaluation()), "evaluate"))
                .satisfies(rows -> assertThat(rows.get(1)).contains(abs(first), "retrain-check", "0.8400"))
                .satisfies(rows -> assertThat(rows.get(2)).contains(abs(second), "retrain-check", "0.7100"));
        assertThat(page.selectFirst("#left-out").text())
                .isEqualTo("Left out, as they have no metrics and no measured live accuracy: " + abs(noAccuracy)
                        + " (retrain-check run)");
        var option = Json.mapper().readTree(page.selectFirst("[" + OPTION + "]").attr(OPTION));
        assertThat(option.at("/series"))
                .extracting(s -> s.get("name").asText())
                .containsExactly(
                        "accuracy", "macroF1", "liveAccuracy", "accuracy gate", "macroF1 gate", "liveAccuracy gate");
        assertThat(option.at("/series/2/data").toString()).isEqualTo("[null,0.84,0.71]");
        assertThat(option.at("/series/5/data").toString()).isEqualTo("[null,0.8,0.8]");
        assertThat(page.select("#not-drawn")).isEmpty();
    }

    @Test
    void shouldRefuseATrendOfRunsWithNothingToDraw() throws Exception {
        Path noAccuracy = retrainCheck("only-data.json", 1, dataChanged(ConditionStatus.FIRED));
        Path output = tempDir.resolve("nothing.html");

        Cli.Result result = run("report", abs(noAccuracy), "--trend", "-o", abs(output));

        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(result.errorLine())
                .contains("no run has metrics or a measured live accuracy to draw on a trend: " + abs(noAccuracy)
                        + " (retrain-check run)");
        assertThat(output).doesNotExist();
    }

    @Test
    void shouldSayWhichChosenMetricNoRunHas() throws Exception {
        Document page = report(
                "report",
                abs(runs.evaluation()),
                "--trend",
                "--metric",
                "accuracy",
                "--metric",
                "liveAccuracy",
                "-o",
                abs(tempDir.resolve("missing.html")));

        assertThat(page.selectFirst("#not-drawn").text()).isEqualTo("Not drawn, as no run has it: liveAccuracy");
        assertThat(page.select("#runs th").eachText()).contains("accuracy").doesNotContain("liveAccuracy");
    }

    @Test
    void shouldRejectAnUnknownMetricAndAMetricWithoutATrend() {
        Path output = tempDir.resolve("never.html");

        Cli.Result unknown = run("report", abs(runs.evaluation()), "--trend", "--metric", "acuracy", "-o", abs(output));
        Cli.Result noTrend = run("report", abs(runs.evaluation()), "--metric", "accuracy", "-o", abs(output));

        assertThat(unknown.exitCode()).isEqualTo(ExitCode.BAD_INPUT.code());
        assertThat(unknown.errorLine()).contains("unknown metric 'acuracy'", "macroF1");
        assertThat(noTrend.exitCode()).isEqualTo(ExitCode.USAGE.code());
        assertThat(noTrend.err()).contains("--metric chooses the metrics of a trend");
        assertThat(output).doesNotExist();
    }
}
