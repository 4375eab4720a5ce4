package io.jenkins.plugins.mlops.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serializable;

/**
 * An engine process started detached on the agent, with a control folder that holds its log, exit code and
 * captured output. The handle is all a step keeps: it is serializable, so a step re-attaches to the running
 * process after a controller restart.
 */
public interface EngineHandle extends Serializable {
    /**
     * Copies the log output written since the last call into a sink, in the order the process wrote it.
     *
     * @param sink the build log
     * @return {@code true} if there was new output
     * @throws IOException if the log cannot be read
     * @throws InterruptedException if interrupted
     */
    boolean writeLog(OutputStream sink) throws IOException, InterruptedException;

    /**
     * Returns the exit code once the process has ended.
     *
     * @return the exit code, or {@code null} while the process runs or its agent cannot be reached
     * @throws IOException if the control folder cannot be read
     * @throws InterruptedException if interrupted
     */
    Integer exitStatus() throws IOException, InterruptedException;

    /**
     * Reads what the ended process left: its metadata document and captured output.
     *
     * @param outcome exit code and explaining error line
     * @return the result
     * @throws IOException if the workspace cannot be read
     * @throws InterruptedException if interrupted
     */
    LaunchResult result(ProcessOutcome outcome) throws IOException, InterruptedException;

    /**
     * Kills the process and every process it started.
     *
     * @throws IOException if the agent cannot be reached
     * @throws InterruptedException if interrupted
     */
    void stop() throws IOException, InterruptedException;

    /**
     * Deletes the control folder once the result has been read.
     *
     * @throws IOException if the folder cannot be deleted
     * @throws InterruptedException if interrupted
     */
    void cleanup() throws IOException, InterruptedException;
}
