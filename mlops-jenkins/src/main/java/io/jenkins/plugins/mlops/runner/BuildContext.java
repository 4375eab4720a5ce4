package io.jenkins.plugins.mlops.runner;

import io.jenkins.plugins.mlops.actions.MlRunAction;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.results.BuildOutcome;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a step needs from the running build. The Jenkins implementation is
 * {@code io.jenkins.plugins.mlops.steps.JenkinsFacade}; tests use doubles.
 */
public interface BuildContext {
    /** @return the build log */
    PrintStream logger();

    /**
     * Runs the mlops command in a child JVM on the agent that holds the workspace.
     *
     * @param arguments the arguments of the mlops command
     * @param metadataPath the metadata file the command writes, relative to the workspace
     * @return the outcome and the metadata document
     * @throws IOException if the command cannot be run
     * @throws InterruptedException if the build was aborted; the child process is killed then
     */
    LaunchResult launch(List<String> arguments, String metadataPath) throws IOException, InterruptedException;

    /**
     * Tells whether a file exists in the workspace.
     *
     * @param workspacePath the path relative to the workspace
     * @return {@code true} if the file exists
     * @throws IOException if the workspace cannot be read
     * @throws InterruptedException if the build was aborted
     */
    boolean exists(String workspacePath) throws IOException, InterruptedException;

    /**
     * Archives workspace files as build artifacts.
     *
     * @param artifacts artifact path to workspace path
     * @throws IOException if archiving fails
     * @throws InterruptedException if the build was aborted
     */
    void archive(Map<String, String> artifacts) throws IOException, InterruptedException;

    /** @return the build directory on the controller */
    File buildDir();

    /**
     * Attaches an action to the build.
     *
     * @param action the action
     */
    void addAction(MlRunAction action);

    /**
     * Makes the build result worse (never better).
     *
     * @param outcome the result asked for
     */
    void setResult(BuildOutcome outcome);

    /**
     * Copies the model bundle recorded by the previous successful build into the workspace.
     *
     * @param targetDir the workspace folder to copy it to
     * @return the workspace path of the copied bundle, or empty if no earlier build recorded a model
     * @throws IOException if copying fails
     * @throws InterruptedException if the build was aborted
     */
    Optional<String> stagePreviousModel(String targetDir) throws IOException, InterruptedException;
}
