package io.jenkins.plugins.mlops.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.mlops.HpiFile;
import io.mlops.contract.gates.BuildResult;
import io.mlops.contract.gates.Criticality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the real {@code mlops} command in a child JVM, with the jars of the built .hpi, on CSV files
 * generated here: the same path a Pipeline takes on an agent, minus Jenkins.
 */
class RealEngineIT {
    private static Path engineJar;

    @TempDir
    Path workspace;

    @TempDir
    Path buildDir;

    @BeforeAll
    static void unpackEngine(@TempDir Path lib) throws IOException {
        engineJar = HpiFile.engineJar(lib);
    }

    private FakeBuildContext build() {
        FakeBuildContext[] self = {new FakeBuildContext(workspace, buildDir, engineJar)};
        return self[0];
    }

    /** Writes receipts whose category follows from merchant and amount, so a model can learn it. */
    private void writeReceipts(String name, int rows, long seed) throws IOException {
        Random random = new Random(seed);
        String[][] kinds = {{"food", "cafe", "12"}, {"travel", "airline", "250"}, {"office", "staples", "60"}};
        List<String> lines = new ArrayList<>(List.of("amount,merchant,category"));
        for (int i = 0; i < rows; i++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            lines.add(String.format(
                    java.util.Locale.ROOT,
                    "%.2f,%s,%s",
                    Double.parseDouble(kind[2]) + random.nextDouble() * 10,
                    kind[1],
                    kind[0]));
        }
        Files.createDirectories(workspace.resolve(name).getParent());
        Files.write(workspace.resolve(name), lines);
    }

    private Map<String, Object> train(FakeBuildContext build) throws Exception {
        writeReceipts("data/receipts.csv", 150, 7);
        return new TrainRunner(build)
                .run(new TrainRequest(
                        null,
                        "data/receipts.csv",
                        "category",
                        "logistic",
                        Map.of("epochs", "5"),
                        42,
                        null,
                        null,
                        "model",
                        "model/run-metadata.json",
                        CsvFormatArguments.DETECT));
    }

    @Test
    void shouldTrainInChildJvmStreamProgressAndRecordTheRun() throws Exception {
        FakeBuildContext build = build();

        Map<String, Object> result = train(build);

        assertThat(build.log()).contains("[mlTrain] mlops train --data data/receipts.csv", "[mlops] training");
        assertThat(workspace.resolve("model/model.tribuo")).isNotEmptyFile();
        assertThat(workspace.resolve("model/run-metadata.json")).isNotEmptyFile();
        assertThat(result)
                .containsEntry("kind", "train")
                .containsEntry("algorithm", "logistic")
                .containsEntry("buildResult", "SUCCESS");
        assertThat((Double) ((Map<?, ?>) result.get("metrics")).get("accuracy")).isGreaterThan(0.8);
        String runId = (String) result.get("runId");
        assertThat(buildDir.resolve("mlops/" + runId + ".json")).isNotEmptyFile();
        assertThat(build.archived)
                .containsKeys(
                        "mlops/" + runId + "/run-metadata.json",
                        "mlops/" + runId + "/model/model.tribuo",
                        "mlops/" + runId + "/model/bundle.json",
                        "mlops/" + runId + "/model/checksums.sha256");
        assertThat(build.actions).singleElement().satisfies(a -> assertThat(a.getMetrics())
                .containsKey("macroF1"));
    }

    @Test
    void shouldPassGatesAndUsePreviousModelAsBaseline() throws Exception {
        FakeBuildContext build = build();
        train(build);
        writeReceipts("data/test.csv", 60, 11);
        build.previousModel = workspace.resolve("model");

        Map<String, Object> result = new EvaluateRunner(build)
                .run(new EvaluateRequest(
                        "model/model.tribuo",
                        "data/test.csv",
                        List.of("accuracy >= 0.5"),
                        "previous",
                        Criticality.FAILURE,
                        ".mlops/evaluate-run-metadata.json"));

        assertThat(build.launches.get(1)).containsSequence("--baseline", ".mlops/baseline");
        assertThat(result).containsEntry("kind", "evaluate").containsEntry("buildResult", "SUCCESS");
        assertThat(((Map<?, ?>) result.get("gates")).get("outcome")).isEqualTo("PASSED");
        assertThat(build.log()).contains("accuracy >= 0.5", "PASSED");
        assertThat(build.results).isEmpty();
    }

    @Test
    void shouldFailBuildAndStepWhenRealGateFails() throws Exception {
        FakeBuildContext build = build();
        train(build);

        assertThatThrownBy(() -> new EvaluateRunner(build)
                        .run(new EvaluateRequest(
                                "model",
                                "data/receipts.csv",
                                List.of("accuracy >= 1.01"),
                                null,
                                Criticality.FAILURE,
                                ".mlops/evaluate-run-metadata.json")))
                .isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("[mlEvaluate] quality gates failed: accuracy >= 1.01 (actual ");
        assertThat(build.results).containsExactly(BuildResult.FAILURE);
        assertThat(build.actions).hasSize(2).last().satisfies(a -> assertThat(a.getGateOutcome())
                .isEqualTo("FAILED"));
    }

    @Test
    void shouldOnlyMarkUnstableWhenRealGateFailsWithOnGateFailureUnstable() throws Exception {
        FakeBuildContext build = build();
        train(build);

        Map<String, Object> result = new EvaluateRunner(build)
                .run(new EvaluateRequest(
                        "model",
                        "data/receipts.csv",
                        List.of("accuracy >= 1.01"),
                        null,
                        Criticality.UNSTABLE,
                        ".mlops/evaluate-run-metadata.json"));

        assertThat(build.results).containsExactly(BuildResult.UNSTABLE);
        assertThat(result).containsEntry("buildResult", "UNSTABLE");
    }

