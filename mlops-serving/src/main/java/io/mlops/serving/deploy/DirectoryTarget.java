package io.mlops.serving.deploy;

import io.mlops.contract.MlopsException;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.serving.ServiceLimits;
import io.mlops.serving.ServiceSettings;
import io.mlops.serving.ServingConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Deploys to a folder: each deployment is a release folder {@code releases/<name>-<version>-<time>} with
 * the model bundle, the server and a start script, and {@code current} is a symbolic link switched
 * atomically to the new release. Checks run against a temporary service started from the release;
 * a rollback points {@code current} back to the previous release.
 */
public final class DirectoryTarget implements DeploymentTarget {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final long START_TIMEOUT_SECONDS = 120;
    /** The port a release's {@code run.sh} serves on unless told otherwise. */
    public static final int DEFAULT_PORT = 8080;

    private final Path root;
    private final ServerRuntime runtime;
    private final String predictToken;
    /** The variable the service reads its prediction token from, unless its settings name another. */
    static final String PREDICT_TOKEN_ENV = "MLOPS_PREDICT_TOKEN";

    private final Map<String, Process> servers = new ConcurrentHashMap<>();
    private final Map<String, Path> previous = new ConcurrentHashMap<>();

    /**
     * Creates the target.
     *
     * @param root    the deployment folder
     * @param runtime how releases start their service
     */
    public DirectoryTarget(final Path root, final ServerRuntime runtime) {
        this(root, runtime, null);
    }

    /**
     * Creates a target whose check server requires a prediction token, which the golden check and load test send.
     *
     * @param root         the deployment folder
     * @param runtime      how releases start their service
     * @param predictToken the prediction token, or {@code null} for an open check server
     */
    public DirectoryTarget(final Path root, final ServerRuntime runtime, final String predictToken) {
        this.root = root.toAbsolutePath();
        this.runtime = runtime;
        this.predictToken = predictToken;
    }

    /** @return the {@code current} link */
    public Path current() {
        return root.resolve("current");
    }

    @Override
    public Activation activate(final Path bundle, final String name, final String version) {
        Path release = root.resolve("releases").resolve(name + "-" + version + "-" + STAMP.format(Instant.now()));
        try {
            Files.createDirectories(release);
            ServiceTarget.copyBundle(bundle, release.resolve("model"));
            String classPath = runtime.install(release);
            ServingConfig defaults = ServingConfig.defaults();
            new ServiceSettings(
                            name,
                            version,
                            ServingConfig.LOOPBACK,
                            DEFAULT_PORT,
                            null,
                            null,
                            null,
                            null,
                            defaults.maxBodyBytes(),
                            defaults.maxBatch(),
                            ServiceLimits.defaults())
                    .write(release.resolve(ServiceSettings.FILE));
            AtomicFiles.writeString(
                    release.resolve("run.sh"),
                    "#!/bin/sh\n# starts this release's prediction service; "
                            + "settings in " + ServiceSettings.FILE + ", options given here win over them\n"
                            + "cd \"$(dirname \"$0\")\" || exit 1\n"
                            + "# the heap: limits.heap in " + ServiceSettings.FILE + " (MLOPS_HEAP wins)\n"
                            + "heap=$(sed -n 's/.*\"heap\" *: *\"\\([0-9]*[kmgKMG]\\)\".*/\\1/p' "
                            + ServiceSettings.FILE + ")\n"
                            + "exec java " + String.join(" ", ServerRuntime.JVM_OPTIONS) + " -Xmx${MLOPS_HEAP:-${heap:-"
                            + ServiceLimits.DEFAULT_HEAP + "}}"
                            + " ${JAVA_OPTS:-} -cp '" + classPath.replace(release + "/", "")
                            + "' io.mlops.serving.ServeCommand --model model --config " + ServiceSettings.FILE
                            + " \"$@\"\n");
            release.resolve("run.sh").toFile().setExecutable(true);
            Path before = Files.isSymbolicLink(current()) ? Files.readSymbolicLink(current()) : null;
            switchTo(release);
            if (before != null) {
                previous.put(release.toString(), before);
            }
            Path portFile = release.resolve(".port");
            ProcessBuilder builder = new ProcessBuilder(ServerRuntime.command(
                            classPath, release.resolve("model"), release.resolve(ServiceSettings.FILE), portFile))
                    .redirectErrorStream(true)
                    .redirectOutput(release.resolve("check-server.log").toFile());
            // the check server requires the prediction token exactly when the deploy's golden check sends it
            builder.environment().remove(PREDICT_TOKEN_ENV);
            if (predictToken != null) {
                builder.environment().put(PREDICT_TOKEN_ENV, predictToken);
            }
            Process server = builder.start();
            servers.put(release.toString(), server);
            int port = awaitPort(server, portFile, release);
            return new Activation(
                    URI.create("http://127.0.0.1:" + port + "/v1/predict"), predictToken, release.toString());
        } catch (IOException exception) {
            throw new MlopsException(root + ": cannot deploy: " + exception.getMessage(), exception);
        }
    }

    private static int awaitPort(final Process server, final Path portFile, final Path release) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        try {
            while (System.nanoTime() < deadline) {
                if (Files.isRegularFile(portFile)) {
                    return Integer.parseInt(Files.readString(portFile).strip());
                }
                if (!server.isAlive()) {
                    throw new MlopsException(release + ": the release's service exited with code " + server.exitValue()
                            + " before it was ready; see " + release.resolve("check-server.log"));
                }
                Thread.sleep(100);
            }
        } catch (IOException exception) {
            throw new MlopsException(portFile + ": unreadable: " + exception.getMessage(), exception);
        } catch (InterruptedException exception) {
            Thread.currentThread().interrupt();
        }
        server.destroyForcibly();
        throw new MlopsException(
                release + ": the release's service was not ready within " + START_TIMEOUT_SECONDS + " s");
    }

    private void switchTo(final Path release) throws IOException {
        Path link = root.resolve(".current.tmp-" + System.nanoTime());
        Files.createSymbolicLink(link, root.relativize(release));
        AtomicFiles.move(link, current());
    }

    @Override
    public void rollback(final Activation activation) {
        release(activation);
        Path before = previous.remove(activation.location());
        try {
            if (before == null) {
                Files.deleteIfExists(current());
            } else {
                switchTo(root.resolve(before));
            }
        } catch (IOException exception) {
            throw new MlopsException(current() + ": rollback failed: " + exception.getMessage(), exception);
        }
    }

    @Override
    public void release(final Activation activation) {
        Process server = servers.remove(activation.location());
        if (server != null) {
            server.destroy();
            try {
                if (!server.waitFor(10, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException exception) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String describe() {
        return "directory " + root;
    }
}
