package io.mlops.serving.deploy;

import io.mlops.serving.ServeCommand;
import io.mlops.serving.ServiceLimits;
import io.mlops.serving.ServiceSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a release starts its prediction service: {@code java -cp <class path> io.mlops.serving.ServeCommand}.
 * The jars of this JVM's class path (the self-contained {@code mlops.jar}, or the separate jars a Jenkins
 * agent runs with) are copied into the release's {@code lib} folder, so a release runs on its own; class
 * folders (tests, IDE) are referenced where they are.
 */
public final class ServerRuntime {
    /**
     * The JVM options the service runs with. The parallel collector with a small young generation keeps the
     * newest objects in the CPU caches and collects them in well under a millisecond: a request leaves only
     * garbage behind, and a pause holds up every request in flight. Measured in docs/serving-benchmark.md.
     */
    public static final List<String> JVM_OPTIONS = List.of("-XX:+UseParallelGC", "-Xmn16m");

    /** The folder of the server's jars inside a release. */
    public static final String LIB = "lib";

    private final List<Path> classPath;

    private ServerRuntime(final List<Path> classPath) {
        this.classPath = List.copyOf(classPath);
    }

    /**
     * Finds the runtime of this JVM.
     *
     * @return the runtime
     */
    public static ServerRuntime current() {
        List<Path> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath());
            }
        }
        return new ServerRuntime(entries);
    }

    /**
     * Puts the server into a release folder.
     *
     * @param release the release folder
     * @return the class path to start the server of that release with
     * @throws IOException if copying fails
     */
    String install(final Path release) throws IOException {
        Path lib = Files.createDirectories(release.resolve(LIB));
        Set<String> copied = new LinkedHashSet<>();
        List<String> entries = new ArrayList<>();
        for (Path entry : classPath) {
            if (Files.isRegularFile(entry)) {
                String name = entry.getFileName().toString();
                if (!copied.add(name)) {
                    name = copied.size() + "-" + name;
                    copied.add(name);
                }
                Path target = lib.resolve(name);
                Files.copy(entry, target, StandardCopyOption.REPLACE_EXISTING);
                entries.add(target.toString());
            } else if (Files.isDirectory(entry)) {
                entries.add(entry.toString());
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    /**
     * The heap of a release's service: {@code limits.heap} of its settings, else {@link ServiceLimits#DEFAULT_HEAP}.
     *
     * @param settings the release's settings file
     * @return e.g. {@code 1g}
     */
    static String heap(final Path settings) {
        ServiceLimits limits = ServiceSettings.read(settings).limits();
        return limits == null || limits.heap() == null ? ServiceLimits.DEFAULT_HEAP : limits.heap();
    }

    /**
     * Builds the command that serves a release's model.
     *
     * @param classPath the class path returned by {@link #install(Path)}
     * @param model     the model bundle folder
     * @param settings  the release's settings file
     * @param portFile  where the server writes its port once ready
     * @return the command
     */
    static List<String> command(final String classPath, final Path model, final Path settings, final Path portFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Xmx" + heap(settings));
        command.add("-cp");
        command.add(classPath);
        command.add(ServeCommand.class.getName());
        command.add("--model");
        command.add(model.toString());
        command.add("--config");
        command.add(settings.toString());
        command.add("--port");
        command.add("0");
        command.add("--port-file");
        command.add(portFile.toString());
        return command;
    }
}
