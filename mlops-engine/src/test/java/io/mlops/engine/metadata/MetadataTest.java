package io.mlops.engine.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mlops.contract.metadata.CodeVersion;
import io.mlops.contract.metadata.ModelInfo;
import io.mlops.contract.metadata.RunKind;
import io.mlops.contract.metadata.RunMetadata;
import io.mlops.contract.metadata.RunMetadataSchema;
import io.mlops.engine.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataTest {
    @TempDir
    Path dir;

    private static RunMetadata minimal(final RunKind kind) {
        return RunMetadata.builder(kind)
                .runId("123e4567-e89b-12d3-a456-426614174000")
                .startedAt("2026-11-27T09:00:00Z")
                .finishedAt("2026-11-27T09:00:01Z")
                .model(new ModelInfo("model", "a".repeat(64), "b".repeat(64)))
                .durations(Map.of(RunMetadata.TOTAL_MILLIS, 1000L))
                .environment(RunEnvironment.current())
                .build();
    }

    @Test
    void shouldRejectADocumentThatBreaksTheSchemaAndWriteNothing() {
        Path file = dir.resolve("meta.json");

        assertThatThrownBy(() -> new MetadataWriter().write(minimal(RunKind.TRAIN), file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run metadata does not match its schema")
                .hasMessageContaining("algorithm");
        assertThat(file).doesNotExist();
    }

    @Test
    void shouldFindViolationsInHandEditedDocuments() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode valid = mapper.valueToTree(minimal(RunKind.EVALUATE));
        ((ObjectNode) valid).remove("environment");

        assertThat(MetadataWriter.violations(valid)).anyMatch(v -> v.contains("environment"));
        ObjectNode wrongKind = mapper.valueToTree(minimal(RunKind.EVALUATE));
        wrongKind.put("kind", "deploy");
        assertThat(MetadataWriter.violations(wrongKind)).isNotEmpty();
    }

    @Test
    void shouldPublishTheContractsSchemaInTheDocs() throws Exception {
        String published = "mlops-contract/src/main/resources" + RunMetadataSchema.RESOURCE;
        assertThat(Path.of("..", published)).as("the one copy of the schema").exists();
        assertThat(Path.of("..", "docs", "run-metadata-1.schema.json"))
                .as("no second copy")
                .doesNotExist();
        assertThat(Files.readString(Path.of("..", "docs", "metadata.md"))).contains(published);
    }

    @Test
    void shouldRecordCommitAndDirtyFlagOfAGitWorkTree() throws Exception {
        Path repo = dir.resolve("repo");
        try (Git git =
                Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
            TestData.write(repo.resolve("train.py"), "print('v1')\n");
            git.add().addFilepattern(".").call();
            String commit = git.commit()
                    .setMessage("v1")
                    .setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com")
                    .setSign(false)
                    .call()
                    .getName();

            assertThat(GitCodeVersion.of(repo)).contains(new CodeVersion(commit, "main", false));
            TestData.write(repo.resolve("untracked-output.json"), "{}");
            assertThat(GitCodeVersion.of(repo).orElseThrow().dirty())
                    .as("untracked files are not changes")
                    .isFalse();
            TestData.write(repo.resolve("train.py"), "print('v2')\n");
            assertThat(GitCodeVersion.of(repo.resolve("sub-folder-that-does-not-exist")
                                    .getParent())
                            .orElseThrow()
                            .dirty())
                    .isTrue();
        }
        assertThat(GitCodeVersion.of(dir.resolve("elsewhere"))).isEmpty();
    }
}
