package io.mlops.serving;

import io.mlops.contract.algorithm.Algorithm;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.demo.ReceiptsGenerator;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Real model bundles for the service's tests, trained once per JVM. */
public final class TestModels {
    private static Path folder;

    private TestModels() {}

    public static synchronized Path folder() {
        if (folder == null) {
            try {
                folder = Files.createTempDirectory("mlops-serving-test");
                ReceiptsGenerator generator = new ReceiptsGenerator(1);
                generator.writeCsv(ReceiptsGenerator.Batch.INITIAL, 1500, folder.resolve("receipts.csv"));
                new ReceiptsGenerator(2).writeCsv(ReceiptsGenerator.Batch.SHIFTED, 400, folder.resolve("shifted.csv"));
                train("a", 1);
                train("b", 2);
            } catch (IOException exception) {
                throw new UncheckedIOException(exception);
            }
        }
        return folder;
    }

    private static void train(final String name, final long seed) {
        new TrainingPipeline(ProgressListener.NONE, folder)
                .train(
                        TrainingSpec.builder()
                                .data(folder.resolve("receipts.csv"))
                                .label("category")
                                .ignore("merchant")
                                .column("description", io.mlops.contract.data.ColumnType.TEXT)
                                .algorithm(Algorithm.LOGISTIC)
                                .param("epochs", 3)
                                .seed(seed)
                                .output(folder.resolve(name))
                                .build(),
                        List.of());
    }

    public static Path modelA() {
        return folder().resolve("a");
    }

    public static Path modelB() {
        return folder().resolve("b");
    }

    public static ServedModel load(final Path bundle) {
        return new ModelLoader(200)
                .load(bundle, "receipts", bundle.getFileName().toString());
    }
}
