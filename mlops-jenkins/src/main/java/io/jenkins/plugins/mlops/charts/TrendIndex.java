package io.jenkins.plugins.mlops.charts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The job-level index of the metric trend: one JSON line per build with metrics, appended when the build completes,
 * so that drawing the trend reads one small file instead of every build's records. A build written twice counts
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

    /** One line of the index. */
    record Line(int build, String label, Map<String, Double> metrics, Map<String, Double> thresholds) {}

    /**
     * Appends a build's point: one line, written with one call under an exclusive lock.
     *
     * @param point the build's point
     * @throws IOException if the file cannot be written
     */
    public void append(TrendPoint point) throws IOException {
        byte[] line = (JSON.writeValueAsString(
                                new Line(point.buildNumber(), point.label(), point.metrics(), point.thresholds()))
                        + "\n")
                .getBytes(StandardCharsets.UTF_8);
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
     * Reads the points, oldest build first.
     *
     * @param newest at most this many of the newest builds
     * @return the points; empty if no build has been indexed yet
     * @throws IOException           if the file cannot be read
     * @throws IllegalStateException naming the file and line that is not an index line
     */
    public List<TrendPoint> read(int newest) throws IOException {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException absent) {
            return List.of();
        }
        TreeMap<Integer, TrendPoint> byBuild = new TreeMap<>();
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
            if (line.label() == null || line.metrics() == null) {
                throw new IllegalStateException(file + " line " + (i + 1) + " has no label or no metrics");
            }
            byBuild.put(
                    line.build(),
                    new TrendPoint(
                            line.label(),
                            line.build(),
                            line.metrics(),
                            line.thresholds() == null ? Map.of() : line.thresholds()));
        }
        List<TrendPoint> points = new ArrayList<>(byBuild.values());
        return points.subList(Math.max(0, points.size() - newest), points.size());
    }
}
