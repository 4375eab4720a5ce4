package io.jenkins.plugins.mlops.charts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.report.MetricTrend;
import io.mlops.report.TrendPoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job-level index of the ML builds: one JSON {@link Line} per build (metrics, gates, model version, data, deployments,
 * retrain decision), appended when the build completes, so that the metric trend and the run history read one small
 * file instead of every build's records. Read it with {@link #lines(int)} (the history) or {@link #read(int)} (the
 * trend's points). A build written twice counts
 * once (the last line wins); a torn last line (a crash while appending) is ignored; any other unreadable line is an
 * error naming the file and the line.
 */
public final class TrendIndex {
    /** The index file in the job's folder. */
    public static final String FILE_NAME = "mlops-trend.jsonl";

    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    /** Appenders in this JVM wait for each other (a file lock alone does not exclude threads of one JVM). */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    private final Path file;

    /**
     * Creates the index of a job.
     *
     * @param jobFolder the job's root folder
     */
    public TrendIndex(Path jobFolder) {
        this.file = jobFolder.resolve(FILE_NAME);
    }

    /** @return the index file */
    public Path file() {
        return file;
    }

    /**
     * One line of the index: what one build's ML steps produced, in a few hundred bytes. Written by
     * {@link TrendRecorder}; read by the trend chart and the job's run history. Every field but {@code build} and
     * {@code label} may be absent: lines of older versions have only build, label, metrics and thresholds, and a build
     * that ran only {@code mlRetrainWhen} has no metrics (empty), only its live accuracy.
     *
     * @param build           the build number
     * @param label           the x-axis label, e.g. {@code #12}
     * @param metrics         the measured metrics by {@code MetricNames} name (of the build's last evaluation, else its
     *                        training); empty if none
     * @param thresholds      the absolute gate thresholds by metric name; {@value MetricTrend#LIVE_ACCURACY} holds
     *                        the live-accuracy threshold of a retrain decision; empty if none
     * @param liveAccuracy    the accuracy the prediction service measured from feedback (a retrain decision's
     *                        accuracy-decay condition), or {@code null}
     * @param algorithm       the trained algorithm id, e.g. {@code logistic}, or {@code null}
     * @param modelName       the registered model name, or {@code null}
     * @param modelVersion    the registered (or promoted) version, or {@code null}
     * @param aliases         the aliases set on that version in this build; empty if none
     * @param dataRows        the rows of the training data (else of the test data), or {@code null}
     * @param dataFingerprint the first {@value #FINGERPRINT_CHARS} hex digits of that data's SHA-256, or {@code null}
     * @param gateOutcome     PASSED, UNSTABLE, FAILED or INACTIVE of the last run with gates, or {@code null}
     * @param deployments     the status of each deployment in order ({@code DEPLOYED} or {@code ROLLED_BACK}); empty if
     *                        none
     * @param retrainReason   the fired conditions of the last retrain decision joined with {@code ", "} (e.g.
     *                        {@code accuracy-decay, age}), {@value #NOT_DUE} if none fired, or {@code null} without a
     *                        decision
     * @param hyperparameters the resolved hyperparameters of the training, or empty
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Line(
            int build,
            String label,
            Map<String, Double> metrics,
            Map<String, Double> thresholds,
            Double liveAccuracy,
            String algorithm,
            String modelName,
            Integer modelVersion,
            List<String> aliases,
            Long dataRows,
            String dataFingerprint,
            String gateOutcome,
            List<String> deployments,
            String retrainReason,
            Map<String, Object> hyperparameters) {
        /** The retrain reason of a decision that fired no condition. */
        public static final String NOT_DUE = "not due";
        /** How many hex digits of the data's SHA-256 a line keeps. */
        public static final int FINGERPRINT_CHARS = 12;

        /** Creates a line; absent maps and lists become empty. */
        public Line {
            metrics = metrics == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
            thresholds = thresholds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(thresholds));
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            deployments = deployments == null ? List.of() : List.copyOf(deployments);
            // hyperparameter values may be null (a default the trainer resolved to nothing)
            hyperparameters = hyperparameters == null
                    ? Map.of()
                    : Collections.unmodifiableMap(new LinkedHashMap<>(hyperparameters));
        }

        /**
         * A line with only the trend's values, as older versions wrote it.
         *
         * @param point the build's point
         * @return the line
         */
        public static Line of(TrendPoint point) {
            return new Line(
                    point.buildNumber(),
                    point.label(),
                    point.metrics(),
                    point.thresholds(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        /**
         * The build's point on the trend: its metrics, with the live accuracy as the series
         * {@value MetricTrend#LIVE_ACCURACY}, and its thresholds.
         *
         * @return the point
         */
        public TrendPoint point() {
            Map<String, Double> values = new LinkedHashMap<>(metrics);
            if (liveAccuracy != null) {
                values.put(MetricTrend.LIVE_ACCURACY, liveAccuracy);
            }
            return new TrendPoint(label, build, values, thresholds);
        }
    }

    /**
     * Appends a build's point: one line, written with one call under an exclusive lock.
     *
     * @param point the build's point
     * @throws IOException if the file cannot be written
     */
    public void append(TrendPoint point) throws IOException {
        append(Line.of(point));
    }

    /**
     * Appends a build's line: one line, written with one call under an exclusive lock. A later line of the same build
     * replaces an earlier one when read.
     *
     * @param entry the build's line
     * @throws IOException if the file cannot be written
     */
    public void append(Line entry) throws IOException {
        byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.getParent());
        synchronized (LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), k -> new Object())) {
            try (FileChannel channel = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    FileLock lock = channel.lock()) {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            }
        }
    }

    /**
     * Reads the trend's points, oldest build first.
     *
     * @param newest at most this many of the newest builds
     * @return the points; empty if no build has been indexed yet
     * @throws IOException           if the file cannot be read
     * @throws IllegalStateException naming the file and line that is not an index line
     */
    public List<TrendPoint> read(int newest) throws IOException {
        return lines(newest).stream().map(Line::point).toList();
    }

    /**
     * Reads the lines, oldest build first: one per build (the last written wins). This is the whole cost of a page
     * about many builds: one file read, no build loaded.
     *
     * @param newest at most this many of the newest builds
     * @return the lines; empty if no build has been indexed yet
     * @throws IOException           if the file cannot be read
     * @throws IllegalStateException naming the file and line that is not an index line
     */
    public List<Line> lines(int newest) throws IOException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return List.of();
        }
        TreeMap<Integer, Line> byBuild = new TreeMap<>();
        String[] lines = content.split("\n", -1);
        // the part after the last newline is either empty or a torn append
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            Line line;
            try {
                line = JSON.readValue(lines[i], Line.class);
            } catch (JsonProcessingException broken) {
                throw new IllegalStateException(
                        file + " line " + (i + 1) + " is not a trend index line: " + broken.getOriginalMessage(),
                        broken);
            }
            if (line.label() == null) {
                throw new IllegalStateException(file + " line " + (i + 1) + " has no label");
            }
            byBuild.put(line.build(), line);
        }
        List<Line> all = new ArrayList<>(byBuild.values());
        return List.copyOf(all.subList(Math.max(0, all.size() - newest), all.size()));
    }
}
