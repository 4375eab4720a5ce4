package io.jenkins.plugins.mlops.triggers;

import hudson.model.Job;
import io.jenkins.plugins.mlops.triggers.poll.PollLog;
import io.jenkins.plugins.mlops.triggers.poll.StateFile;
import java.nio.file.Path;

/**
 * Where a trigger keeps its "last seen" state and its polling log: {@code mlops-triggers/} in the job's
 * folder, one pair of files per trigger symbol (a job has at most one trigger of each kind). Not in the
 * trigger's configuration, which Declarative rewrites on every run, and not in memory, which a restart
 * loses.
 */
final class TriggerStore {
    static final String FOLDER = "mlops-triggers";

    private TriggerStore() {}

    static StateFile state(final Job<?, ?> job, final String symbol) {
        return new StateFile(folder(job).resolve(symbol + ".properties"));
    }

    static PollLog log(final Job<?, ?> job, final String symbol) {
        return new PollLog(folder(job).resolve(symbol + ".log"));
    }

    private static Path folder(final Job<?, ?> job) {
        return job.getRootDir().toPath().resolve(FOLDER);
    }
}
