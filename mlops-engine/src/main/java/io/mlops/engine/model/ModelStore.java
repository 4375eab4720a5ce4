package io.mlops.engine.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mlops.engine.MlopsException;
import io.mlops.engine.io.AtomicFiles;
import io.mlops.engine.io.Hashing;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * Saves and loads model bundles: a folder with the model in Tribuo's protobuf format
 * ({@value #MODEL_FILE}) and its manifest ({@value #MANIFEST_FILE}). Saving is atomic for the whole
 * folder; loading verifies the model's SHA-256 before the model is parsed. Java deserialization is
 * never used.
 */
public final class ModelStore {
    /** The bundle format this code writes. */
    public static final int FORMAT_VERSION = 1;
    /** The model file inside a bundle. */
    public static final String MODEL_FILE = "model.tribuo";
    /** The manifest inside a bundle. */
    public static final String MANIFEST_FILE = "bundle.json";
    /** The value of the manifest's {@code format} field that marks a folder as a bundle mlops wrote. */
    public static final String BUNDLE_MARKER = "mlops-model-bundle";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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
     * Writes a bundle folder atomically, replacing an earlier bundle in the same place.
     *
     * @param model    the model
     * @param manifest the manifest; its checksums are computed here
     * @param folder   the bundle folder
     * @return the saved bundle, with its checksums
     * @throws MlopsException if the folder is not writable, or exists and is not a bundle
     */
    public ModelBundle save(final Model<Label> model, final BundleManifest manifest, final Path folder) {
        return save(model, manifest, folder, bundle -> java.util.Map.of());
    }

    /**
     * Writes a bundle folder atomically together with further files (such as the run metadata), so
     * that either all of them or none of them appear.
     *
     * @param model      the model
     * @param manifest   the manifest; its checksums are computed here
     * @param folder     the bundle folder
     * @param extraFiles given the bundle as it will be, the further files to write: name to UTF-8 text
     * @return the saved bundle, with its checksums
     * @throws MlopsException if the folder is not writable, or exists and is not a bundle
     */
    public ModelBundle save(
            final Model<Label> model,
            final BundleManifest manifest,
            final Path folder,
            final java.util.function.Function<ModelBundle, java.util.Map<String, String>> extraFiles) {
        BundleFolder.checkReplaceable(folder);
        Path target = folder.toAbsolutePath().normalize();
        Path parent = AtomicFiles.ensureFolder(target.getParent());
        byte[] bytes = toBytes(model);
        BundleManifest complete = new BundleManifest(
                BUNDLE_MARKER,
                FORMAT_VERSION,
                MODEL_FILE,
                Hashing.sha256(bytes),
                ModelFingerprint.of(bytes),
                manifest.algorithm(),
                manifest.hyperparameters(),
                manifest.seed(),
                manifest.labels(),
                manifest.dataSha256(),
                manifest.tribuoVersion(),
                manifest.preparation());
        Path temp = parent.resolve("." + target.getFileName() + ".tmp-" + UUID.randomUUID());
        Path old = parent.resolve("." + target.getFileName() + ".old-" + UUID.randomUUID());
        try {
            Files.createDirectory(temp);
            Files.write(temp.resolve(MODEL_FILE), bytes);
            Files.write(temp.resolve(MANIFEST_FILE), JSON.writeValueAsBytes(complete));
            for (var extra :
                    extraFiles.apply(new ModelBundle(model, complete, target)).entrySet()) {
                Files.writeString(temp.resolve(extra.getKey()), extra.getValue());
            }
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
        return new ModelBundle(model, complete, target);
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
            throw MlopsException.inFile(path, "model not found; expected a model bundle folder or its " + MODEL_FILE);
        }
        Path manifestFile = folder.resolve(MANIFEST_FILE);
        BundleManifest manifest;
        try {
            manifest = JSON.readValue(manifestFile.toFile(), BundleManifest.class);
        } catch (NoSuchFileException | java.io.FileNotFoundException exception) {
            throw MlopsException.inFile(
                    manifestFile, "bundle manifest not found; is " + path + " a model written by mlops train?");
        } catch (IOException exception) {
            throw MlopsException.inFile(manifestFile, "unreadable bundle manifest: " + exception.getMessage());
        }
        if (manifest.format() != null && !BUNDLE_MARKER.equals(manifest.format())) {
            throw MlopsException.inFile(
                    manifestFile,
                    "not an mlops model bundle: format is '" + manifest.format() + "', expected '" + BUNDLE_MARKER
                            + "'");
        }
        if (manifest.formatVersion() > FORMAT_VERSION) {
            throw MlopsException.inFile(
                    manifestFile,
                    "bundle format " + manifest.formatVersion() + " is newer than this version of mlops supports ("
                            + FORMAT_VERSION + ")");
        }
        Path modelFile = folder.resolve(manifest.modelFile());
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(modelFile);
        } catch (IOException exception) {
            throw MlopsException.inFile(modelFile, "model file not found or unreadable");
        }
        String actual = Hashing.sha256(bytes);
        if (!actual.equals(manifest.modelSha256())) {
            throw MlopsException.inFile(
                    modelFile,
                    "checksum mismatch: expected SHA-256 " + manifest.modelSha256() + ", found " + actual
                            + "; the model file is corrupted or was modified, refusing to load it");
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
        return new ModelBundle(classifier, manifest, folder);
    }
}
