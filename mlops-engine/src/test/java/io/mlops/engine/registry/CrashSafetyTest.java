package io.mlops.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process that registers and moves aliases at random moments and checks the registry after each kill.
 * CI runs 20 kills; the long mode before a release ({@code -Dregistry.kills=100}, RELEASING.md) also requires a
 * quarter of the kills to land inside the writers' lock ({@code -Dregistry.minKillsInsideLock} sets another minimum).
 */
class CrashSafetyTest {
    private static final int KILLS = Integer.getInteger("registry.kills", 20);
    private static final int MIN_KILLS_INSIDE_LOCK =
            Integer.getInteger("registry.minKillsInsideLock", KILLS >= 100 ? KILLS / 4 : 0);

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
        int insideLock = 0;
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
            if (stopAndCheckWhetherItHoldsTheLock(child, root)) {
                insideLock++;
            }
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
        String report = insideLock + " of " + KILLS + " kills landed inside the writers' lock";
        System.out.println("[CrashSafetyTest] " + report);
        assertThat(insideLock).as(report).isGreaterThanOrEqualTo(MIN_KILLS_INSIDE_LOCK);
    }

    /**
     * Freezes the child (SIGSTOP), so that what it holds cannot change before the kill, and tries the registry's
     * lock file: the child holds the writers' lock exactly when the lock cannot be taken.
     */
    private static boolean stopAndCheckWhetherItHoldsTheLock(final Process child, final Path root) throws Exception {
        Process stop = new ProcessBuilder("kill", "-STOP", Long.toString(child.pid())).start();
        assertThat(stop.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(stop.exitValue()).isZero();
        Path status = Path.of("/proc", Long.toString(child.pid()), "stat");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.readString(status).replaceFirst("^.*\\) ", "").startsWith("T")) {
            assertThat(System.nanoTime()).as("the child stops").isLessThan(deadline);
            Thread.sleep(1);
        }
        try (FileChannel channel =
                        FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock free = channel.tryLock()) {
            return free == null;
        }
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
