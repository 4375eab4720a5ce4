package io.mlops.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlops.contract.MlopsException;
import io.mlops.contract.registry.ModelNames;
import io.mlops.contract.registry.ModelRef;
import io.mlops.engine.io.Hashing;
import io.mlops.engine.model.ModelBundle;
import io.mlops.engine.model.ModelStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemRegistryTest {
    @TempDir
    static Path shared;

    static Path bundle;
    static Path bundle5;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainBundles() {
        bundle = Bundles.shared();
        bundle5 = Bundles.train(shared.resolve("train.csv"), shared.resolve("bundle5"), 5);
    }

    private FileSystemRegistry registry() {
        return FileSystemRegistry.open(
                dir.resolve("registry"),
                Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC),
                RegistryListener.NONE);
    }

    @Test
    void shouldRegisterAndReadBackAVersion() throws IOException {
        FileSystemRegistry registry = registry();

        ModelVersion version = registry.register(new Registration(
                bundle,
                "receipts",
                "alice",
                new BuildInfo("ml/receipts", "12", "https://ci/job/ml/receipts/12/"),
                null,
                null));

        assertThat(version.version()).isEqualTo(1);
        assertThat(version.registeredBy()).isEqualTo("alice");
        assertThat(version.registeredAt()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(version.build()).isEqualTo(new BuildInfo("ml/receipts", "12", "https://ci/job/ml/receipts/12/"));
        String sha = Hashing.sha256(bundle.resolve("model.tribuo"));
        assertThat(version.model().sha256()).isEqualTo(sha);
        assertThat(version.model().blob()).isEqualTo("blobs/sha256/" + sha);
        assertThat(registry.root().resolve("blobs/sha256/" + sha))
                .hasSameBinaryContentAs(bundle.resolve("model.tribuo"));
        Path folder = registry.root().resolve("models/receipts/versions/1");
        assertThat(folder.resolve("bundle.json")).hasSameBinaryContentAs(bundle.resolve("bundle.json"));
        assertThat(folder.resolve("run-metadata.json")).hasSameBinaryContentAs(bundle.resolve("run-metadata.json"));
        assertThat(folder.resolve("version.json")).isRegularFile();

        JsonNode metadata =
                new ObjectMapper().readTree(bundle.resolve("run-metadata.json").toFile());
        assertThat(version.run().metrics())
                .containsEntry(
                        "accuracy", metadata.path("metrics").path("accuracy").doubleValue());
        assertThat(version.run().parameters()).containsEntry("epochs", 2L);
        assertThat(version.run().trainDataSha256())
                .isEqualTo(metadata.path("data").path("train").path("sha256").asText());

        ModelVersion read = registry.resolve(ModelRef.parse("receipts@1"));
        assertThat(read).isEqualTo(version);
        assertThat(registry.readModel(read)).isEqualTo(Files.readAllBytes(bundle.resolve("model.tribuo")));
        assertThat(registry.modelCard(read))
                .startsWith("# Model card: receipts version 1\n")
                .contains("| Registered | 2026-01-02T03:04:05Z by alice |")
                .contains("| Build | ml/receipts #12 (https://ci/job/ml/receipts/12/) |")
                .contains("| epochs | 2 |")
                .contains("| accuracy | ");
        assertThat(registry.models()).containsExactly(new ModelSummary("receipts", 1, Map.of()));
    }

    @Test
    void shouldNumberVersionsPerName() {
        FileSystemRegistry registry = registry();

        for (int i = 0; i < 3; i++) {
            registry.register(Registration.of(bundle, "a", "bob"));
        }
        registry.register(Registration.of(bundle, "b", "bob"));

        assertThat(registry.versions("a")).extracting(ModelVersion::version).containsExactly(1, 2, 3);
        assertThat(registry.versions("b")).extracting(ModelVersion::version).containsExactly(1);
        assertThat(registry.resolve(ModelRef.parse("a")).version()).isEqualTo(3);
        assertThat(registry.resolve(ModelRef.parse("a@latest")).version()).isEqualTo(3);
        assertThat(registry.models())
                .extracting(ModelSummary::name, ModelSummary::latest)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("a", 3), org.assertj.core.groups.Tuple.tuple("b", 1));
    }

    @Test
    void shouldNeverChangeAnExistingVersion() throws IOException {
        FileSystemRegistry registry = registry();
        registry.register(Registration.of(bundle, "a", "bob"));
        Map<String, String> before = contents(registry.versionFolder("a", 1));

        registry.register(Registration.of(bundle5, "a", "carol"));
        registry.setAlias("a", "champion", 1, "dave", "first");
        registry.setAlias("a", "champion", 2, "dave", "better");

        assertThat(contents(registry.versionFolder("a", 1))).isEqualTo(before);
    }

    @Test
    void shouldDetectACorruptedModelFileAndNeverLoadIt() throws IOException {
        FileSystemRegistry registry = registry();
        ModelVersion version = registry.register(Registration.of(bundle, "a", "bob"));
        Path blob = registry.root().resolve(version.model().blob());
        byte[] bytes = Files.readAllBytes(blob);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(blob, bytes);
        String actual = Hashing.sha256(bytes);

        String expected = blob + ": checksum mismatch: expected SHA-256 "
                + version.model().sha256() + ", found " + actual
                + "; the model file of a@1 is corrupted, refusing to load it";
        assertThatThrownBy(() -> registry.readModel(version))
                .isInstanceOf(MlopsException.class)
                .hasMessage(expected);
        assertThatThrownBy(() -> registry.export(ModelRef.parse("a@1"), dir.resolve("out")))
                .isInstanceOf(MlopsException.class)
                .hasMessage(expected);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void shouldRefuseToRegisterACorruptedBundle() throws IOException {
        Path copy = dir.resolve("copy");
        Files.createDirectories(copy);
        for (String file : new String[] {"model.tribuo", "bundle.json", "run-metadata.json", "checksums.sha256"}) {
            Files.copy(bundle.resolve(file), copy.resolve(file));
        }
        byte[] bytes = Files.readAllBytes(copy.resolve("model.tribuo"));
        bytes[10] ^= 0x01;
        Files.write(copy.resolve("model.tribuo"), bytes);

        assertThatThrownBy(() -> registry().register(Registration.of(copy, "a", "bob")))
                .isInstanceOf(MlopsException.class)
                .hasMessage(copy.resolve("model.tribuo") + ": checksum mismatch: expected SHA-256 "
                        + Hashing.sha256(bundle.resolve("model.tribuo")) + ", found " + Hashing.sha256(bytes)
                        + "; the model file is corrupted or was modified, refusing to register it");
        Files.delete(copy.resolve("run-metadata.json"));
        assertThatThrownBy(() -> registry().register(Registration.of(copy, "a", "bob")))
                .hasMessage(copy.resolve("run-metadata.json")
                        + ": not found; register a model bundle written by mlops train");
    }

    @Test
    void shouldExportAVersionAsALoadableBundle() {
        FileSystemRegistry registry = registry();
        registry.register(Registration.of(bundle, "a", "bob"));

        registry.export(ModelRef.parse("a"), dir.resolve("deployed"));

        ModelBundle loaded = new ModelStore().load(dir.resolve("deployed"));
        assertThat(loaded.manifest().modelSha256()).isEqualTo(Hashing.sha256(bundle.resolve("model.tribuo")));
        assertThat(dir.resolve("deployed/MODEL_CARD.md")).isRegularFile();
    }

    @Test
    void shouldExplainWhatExistsWhenAReferenceDoesNotResolve() {
        FileSystemRegistry registry = registry();
        assertThatThrownBy(() -> registry.resolve(ModelRef.parse("a")))
                .hasMessage("model 'a' not found in registry " + registry.root() + "; the registry is empty");
        registry.register(Registration.of(bundle, "a", "bob"));
        registry.register(Registration.of(bundle, "a", "bob"));
        registry.register(Registration.of(bundle, "b", "bob"));
        registry.setAlias("a", "champion", 2, "bob", "best");

        assertThatThrownBy(() -> registry.resolve(ModelRef.parse("c")))
                .isInstanceOf(MlopsException.class)
                .hasMessage("model 'c' not found in registry " + registry.root() + "; models: a, b");
        assertThatThrownBy(() -> registry.resolve(ModelRef.parse("a@9")))
                .hasMessage("version 9 of model 'a' not found; versions are 1 to 2");
        assertThatThrownBy(() -> registry.resolve(ModelRef.parse("b@2")))
                .hasMessage("version 2 of model 'b' not found; it has version 1 only");
        assertThatThrownBy(() -> registry.resolve(ModelRef.parse("a@prod")))
                .hasMessage("alias 'prod' of model 'a' not found; aliases: champion -> 2");
        assertThatThrownBy(() -> registry.resolve(ModelRef.parse("b@prod")))
                .hasMessage("alias 'prod' of model 'b' not found; the model has no aliases");
        assertThatThrownBy(() -> registry.setAlias("a", "champion", 5, "bob", "x"))
                .hasMessage("version 5 of model 'a' not found; versions are 1 to 2");
    }

    @Test
    void shouldValidateNamesAndAliases() {
        FileSystemRegistry registry = registry();
        assertThatThrownBy(() -> registry.register(Registration.of(bundle, "a/b", "bob")))
                .isInstanceOf(MlopsException.class)
                .hasMessage(
                        "invalid model name 'a/b': use 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit");
        for (String bad : new String[] {"..", ".", "", "..\\x", "-a", "a b", "x".repeat(65)}) {
            assertThatThrownBy(() -> ModelNames.requireModelName(bad))
                    .isInstanceOf(MlopsException.class)
                    .hasMessageStartingWith("invalid model name '" + bad + "'");
        }
        registry.register(Registration.of(bundle, "a", "bob"));
        assertThatThrownBy(() -> registry.setAlias("a", "../x", 1, "bob", "r"))
                .hasMessage(
                        "invalid alias '../x': use 1 to 64 letters, digits, '.', '_' and '-', starting with a letter or digit");
        assertThatThrownBy(() -> registry.setAlias("a", "7", 1, "bob", "r"))
                .hasMessage("invalid alias '7': an alias must not be a number, which reads as a version");
        assertThatThrownBy(() -> registry.setAlias("a", "latest", 1, "bob", "r"))
                .hasMessage("alias 'latest' is reserved: it always means the newest version");
        assertThat(registry.root().resolve("models"))
                .isDirectoryNotContaining(p -> !p.getFileName().toString().equals("a"));
    }

    @Test
    void shouldMoveAliasesAndAuditEveryMove() {
        FileSystemRegistry registry = registry();
        registry.register(Registration.of(bundle, "a", "bob"));
        registry.register(new Registration(bundle5, "a", "bob", null, null, "challenger"));

        registry.setAlias("a", "champion", 1, "alice", "first release");
        registry.setAlias("a", "champion", 2, "carol", "accuracy +2%");

        assertThat(registry.aliases("a")).containsExactly(Map.entry("challenger", 2), Map.entry("champion", 2));
        assertThat(registry.resolve(ModelRef.parse("a@champion")).version()).isEqualTo(2);
        assertThat(registry.auditLog("a"))
                .containsExactly(
                        new AliasMove(1, "2026-01-02T03:04:05Z", "bob", "challenger", null, 2, "registered version 2"),
                        new AliasMove(2, "2026-01-02T03:04:05Z", "alice", "champion", null, 1, "first release"),
                        new AliasMove(3, "2026-01-02T03:04:05Z", "carol", "champion", 1, 2, "accuracy +2%"));
    }

    @Test
    void shouldRollAliasesForwardFromTheAuditLogWhenTheSnapshotIsBehind() throws IOException {
        FileSystemRegistry registry = registry();
        registry.register(Registration.of(bundle, "a", "bob"));
        registry.register(Registration.of(bundle, "a", "bob"));
        registry.setAlias("a", "champion", 1, "bob", "one");
        Path snapshot = registry.root().resolve("models/a/aliases.json");
        byte[] stale = Files.readAllBytes(snapshot);
        registry.setAlias("a", "champion", 2, "bob", "two");
        Files.write(snapshot, stale); // as if the writer died between the log append and the snapshot

        assertThat(registry.resolve(ModelRef.parse("a@champion")).version()).isEqualTo(2);
        registry.setAlias("a", "staging", 1, "bob", "three");
        assertThat(registry.auditLog("a")).extracting(AliasMove::seq).containsExactly(1L, 2L, 3L);
        assertThat(registry.aliases("a")).containsExactly(Map.entry("champion", 2), Map.entry("staging", 1));
    }

    @Test
    void shouldIgnoreATornLastAuditLineAndRepairItOnTheNextMove() throws IOException {
        FileSystemRegistry registry = registry();
        registry.register(Registration.of(bundle, "a", "bob"));
        registry.setAlias("a", "champion", 1, "bob", "one");
        Path log = registry.root().resolve("models/a/audit.log");
        Files.writeString(
                log, "{\"seq\":2,\"at\":\"2026-", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

        assertThat(registry.auditLog("a")).hasSize(1);
        assertThat(registry.aliases("a")).containsExactly(Map.entry("champion", 1));
        registry.setAlias("a", "staging", 1, "bob", "two");

        assertThat(Files.readAllLines(log)).hasSize(2).allSatisfy(line -> assertThat(line)
                .startsWith("{\"seq\":"));
        assertThat(registry.auditLog("a")).extracting(AliasMove::alias).containsExactly("champion", "staging");
    }

    @Test
    void shouldDiffParametersAndMetricsWithDeltas() {
        FileSystemRegistry registry = registry();
        ModelVersion one = registry.register(Registration.of(bundle, "a", "bob"));
        ModelVersion two = registry.register(Registration.of(bundle5, "a", "bob"));

        VersionDiff diff = registry.diff("a", 1, 2);

        assertThat(diff.parameters())
                .contains(
                        new VersionDiff.ParameterChange("epochs", 2L, 5L, true),
                        new VersionDiff.ParameterChange("algorithm", "logistic", "logistic", false));
        double a = one.run().metrics().get("accuracy");
        double b = two.run().metrics().get("accuracy");
        assertThat(diff.metrics()).contains(new VersionDiff.MetricDelta("accuracy", a, b, b - a));
        assertThat(diff.dataChanged()).isFalse();
    }

    @Test
    void shouldTraceLineageBothWays() {
        FileSystemRegistry registry = registry();
        Path other = Bundles.train(
                io.mlops.engine.TestData.writeMixedCsv(dir.resolve("other.csv"), 120, 4), dir.resolve("other"), 2);
        registry.register(new Registration(bundle, "a", "bob", new BuildInfo("job", "3", null), null, null));
        registry.register(Registration.of(other, "a", "bob"));
        registry.register(Registration.of(bundle5, "b", "bob"));

        Lineage lineage = registry.lineage(ModelRef.parse("a@1"));

        String sha = registry.resolve(ModelRef.parse("a@1")).run().trainDataSha256();
        assertThat(lineage.data().get("train").sha256()).isEqualTo(sha);
        assertThat(lineage.build()).isEqualTo(new BuildInfo("job", "3", null));
        assertThat(lineage.sameData()).containsExactly("a@1", "b@1");
        assertThat(registry.versionsTrainedFrom(sha))
                .extracting(v -> v.name() + "@" + v.version())
                .containsExactly("a@1", "b@1");
        assertThat(registry.versionsTrainedFrom("0".repeat(64))).isEmpty();
        assertThatThrownBy(() -> registry.versionsTrainedFrom("abc"))
                .hasMessage("invalid data fingerprint 'abc': expected a SHA-256 (64 hex digits)");
    }

    @Test
    void shouldRecordTheGitTreeOfTheTrainingData() throws Exception {
        Path work = dir.resolve("work");
        Files.createDirectories(work.resolve("data"));
        io.mlops.engine.TestData.writeMixedCsv(work.resolve("data/train.csv"), 120, 3);
        try (var git =
                org.eclipse.jgit.api.Git.init().setDirectory(work.toFile()).call()) {
            git.add().addFilepattern("data/train.csv").call();
            var ident = new org.eclipse.jgit.lib.PersonIdent("t", "t@t");
            git.commit().setMessage("data").setAuthor(ident).setCommitter(ident).call();
            Path trained = Bundles.train(work.resolve("data/train.csv"), dir.resolve("git-bundle"), 2);

            ModelVersion version = registry().register(new Registration(trained, "a", "bob", null, work, null));

            String tree;
            try (var walk = org.eclipse.jgit.treewalk.TreeWalk.forPath(
                    git.getRepository(),
                    "data",
                    git.getRepository()
                            .parseCommit(git.getRepository().resolve("HEAD"))
                            .getTree())) {
                tree = walk.getObjectId(0).name();
            }
            assertThat(version.dataGit())
                    .isEqualTo(new DataGitInfo(
                            git.getRepository().resolve("HEAD").name(), "data/train.csv", "data", tree, true, true));
            assertThat(registry().modelCard(version)).contains("folder tree `" + tree + "` (tracked, unchanged)");
        }
    }

    @Test
    void shouldRefuseAFolderThatIsNotARegistry() throws IOException {
        Files.createDirectories(dir.resolve("other"));
        Files.writeString(dir.resolve("other/notes.txt"), "x");

        assertThatThrownBy(() -> FileSystemRegistry.open(dir.resolve("other")))
                .hasMessage(dir.resolve("other") + ": not a model registry (no registry.json) and not empty; "
                        + "choose a new or empty folder");
    }

    @Test
    void shouldCleanUpAHalfBuiltVersionAndTakeItsNumber() throws IOException {
        FileSystemRegistry registry = registry();
        registry.register(Registration.of(bundle, "a", "bob"));
        Path half = registry.root().resolve("models/a/.tmp-crashed");
        Files.createDirectories(half);
        Files.writeString(half.resolve("version.json"), "{");
        Files.writeString(registry.root().resolve("models/a/.aliases.json.tmp-crashed"), "{");
        Files.writeString(registry.root().resolve("models/a/next-version"), "1\n"); // hint behind, as after a crash

        assertThat(registry.versions("a")).hasSize(1);
        assertThat(registry.register(Registration.of(bundle, "a", "bob")).version())
                .isEqualTo(2);
        assertThat(half).doesNotExist();
        assertThat(registry.root().resolve("models/a/.aliases.json.tmp-crashed"))
                .doesNotExist();
    }

    private static Map<String, String> contents(final Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.filter(Files::isRegularFile).toList()) {
                files.put(folder.relativize(p).toString(), Hashing.sha256(p) + " " + Files.getLastModifiedTime(p));
            }
        }
        return files;
    }
}
