package io.mlops.cli.report;

import io.mlops.contract.MlopsException;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run to report on and where it came from.
 *
 * @param source the file or bundle it was read from, as given
 * @param run    its metadata
 */
public record ReportedRun(String source, RunMetadata run) {
    /** Run metadata documents are small; a larger file is no run metadata and is not read into memory. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    /**
     * Reads a run from a run-metadata JSON file or a model bundle folder (its {@value BundleLayout#METADATA_FILE}).
     *
     * @param path the file or folder
     * @return the run
     * @throws MlopsException naming the path if it is missing, too large or no valid run metadata
     */
    public static ReportedRun read(final Path path) {
        Path file = path;
        if (Files.isDirectory(path)) {
            file = path.resolve(BundleLayout.METADATA_FILE);
            if (!Files.isRegularFile(file)) {
                throw new MlopsException(path + ": a folder but no model bundle: " + BundleLayout.METADATA_FILE
                        + " is missing; expected a run-metadata JSON file or a bundle folder");
            }
        } else if (!Files.isRegularFile(path)) {
            throw new MlopsException(path + ": no such file; expected a run-metadata JSON file or a bundle folder");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new MlopsException(
                        file + ": " + size + " bytes is too large for run metadata (at most " + MAX_BYTES + ")");
            }
            String json = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return new ReportedRun(path.toString(), new RunMetadataReader().read(file.toString(), json));
        } catch (IOException exception) {
            throw new MlopsException(file + ": cannot read: " + exception.getMessage(), exception);
        }
    }
}
