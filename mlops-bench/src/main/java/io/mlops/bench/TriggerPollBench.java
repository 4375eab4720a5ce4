package io.mlops.bench;

import io.jenkins.plugins.mlops.triggers.poll.DataPoll;
import io.jenkins.plugins.mlops.triggers.poll.FolderScan;
import io.jenkins.plugins.mlops.triggers.poll.PathPattern;
import io.jenkins.plugins.mlops.triggers.poll.PollException;
import io.jenkins.plugins.mlops.triggers.poll.PollLog;
import io.jenkins.plugins.mlops.triggers.poll.PollResult;
import io.jenkins.plugins.mlops.triggers.poll.PollState;
import io.jenkins.plugins.mlops.triggers.poll.StateFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What one {@code mlDataChanged} poll over an unchanged folder costs the Jenkins controller: the CPU time of the
 * whole poll (read the state file, stamp every file by size and time, compare, write the state file atomically if
 * anything changed, append to the polling log),
 * as the median of many polls, against the baseline of merely listing the same folder with its file attributes in
 * the same run. Target: at most {@value #TARGET_CPU_MILLIS} ms of CPU per poll.
 *
 * <p>Run it as {@code java -cp mlops-bench/target/mlops-bench.jar io.mlops.bench.TriggerPollBench [files] [polls]}.
 */
public final class TriggerPollBench {
    /** A trigger poll costs the controller at most this much CPU time (issue 11). */
    static final double TARGET_CPU_MILLIS = 10.0;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TriggerPollBench() {}

    /**
     * Runs the benchmark and prints a Markdown table.
     *
     * @param args number of files (default 1000) and of polls (default 200)
     * @throws Exception if the temporary folder cannot be written
     */
    public static void main(final String[] args) throws Exception {
        int files = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int polls = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path work = Files.createTempDirectory("mlops-trigger-bench");
        try {
            Result result = run(work, files, polls);
            print(result, System.out);
        } finally {
            deleteRecursively(work);
        }
    }

    /**
     * The measured numbers.
     *
     * @param files            files in the watched folder
     * @param polls            polls measured
     * @param firstPollMillis  CPU time of the first poll, which hashes every file
     * @param pollMillis       CPU time per poll of the unchanged folder
     * @param baselineMillis   CPU time per listing of the same folder with attributes
     */
    record Result(int files, int polls, double firstPollMillis, Stats pollMillis, Stats baselineMillis) {
        double ratio() {
            return pollMillis.median() / baselineMillis.median();
        }

        boolean meetsTarget() {
            return pollMillis.median() <= TARGET_CPU_MILLIS;
        }
    }

    static Result run(final Path work, final int files, final int polls) throws IOException, PollException {
        Path data = work.resolve("receipts");
        Files.createDirectories(data);
        byte[] content = new byte[4096];
        for (int i = 0; i < files; i++) {
            content[i % content.length] = (byte) i;
            Files.write(data.resolve(String.format(Locale.ROOT, "receipts-%05d.csv", i)), content);
        }
        String source = data + "/*.csv";
        PathPattern pattern = PathPattern.of(source);
        StateFile state = new StateFile(work.resolve("job/mlops-triggers/mlDataChanged.properties"));
        PollLog log = new PollLog(work.resolve("job/mlops-triggers/mlDataChanged.log"));

        long start = cpu();
        poll(state, log, source, pattern);
        double first = (cpu() - start) / 1e6;

        int warmup = Math.max(10, polls / 5);
        double[] pollTimes = new double[polls];
        double[] baselineTimes = new double[polls];
        for (int i = -warmup; i < polls; i++) {
            long before = cpu();
            PollResult result = poll(state, log, source, pattern);
            long middle = cpu();
            long listed = list(data);
            long after = cpu();
            if (result.fires() || listed != files) {
                throw new IllegalStateException("the folder changed during the benchmark: " + result.message());
            }
            if (i >= 0) {
                pollTimes[i] = (middle - before) / 1e6;
                baselineTimes[i] = (after - middle) / 1e6;
            }
        }
        return new Result(files, polls, first, Stats.of(pollTimes), Stats.of(baselineTimes));
    }

    private static PollResult poll(
            final StateFile state, final PollLog log, final String source, final PathPattern pattern)
            throws PollException {
        PollState saved = state.load();
        PollResult result = DataPoll.compare(saved, source, FolderScan.scan(pattern, saved.entriesOf(source)));
        state.save(result.next());
        log.append(new PollLog.Entry(Instant.now(), result.outcome(), result.message()));
        return result;
    }

    /** The baseline: what listing the folder with each file's size and time costs anyway. */
    private static long list(final Path folder) throws IOException {
        long count = 0;
        try (Stream<Path> listing = Files.list(folder)) {
            for (Path file : (Iterable<Path>) listing::iterator) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                if (attributes.isRegularFile() && attributes.size() >= 0) {
                    count++;
                }
            }
        }
        return count;
    }

    private static long cpu() {
        return THREADS.getCurrentThreadCpuTime();
    }

    static void print(final Result result, final PrintStream out) {
        out.printf(
                Locale.ROOT,
                "## mlDataChanged poll over an unchanged folder (%d files, %d polls, CPU time of the polling thread)%n%n",
                result.files(),
                result.polls());
        out.println("| measure | median ms | p90 ms | target |");
        out.println("|---|---|---|---|");
        out.printf(
                Locale.ROOT,
                "| poll: state read, stamps, compare, state write if changed, polling log | %.3f | %.3f | <= %.1f ms %s |%n",
                result.pollMillis().median(),
                result.pollMillis().percentile(90),
                TARGET_CPU_MILLIS,
                result.meetsTarget() ? "met" : "MISSED");
        out.printf(
                Locale.ROOT,
                "| baseline: list the folder with attributes | %.3f | %.3f | |%n",
                result.baselineMillis().median(),
                result.baselineMillis().percentile(90));
        out.printf(Locale.ROOT, "| ratio poll / baseline | %.2f | | |%n", result.ratio());
        out.printf(Locale.ROOT, "| first poll (hashes every file, once) | %.3f | | |%n", result.firstPollMillis());
    }

    private static void deleteRecursively(final Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }
}
