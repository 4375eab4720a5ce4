package io.jenkins.plugins.mlops.it.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The prediction service ({@code mlops serve} of the checkout's {@code mlops.jar}) on 127.0.0.1 and a free port,
 * with an admin token, as the deploy example's target.
 */
public final class ServingService implements AutoCloseable {
    private final Process process;
    private final int port;

    private ServingService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the service and waits until it has written its port.
     *
     * @param cliJar     the {@code mlops.jar}
     * @param model      the model bundle it serves first
     * @param adminToken the admin token
     * @param folder     a folder for its port file and log
     * @return the running service
     */
    public static ServingService start(Path cliJar, Path model, String adminToken, Path folder) {
        if (!Files.isRegularFile(cliJar)) {
            throw new AssertionError(cliJar + " does not exist: build mlops-cli first");
        }
        Path portFile = folder.resolve("serving.port");
        try {
            Files.createDirectories(folder);
            Files.deleteIfExists(portFile);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            JenkinsController.javaExecutable(),
                            "-Xmx256m",
                            "-jar",
                            cliJar.toString(),
                            "serve",
                            "--model",
                            model.toString(),
                            "--name",
                            "receipts",
                            "--port",
                            "0",
                            "--port-file",
                            portFile.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(folder.resolve("serving.log").toFile());
            builder.environment().put("MLOPS_ADMIN_TOKEN", adminToken);
            Process process = builder.start();
            Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("mlops serve exited with " + process.exitValue() + ":\n"
                            + Files.readString(folder.resolve("serving.log")));
                }
                if (Files.isRegularFile(portFile) && !Files.readString(portFile).isBlank()) {
                    return new ServingService(
                            process, Integer.parseInt(Files.readString(portFile).strip()));
                }
                JenkinsClient.pause(Duration.ofMillis(300));
            }
            process.destroyForcibly();
            throw new AssertionError("mlops serve wrote no port file within a minute");
        } catch (IOException exception) {
            throw new UncheckedIOException(exception);
        }
    }

    /** @return the service's URL */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
        }
    }
}
