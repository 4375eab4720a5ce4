package io.mlops.cli;

import java.util.Map;

/** A command or option group that reads environment variables; {@link Mlops#run} hands them over. */
interface EnvironmentAware {
    /**
     * Receives the environment.
     *
     * @param env the environment variables
     */
    void environment(Map<String, String> env);
}
