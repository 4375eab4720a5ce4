package io.mlops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlops.contract.MlopsException;
import io.mlops.engine.ProgressListener;
import io.mlops.engine.TestData;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
    @TempDir
    Path dir;

    private Path bundle;

    @BeforeEach
    void train() {
        Path data = TestData.writeMixedCsv(dir.resolve("train.csv"), 200, 1);
        bundle = dir.resolve("model");
        new TrainingPipeline(ProgressListener.NONE, dir)
                .train(
                        TrainingSpec.builder()
                                .data(data)
                                .label("category")
                                .output(bundle)
                                .build(),
                        List.of());
    }

    @Test
    void shouldLoadFromFolderOrModelFile() {
        ModelStore store = new ModelStore();

        assertThat(store.load(bundle).manifest())
                .isEqualTo(store.load(bundle.resolve("model.tribuo")).manifest());
        assertThat(store.load(bundle).location()).isEqualTo(bundle.toAbsolutePath());
    }

    @Test
    void shouldRefuseACorruptedModelFile() throws IOException {
        Path model = bundle.resolve("model.tribuo");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(model, bytes);

        assertThatThrownBy(() -> new ModelStore().load(bundle))
                .isInstanceOf(MlopsException.class)
                .hasMessageStartingWith(model.toAbsolutePath() + ": checksum mismatch: expected SHA-256 ")
                .hasMessageEndingWith("; the model file is corrupted or was modified, refusing to load it");
    }

    @Test
    void shouldReportMissingModelAndManifest() throws IOException {
        Path missing = dir.resolve("nothing");
        assertThatThrownBy(() -> new ModelStore().load(missing))
                .hasMessage(missing + ": model not found; expected a model bundle folder or its model.tribuo");

        Files.delete(bundle.resolve("bundle.json"));
        assertThatThrownBy(() -> new ModelStore().load(bundle))
                .hasMessage(bundle.resolve("bundle.json") + ": bundle manifest not found; is " + bundle
                        + " a model written by mlops train?");
    }

    @Test
    void shouldRecordTheFittedPreparationInTheManifest() {
        BundleManifest manifest = new ModelStore().load(bundle).manifest();

        assertThat(manifest.preparation().getMeans()).containsKey("amount");
        assertThat(manifest.labels()).containsExactly("lodging", "meals", "transport");
        assertThat(manifest.modelFingerprint()).hasSize(64).isNotEqualTo(manifest.modelSha256());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(
            delimiter = '|',
            value = {
                "modelFile|field 'modelFile' is missing (expected the model file's name)",
                "modelSha256|field 'modelSha256' is missing (expected the model file's SHA-256)",
                "labels|field 'labels' is missing or holds null (expected the class labels)",
                "preparation|field 'preparation' is missing (expected the fitted feature preparation)"
            })
    void shouldNameTheManifestFieldThatIsNull(final String field, final String message) throws IOException {
        Path file = bundle.resolve("bundle.json");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode manifest =
                (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(file.toFile());

        manifest.putNull(field);
        assertThatThrownBy(() -> ModelStore.readManifest(file, json.writeValueAsBytes(manifest)))
                .isInstanceOf(MlopsException.class)
                .hasMessage(file + ": unreadable bundle manifest: " + message);
        manifest.remove(field);
        assertThatThrownBy(() -> ModelStore.readManifest(file, json.writeValueAsBytes(manifest)))
                .hasMessage(file + ": unreadable bundle manifest: " + message);
    }

    @Test
    void shouldNameALabelThatIsNull() throws IOException {
        Path file = bundle.resolve("bundle.json");
        String manifest = Files.readString(file).replaceFirst("\"labels\"\\s*:\\s*\\[", "\"labels\" : [ null, ");

        assertThatThrownBy(
                        () -> ModelStore.readManifest(file, manifest.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .hasMessage(file + ": unreadable bundle manifest: field 'labels' is missing or holds null (expected the"
                        + " class labels)");
    }
}
