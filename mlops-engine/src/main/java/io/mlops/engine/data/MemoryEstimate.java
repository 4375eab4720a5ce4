package io.mlops.engine.data;

import io.mlops.contract.MlopsException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Estimates, before data files are read, how much memory training on them needs, and refuses to start when
 * the Java heap is too small, instead of failing with an {@link OutOfMemoryError} after minutes of reading.
 * The estimate comes from each file's size and its first lines (bytes per row, columns per row), for all files of
 * a data set together, and follows how each file is held: files up to {@link TableReader#BYTE_PATH_MAX_BYTES} are
 * read whole and parsed from their bytes into typed columns, larger ones are read with a string per value.
 */
public final class MemoryEstimate {
    /**
     * Heap bytes per value of a file read from its bytes, while training: the number and its count of decimals in
     * the table's column (9 bytes; while the file's chunks are joined, twice), shared by the typed data, then the
     * training or test subset, Tribuo's example and the trainer's copy (8 bytes each), with room for the collector.
     */
    static final long BYTES_PER_VALUE = 56;

    /**
     * Heap bytes per value of a file read with a string per value (the files larger than the byte path reads): the
     * value as a {@code String} in the table with its reference (about 56 bytes for a short value), then as above.
     */
    static final long BYTES_PER_TEXT_VALUE = 120;

    private static final int SAMPLE_BYTES = 64 * 1024;

    private MemoryEstimate() {}

    /**
     * Estimates the heap training on a file needs.
     *
     * @param file the data file
     * @return the estimated bytes
     */
    public static long needed(final Path file) {
        return needed(List.of(file));
    }

    /**
     * Estimates the heap training on the files of one data set needs: the values of all files together, and the
     * bytes of the largest file read whole (one file is read at a time).
     *
     * @param files the data files
     * @return the estimated bytes
     */
    public static long needed(final List<Path> files) {
        long values = 0;
        long largestWhole = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                continue;
            }
            long size = size(file);
            boolean whole = size <= TableReader.BYTE_PATH_MAX_BYTES;
            values += values(file, size) * (whole ? BYTES_PER_VALUE : BYTES_PER_TEXT_VALUE);
            largestWhole = whole ? Math.max(largestWhole, size) : largestWhole;
        }
        return values + largestWhole;
    }

    /** The values of a file, estimated from its first bytes. */
    private static long values(final Path file, final long size) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] sample = in.readNBytes(SAMPLE_BYTES);
            long lines = 0;
            long separators = 0;
            for (byte b : sample) {
                lines += b == '\n' ? 1 : 0;
                separators += b == ',' || b == ';' || b == '\t' ? 1 : 0;
            }
            if (lines == 0) {
                // one line or a very long one: count the whole file as one value per 8 bytes
                return size / 8;
            }
            double valuesPerByte = (separators + lines) / (double) sample.length;
            return (long) (size * valuesPerByte);
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
        require(List.of(file), limit);
    }

    /**
     * Refuses to start when training on the files of one data set needs more memory than the heap may grow to.
     *
     * @param files the data files, all read for one training
     * @param limit the most heap there is, usually {@code Runtime.getRuntime().maxMemory()}
     * @throws MlopsException saying how much is needed and how to give it
     */
    public static void require(final List<Path> files, final long limit) {
        long needed = needed(files);
        if (needed <= limit) {
            return;
        }
        long size = files.stream()
                .filter(Files::isRegularFile)
                .mapToLong(MemoryEstimate::size)
                .sum();
        String advice = String.format(
                Locale.ROOT,
                "needs about %s of Java heap, more than the %s this process may use; start it with more"
                        + " (JAVA_OPTS=-Xmx%dg for the mlops command, or the agent's JVM options), or train on a"
                        + " sample of the rows",
                size(needed),
                size(limit),
                Math.max(1, (long) Math.ceil(needed * 1.1 / (1L << 30))));
        if (files.size() == 1) {
            throw MlopsException.inFile(files.get(0), "training on this file (" + size(size) + ") " + advice);
        }
        throw new MlopsException("training on the " + files.size() + " data files together (" + size(size) + ": "
                + files.get(0) + " ... " + files.get(files.size() - 1) + ") " + advice);
    }

    private static long size(final Path file) {
        try {
            return Files.size(file);
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static String size(final long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.0f MB", Math.max(1, bytes / (double) (1L << 20)));
    }
}
