package io.jenkins.plugins.mlops.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import io.jenkins.plugins.mlops.execution.BuildContext;
import io.jenkins.plugins.mlops.execution.EngineStepRun;
import io.jenkins.plugins.mlops.execution.StepFailure;
import io.jenkins.plugins.mlops.execution.StepRequest;
import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * The one execution of every mlops step. It is durable as {@code sh} is: the engine runs detached on the agent
 * (a durable task), the execution keeps only the step's arguments and the engine's handle, re-attaches after
 * a controller restart ({@link #onResume()}), and kills the engine when the build is aborted ({@link #stop}).
 * The work is {@link EngineStepRun}'s; this class only connects it to the step context.
 */
public final class EngineStepExecution extends StepExecution {
    private static final long serialVersionUID = 1L;

    /** Worker threads for preparing, launching and checking engines; none of it runs on the Pipeline's thread. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(daemonThreads());

    private final EngineStepRun run;

    /**
     * Creates the execution of a step.
     *
     * @param context the step context
     * @param request the step's validated arguments
     */
    EngineStepExecution(StepContext context, StepRequest request) {
        super(context);
        this.run = new EngineStepRun(request);
    }

    @Override
    public boolean start() {
        run.start(new ContextSite(getContext()));
        return false;
    }

    @Override
    public void onResume() {
        run.resume(new ContextSite(getContext()));
    }

    @Override
    public void stop(Throwable cause) {
        run.stop(cause, new ContextSite(getContext()));
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "mlops-step-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The step context as the site of a run; {@link RetrainWhenExecution} extends what success means. */
    static class ContextSite implements EngineStepRun.Site {
        private final StepContext context;

        ContextSite(StepContext context) {
            this.context = context;
        }

        @Override
        public BuildContext open() throws IOException, InterruptedException {
            return JenkinsFacade.of(context);
        }

        @Override
        public PrintStream log() throws IOException, InterruptedException {
            TaskListener listener = context.get(TaskListener.class);
            if (listener == null) {
                throw new IOException("the build log is not available");
            }
            return listener.getLogger();
        }

        @Override
        public void succeed(Object result) {
            context.onSuccess(result);
        }

        @Override
        public void fail(Throwable error) {
            // a step failure is a message for the build log, not a stack trace: Jenkins shows an AbortException so
            context.onFailure(error instanceof StepFailure ? new AbortException(error.getMessage()) : error);
        }

        @Override
        public void saveState() {
            context.saveState();
        }

        @Override
        public void execute(Runnable work) {
            WORKERS.execute(work);
        }

        @Override
        public void schedule(Runnable work, long delayMillis) {
            Timer.get().schedule(() -> WORKERS.execute(work), delayMillis, TimeUnit.MILLISECONDS);
        }
    }
}
