package io.mlops.engine.model;

import io.mlops.contract.Json;
import io.mlops.contract.MlopsException;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.io.BoundedFiles;
import io.mlops.engine.io.Hashing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Saves and loads model bundles: a folder with the model in Tribuo's protobuf format
 * ({@value BundleLayout#MODEL_FILE}) and its manifest ({@value BundleLayout#MANIFEST_FILE}). Saving is atomic for the whole
 * folder; loading verifies the model's SHA-256 before the model is parsed. Java deserialization is
 * never used.
 */
public final class ModelStore {

    /**
     * Serialises a model to bytes.
     *
     * @param model the model
     * @return its protobuf bytes
     */
    public static byte[] toBytes(final Model<Label> model) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.serializeToStream(out);
        } catch (IOException exception) {
            throw new IllegalStateException("writing to memory cannot fail", exception);
        }
        return out.toByteArray();
    }

    /**
     * Serialises a model and completes its manifest with the model's checksum and fingerprint, before anything is
     * written, so that the run metadata can name them.
     *
     * @param model    the model
     * @param manifest the manifest without checksums
     * @return the model's bytes with the complete manifest
     */
    public static SealedModel seal(final Model<Label> model, final BundleManifest manifest) {
        byte[] bytes = toBytes(model);
        BundleManifest complete = new BundleManifest(
                BundleLayout.BUNDLE_MARKER,
                BundleLayout.FORMAT_VERSION,
                BundleLayout.MODEL_FILE,
                Hashing.sha256(bytes),
                ModelFingerprint.of(bytes),
                manifest.algorithm(),
                manifest.hyperparameters(),
                manifest.seed(),
                manifest.labels(),
                manifest.dataSha256(),
                manifest.tribuoVersion(),
                manifest.preparation());
        return new SealedModel(model, bytes, complete);
    }

    /**
     * Writes a bundle folder atomically together with further files (such as the run metadata), so that either all
     * of them or none of them appear.
     *
     * @param sealed     the model and its complete manifest
     * @param folder     the bundle folder
     * @param extraFiles the further files to write: name to UTF-8 text
     * @return the saved bundle, with its checksums
     * @throws MlopsException if the folder is not writable, or exists and is not a bundle
     */
    public ModelBundle save(final SealedModel sealed, final Path folder, final Map<String, String> extraFiles) {
        BundleFolder.checkReplaceable(folder);
        Path target = folder.toAbsolutePath().normalize();
        Path parent = AtomicFiles.ensureFolder(target.getParent());
        BundleManifest complete = sealed.manifest();
        byte[] bytes = sealed.bytes();
        Model<Label> model = sealed.model();
        Path temp = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        Path old = parent.resolve("." + target.getFileName() + ".old-" + UUID.randomUUID());
        String identity;
        try {
            Files.createDirectory(temp);
            Files.write(temp.resolve(BundleLayout.MODEL_FILE), bytes);
            Files.write(temp.resolve(BundleLayout.MANIFEST_FILE), Json.pretty().writeValueAsBytes(complete));
            java.util.List<String> names =
                    new java.util.ArrayList<>(java.util.List.of(BundleLayout.MODEL_FILE, BundleLayout.MANIFEST_FILE));
            for (var extra : extraFiles.entrySet()) {
                Files.writeString(temp.resolve(BundleChecksums.checkName(folder, extra.getKey())), extra.getValue());
                names.add(extra.getKey());
            }
            identity = BundleChecksums.write(temp, names);
            if (Files.exists(target)) {
                Files.move(target, old);
            }
            try {
                AtomicFiles.move(temp, target);
            } catch (IOException exception) {
                if (Files.exists(old)) {
                    Files.move(old, target);
                }
                throw exception;
            }
        } catch (IOException exception) {
            throw new MlopsException(folder + ": cannot write model bundle: " + exception.getMessage(), exception);
        } finally {
            AtomicFiles.deleteQuietly(temp);
            AtomicFiles.deleteQuietly(old);
        }
        return new ModelBundle(model, complete, target, identity);
    }

    /**
     * Reads a bundle manifest and checks that this code can read its format.
     *
     * @param file  the manifest file, for messages
     * @param bytes its content
     * @return the manifest
     * @throws MlopsException naming the file if it is no manifest or of a newer format
     */
    public static BundleManifest readManifest(final Path file, final byte[] bytes) {
        BundleManifest manifest;
        try {
            manifest = Json.mapper().readValue(bytes, BundleManifest.class);
        } catch (IOException exception) {
            throw MlopsException.inFile(file, "unreadable bundle manifest: " + exception.getMessage());
        }
        if (manifest == null) {
            throw MlopsException.inFile(file, "unreadable bundle manifest: empty");
        }
        if (manifest.format() != null && !BundleLayout.BUNDLE_MARKER.equals(manifest.format())) {
            throw MlopsException.inFile(
                    file,
                    "not an mlops model bundle: format is '" + manifest.format() + "', expected '"
                            + BundleLayout.BUNDLE_MARKER + "'");
        }
        if (manifest.formatVersion() > BundleLayout.FORMAT_VERSION) {
            throw MlopsException.inFile(
                    file,
                    "bundle format " + manifest.formatVersion() + " is newer than this version of mlops supports ("
                            + BundleLayout.FORMAT_VERSION + ")");
        }
        String missing = missingField(manifest);
        if (missing != null) {
            throw MlopsException.inFile(file, "unreadable bundle manifest: " + missing);
        }
        return manifest;
    }

    /** The field every reader of a bundle relies on that JSON left out or set to null, or {@code null}. */
    private static String missingField(final BundleManifest manifest) {
        if (manifest.modelFile() == null) {
            return "field 'modelFile' is missing (expected the model file's name)";
        }
        if (manifest.modelSha256() == null) {
            return "field 'modelSha256' is missing (expected the model file's SHA-256)";
        }
        if (manifest.labels() == null || manifest.labels().contains(null)) {
            return "field 'labels' is missing or holds null (expected the class labels)";
        }
        if (manifest.preparation() == null) {
            return "field 'preparation' is missing (expected the fitted feature preparation)";
        }
        return null;
    }

    /**
     * Loads a bundle, verifying the model's checksum.
     *
     * @param path the bundle folder, or the model file inside it
     * @return the bundle
     * @throws MlopsException if files are missing, the checksum differs or the model cannot be parsed
     */
    public ModelBundle load(final Path path) {
        Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
        if (!Files.exists(path)) {
            throw MlopsException.inFile(
                    path, "model not found; expected a model bundle folder or its " + BundleLayout.MODEL_FILE);
        }
        Path manifestFile = folder.resolve(BundleLayout.MANIFEST_FILE);
        if (!Files.exists(manifestFile)) {
            throw MlopsException.inFile(
                    manifestFile, "bundle manifest not found; is " + path + " a model written by mlops train?");
        }
        BundleChecksums checksums = BundleChecksums.read(folder);
        BundleManifest manifest = readManifest(
                manifestFile,
                checksums.readVerified(
                        BundleLayout.MANIFEST_FILE, BoundedFiles.MAX_DOCUMENT_BYTES, "bundle manifest", "load"));
        String modelName = BundleChecksums.checkName(folder, manifest.modelFile());
        Path modelFile = folder.resolve(modelName);
        byte[] bytes = checksums.readVerified(modelName, BoundedFiles.MAX_MODEL_BYTES, "model file", "load");
        String actual = Hashing.sha256(bytes);
        if (!actual.equals(manifest.modelSha256())) {
            throw MlopsException.inFile(
                    modelFile,
                    "checksum mismatch: expected SHA-256 " + manifest.modelSha256() + ", found " + actual
                            + "; the model file is corrupted or was modified, refusing to load it");
        }
        for (String other : checksums.sums().keySet()) {
            if (!other.equals(BundleLayout.MANIFEST_FILE) && !other.equals(modelName)) {
                checksums.readVerified(other, BoundedFiles.MAX_DOCUMENT_BYTES, "file", "load");
            }
        }
        Model<?> model;
        try {
            model = Model.deserializeFromStream(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException exception) {
            throw MlopsException.inFile(modelFile, "not a valid Tribuo protobuf model: " + exception.getMessage());
        }
        if (!model.validate(Label.class)) {
            throw MlopsException.inFile(modelFile, "not a classification model");
        }
        @SuppressWarnings("unchecked")
        Model<Label> classifier = (Model<Label>) model;
        return new ModelBundle(classifier, manifest, folder, checksums.identity());
    }
}
