package io.mlops.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.MlopsException;
import io.mlops.contract.registry.ModelRef;
import io.mlops.engine.io.Hashing;
import io.mlops.engine.model.BundleChecksums;
import io.mlops.engine.model.ModelBundle;
import io.mlops.engine.model.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9 points 2 and 3: every file of a bundle is verified, {@code modelFile} stays inside the bundle, the
 * registry records the bundle's identity, and FIFOs or devices in place of bundle files are refused at once.
 */
class BundleVerificationTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FILES =
            List.of("model.tribuo", "bundle.json", "run-metadata.json", "checksums.sha256");

    @TempDir
    Path dir;

    private Path copy() throws IOException {
        Path copy = dir.resolve("bundle");
        Files.createDirectories(copy);
        for (String file : FILES) {
            Files.copy(Bundles.shared().resolve(file), copy.resolve(file));
        }
        return copy;
    }

    private FileSystemRegistry registry() {
        return FileSystemRegistry.open(dir.resolve("registry"));
    }

    @Test
    void shouldListEveryFileAndNameTheBundleByTheHashOfThatList() throws IOException {
        Path bundle = copy();

        ModelBundle loaded = new ModelStore().load(bundle);

        assertThat(BundleChecksums.read(bundle).sums())
                .containsOnlyKeys("model.tribuo", "bundle.json", "run-metadata.json")
                .containsEntry("bundle.json", Hashing.sha256(bundle.resolve("bundle.json")));
        assertThat(loaded.identity()).isEqualTo(Hashing.sha256(bundle.resolve("checksums.sha256")));
    }

    @Test
    void shouldRefuseAnEditedFeatureMeanInEvaluateRegisterAndLoad() throws IOException {
        Path bundle = copy();
        Path manifest = bundle.resolve("bundle.json");
        ObjectNode json = (ObjectNode) JSON.readTree(manifest.toFile());
        ObjectNode means = (ObjectNode) json.path("preparation").path("means");
        means.fieldNames().forEachRemaining(name -> means.put(name, 1e9));
        json.put("formatVersion", json.path("formatVersion").asInt());
        Files.write(manifest, JSON.writeValueAsBytes(json));
        String expected = BundleChecksums.read(bundle).sums().get("bundle.json");

        assertThatThrownBy(() -> new ModelStore().load(bundle))
                .isInstanceOf(MlopsException.class)
                .hasMessage(manifest + ": checksum mismatch: expected SHA-256 " + expected + ", found "
                        + Hashing.sha256(manifest) + "; the bundle manifest is corrupted or was modified, refusing"
                        + " to load it");
        assertThatThrownBy(() -> registry().register(Registration.of(bundle, "m", "bob")))
                .hasMessageEndingWith("; the bundle manifest is corrupted or was modified, refusing to register it");
    }

    @Test
    void shouldRefuseEditedTrainingMetrics() throws IOException {
        Path bundle = copy();
        Path metadata = bundle.resolve("run-metadata.json");
        Files.writeString(
                metadata, Files.readString(metadata).replaceFirst("\"accuracy\" : [0-9.E-]+", "\"accuracy\" : 1.0"));

        assertThatThrownBy(() -> new ModelStore().load(bundle))
                .hasMessageStartingWith(metadata + ": checksum mismatch");
        assertThatThrownBy(() -> registry().register(Registration.of(bundle, "m", "bob")))
                .hasMessageEndingWith("; the run metadata is corrupted or was modified, refusing to register it");
    }

    @Test
    void shouldKeepTheModelFileInsideTheBundleEvenWhenTheChecksumsAgree() throws IOException {
        Path bundle = copy();
        Files.copy(bundle.resolve("model.tribuo"), dir.resolve("outside.tribuo"));
        Path manifest = bundle.resolve("bundle.json");
        ObjectNode json = (ObjectNode) JSON.readTree(manifest.toFile());
        json.put("modelFile", "../outside.tribuo");
        Files.write(manifest, JSON.writeValueAsBytes(json));
        BundleChecksums.write(bundle, List.of("model.tribuo", "bundle.json", "run-metadata.json"));

        assertThatThrownBy(() -> new ModelStore().load(bundle))
                .hasMessage(bundle + ": file name \"../outside.tribuo\" is not a plain file name inside the bundle");
        assertThatThrownBy(() -> registry().register(Registration.of(bundle, "m", "bob")))
                .hasMessage(bundle + ": file name \"../outside.tribuo\" is not a plain file name inside the bundle");
    }

    @Test
    void shouldRefuseABundleWithoutChecksums() throws IOException {
        Path bundle = copy();
        Files.delete(bundle.resolve("checksums.sha256"));

        assertThatThrownBy(() -> new ModelStore().load(bundle))
                .hasMessage(bundle.resolve("checksums.sha256") + ": not found; every bundle written by mlops train"
                        + " lists the SHA-256 of its files here (a bundle from an older mlops: train it again)");
    }

    @Test
    void shouldRecordTheIdentityAndCheckAnExportAgainstIt() throws IOException {
        Path bundle = copy();
        FileSystemRegistry registry = registry();
        ModelVersion version = registry.register(Registration.of(bundle, "m", "bob"));
        assertThat(version.model().bundleSha256()).isEqualTo(Hashing.sha256(bundle.resolve("checksums.sha256")));

        registry.export(ModelRef.parse("m@1"), dir.resolve("out"));
        ModelBundle exported = new ModelStore().load(dir.resolve("out"));
        assertThat(exported.identity()).isEqualTo(version.model().bundleSha256());

        // the registry's stored copy of bundle.json is edited, together with its checksum file
        Path stored = registry.versionFolder("m", 1);
        Path manifest = stored.resolve("bundle.json");
        Files.writeString(manifest, Files.readString(manifest).replace("\"labels\"", "\"labels\" "));
        BundleChecksums.write(stored, List.of("bundle.json", "run-metadata.json"));
        assertThatThrownBy(() -> registry.export(ModelRef.parse("m@1"), dir.resolve("out2")))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("differs from the " + version.model().bundleSha256() + " registered for m@1");
        assertThat(dir.resolve("out2")).doesNotExist();
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRefuseAFifoInPlaceOfABundleFileInsteadOfBlocking() throws Exception {
        for (String file : List.of("bundle.json", "model.tribuo", "run-metadata.json")) {
            Path bundle = copy();
            Files.delete(bundle.resolve(file));
            mkfifo(bundle.resolve(file));

            assertThatThrownBy(() -> new ModelStore().load(bundle))
                    .hasMessage(
                            bundle.resolve(file) + ": not a regular file (a FIFO, device or socket); expected a file");
            assertThatThrownBy(() -> registry().register(Registration.of(bundle, "m", "bob")))
                    .hasMessage(
                            bundle.resolve(file) + ": not a regular file (a FIFO, device or socket); expected a file");
            io.mlops.engine.io.AtomicFiles.deleteQuietly(bundle);
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void shouldRefuseDevZeroAsTheModelFile() throws IOException {
        Path bundle = copy();
        Files.delete(bundle.resolve("model.tribuo"));
        Files.createSymbolicLink(bundle.resolve("model.tribuo"), Path.of("/dev/zero"));

        assertThatThrownBy(() -> new ModelStore().load(bundle))
                .hasMessage(bundle.resolve("model.tribuo")
                        + ": not a regular file (a FIFO, device or socket); expected a file");
        assertThatThrownBy(() -> registry().register(Registration.of(bundle, "m", "bob")))
                .hasMessage(bundle.resolve("model.tribuo")
                        + ": not a regular file (a FIFO, device or socket); expected a file");
    }

    static void mkfifo(final Path path) throws Exception {
        Process process =
                new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertThat(process.waitFor()).isZero();
    }
}
