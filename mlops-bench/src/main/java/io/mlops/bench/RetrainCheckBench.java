package io.mlops.bench;

import io.mlops.contract.retrain.RetrainPolicy;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.io.Hashing;
import io.mlops.engine.retrain.RetrainCheck;
import io.mlops.engine.retrain.RetrainCheckRequest;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingSpec;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The speed of {@code mlops retrain-check} over a large, unchanged data folder (issue 11: at most 1 s for 1 GB):
 * generates the folder in a temporary directory, trains a small model, and measures in one run the baseline (hashing
 * the whole folder once, what a check without its cache would cost), the first check (no cache yet), the check over
 * the unchanged folder (median of repeats) and the check after one file grew. Prints a Markdown table; removes the
 * folder unless {@code --keep}.
 *
 * <p>Run it as {@code java -cp mlops-bench/target/mlops-bench.jar io.mlops.bench.RetrainCheckBench [--gigabytes 1]
 * [--files 40] [--repeats 5]}.</p>
 */
public final class RetrainCheckBench {
    /** An unchanged folder of this size must be checked in at most {@link #TARGET_MILLIS}. */
    static final double TARGET_GIGABYTES = 1.0;
    /** The target of a check over an unchanged folder. */
    static final double TARGET_MILLIS = 1000;

    private final double gigabytes;
    private final int files;
    private final int repeats;
    private final boolean keep;
    private final PrintStream out;
    private final PrintStream log;

    RetrainCheckBench(
            final double gigabytes,
            final int files,
            final int repeats,
            final boolean keep,
            final PrintStream out,
            final PrintStream log) {
        this.gigabytes = gigabytes;
        this.files = files;
        this.repeats = repeats;
        this.keep = keep;
        this.out = out;
        this.log = log;
    }

