package io.jenkins.plugins.mlops.records;

import io.mlops.contract.MlopsException;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
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
 * Keeps the metadata document of each engine run of a build as the engine wrote it, in its own file
 * {@code <build dir>/mlops/<runId>.json}, so that {@code build.xml} stays small; reads it back typed through the
 * contract's reader of its format version.
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
     * Reads a metadata document with the contract's reader.
     *
     * @param source where it came from, for the message
     * @param json the document
     * @return the metadata
     * @throws IOException naming the source if it is no run metadata of a known format version
     */
    public static RunMetadata parse(String source, String json) throws IOException {
        try {
            return new RunMetadataReader().read(source, json);
        } catch (MlopsException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * Writes the document of a run atomically, as the engine wrote it.
     *
     * @param metadata the document, read by {@link #parse(String, String)}
     * @param json the document as the engine wrote it
     * @return the file written
     * @throws IOException if the file cannot be written
     */
    public Path write(RunMetadata metadata, String json) throws IOException {
        Files.createDirectories(folder);
        Path target = file(metadata.runId());
        Path temp = Files.createTempFile(folder, "run", ".tmp");
        try {
            Files.writeString(temp, json, StandardCharsets.UTF_8);
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
     * @throws IOException if the file cannot be read or holds no valid run metadata
     */
    public Optional<RunMetadata> read(String runId) throws IOException {
        Path file = file(runId);
        try {
            return Optional.of(parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
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
