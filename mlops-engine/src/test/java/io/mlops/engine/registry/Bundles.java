package io.mlops.engine.registry;

import io.mlops.contract.data.ColumnType;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.TestData;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingSpec;
import java.nio.file.Path;
import java.util.List;

/** Trains tiny real model bundles for registry tests. */
final class Bundles {
    private Bundles() {}

    /** Trains a bundle from a CSV (written if absent) with the given number of epochs. */
    static Path train(final Path data, final Path output, final int epochs) {
        if (!java.nio.file.Files.exists(data)) {
            TestData.writeMixedCsv(data, 120, 3);
        }
        TrainingSpec spec = TrainingSpec.builder()
                .data(data)
                .label("category")
                .column("description", ColumnType.TEXT)
                .param("epochs", epochs)
                .seed(7L)
                .output(output)
                .build();
        new TrainingPipeline(ProgressListener.NONE, output.getParent()).train(spec, List.of());
        return output;
    }

    static Path train(final Path dir) {
        return train(dir.resolve("train.csv"), dir.resolve("bundle"), 2);
    }

    private static Path shared;

    /** One bundle for every test class in this JVM, trained on first use and deleted when the JVM exits. */
    static synchronized Path shared() {
        if (shared == null) {
            try {
                Path dir = java.nio.file.Files.createTempDirectory("registry-test-bundle");
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(() -> io.mlops.engine.io.AtomicFiles.deleteQuietly(dir)));
                shared = train(dir);
            } catch (java.io.IOException exception) {
                throw new java.io.UncheckedIOException(exception);
            }
        }
        return shared;
    }
}
