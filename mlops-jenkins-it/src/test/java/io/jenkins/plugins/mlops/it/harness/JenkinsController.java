package io.jenkins.plugins.mlops.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Jenkins process on 127.0.0.1 with its own {@code JENKINS_HOME}, run as the distribution's {@code start.sh}
 * runs it (setup wizard off, no security, CSRF protection on). Restarts reuse the home and the port, so agents
 * reconnect and builds resume.
 */
public final class JenkinsController implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
    private static final Duration STOP_TIMEOUT = Duration.ofMinutes(1);

    private final Path war;
    private final Path home;
    private final Path log;
    private final int port;
    private final JenkinsClient client;
    private Process process;
    private int starts;

    /**
     * @param war  the {@code jenkins.war}
     * @param home the {@code JENKINS_HOME}
     * @param log  the file the controller's output is appended to
     */
    public JenkinsController(Path war, Path home, Path log) {
        this.war = war;
        this.home = home;
        this.log = log;
        this.port = freePort();
        this.client = new JenkinsClient(URI.create("http://127.0.0.1:" + port + "/"));
    }

    /** @return the client of this Jenkins */
    public JenkinsClient client() {
        return client;
    }

    /** @return the {@code JENKINS_HOME} */
    public Path home() {
        return home;
    }

    /** @return the file with the controller's output */
    public Path log() {
        return log;
    }

    /** Starts the process and waits until Jenkins answers (at most 4 minutes). */
    public void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Jenkins is already running");
        }
        List<String> command = new ArrayList<>(List.of(
                javaExecutable(),
                "-Xmx768m",
                "-DJENKINS_HOME=" + home,
                "-Djenkins.install.runSetupWizard=false",
                // no update sites: the machines have no route to updates.jenkins.io
                "-Dhudson.model.UpdateSite.never=true",
                "-Dhudson.model.DownloadService.never=true",
                // the agent connects over WebSocket; no inbound TCP port is needed
                "-Djenkins.model.Jenkins.slaveAgentPort=-1",
                "-jar",
                war.toString(),
                "--httpListenAddress=127.0.0.1",
                "--httpPort=" + port));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JENKINS_HOME", home.toString());
        try {
            Files.createDirectories(home);
            Files.writeString(
                    log,
                    "\n==== start " + (++starts) + " at " + Instant.now() + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = builder.start();
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot start Jenkins from " + war, exception);
        }
        awaitReady();
    }

    private void awaitReady() {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "Jenkins exited with " + process.exitValue() + " while starting; see " + log + ":\n" + tail());
            }
            if (client.ready()) {
                return;
            }
            JenkinsClient.pause(Duration.ofSeconds(1));
        }
        throw new AssertionError("Jenkins did not answer within " + START_TIMEOUT + "; see " + log + ":\n" + tail());
    }

    /**
     * Stops Jenkins as an administrator would ({@code POST /exit}: running Pipelines are saved to resume), and kills
     * the process if it has not ended after a minute.
     */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            client.postForm("exit", Map.of());
        } catch (AssertionError connectionClosed) {
            // Jenkins may close the connection while it exits
        }
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** Stops Jenkins and starts it again on the same home and port. */
    public void restart() {
        stop();
        start();
    }

    /** Kills the process and its children at once. */
    public void kill() {
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

    /** Stops Jenkins, killing it when it does not stop. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            kill();
        }
    }

    /** @return the last lines of the controller's output */
    public String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException exception) {
            return "(cannot read " + log + ": " + exception + ")";
        }
    }

    /** @return the exception lines (messages and causes, no stack frames) among the last 600 lines of the output */
    public String recentExceptions() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(
                    "\n",
                    lines.subList(Math.max(0, lines.size() - 600), lines.size()).stream()
                            .filter(line ->
                                    !line.startsWith("\tat ") && line.matches(".*(Exception|Error|Caused by).*"))
                            .distinct()
                            .toList());
        } catch (IOException exception) {
            return "(cannot read " + log + ": " + exception + ")";
        }
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException exception) {
            throw new UncheckedIOException("no free port on 127.0.0.1", exception);
        }
    }
}
