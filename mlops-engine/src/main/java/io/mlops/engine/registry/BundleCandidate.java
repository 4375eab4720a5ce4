package io.mlops.engine.registry;

import io.mlops.contract.MlopsException;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.data.ColumnSpec;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataReader;
import io.mlops.engine.io.BoundedFiles;
import io.mlops.engine.io.Hashing;
import io.mlops.engine.model.BundleChecksums;
import io.mlops.engine.model.BundleManifest;
import io.mlops.engine.model.ModelStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        String modelSha256,
        byte[] checksumBytes,
        String identity) {

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
        requireFile(given, BundleLayout.MANIFEST_FILE);
        requireFile(given, BundleLayout.METADATA_FILE);
        // every file is read through the bundle's checksums: an edited manifest or edited metrics are refused
        BundleChecksums checksums = BundleChecksums.read(folder);
        byte[] checksumBytes = BoundedFiles.read(folder.resolve(BundleChecksums.FILE), BoundedFiles.MAX_DOCUMENT_BYTES);
        if (!Hashing.sha256(checksumBytes).equals(checksums.identity())) {
            throw MlopsException.inFile(
                    folder.resolve(BundleChecksums.FILE), "changed while it was being registered; register it again");
        }
        byte[] manifestBytes = checksums.readVerified(
                BundleLayout.MANIFEST_FILE, BoundedFiles.MAX_DOCUMENT_BYTES, "bundle manifest", "register");
        byte[] metadataBytes = checksums.readVerified(
                BundleLayout.METADATA_FILE, BoundedFiles.MAX_DOCUMENT_BYTES, "run metadata", "register");
        BundleManifest manifest = ModelStore.readManifest(given.resolve(BundleLayout.MANIFEST_FILE), manifestBytes);
        RunMetadata metadata = new RunMetadataReader()
                .read(
                        given.resolve(BundleLayout.METADATA_FILE).toString(),
                        new String(metadataBytes, StandardCharsets.UTF_8));
        String modelName = BundleChecksums.checkName(
                folder, manifest.modelFile() == null ? BundleLayout.MODEL_FILE : manifest.modelFile());
        Path modelFile = folder.resolve(modelName);
        BoundedFiles.check(modelFile, BoundedFiles.MAX_MODEL_BYTES);
        String actual = Hashing.sha256(modelFile);
        String expected = manifest.modelSha256() == null ? "" : manifest.modelSha256();
        if (!actual.equals(expected) || !actual.equals(checksums.sums().get(modelName))) {
            throw MlopsException.inFile(
                    given.resolve(modelFile.getFileName()),
                    "checksum mismatch: expected SHA-256 " + expected + ", found " + actual
                            + "; the model file is corrupted or was modified, refusing to register it");
        }
        return new BundleCandidate(
                folder,
                manifestBytes,
                metadataBytes,
                manifest,
                metadata,
                modelFile,
                actual,
                checksumBytes,
                checksums.identity());
    }

    List<String> features() {
        return manifest.preparation().getSchema().features().stream()
                .map(BundleCandidate::describe)
                .toList();
    }

    private static String describe(final ColumnSpec column) {
        return column.name() + ": " + column.type().name().toLowerCase(Locale.ROOT);
    }

    private static void requireFile(final Path bundle, final String name) {
        Path file = bundle.resolve(name);
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw MlopsException.inFile(file, "not found; register a model bundle written by mlops train");
        }
    }
}