    /**
     * Runs the benchmark.
     *
     * @param args {@code --gigabytes X} (default 1), {@code --files N} (40), {@code --repeats N} (5), {@code --keep}
     */
    public static void main(final String[] args) {
        double gigabytes = TARGET_GIGABYTES;
        int files = 40;
        int repeats = 5;
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--gigabytes" -> gigabytes = Double.parseDouble(value(args, ++i));
                case "--files" -> files = Integer.parseInt(value(args, ++i));
                case "--repeats" -> repeats = Integer.parseInt(value(args, ++i));
                case "--keep" -> keep = true;
                default -> {
                    System.err.println("usage: RetrainCheckBench [--gigabytes X] [--files N] [--repeats N] [--keep]");
                    System.exit(2);
                }
            }
        }
        new RetrainCheckBench(gigabytes, files, repeats, keep, System.out, System.err).run();
    }

    private static String value(final String[] args, final int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException(args[i - 1] + " needs a value");
        }
        return args[i];
    }

    void run() {
        Path dir;
        try {
            dir = Files.createTempDirectory("mlops-retrain-bench");
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        try {
            Path data = dir.resolve("data");
            long bytes = generate(data);
            Path model = trainSmallModel(dir);
            List<Path> all = list(data);
            double[] baseline = new double[Math.min(3, repeats)];
            for (int i = 0; i < baseline.length; i++) {
                long start = System.nanoTime();
                all.forEach(Hashing::sha256);
                baseline[i] = millis(start);
            }
            Path cache = dir.resolve("cache/data-scan.json");
            RetrainCheckRequest request = RetrainCheckRequest.builder("model", model)
                    .data(List.of(data.toString()))
                    .policy(RetrainPolicy.builder().build())
                    .cacheFile(cache)
                    .build();
            RetrainCheck check = new RetrainCheck(ProgressListener.NONE, dir, Clock.systemUTC());
            long start = System.nanoTime();
            check.check(request);
            double first = millis(start);
            double[] unchanged = new double[repeats];
            for (int i = 0; i < repeats; i++) {
                start = System.nanoTime();
                check.check(request);
                unchanged[i] = millis(start);
            }
            grow(all.get(all.size() / 2));
            start = System.nanoTime();
            check.check(request);
            double oneChanged = millis(start);
            report(bytes, all.size(), Stats.of(baseline), first, Stats.of(unchanged), oneChanged);
        } finally {
            if (keep) {
                log.println("kept " + dir);
            } else {
                AtomicFiles.deleteQuietly(dir);
            }
        }
    }

    private void report(
            final long bytes,
            final int count,
            final Stats baseline,
            final double first,
            final Stats unchanged,
            final double oneChanged) {
        double scale = bytes / (TARGET_GIGABYTES * (1L << 30));
        out.printf(Locale.ROOT, "## retrain-check over an unchanged data folder%n%n");
        out.printf(
                Locale.ROOT,
                "%d files, %.2f GB; %d repeats; %d cores, Java %s%n%n",
                count,
                bytes / (double) (1L << 30),
                unchanged.count(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.println("| measurement | time (ms) | vs. hashing the folder |");
        out.println("|---|---|---|");
        row("baseline: SHA-256 of every file (median)", baseline.median(), baseline.median());
        row("first check, no cache (hash and count every file)", first, baseline.median());
        row("check, folder unchanged (median)", unchanged.median(), baseline.median());
        row("check, folder unchanged (max)", unchanged.max(), baseline.median());
        row("check after one file grew", oneChanged, baseline.median());
        double perGigabyte = unchanged.median() / scale;
        out.printf(
                Locale.ROOT,
                "%ntarget: an unchanged %.0f GB folder in at most %.0f ms: %s (%.1f ms per GB)%n",
                TARGET_GIGABYTES,
                TARGET_MILLIS,
                perGigabyte <= TARGET_MILLIS ? "MET" : "NOT MET",
                perGigabyte);
    }

    private void row(final String what, final double millis, final double baseline) {
        out.printf(Locale.ROOT, "| %s | %.1f | %.3fx |%n", what, millis, millis / baseline);
    }

    /** Writes the folder: files of numeric receipts-like rows, each with different content. */
    private long generate(final Path data) {
        long target = (long) (gigabytes * (1L << 30));
        long perFile = Math.max(1, target / files);
        log.printf(Locale.ROOT, "generating %d files of %.1f MB in %s%n", files, perFile / 1048576.0, data);
        SplittableRandom random = new SplittableRandom(42);
        StringBuilder chunk = new StringBuilder();
        while (chunk.length() < 4 << 20) {
            chunk.append(String.format(
                    Locale.ROOT,
                    "%.2f,%d,%.4f,%s%n",
                    random.nextDouble() * 500,
                    random.nextInt(1000),
                    random.nextDouble(),
                    DataGenerator.className(random.nextInt(4))));
        }
        byte[] rows = chunk.toString().getBytes(StandardCharsets.UTF_8);
        long total = 0;
        try {
            Files.createDirectories(data);
            for (int f = 0; f < files; f++) {
                Path file = data.resolve(String.format(Locale.ROOT, "part-%04d.csv", f));
                try (OutputStream os = Files.newOutputStream(file)) {
                    byte[] head =
                            ("amount,count,score,label\n" + f + ",0,0.0,class0\n").getBytes(StandardCharsets.UTF_8);
                    os.write(head);
                    long written = head.length;
                    while (written < perFile) {
                        int length = (int) Math.min(rows.length, perFile - written);
                        // whole lines only: cut the chunk at a line end
                        while (length < rows.length && length > 0 && rows[length - 1] != '\n') {
                            length--;
                        }
                        if (length == 0) {
                            break;
                        }
                        os.write(rows, 0, length);
                        written += length;
                    }
                    total += written;
                }
                // older than the check's racy window, as data that arrived earlier is
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
            }
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        return total;
    }

    private Path trainSmallModel(final Path dir) {
        Path small = dir.resolve("small.csv");
        new DataGenerator(4, 4, DataGenerator.DEFAULT_SEPARATION, 42).write(small, 400);
        Path model = dir.resolve("model");
        new TrainingPipeline(ProgressListener.NONE, dir)
                .train(
                        TrainingSpec.builder()
                                .data(small)
                                .label(DataGenerator.LABEL)
                                .output(model)
                                .build(),
                        List.of());
        return model;
    }

    private static List<Path> list(final Path data) {
        try (Stream<Path> paths = Files.list(data)) {
            return paths.sorted().toList();
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static void grow(final Path file) {
        try {
            Files.writeString(file, "1.00,1,0.5000,class1\n", StandardOpenOption.APPEND);
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    private static double millis(final long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
