package io.mlops.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a process that registers and moves aliases at random moments and checks the registry after each kill. */
class CrashSafetyTest {
    private static final int KILLS = Integer.getInteger("registry.kills", 20);

    static Path bundle;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainBundle() {
        bundle = Bundles.shared();
    }

    @Test
    void shouldStayReadableAndConsistentWhenAWriterIsKilledAtAnyMoment() throws Exception {
        Path root = dir.resolve("registry");
        FileSystemRegistry.open(root);
        Random random = new Random(42);
        int expected = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Process child = ChildJvm.start(
                    dir.resolve("child.log"),
                    "loop",
                    root.toString(),
                    bundle.toString(),
                    "m",
                    dir.resolve("scratch-" + kill).toString());
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine())
                    .as(Files.readString(dir.resolve("child.log")))
                    .isEqualTo("ready");
            Thread.sleep(random.nextInt(250));
            child.destroyForcibly();
            assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();

            FileSystemRegistry registry = FileSystemRegistry.open(root);
            int versions = checkConsistent(registry);
            assertThat(versions).isGreaterThanOrEqualTo(expected);
            ModelVersion next = registry.register(Registration.of(bundle, "m", "parent"));
            assertThat(next.version()).isEqualTo(versions + 1);
            registry.setAlias("m", "champion", next.version(), "parent", "after kill " + kill);
            expected = checkConsistent(registry);
            try (Stream<Path> leftovers = Files.list(root.resolve("models/m"))) {
                assertThat(leftovers.map(p -> p.getFileName().toString()))
                        .as("cleaned up after kill " + kill)
                        .containsExactlyInAnyOrder("versions", "next-version", "audit.log", "aliases.json");
            }
        }
        assertThat(expected).isGreaterThan(KILLS); // the children registered too, not only the parent
    }

    private static int checkConsistent(final FileSystemRegistry registry) throws Exception {
        if (registry.models().isEmpty()) {
            return 0;
        }
        List<ModelVersion> versions = registry.versions("m");
        assertThat(versions)
                .extracting(ModelVersion::version)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, versions.size()).boxed().toList());
        for (ModelVersion version : versions) {
            assertThat(registry.readModel(version)).isNotEmpty();
            Path folder = registry.versionFolder("m", version.version());
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder(
                                "version.json",
                                "bundle.json",
                                "run-metadata.json",
                                "checksums.sha256",
                                "MODEL_CARD.md");
            }
            assertThat(registry.modelCard(version)).endsWith("whenever it is read.\n");
        }
        registry.aliases("m")
                .forEach((alias, target) -> assertThat(target).as(alias).isBetween(1, versions.size()));
        List<AliasMove> log = registry.auditLog("m");
        assertThat(log)
                .extracting(AliasMove::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, log.size())
                        .mapToObj(i -> (long) i)
                        .toList());
        if (!log.isEmpty()) {
            AliasMove last = log.get(log.size() - 1);
            assertThat(registry.aliases("m")).containsEntry(last.alias(), last.to());
        }
        String sha = versions.get(0).run().trainDataSha256();
        assertThat(registry.versionsTrainedFrom(sha)).hasSize(versions.size());
        return versions.size();
    }
}
