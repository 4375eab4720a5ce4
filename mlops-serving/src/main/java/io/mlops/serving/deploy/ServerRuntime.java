package io.mlops.serving.deploy;

import io.mlops.serving.ServeCommand;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * How a release starts its prediction service: {@code java -cp <server.jar> io.mlops.serving.ServeCommand}.
 * When this code runs from a jar (the {@code mlops} or {@code mlops-serving} jar), that jar is copied into
 * the release, which then runs on its own; when it runs from class folders (tests, IDE), the current class
 * path is used.
 */
public final class ServerRuntime {
    /** The name of the server jar inside a release. */
    public static final String SERVER_JAR = "server.jar";

    private final Path jar;
    private final String classPath;

    private ServerRuntime(final Path jar, final String classPath) {
        this.jar = jar;
        this.classPath = classPath;
    }

    /**
     * Finds the runtime of this JVM.
     *
     * @return the runtime
     */
    public static ServerRuntime current() {
        try {
            Path source = Path.of(ServeCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(source)) {
                return new ServerRuntime(source, null);
            }
        }
        catch (URISyntaxException | SecurityException | NullPointerException exception) {
            // fall back to the class path below
        }
        return new ServerRuntime(null, System.getProperty("java.class.path"));
    }

    /**
     * Puts the server into a release folder.
     *
     * @param release the release folder
     * @return the class path to start the server of that release with
     * @throws IOException if copying fails
     */
    String install(final Path release) throws IOException {
        if (jar == null) {
            return classPath;
        }
        Path target = release.resolve(SERVER_JAR);
        Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        return target.toString();
    }

    /**
     * Builds the command that serves a release's model.
     *
     * @param classPath the class path returned by {@link #install(Path)}
     * @param model     the model bundle folder
     * @param portFile  where the server writes its port once ready
     * @return the command
     */
    static List<String> command(final String classPath, final Path model, final Path portFile) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(classPath);
        command.add(ServeCommand.class.getName());
        command.add("--model");
        command.add(model.toString());
        command.add("--port");
        command.add("0");
        command.add("--port-file");
        command.add(portFile.toString());
        return command;
    }
}
