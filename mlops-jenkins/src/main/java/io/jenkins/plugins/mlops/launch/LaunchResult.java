package io.jenkins.plugins.mlops.launch;

/**
 * What an engine run on the agent produced: the process outcome, the metadata document it wrote
 * (if any), and the absolute workspace path on the agent (to relativize absolute model paths).
 *
 * @param outcome exit code and last error line of the engine process
 * @param metadataJson the metadata document, or {@code null} if the engine wrote none
 * @param workspacePath the absolute path of the workspace on the agent
 * @param output the standard output of the command when it was captured (not logged), else {@code null}
 */
public record LaunchResult(ProcessOutcome outcome, String metadataJson, String workspacePath, String output) {
    /**
     * Creates the result of a run whose standard output went to the build log.
     *
     * @param outcome exit code and last error line
     * @param metadataJson the metadata document, or {@code null}
     * @param workspacePath the absolute workspace path on the agent
     */
    public LaunchResult(ProcessOutcome outcome, String metadataJson, String workspacePath) {
        this(outcome, metadataJson, workspacePath, null);
    }

    /**
     * Returns whether the engine wrote a metadata document.
     *
     * @return {@code true} if there is a metadata document
     */
    public boolean hasMetadata() {
        return metadataJson != null && !metadataJson.isBlank();
    }
}
