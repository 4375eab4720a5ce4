package io.jenkins.plugins.mlops.launch;

import java.io.Serializable;

/**
 * What an engine run on the agent produced: the process outcome, the metadata document it wrote
 * (if any), and the absolute workspace path on the agent (to relativize absolute model paths).
 *
 * @param outcome exit code and last error line of the engine process
 * @param metadataJson the metadata document, or {@code null} if the engine wrote none
 * @param workspacePath the absolute path of the workspace on the agent
 */
public record LaunchResult(ProcessOutcome outcome, String metadataJson, String workspacePath) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Returns whether the engine wrote a metadata document.
     *
     * @return {@code true} if there is a metadata document
     */
    public boolean hasMetadata() {
        return metadataJson != null && !metadataJson.isBlank();
    }
}
