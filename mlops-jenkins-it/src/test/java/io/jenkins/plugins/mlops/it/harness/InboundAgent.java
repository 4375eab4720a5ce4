package io.jenkins.plugins.mlops.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A permanent inbound agent: the node is created through the script console (as the distribution's
 * {@code agent.sh} does), and the controller's own {@code agent.jar} connects over WebSocket from its own folder, so
 * every step result crosses a real remoting channel and Jenkins' class filter.
 */
public final class InboundAgent implements AutoCloseable {
    private static final Duration ONLINE_TIMEOUT = Duration.ofMinutes(2);

    private final JenkinsClient jenkins;
    private final String name;
    private final Path folder;
    private Process process;

    /**
     * @param jenkins the controller
     * @param name    the node name
     * @param folder  the agent's own folder (remote root {@code folder/root})
     */
    public InboundAgent(JenkinsClient jenkins, String name, Path folder) {
        this.jenkins = jenkins;
        this.name = name;
        this.folder = folder;
    }

    /** @return the agent's remote root (its workspaces are below {@code workspace/}) */
    public Path root() {
        return folder.resolve("root");
    }

    /**
     * Creates the node with the label, connects the agent and waits until it is online.
     *
     * @param label the node's label
     */
    public void connect(String label) {
        try {
            Files.createDirectories(root());
            Files.createDirectories(folder.resolve("remoting"));
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        String secret = jenkins.script(String.join(
                        "\n",
                        "import hudson.slaves.*",
                        "def j = jenkins.model.Jenkins.get()",
                        "if (j.getNode('" + name + "') == null) {",
                        "  def s = new DumbSlave('" + name + "', '" + root() + "', new JNLPLauncher())",
                        "  s.setLabelString('" + label + "'); s.setNumExecutors(3); j.addNode(s)",
                        "}",
                        "print j.getComputer('" + name + "').getJnlpMac()"))
                .strip();
        if (secret.isEmpty()) {
            throw new AssertionError("the script console created no node " + name);
        }
        Path secretFile = folder.resolve("secret.txt");
        Path jar = folder.resolve("agent.jar");
        try {
            Files.writeString(secretFile, secret);
            Files.setPosixFilePermissions(secretFile, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
        jenkins.download("jnlpJars/agent.jar", jar);
        start(jar, secretFile);
        awaitOnline();
    }

    private void start(Path jar, Path secretFile) {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                        JenkinsController.javaExecutable(),
                        "-Xmx256m",
                        "-jar",
                        jar.toString(),
                        "-url",
                        jenkins.root().toString(),
                        "-name",
                        name,
                        "-secret",
                        "@" + secretFile,
                        "-webSocket",
                        "-workDir",
                        folder.resolve("remoting").toString()))
                .directory(folder.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        folder.resolve("agent.log").toFile()));
        try {
            process = builder.start();
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot start the agent " + jar, exception);
        }
    }

    /** Waits until the controller sees the agent online (also after a controller restart). */
    public void awaitOnline() {
        Instant deadline = Instant.now().plus(ONLINE_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "the agent exited with " + process.exitValue() + "; see " + folder.resolve("agent.log"));
            }
            if (!jenkins.json("computer/" + name, "tree=offline")
                    .path("offline")
                    .asBoolean(true)) {
                return;
            }
            JenkinsClient.pause(Duration.ofSeconds(1));
        }
        throw new AssertionError(
                "agent " + name + " not online after " + ONLINE_TIMEOUT + "; see " + folder.resolve("agent.log"));
    }

    /** Kills the agent process and its children (engine JVMs it started). */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
        }
    }
}
