package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import java.io.IOException;
import java.util.Map;

/**
 * The work of one step around its engine run: what to run, then what to record once it ended. A durable step does
 * the two halves apart ({@link EngineStepRun} keeps only the request and the engine's handle in between, so it
 * continues after a restart); {@link #run} does them in one go.
 *
 * @param <R> the step's validated arguments
 */
public abstract class EngineRunner<R extends StepRequest> {
    /** The running build. */
    protected final BuildContext context;

    /**
     * Creates the runner.
     *
     * @param context the running build
     */
    protected EngineRunner(BuildContext context) {
        this.context = context;
    }

    /**
     * Prepares, runs the engine and records its result.
     *
     * @param request the validated arguments
     * @return the step's return value
     * @throws IOException if the step cannot start or the engine failed; a {@code StepFailure} says why
     * @throws InterruptedException if the build was aborted
     */
    public final Map<String, Object> run(R request) throws IOException, InterruptedException {
        return finish(request, context.launch(prepare(request)));
    }

    /**
     * Says how to run the engine, resolving what must be resolved first.
     *
     * @param request the validated arguments
     * @return the engine call
     * @throws IOException if the step cannot start; a {@code StepFailure} says why
     * @throws InterruptedException if the build was aborted
     */
    public abstract EngineCall prepare(R request) throws IOException, InterruptedException;

    /**
     * Records what the engine produced in the build.
     *
     * @param request the validated arguments
     * @param launched what the engine produced
     * @return the step's return value
     * @throws IOException if the engine failed; a {@code StepFailure} carries its message
     * @throws InterruptedException if the build was aborted
     */
    public abstract Map<String, Object> finish(R request, LaunchResult launched)
            throws IOException, InterruptedException;
}