    @Test
    void shouldKillRealTrainingPromptlyWhenAborted() throws Exception {
        FakeBuildContext build = build();
        writeReceipts("data/big.csv", 40_000, 3);
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown =
                new java.util.concurrent.atomic.AtomicReference<>();
        Thread step = new Thread(() -> {
            try {
                new TrainRunner(build)
                        .run(new TrainRequest(
                                null,
                                "data/big.csv",
                                "category",
                                "logistic",
                                Map.of("epochs", "500"),
                                1,
                                null,
                                null,
                                "model",
                                "model/run-metadata.json",
                                CsvFormatArguments.DETECT));
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        step.start();
        long deadline = System.currentTimeMillis() + 60_000;
        while (!build.log().contains("[mlops] training")) {
            assertThat(System.currentTimeMillis()).as("training started").isLessThan(deadline);
            Thread.sleep(50);
        }
        assertThat(engineProcesses()).isNotEmpty();

        long abortedAt = System.nanoTime();
        step.interrupt();
        step.join(20_000);

        assertThat(step.isAlive()).isFalse();
        assertThat((System.nanoTime() - abortedAt) / 1_000_000)
                .as("milliseconds to stop")
                .isLessThan(10_000);
        assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
        assertThat(engineProcesses()).isEmpty();
        assertThat(build.actions).isEmpty();
    }

    /** The child JVMs of this test JVM; the engine is the only program these tests start. */
    private static List<ProcessHandle> engineProcesses() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").matches(".*[/\\\\]java(\\.exe)?$"))
                .toList();
    }

    @Test
    void shouldReportBadInputWithFileAndLine() throws Exception {
        FakeBuildContext build = build();
        Files.writeString(workspace.resolve("bad.csv"), "amount,merchant,category\n12,5O,cafe,food\n");

        assertThatThrownBy(() -> new TrainRunner(build)
                        .run(new TrainRequest(
                                null,
                                "bad.csv",
                                "category",
                                null,
                                Map.of(),
                                null,
                                null,
                                null,
                                "model",
                                "model/run-metadata.json",
                                CsvFormatArguments.DETECT)))
                .isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("[mlTrain] bad.csv line 2: ")
                .hasMessageEndingWith("(mlops exit code 3: bad input)");
        assertThat(build.actions).isEmpty();
    }

    /** Receipts as Excel saves "CSV" on a German Windows: ';' between fields, decimal commas, Windows-1252 text. */
    private void writeGermanExcelReceipts(String name, int rows) throws IOException {
        Random random = new Random(5);
        String[][] kinds = {
            {"Lebensmittel", "Bäckerei", "12"}, {"Reise", "Flughafen", "250"}, {"Büro", "Schreibwaren", "60"}
        };
        StringBuilder text = new StringBuilder("Betrag;Händler;Kategorie\r\n");
        for (int i = 0; i < rows; i++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            String amount = String.format(
                    java.util.Locale.GERMANY, "%.2f", Double.parseDouble(kind[2]) + random.nextDouble() * 10);
            text.append(amount)
                    .append(';')
                    .append(kind[1])
                    .append(';')
                    .append(kind[0])
                    .append("\r\n");
        }
        Files.createDirectories(workspace.resolve(name).getParent());
        Files.write(
                workspace.resolve(name), text.toString().getBytes(java.nio.charset.Charset.forName("windows-1252")));
    }

    private TrainRequest trainGerman(CsvFormatArguments format) {
        return new TrainRequest(
                null,
                "data/belege.csv",
                "Kategorie",
                "logistic",
                Map.of(),
                42,
                null,
                null,
                "model",
                "model/run-metadata.json",
                format);
    }

    @Test
    void shouldReadAGermanExcelExportWithTheFormatArgumentsOfTheStep() throws Exception {
        FakeBuildContext build = build();
        writeGermanExcelReceipts("data/belege.csv", 150);

        Map<String, Object> result =
                new TrainRunner(build).run(trainGerman(new CsvFormatArguments(";", true, "windows-1252")));

        assertThat(build.log())
                .contains("--delimiter ; --decimal-comma true --encoding windows-1252")
                .contains("[mlops] training");
        assertThat(result).containsEntry("buildResult", "SUCCESS");
        assertThat((Double) ((Map<?, ?>) result.get("metrics")).get("accuracy")).isGreaterThan(0.8);
        assertThat(Files.readString(workspace.resolve("model/run-metadata.json")))
                .contains("Büro", "Lebensmittel");
    }

    @Test
    void shouldNameTheEncodingArgumentWhenAWindowsFileIsReadAsUtf8() throws Exception {
        FakeBuildContext build = build();
        writeGermanExcelReceipts("data/belege.csv", 20);

        assertThatThrownBy(() -> new TrainRunner(build).run(trainGerman(CsvFormatArguments.DETECT)))
                .isInstanceOf(StepFailure.class)
                .hasMessageStartingWith("[mlTrain] data/belege.csv: is not valid UTF-8 text: byte 0xE4 at byte offset")
                .hasMessageContaining("(spec or Pipeline step: encoding: windows-1252)")
                .hasMessageEndingWith("(mlops exit code 3: bad input)");
        assertThat(build.actions).isEmpty();
    }
}
