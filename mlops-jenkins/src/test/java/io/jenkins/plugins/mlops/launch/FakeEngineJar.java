package io.jenkins.plugins.mlops.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * An engine jar for tests: its {@code io.mlops.cli.Mlops} (the engine's real main class name) hands over to
 * {@link FakeEngine}, which the jar's manifest puts on the class path. So a test runs the real
 * {@link EngineScript} on a fake engine.
 */
public final class FakeEngineJar {
    private FakeEngineJar() {}

    /**
     * Builds the jar.
     *
     * @param folder an empty folder for the sources, classes and the jar
     * @return the jar
     */
    public static Path build(Path folder) throws IOException {
        Path source = folder.resolve("src/io/mlops/cli/Mlops.java");
        Files.createDirectories(source.getParent());
        Files.writeString(
                source,
                "package io.mlops.cli;\n"
                        + "public final class Mlops {\n"
                        + "  public static void main(String[] args) throws Exception {\n"
                        + "    " + FakeEngine.class.getName() + ".main(args);\n"
                        + "  }\n"
                        + "}\n");
        Path classes = folder.resolve("classes");
        Files.createDirectories(classes);
        String testClasses = Path.of(FakeEngine.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath())
                .toString();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "-cp", testClasses, "-d", classes.toString(), source.toString());
        assertThat(status).as("compiling the fake engine's main class").isZero();
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes()
                .put(Attributes.Name.CLASS_PATH, Path.of(testClasses).toUri().toString());
        Path jar = folder.resolve("mlops-engine.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.putNextEntry(new JarEntry("io/mlops/cli/Mlops.class"));
            Files.copy(classes.resolve("io/mlops/cli/Mlops.class"), out);
            out.closeEntry();
        }
        return jar;
    }
}
