package io.mlops.engine.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrentRegistrationTest {
    static Path bundle;

    @TempDir
    Path dir;

    @BeforeAll
    static void trainBundle() {
        bundle = Bundles.shared();
    }

    @Test
    void shouldGiveParallelThreadsDistinctVersionsAndLoseNone() throws Exception {
        int threads = 8;
        int each = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Integer>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String who = "thread-" + t;
            results.add(pool.submit(() -> {
                FileSystemRegistry registry = FileSystemRegistry.open(dir.resolve("registry")); // one instance each
                start.await();
                List<Integer> numbers = new ArrayList<>();
                for (int i = 0; i < each; i++) {
                    numbers.add(
                            registry.register(Registration.of(bundle, "m", who)).version());
                    registry.setAlias("m", "champion", numbers.get(numbers.size() - 1), who, "moved");
                }
                return numbers;
            }));
        }
        start.countDown();
        List<Integer> all = new ArrayList<>();
        for (Future<List<Integer>> result : results) {
            all.addAll(result.get(60, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(all).doesNotHaveDuplicates().hasSize(threads * each);
        FileSystemRegistry registry = FileSystemRegistry.open(dir.resolve("registry"));
        assertThat(registry.versions("m"))
                .extracting(ModelVersion::version)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, threads * each).boxed().toList());
        assertThat(registry.auditLog("m"))
                .extracting(AliasMove::seq)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, threads * each)
                        .mapToObj(i -> (long) i)
                        .toList());
    }

    @Test
    void shouldGiveParallelProcessesDistinctVersionsAndLoseNone() throws Exception {
        int processes = 3;
        int each = 10;
        Path root = dir.resolve("registry");
        FileSystemRegistry.open(root);
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            children.add(ChildJvm.start(
                    dir.resolve("child-" + p + ".log"),
                    "register",
                    root.toString(),
                    bundle.toString(),
                    "m",
                    Integer.toString(each)));
        }
        List<Integer> all = new ArrayList<>();
        for (int p = 0; p < processes; p++) {
            Process child = children.get(p);
            String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(child.exitValue())
                    .as(Files.readString(dir.resolve("child-" + p + ".log")))
                    .isZero();
            out.lines().map(Integer::valueOf).forEach(all::add);
        }

        assertThat(all).doesNotHaveDuplicates().hasSize(processes * each);
        assertThat(FileSystemRegistry.open(root).versions("m"))
                .extracting(ModelVersion::version)
                .containsExactlyElementsOf(
                        IntStream.rangeClosed(1, processes * each).boxed().toList());
    }
}
