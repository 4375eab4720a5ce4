package io.jenkins.plugins.mlops.records;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Keeps the metadata of each engine run of a build in its own JSON file,
 * {@code <build dir>/mlops/<runId>.json}, so that {@code build.xml} stays small.
 */
public final class RunStore {
    /** The folder inside the build directory. */
    public static final String FOLDER = "mlops";

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private final Path folder;

    /**
     * Creates the store of one build.
     *
     * @param buildDir the build directory on the controller
     */
    public RunStore(File buildDir) {
        this.folder = buildDir.toPath().resolve(FOLDER);
    }

    /**
     * Turns a run id into a safe file-name stem.
     *
     * @param runId the run id
     * @return the id with every character other than letters, digits, '.', '_' and '-' replaced by '_'
     */
    public static String safeName(String runId) {
        String safe = UNSAFE.matcher(runId).replaceAll("_");
        return safe.isEmpty() || safe.startsWith(".") ? "_" + safe : safe;
    }

    /**
     * Writes the metadata of a run, atomically.
     *
     * @param metadata the metadata
     * @return the file written
     * @throws IOException if the file cannot be written
     */
    public Path write(RunMetadata metadata) throws IOException {
        Files.createDirectories(folder);
        Path target = file(metadata.getRunId());
        Path temp = Files.createTempFile(folder, "run", ".tmp");
        try {
            Files.writeString(temp, metadata.toJson(), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /**
     * Reads the metadata of a run.
     *
     * @param runId the run id
     * @return the metadata, or empty if the file does not exist
     * @throws IOException if the file cannot be read
     */
    public Optional<RunMetadata> read(String runId) throws IOException {
        try {
            return Optional.of(RunMetadata.parse(Files.readString(file(runId), StandardCharsets.UTF_8)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the file of a run.
     *
     * @param runId the run id
     * @return the path of its JSON file
     */
    public Path file(String runId) {
        return folder.resolve(safeName(runId) + ".json");
    }
}
