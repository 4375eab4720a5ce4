package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.EngineMonitor;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Serializable;
import java.util.Optional;

/**
 * One step that runs the engine, durable as {@code sh} is: it prepares on a worker thread, starts the engine
 * detached on the agent, then looks at it now and then (sooner while it prints, up to every
 * {@value EngineMonitor#MAX_DELAY_MILLIS} ms when it is quiet) until it ends; then it copies the last output and
 * records the result. Its state is the request and the engine's handle, both serializable: after a controller
 * restart {@link #resume(Site)} follows the same process on. {@link #stop(Throwable, Site)} kills it.
 */
public final class EngineStepRun implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a step run needs from the Pipeline: its build, its outcome, and threads off the Pipeline's own. */
    public interface Site {
        /**
         * @return the running build
         * @throws IOException if the build cannot be reached
         * @throws InterruptedException if interrupted
         */
        BuildContext open() throws IOException, InterruptedException;

        /**
         * @return the build log
         * @throws IOException if the log cannot be opened
         * @throws InterruptedException if interrupted
         */
        PrintStream log() throws IOException, InterruptedException;

        /** @param result the step's value */
        void succeed(Object result);

        /** @param error why the step failed */
        void fail(Throwable error);

        /** Asks the Pipeline to save this run's state now (it has a new handle or has read more of the log). */
        void saveState();

        /** @param work work that may block, run on a worker thread */
        void execute(Runnable work);

        /**
         * @param work work to run later on a worker thread
         * @param delayMillis the delay
         */
        void schedule(Runnable work, long delayMillis);
    }

    private final StepRequest request;
    private volatile EngineMonitor monitor;
    private volatile boolean done;
    private transient volatile Thread preparing;
    private transient long delay;
    private transient boolean unreachableSaid;

    /**
     * Creates the run of a step.
     *
     * @param request the step's validated arguments
     */
    public EngineStepRun(StepRequest request) {
        this.request = request;
    }

    /**
     * Starts the step: prepares and launches the engine on a worker thread and returns at once.
     *
     * @param site the Pipeline
     */
    public void start(Site site) {
        site.execute(() -> launch(site));
    }

    /**
     * Continues after a controller restart: follows the engine process that was started before, or starts it
     * if the restart came before it was started.
     *
     * @param site the Pipeline
     */
    public void resume(Site site) {
        if (done) {
            return;
        }
        if (monitor == null) {
            start(site);
        } else {
            delay = EngineMonitor.MIN_DELAY_MILLIS;
            site.schedule(() -> check(site), delay);
        }
    }

    /**
     * Stops the step: kills the engine process and all it started, then fails the step with the cause.
     *
     * @param cause why (e.g. the build was aborted)
     * @param site the Pipeline
     */
    public void stop(Throwable cause, Site site) {
        done = true;
        Thread thread = preparing;
        if (thread != null) {
            thread.interrupt();
        }
        try {
            EngineMonitor running = monitor;
            if (running != null) {
                running.stop();
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            cause.addSuppressed(e);
        } finally {
            site.fail(cause);
        }
    }

    /** @return whether the engine has been started (the run then has a handle to follow) */
    public boolean isStarted() {
        return monitor != null;
    }

    private void launch(Site site) {
        preparing = Thread.currentThread();
        try {
            BuildContext context = site.open();
            EngineCall call = request.prepare(context);
            if (done) {
                return;
            }
            monitor = new EngineMonitor(context.start(call));
            site.saveState();
        } catch (Throwable e) { // NOPMD: every failure of the step's work fails the step, never the thread
            finishWith(site, e);
            return;
        } finally {
            preparing = null;
            Thread.interrupted(); // an interrupt by stop() must not leak into the pool's next task
        }
        if (done) { // stopped while the engine was being started
            stopQuietly();
            return;
        }
        delay = EngineMonitor.MIN_DELAY_MILLIS;
        site.schedule(() -> check(site), delay);
    }

    private void check(Site site) {
        if (done) {
            return;
        }
        EngineMonitor.Poll poll;
        try {
            poll = monitor.poll(site.log());
            unreachableSaid = false;
        } catch (IOException e) { // the agent is away (restart, reconnect): the process runs on, look again later
            sayUnreachable(site, e);
            delay = Math.min(Math.max(delay, EngineMonitor.MIN_DELAY_MILLIS) * 2, EngineMonitor.MAX_DELAY_MILLIS);
            site.schedule(() -> check(site), delay);
            return;
        } catch (Throwable e) { // NOPMD: see launch
            finishWith(site, e);
            return;
        }
        Optional<LaunchResult> result = poll.result();
        if (result.isEmpty()) {
            if (poll.hadOutput()) {
                site.saveState(); // the log position moved on; a restart must not print it twice
                delay = EngineMonitor.MIN_DELAY_MILLIS;
            } else {
                delay = Math.min(delay * 2, EngineMonitor.MAX_DELAY_MILLIS);
            }
            site.schedule(() -> check(site), delay);
            return;
        }
        try {
            Object value = request.finish(site.open(), result.get());
            if (!done) {
                done = true;
                site.succeed(value);
            }
        } catch (Throwable e) { // NOPMD: see launch
            finishWith(site, e);
        }
    }

    private void sayUnreachable(Site site, IOException e) {
        if (!unreachableSaid) {
            unreachableSaid = true;
            try {
                site.log()
                        .println("[mlops] cannot reach the engine on the agent (" + e.getMessage()
                                + "); it runs on, looking again");
            } catch (IOException | InterruptedException | RuntimeException ignored) {
                // no log either: the next look says it
            }
        }
    }

    private void finishWith(Site site, Throwable e) {
        if (!done) {
            done = true;
            site.fail(e);
        }
    }

    private void stopQuietly() {
        try {
            monitor.stop();
        } catch (IOException | InterruptedException | RuntimeException e) {
            // the step has already ended with its cause
        }
    }
}
