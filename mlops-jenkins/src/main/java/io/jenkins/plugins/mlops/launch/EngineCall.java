package io.jenkins.plugins.mlops.launch;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * One run of the {@code mlops} command that a step asks for.
 *
 * @param arguments the arguments of the command, e.g. {@code train --data x.csv}; they are logged, so they hold no
 *     secret
 * @param metadataPath the run metadata file the command writes, relative to the workspace, or {@code null}
 * @param environment variables added to the build's environment for the engine JVM only; the one place for a
 *     secret, and never persisted (see {@link #withoutEnvironment()})
 * @param captureOutput {@code true} to return standard output (e.g. {@code --json}) instead of logging it
 */
public record EngineCall(
        List<String> arguments, String metadataPath, Map<String, String> environment, boolean captureOutput)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Copies the lists, so a call never changes after it was made. */
    public EngineCall {
        arguments = List.copyOf(arguments);
        environment = Map.copyOf(environment);
    }

    /**
     * A call whose standard output goes to the build log and that adds no variables.
     *
     * @param arguments the arguments of the command
     * @param metadataPath the metadata file, or {@code null}
     * @return the call
     */
    public static EngineCall logged(List<String> arguments, String metadataPath) {
        return new EngineCall(arguments, metadataPath, Map.of(), false);
    }

    /**
     * Returns this call without its extra variables: what a running step keeps across a controller restart,
     * so a secret passed to the engine is never written to the controller's disk.
     *
     * @return the call without environment
     */
    public EngineCall withoutEnvironment() {
        return new EngineCall(arguments, metadataPath, Map.of(), captureOutput);
    }
}
