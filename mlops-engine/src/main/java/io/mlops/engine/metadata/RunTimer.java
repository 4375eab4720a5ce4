package io.mlops.engine.metadata;

import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Times the phases of one run and starts its metadata with what every run records: id, kind, start and end time,
 * durations, code version and environment.
 */
public final class RunTimer {
    private final RunKind kind;
    private final Path codeFolder;
    private final Instant started = Instant.now();
    private final long start = System.nanoTime();
    private final Map<String, Long> durations = new LinkedHashMap<>();
    private long phaseStart = start;

    private RunTimer(final RunKind kind, final Path codeFolder) {
        this.kind = kind;
        this.codeFolder = codeFolder;
    }

    /**
     * Starts timing a run.
     *
     * @param kind       what the run does
     * @param codeFolder a folder inside the Git work tree whose commit is recorded
     * @return the timer
     */
    public static RunTimer start(final RunKind kind, final Path codeFolder) {
        return new RunTimer(kind, codeFolder);
    }

    /**
     * Ends a phase that started when the previous one ended (or the run started).
     *
     * @param name the duration's key, e.g. {@code loadMillis}
     * @return the phase's duration in milliseconds
     */
    public long phase(final String name) {
        long now = System.nanoTime();
        long millis = millis(phaseStart, now);
        durations.put(name, millis);
        phaseStart = now;
        return millis;
    }

    /**
     * Ends the run and starts its metadata.
     *
     * @return a builder with id, kind, times, durations (with the total), code version and environment
     */
    public RunMetadata.Builder finish() {
        Map<String, Long> all = new LinkedHashMap<>(durations);
        all.put(RunMetadata.TOTAL_MILLIS, millis(start, System.nanoTime()));
        return RunMetadata.builder(kind)
                .runId(UUID.randomUUID().toString())
                .startedAt(started.toString())
                .finishedAt(Instant.now().toString())
                .durations(all)
                .codeVersion(GitCodeVersion.of(codeFolder).orElse(null))
                .environment(RunEnvironment.current());
    }

    private static long millis(final long from, final long to) {
        return Math.max(0, (to - from) / 1_000_000);
    }
}
