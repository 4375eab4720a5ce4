package io.mlops.engine.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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

    private static RunMetadata minimal(final String kind) {
        return new RunMetadata(
                MetadataWriter.SCHEMA_VERSION,
                "123e4567-e89b-12d3-a456-426614174000",
                kind,
                "2026-11-27T09:00:00Z",
                "2026-11-27T09:00:01Z",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                new ModelInfo("model", "a".repeat(64), "b".repeat(64)),
                null,
                null,
                null,
                null,
                null,
                Map.of("totalMillis", 1000L),
                EnvironmentInfo.current(),
                null);
    }

    @Test
    void shouldRejectADocumentThatBreaksTheSchemaAndWriteNothing() {
        Path file = dir.resolve("meta.json");

        assertThatThrownBy(() -> new MetadataWriter().write(minimal("train"), file))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("run metadata does not match its schema")
                .hasMessageContaining("algorithm");
        assertThat(file).doesNotExist();
    }

    @Test
    void shouldFindViolationsInHandEditedDocuments() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode valid = mapper.valueToTree(minimal("evaluate"));
        ((ObjectNode) valid).remove("environment");

        assertThat(MetadataWriter.violations(valid)).anyMatch(v -> v.contains("environment"));
        ObjectNode wrongKind = mapper.valueToTree(minimal("evaluate"));
        wrongKind.put("kind", "deploy");
        assertThat(MetadataWriter.violations(wrongKind)).isNotEmpty();
    }

    @Test
    void shouldPublishTheSameSchemaInTheDocs() throws Exception {
        Path docs = Path.of("..", "docs", "run-metadata-1.schema.json");
        try (var in = MetadataWriter.class.getResourceAsStream(MetadataWriter.SCHEMA_RESOURCE)) {
            assertThat(docs)
                    .as("docs/run-metadata-1.schema.json is the published copy")
                    .exists();
            assertThat(Files.readString(docs))
                    .isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
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

            assertThat(CodeVersion.of(repo)).contains(new CodeVersion(commit, "main", false));
            TestData.write(repo.resolve("untracked-output.json"), "{}");
            assertThat(CodeVersion.of(repo).orElseThrow().dirty())
                    .as("untracked files are not changes")
                    .isFalse();
            TestData.write(repo.resolve("train.py"), "print('v2')\n");
            assertThat(CodeVersion.of(repo.resolve("sub-folder-that-does-not-exist")
                                    .getParent())
                            .orElseThrow()
                            .dirty())
                    .isTrue();
        }
        assertThat(CodeVersion.of(dir.resolve("elsewhere"))).isEmpty();
    }
}
