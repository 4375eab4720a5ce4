package io.jenkins.plugins.mlops.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.Optional;

/**
 * Follows one running engine process: copies its new output into the build log, in order, and once the
 * process has ended copies the rest of it before reading the result, so every line the engine printed is in
 * the log before the step ends. Serializable with its handle, so a step follows the same process after a
 * controller restart from where it left the log.
 */
public final class EngineMonitor implements Serializable {
    private static final long serialVersionUID = 1L;
    /** The first and the longest pause between two looks at a running process, in milliseconds. */
    public static final long MIN_DELAY_MILLIS = 100;

    public static final long MAX_DELAY_MILLIS = 5_000;

    private final EngineHandle handle;
    private final ErrorLine errorLine = new ErrorLine();
    private boolean finished;

    /**
     * Follows a started process.
     *
     * @param handle the process
     */
    public EngineMonitor(EngineHandle handle) {
        this.handle = handle;
    }

    /**
     * Runs a process to its end: the synchronous use, for short commands such as a registry lookup.
     *
     * @param handle the started process
     * @param log the build log
     * @return the result
     * @throws IOException if the process cannot be followed
     * @throws InterruptedException if interrupted; the process has been killed then
     */
    public static LaunchResult await(EngineHandle handle, PrintStream log) throws IOException, InterruptedException {
        EngineMonitor monitor = new EngineMonitor(handle);
        long delay = MIN_DELAY_MILLIS;
        try {
            while (true) {
                Poll poll = monitor.poll(log);
                if (poll.result().isPresent()) {
                    return poll.result().get();
                }
                Thread.sleep(delay);
                delay = poll.hadOutput() ? MIN_DELAY_MILLIS : Math.min(delay * 2, MAX_DELAY_MILLIS);
            }
        } catch (InterruptedException e) {
            monitor.stop();
            throw e;
        }
    }

    /**
     * What one look at the process found.
     *
     * @param hadOutput whether there was new output (look again soon)
     * @param result the result, once the process has ended
     */
    public record Poll(boolean hadOutput, Optional<LaunchResult> result) {}

    /**
     * Copies new output into the log and checks whether the process has ended. When it has, copies the last
     * output, reads the result and deletes the control folder.
     *
     * @param log the build log
     * @return what was found
     * @throws IOException if the process cannot be followed
     * @throws InterruptedException if interrupted
     */
    public Poll poll(PrintStream log) throws IOException, InterruptedException {
        if (finished) {
            throw new IllegalStateException("the engine process has already ended");
        }
        boolean output = copyLog(log);
        Integer exitCode = handle.exitStatus();
        if (exitCode == null) {
            return new Poll(output, Optional.empty());
        }
        copyLog(log); // what the process wrote between the last copy and its end
        LaunchResult result = handle.result(new ProcessOutcome(exitCode, errorLine.get()));
        finished = true;
        handle.cleanup();
        return new Poll(output, Optional.of(result));
    }

    private boolean copyLog(PrintStream log) throws IOException, InterruptedException {
        // No lock on the log here: on a remote agent its bytes arrive on a remoting thread while this one waits.
        boolean output;
        try (OutputStream sink = errorLine.tee(log)) {
            output = handle.writeLog(sink);
        }
        log.flush();
        return output;
    }

    /**
     * Kills the process and every process it started.
     *
     * @throws IOException if the agent cannot be reached
     * @throws InterruptedException if interrupted
     */
    public void stop() throws IOException, InterruptedException {
        if (!finished) {
            handle.stop();
        }
    }
}
