package io.jenkins.plugins.mlops.launch;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the mlops command in a child JVM on the agent that holds the workspace, with the agent's own
 * Java, and reads back the metadata document it wrote. The child process, not the agent, bears a
 * crash or an out-of-memory error; interrupting the call (aborting the build) kills the process.
 */
public final class AgentLaunch extends MasterToSlaveFileCallable<LaunchResult> {
    private static final long serialVersionUID = 1L;

    private final List<String> classpath;
    private final List<String> arguments;
    private final String metadataPath;
    private final TaskListener listener;
    private final Map<String, String> environment;
    private final boolean captureOutput;

    /**
     * Creates the call.
     *
     * @param classpath the engine jars, as absolute paths on the agent
     * @param arguments the arguments of the mlops command
     * @param metadataPath the metadata file the command writes, relative to the workspace
     * @param listener the build log
     */
    public AgentLaunch(List<String> classpath, List<String> arguments, String metadataPath, TaskListener listener) {
        this(classpath, arguments, metadataPath, listener, Map.of(), false);
    }

    /**
     * Creates the call with extra environment variables for the child JVM. Secrets go only there:
     * never into the arguments, which are logged.
     *
     * @param classpath the engine jars, as absolute paths on the agent
     * @param arguments the arguments of the mlops command
     * @param metadataPath the metadata file the command writes, relative to the workspace, or {@code null}
     * @param listener the build log
     * @param environment variables added to the agent's environment for the child JVM
     * @param captureOutput {@code true} to return standard output (e.g. {@code --json}) instead of logging it
     */
    public AgentLaunch(
            List<String> classpath,
            List<String> arguments,
            String metadataPath,
            TaskListener listener,
            Map<String, String> environment,
            boolean captureOutput) {
        this.environment = Map.copyOf(environment);
        this.captureOutput = captureOutput;
        this.classpath = List.copyOf(classpath);
        this.arguments = List.copyOf(arguments);
        this.metadataPath = metadataPath;
        this.listener = listener;
    }

    @Override
    public LaunchResult invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        File metadata = metadataPath == null ? null : new File(workspace, metadataPath);
        if (metadata != null) {
            Files.deleteIfExists(metadata.toPath()); // never read a stale document of an earlier run
        }
        Files.createDirectories(workspace.toPath());
        String java = JavaCommand.javaExecutable(
                System.getProperty("java.home"),
                System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("windows"));
        ProcessOutcome outcome = new EngineProcess(
                        JavaCommand.of(java, classpath, arguments),
                        workspace,
                        listener.getLogger(),
                        environment,
                        captureOutput)
                .run();
        String json = metadata != null && metadata.isFile()
                ? Files.readString(metadata.toPath(), StandardCharsets.UTF_8)
                : null;
        return new LaunchResult(outcome, json, workspace.getAbsolutePath(), outcome.output());
    }
}
