package io.mlops.engine.registry;

import io.mlops.contract.MlopsException;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import io.mlops.engine.io.Hashing;
import io.mlops.engine.model.BundleManifest;
import io.mlops.engine.model.ModelStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A model bundle about to be registered, read through the contract's types and checked: its manifest, its run
 * metadata and a model file whose checksum matches the manifest.
 *
 * @param folder        the bundle folder, absolute
 * @param manifestBytes the manifest as written, stored unchanged
 * @param metadataBytes the run metadata as written, stored unchanged
 * @param manifest      the manifest
 * @param metadata      the run metadata of the training
 * @param modelFile     the model file
 * @param modelSha256   the model file's SHA-256, equal to the manifest's
 */
record BundleCandidate(
        Path folder,
        byte[] manifestBytes,
        byte[] metadataBytes,
        BundleManifest manifest,
        RunMetadata metadata,
        Path modelFile,
        String modelSha256) {

    /**
     * Reads and checks a bundle folder.
     *
     * @param given the folder as the user gave it, for messages
     * @return the candidate
     * @throws MlopsException naming the file at fault
     */
    static BundleCandidate read(final Path given) {
        Path folder = given.toAbsolutePath().normalize();
        if (!Files.isDirectory(folder)) {
            throw MlopsException.inFile(given, "model bundle folder not found");
        }
        byte[] manifestBytes = readFile(given, BundleLayout.MANIFEST_FILE);
        byte[] metadataBytes = readFile(given, BundleLayout.METADATA_FILE);
        BundleManifest manifest = ModelStore.readManifest(given.resolve(BundleLayout.MANIFEST_FILE), manifestBytes);
        RunMetadata metadata = new RunMetadataReader()
                .read(
                        given.resolve(BundleLayout.METADATA_FILE).toString(),
                        new String(metadataBytes, StandardCharsets.UTF_8));
        Path modelFile = folder.resolve(manifest.modelFile() == null ? BundleLayout.MODEL_FILE : manifest.modelFile());
        String actual = Hashing.sha256(modelFile);
        String expected = manifest.modelSha256() == null ? "" : manifest.modelSha256();
        if (!actual.equals(expected)) {
            throw MlopsException.inFile(
                    given.resolve(modelFile.getFileName()),
                    "checksum mismatch: expected SHA-256 " + expected + ", found " + actual
                            + "; the model file is corrupted or was modified, refusing to register it");
        }
        return new BundleCandidate(folder, manifestBytes, metadataBytes, manifest, metadata, modelFile, actual);
    }

    /** @return the feature columns as {@code name: type}, for the model card */
    List<String> features() {
        return manifest.preparation().getSchema().features().stream()
                .map(BundleCandidate::describe)
                .toList();
    }

    private static String describe(final ColumnSpec column) {
        return column.name() + ": " + column.type().name().toLowerCase(Locale.ROOT);
    }

    private static byte[] readFile(final Path bundle, final String name) {
        Path file = bundle.resolve(name);
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException exception) {
            throw MlopsException.inFile(file, "not found; register a model bundle written by mlops train");
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "cannot read: " + exception.getMessage());
        }
    }
}
