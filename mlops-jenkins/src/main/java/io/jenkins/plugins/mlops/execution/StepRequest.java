package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;

/**
 * The validated arguments of one step, and the two halves of its work around the engine run: what to run,
 * and what to record once it ended. A running step keeps only this and the engine's handle, so it continues
 * after a controller restart.
 */
public interface StepRequest extends Serializable {
    /**
     * Says how to run the engine (resolving what must be resolved first, e.g. a baseline).
     *
     * @param context the running build
     * @return the engine call
     * @throws IOException if the step cannot start; an {@code StepFailure} says why
     * @throws InterruptedException if the build was aborted
     */
    EngineCall prepare(BuildContext context) throws IOException, InterruptedException;

    /**
     * Records what the engine produced in the build and returns the step's value.
     *
     * @param context the running build
     * @param launched what the engine produced
     * @return the step's return value
     * @throws IOException if the engine failed; an {@code StepFailure} carries its message
     * @throws InterruptedException if the build was aborted
     */
    Map<String, Object> finish(BuildContext context, LaunchResult launched) throws IOException, InterruptedException;
}
