package io.jenkins.plugins.mlops.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine cache on an agent, shared by concurrent steps: checksummed copies renamed into place under a lock. */
class EngineCacheTest {
    @TempDir
    Path cache;

    private final byte[] engine = new byte[3_000_000];

    {
        new Random(7).nextBytes(engine);
    }

    private String sha256() throws IOException {
        Path file = Files.write(cache.resolve("reference.bin"), engine);
        String sha = EngineCache.sha256Of(file);
        Files.delete(file);
        return sha;
    }

    private Path copy(String name, byte[] bytes) throws IOException {
        return Files.write(cache.resolve(name), bytes);
    }

    @Test
    void shouldInstallOneIntactEngineWhenParallelStepsStageAtOnce() throws Exception {
        String sha = sha256();
        Path target = cache.resolve(EngineCache.fileName(sha.substring(0, 16)));
        int steps = 8;
        ExecutorService pool = Executors.newFixedThreadPool(steps);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> installs = new ArrayList<>();
        for (int i = 0; i < steps; i++) {
            Path copy = copy(".copy-" + i + ".tmp", engine);
            Callable<String> install = () -> {
                go.await();
                return EngineCache.install(copy, target, sha);
            };
            installs.add(pool.submit(install));
        }
        go.countDown();
        for (Future<String> install : installs) {
            assertThat(install.get()).isEqualTo(target.toAbsolutePath().toString());
        }
        pool.shutdown();

        assertThat(Files.readAllBytes(target)).isEqualTo(engine);
        assertThat(EngineCache.isInstalled(target, sha)).isTrue();
        try (Stream<Path> files = Files.list(cache)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("no copy lingers")
                    .containsExactlyInAnyOrder(target.getFileName().toString(), EngineCache.LOCK_FILE);
        }
    }

    @Test
    void shouldRefuseACorruptCopyAndKeepNothingOfIt() throws Exception {
        String sha = sha256();
        Path target = cache.resolve(EngineCache.fileName("v1"));
        byte[] corrupt = engine.clone();
        corrupt[1234] ^= 1;
        Path copy = copy(".copy-1.tmp", corrupt);

        assertThatThrownBy(() -> EngineCache.install(copy, target, sha))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is corrupt: SHA-256 ")
                .hasMessageContaining("expected " + sha);
        assertThat(target).doesNotExist();
        assertThat(copy).doesNotExist();
    }

    @Test
    void shouldReplaceADamagedEngineInTheCache() throws Exception {
        String sha = sha256();
        Path target = cache.resolve(EngineCache.fileName("v1"));
        Files.write(target, new byte[] {1, 2, 3}); // e.g. a disk that filled up in an earlier version of the plugin

        assertThat(EngineCache.isInstalled(target, sha)).isFalse();
        EngineCache.install(copy(".copy-2.tmp", engine), target, sha);

        assertThat(EngineCache.isInstalled(target, sha)).isTrue();
    }
}
