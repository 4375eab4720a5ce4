package io.jenkins.plugins.mlops.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.mlops.cli.Mlops;
import io.mlops.contract.Json;
import io.mlops.contract.metadata.RunMetadataReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Run metadata documents written by the real engine (the {@code mlops} command of module mlops-cli, run in this JVM) on
 * receipts generated here, for tests: the plugin reads exactly what the engine writes, never a hand-written imitation.
 * Each kind of document is made once per test JVM; {@link #withRunId(String, String)} gives a copy a test's own run id
 * (through the contract's reader and writer, so the document stays valid).
 */
public final class EngineDocuments {
    /** Gates that pass on any model. */
    public static final List<String> PASSING = List.of("accuracy >= 0.0", "macroF1 >= 0.0");
    /** The first gate passes, the second fails with its own criticality UNSTABLE. */
    public static final List<String> UNSTABLE = List.of("accuracy >= 0.0", "macroF1 >= 1.01 (unstable)");
    /** The first gate passes, the second fails with its own criticality FAILURE. */
    public static final List<String> FAILED = List.of("accuracy >= 0.0", "macroF1 >= 1.01 (failure)");

    private static final Map<String, Run> RUNS = new HashMap<>();
    private static Path folder;

    private EngineDocuments() {}

    /**
     * One run of the engine.
     *
     * @param exitCode the command's exit code
     * @param json the run metadata it wrote
     * @param stderr what it printed on standard error
     */
    public record Run(int exitCode, String json, String stderr) {}

    /** @return a training run's metadata with the given run id */
    public static String train(String runId) {
        return withRunId(trained().json(), runId);
    }

    /**
     * An evaluation run whose gates end with the given outcome.
     *
     * @param runId the run id the document gets
     * @param outcome PASSED, UNSTABLE or FAILED
     * @return the metadata
     */
    public static String evaluate(String runId, String outcome) {
        List<String> gates =
                switch (outcome) {
                    case "PASSED" -> PASSING;
                    case "UNSTABLE" -> UNSTABLE;
                    case "FAILED" -> FAILED;
                    default -> throw new IllegalArgumentException(outcome);
                };
        return withRunId(evaluate(gates, null).json(), runId);
    }

    /**
     * Evaluates the trained model on the test receipts with gates, as {@code mlops evaluate} does.
     *
     * @param gates the gate expressions
     * @param onGateFailure the criticality of gates without a suffix, or {@code null}
     * @return the run
     */
    public static synchronized Run evaluate(List<String> gates, String onGateFailure) {
        trained();
        return once("evaluate " + gates + " " + onGateFailure, () -> {
            Path dir = folder();
            List<String> args = new ArrayList<>(List.of(
                    "evaluate",
                    "--model",
                    dir.resolve("model").toString(),
                    "--data",
                    dir.resolve("test.csv").toString()));
            gates.forEach(gate -> args.addAll(List.of("--gate", gate)));
            if (onGateFailure != null) {
                args.addAll(List.of("--on-gate-failure", onGateFailure));
            }
            return run(args, dir.resolve("evaluate-" + RUNS.size() + ".json"));
        });
    }

    /**
     * A deployment to a release folder with one golden request.
     *
     * @param runId the run id the document gets
     * @param deployed whether the golden request expects the right label (else the deployment is rolled back)
     * @return the metadata
     */
    public static String deploy(String runId, boolean deployed) {
        return withRunId(deployRun(deployed).json(), runId);
    }

    /**
     * A deployment to a release folder with one golden request and a one-second load test.
     *
     * @param deployed whether the golden request expects the right label (else the deployment is rolled back)
     * @return the run
     */
    public static synchronized Run deployRun(boolean deployed) {
        trained();
        return once("deploy " + deployed, () -> {
            Path dir = folder();
            Path golden = dir.resolve(deployed ? "golden.jsonl" : "wrong-golden.jsonl");
            write(
                    golden,
                    List.of("{\"input\": {\"amount\": 15.0, \"merchant\": \"cafe\"}, \"expected\": \""
                            + (deployed ? "food" : "travel") + "\"}"));
            return run(
                    List.of(
                            "deploy",
                            "--model",
                            dir.resolve("model").toString(),
                            "--dir",
                            dir.resolve("releases").toString(),
                            "--golden",
                            golden.toString(),
                            "--rps",
                            "20",
                            "--seconds",
                            "1",
                            "--p99-ms",
                            "5000",
                            "--name",
                            "receipts",
                            "--version-label",
                            deployed ? "3" : "4"),
                    dir.resolve("deploy-" + deployed + ".json"));
        });
    }

    /**
     * A retrain check of the trained model by the real engine: the data it was trained on (unchanged) and an age limit
     * of 30 days; with {@code force}, retraining is forced, else nothing is due.
     *
     * @param runId the run id the document gets
     * @param force whether retraining is forced
     * @return the metadata
     */
    public static String retrainCheck(String runId, boolean force) {
        return withRunId(retrainCheckRun(force).json(), runId);
    }

    /**
     * @param force whether retraining is forced
     * @return the run
     */
    public static synchronized Run retrainCheckRun(boolean force) {
        trained();
        return once("retrain-check " + force, () -> {
            Path dir = folder();
            List<String> args = new ArrayList<>(List.of(
                    "retrain-check",
                    "--model",
                    dir.resolve("model").toString(),
                    "--data",
                    dir.resolve("train.csv").toString(),
                    "--max-age-days",
                    "30",
                    "--cache",
                    dir.resolve("data-scan.json").toString()));
            if (force) {
                args.add("--force");
            }
            return run(args, dir.resolve("retrain-check-" + force + ".json"));
        });
    }

    /**
     * Gives a document another run id.
     *
     * @param json the document
     * @param runId the new run id
     * @return the document, written by the contract's writer
     */
    public static String withRunId(String json, String runId) {
        try {
            return Json.pretty()
                    .writeValueAsString(new RunMetadataReader()
                            .read("engine document", json).toBuilder()
                                    .runId(runId)
                                    .build());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Returns the bundle the engine trained on the receipts of {@link #folder()}, training it on first use.
     *
     * @return the bundle folder
     */
    public static Path trainedModel() {
        trained();
        return folder().resolve("model");
    }

    /** @return the folder with the receipts ({@code train.csv}, {@code test.csv}) and the documents */
    public static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("mlops-engine-documents");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path created = folder;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(created)));
            writeReceipts(folder.resolve("train.csv"), 150, 7);
            writeReceipts(folder.resolve("test.csv"), 60, 11);
        }
        return folder;
    }

    private static synchronized Run trained() {
        return once("train", () -> {
            Path dir = folder();
            return run(
                    List.of(
                            "train",
                            "--data",
                            dir.resolve("train.csv").toString(),
                            "--label",
                            "category",
                            "--seed",
                            "42",
                            "--output",
                            dir.resolve("model").toString()),
                    dir.resolve("train.json"));
        });
    }

    private static synchronized Run once(String key, java.util.function.Supplier<Run> run) {
        Run done = RUNS.get(key);
        if (done == null) {
            done = run.get();
            RUNS.put(key, done);
        }
        return done;
    }

    private static Run run(List<String> args, Path metadata) {
        List<String> all = new ArrayList<>(args);
        all.addAll(List.of("--metadata", metadata.toString()));
        StringWriter err = new StringWriter();
        int exitCode = Mlops.run(
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true), all.toArray(String[]::new));
        try {
            return new Run(exitCode, Files.readString(metadata, StandardCharsets.UTF_8), err.toString());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "mlops " + args.get(0) + " exited " + exitCode + " and wrote no metadata: " + err, e);
        }
    }

    /** Receipts whose category follows from merchant and amount, so a model can learn it. */
    private static void writeReceipts(Path file, int rows, long seed) {
        Random random = new Random(seed);
        String[][] kinds = {{"food", "cafe", "12"}, {"travel", "airline", "250"}, {"office", "staples", "60"}};
        List<String> lines = new ArrayList<>(List.of("amount,merchant,category"));
        for (int i = 0; i < rows; i++) {
            String[] kind = kinds[random.nextInt(kinds.length)];
            lines.add(String.format(
                    Locale.ROOT,
                    "%.2f,%s,%s",
                    Double.parseDouble(kind[2]) + random.nextDouble() * 10,
                    kind[1],
                    kind[0]));
        }
        write(file, lines);
    }

    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the next run makes its own
        }
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
