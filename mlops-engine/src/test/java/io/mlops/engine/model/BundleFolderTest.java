package io.mlops.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.engine.MlopsException;
import io.mlops.engine.TestData;
import io.mlops.engine.train.ProgressListener;
import io.mlops.engine.train.TrainingPipeline;
import io.mlops.engine.train.TrainingSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleFolderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path data;

    @BeforeEach
    void writeData() {
        data = TestData.writeMixedCsv(dir.resolve("project/data/train.csv"), 200, 1);
    }

    private void train(final Path output) {
        new TrainingPipeline(ProgressListener.NONE, dir)
                .train(
                        TrainingSpec.builder()
                                .data(data)
                                .label("category")
                                .output(output)
                                .build(),
                        List.of());
    }

    @Test
    void shouldRefuseAFolderThatHoldsTheTrainingDataAndKeepEverything() throws IOException {
        Path project = dir.resolve("project");
        Files.writeString(project.resolve("bundle.json"), "{}");
        Path source = TestData.write(project.resolve("src/keep.c"), "x");

        assertThatThrownBy(() -> train(project))
                .isInstanceOf(MlopsException.class)
                .hasMessage(project + ": output folder contains the input " + data
                        + ", and writing a model bundle replaces the whole folder; choose another folder");
        assertThat(source).hasContent("x");
        assertThat(data).isRegularFile();
    }

    @Test
    void shouldRefuseAFolderWithAStrayBundleJsonBesideOtherFiles() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("elsewhere/src")).getParent();
        Files.writeString(folder.resolve("bundle.json"), "{}");
        Files.writeString(folder.resolve("README.md"), "mine");

        assertThatThrownBy(() -> train(folder))
                .isInstanceOf(MlopsException.class)
                .hasMessage(folder + ": output folder holds files that are not part of a model bundle (README.md,"
                        + " src); writing a bundle replaces the whole folder, so choose a new or empty folder, or"
                        + " move those files away");
        assertThat(folder.resolve("README.md")).hasContent("mine");
    }

    @Test
    void shouldRefuseABundleJsonWithoutTheBundleMarker() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("fake"));
        Files.writeString(folder.resolve("bundle.json"), "{}");

        assertThatThrownBy(() -> train(folder))
                .isInstanceOf(MlopsException.class)
                .hasMessage(folder + ": output folder is not a model bundle written by mlops (its bundle.json has no"
                        + " bundle marker 'mlops-model-bundle'); choose a new or empty folder");
        assertThat(folder.resolve("bundle.json")).hasContent("{}");
    }

    @Test
    void shouldKeepUserFilesInsideABundleWhenRetrainingIntoIt() throws IOException {
        Path bundle = dir.resolve("model");
        train(bundle);
        String sha = new ModelStore().load(bundle).manifest().modelSha256();
        Path notes = Files.writeString(bundle.resolve("notes.txt"), "why this model");

        assertThatThrownBy(() -> train(bundle))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("output folder holds files that are not part of a model bundle (notes.txt)");
        assertThat(notes).hasContent("why this model");
        assertThat(new ModelStore().load(bundle).manifest().modelSha256()).isEqualTo(sha);
    }

    @Test
    void shouldCheckTheFolderAgainWhenSavingAfterTheWork() throws IOException {
        Path bundle = dir.resolve("model");
        train(bundle);
        ModelBundle loaded = new ModelStore().load(bundle);
        Path late = Files.writeString(bundle.resolve("added-during-training.txt"), "late");

        assertThatThrownBy(() -> new ModelStore().save(loaded.model(), loaded.manifest(), bundle))
                .isInstanceOf(MlopsException.class)
                .hasMessageContaining("(added-during-training.txt)");
        assertThat(late).hasContent("late");
    }

    @Test
    void shouldWriteTheBundleMarkerAndReplaceAMarkedBundle() throws IOException {
        Path bundle = dir.resolve("model");
        train(bundle);

        assertThat(JSON.readTree(bundle.resolve("bundle.json").toFile())
                        .path("format")
                        .asText())
                .isEqualTo("mlops-model-bundle");
        assertThatCode(() -> BundleFolder.checkOutput(bundle, List.of(data))).doesNotThrowAnyException();
    }

    @Test
    void shouldReplaceABundleWrittenBeforeTheMarkerOnlyWhenItsModelChecksumMatches() throws IOException {
        Path bundle = dir.resolve("model");
        train(bundle);
        Path manifest = bundle.resolve("bundle.json");
        ObjectNode legacy = (ObjectNode) JSON.readTree(manifest.toFile());
        legacy.remove("format");
        Files.writeString(manifest, JSON.writeValueAsString(legacy));

        assertThatCode(() -> BundleFolder.checkReplaceable(bundle)).doesNotThrowAnyException();

        legacy.put("modelSha256", "0".repeat(64));
        Files.writeString(manifest, JSON.writeValueAsString(legacy));
        assertThatThrownBy(() -> BundleFolder.checkReplaceable(bundle))
                .hasMessageContaining("is not a model bundle written by mlops");
    }

    @Test
    void shouldRefuseAFolderThatContainsTheWorkingDirectory() {
        Path workingDirectory = Path.of("").toAbsolutePath();

        assertThatThrownBy(() -> BundleFolder.checkOutput(workingDirectory, List.of()))
                .isInstanceOf(MlopsException.class)
                .hasMessage(workingDirectory + ": output folder is the working directory, and writing a model"
                        + " bundle replaces the whole folder; choose a subfolder such as 'model'");
        assertThatThrownBy(() -> BundleFolder.checkOutput(workingDirectory.getParent(), List.of()))
                .hasMessageContaining("output folder contains the working directory");
    }

    @Test
    void shouldSeeThroughASymbolicLinkToTheDataFolder() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("project"));

        assertThatThrownBy(() -> BundleFolder.checkOutput(link, List.of(data)))
                .hasMessageContaining("output folder contains the input " + data);
    }

    @Test
    void shouldRefuseAModelBundleWithAForeignFormatMarker() throws IOException {
        Path bundle = dir.resolve("model");
        train(bundle);
        Path manifest = bundle.resolve("bundle.json");
        ObjectNode other = (ObjectNode) JSON.readTree(manifest.toFile());
        other.put("format", "something-else");
        Files.writeString(manifest, JSON.writeValueAsString(other));

        assertThatThrownBy(() -> new ModelStore().load(bundle))
                .isInstanceOf(MlopsException.class)
                .hasMessage(manifest.toAbsolutePath()
                        + ": not an mlops model bundle: format is 'something-else', expected 'mlops-model-bundle'");
    }
}
