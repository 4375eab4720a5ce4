package io.jenkins.plugins.mlops.it.harness;

import io.mlops.engine.demo.ReceiptsGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files the example Jenkinsfiles expect in their workspace, made by the demo's receipts generator:
 * {@code data/receipts.csv}, {@code data/test.csv}, the training spec {@code ml/train.yaml} (the demo's spec with
 * workspace-relative paths) and golden requests {@code ml/golden.jsonl}.
 */
public final class ExampleData {
    private static final int TRAIN_ROWS = 1500;
    private static final int TEST_ROWS = 400;
    private static final long SEED = 42;

    private ExampleData() {}

    /**
     * Writes the files.
     *
     * @param folder the folder that becomes the workspace's content
     * @return the folder
     */
    public static Path write(Path folder) {
        try {
            Files.createDirectories(folder.resolve("data"));
            Files.createDirectories(folder.resolve("ml"));
            new ReceiptsGenerator(SEED)
                    .writeCsv(ReceiptsGenerator.Batch.INITIAL, TRAIN_ROWS, folder.resolve("data/receipts.csv"));
            new ReceiptsGenerator(SEED + 1)
                    .writeCsv(ReceiptsGenerator.Batch.INITIAL, TEST_ROWS, folder.resolve("data/test.csv"));
            Files.writeString(
                    folder.resolve("ml/train.yaml"),
                    String.join(
                            "\n",
                            "data: data/receipts.csv",
                            "testData: data/test.csv",
                            "label: " + ReceiptsGenerator.LABEL,
                            "columns:",
                            "  description: text",
                            "  amount: numeric",
                            "  currency: categorical",
                            "  country: categorical",
                            "  payment_method: categorical",
                            "ignore: [merchant]",
                            "algorithm: logistic",
                            "params:",
                            "  epochs: 10",
                            "seed: " + SEED,
                            "features:",
                            "  ngrams: 2",
                            "  lowercase: true",
                            "output: model",
                            ""));
            Files.writeString(
                    folder.resolve("ml/golden.jsonl"),
                    "{\"input\": {\"merchant\": \"Taxi Berlin\", \"description\": \"Taxi zum Flughafen\", \"amount\": 35.5,"
                            + " \"currency\": \"EUR\", \"country\": \"DE\", \"payment_method\": \"card\"},"
                            + " \"expected\": \"transport\"}\n");
            return folder;
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot write the examples' data into " + folder, exception);
        }
    }
}
