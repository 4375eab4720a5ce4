package io.mlops.engine.data;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Estimates, before a data file is read, how much memory training on it needs, and refuses to start when
 * the Java heap is too small, instead of failing with an {@link OutOfMemoryError} after minutes of reading.
 * The estimate comes from the file's size and its first lines (bytes per row, columns per row).
 */
public final class MemoryEstimate {
    /**
     * Heap bytes per value of the file while training: the value as a {@code String} in the table with its
     * reference (about 56 bytes for a short value), then as a double in the typed data, in the training or
     * test subset, in Tribuo's example and in the trainer's copy (8 bytes each), with room for the collector.
     * Measured with the benchmark's file (200,000 x 21 values, 31.5 MB) at the smallest heap it trains in.
     */
    static final long BYTES_PER_VALUE = 120;

    private static final int SAMPLE_BYTES = 64 * 1024;

    private MemoryEstimate() {}

    /**
     * Estimates the heap training on a file needs.
     *
     * @param file the data file
     * @return the estimated bytes
     */
    public static long needed(final Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            long size = Files.size(file);
            byte[] sample = in.readNBytes(SAMPLE_BYTES);
            long lines = 0;
            long separators = 0;
            for (byte b : sample) {
                lines += b == '\n' ? 1 : 0;
                separators += b == ',' || b == ';' || b == '\t' ? 1 : 0;
            }
            if (lines == 0) {
                // one line or a very long one: count the whole file as one value per 8 bytes
                return size / 8 * BYTES_PER_VALUE;
            }
            double valuesPerByte = (separators + lines) / (double) sample.length;
            return (long) (size * valuesPerByte * BYTES_PER_VALUE);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /**
     * Refuses to start when training on a file needs more memory than the heap may grow to.
     *
     * @param file  the data file
     * @param limit the most heap there is, usually {@code Runtime.getRuntime().maxMemory()}
     * @throws MlopsException saying how much is needed and how to give it
     */
    public static void require(final Path file, final long limit) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        long needed = needed(file);
        if (needed > limit) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException exception) {
                throw new UncheckedIOException(exception);
            }
            throw MlopsException.inFile(
                    file,
                    String.format(
                            Locale.ROOT,
                            "training on this file (%s) needs about %s of Java heap, more than the %s this process"
                                    + " may use; start it with more (JAVA_OPTS=-Xmx%dg for the mlops command, or"
                                    + " the agent's JVM options), or train on a sample of the rows",
                            size(size),
                            size(needed),
                            size(limit),
                            Math.max(1, (long) Math.ceil(needed * 1.1 / (1L << 30)))));
        }
    }

    private static String size(final long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MB", Math.max(1, bytes / (double) (1L << 20)));
    }
}
