package io.jenkins.plugins.mlops.execution;

import io.jenkins.plugins.mlops.launch.EngineCall;
import io.jenkins.plugins.mlops.launch.EngineHandle;
import io.jenkins.plugins.mlops.launch.EngineMonitor;
import io.jenkins.plugins.mlops.launch.LaunchResult;
import io.jenkins.plugins.mlops.records.MlRunAction;
import io.jenkins.plugins.mlops.records.ModelVersionAction;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.gates.BuildResult;
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
    /** The files of a model bundle (the engine's layout) that are archived with a run and staged as a baseline. */
    List<String> BUNDLE_FILES = List.of(
            BundleLayout.MODEL_FILE,
            BundleLayout.MANIFEST_FILE,
            BundleLayout.CHECKSUMS_FILE,
            BundleLayout.METADATA_FILE);

    /** @return the build log */
    PrintStream logger();

    /**
     * Starts the mlops command detached on the agent that holds the workspace, in its own JVM, with the build's
     * environment (withEnv, withCredentials, tool installations, container wrappers).
     *
     * @param call the command; its environment adds variables for the engine JVM only
     * @return the handle of the running process
     * @throws IOException if the command cannot be started
     * @throws InterruptedException if the build was aborted
     */
    EngineHandle start(EngineCall call) throws IOException, InterruptedException;

    /**
     * Runs the mlops command to its end, its output streaming into the build log.
     *
     * @param call the command
     * @return the outcome, the metadata document and the captured output
     * @throws IOException if the command cannot be run
     * @throws InterruptedException if the build was aborted; the engine process is killed then
     */
    default LaunchResult launch(EngineCall call) throws IOException, InterruptedException {
        return EngineMonitor.await(start(call), logger());
    }

    /**
     * Returns the build's identity for the registry: {@code JOB_NAME}, {@code BUILD_NUMBER}, {@code BUILD_URL}.
     *
     * @return the variables that are known
     * @throws IOException if the build environment cannot be read
     * @throws InterruptedException if the build was aborted
     */
    Map<String, String> buildEnvironment() throws IOException, InterruptedException;

    /**
     * Returns the Jenkins user who started the build, the default of {@code by} for registry steps.
     *
     * @return the user id of the build's user cause, or empty when no user started it (a timer, SCM change, ...)
     */
    Optional<String> startedBy();

    /** @return the global mlops configuration (Manage Jenkins) */
    RegistrySettings settings();

    /**
     * Reads the text of a "Secret text" credential in the context of this build.
     *
     * @param credentialsId the credentials id
     * @return the secret text; callers pass it only through a child's environment
     * @throws StepFailure if there is no such credential, or the build may not use it
     */
    String secretText(String credentialsId) throws StepFailure;

    /**
     * Attaches a registry action (a registered or promoted model version) to the build.
     *
     * @param action the action
     */
    void addVersionAction(ModelVersionAction action);

    /**
     * Appends a line of plain text to the build description.
     *
     * @param line the text; it is escaped by the caller
     * @throws IOException if the build cannot be saved
     */
    void appendDescription(String line) throws IOException;

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
    void setResult(BuildResult outcome);

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
