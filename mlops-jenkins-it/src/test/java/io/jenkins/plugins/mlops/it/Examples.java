package io.jenkins.plugins.mlops.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example Jenkinsfiles of the repository and the names of what the plugin adds to builds. */
final class Examples {
    static final String RUN_ACTION = "io.jenkins.plugins.mlops.records.MlRunAction";
    static final String MODEL_VERSION_ACTION = "io.jenkins.plugins.mlops.records.ModelVersionAction";

    private Examples() {}

    /**
     * @param name the file name in {@code example-jenkinsfiles/}
     * @return its text
     */
    static String jenkinsfile(String name) {
        Path file = Path.of(System.getProperty("mlops.repoRoot", ".."), "example-jenkinsfiles", name);
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException exception) {
            throw new UncheckedIOException("cannot read the example " + file, exception);
        }
    }
}
