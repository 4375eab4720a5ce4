package io.mlops.engine.registry;

import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.registry.ModelRef;
import io.mlops.engine.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Measures register, alias move and resolve in an empty registry and in one whose model already holds
 * 10,000 versions (and 10,000 audit entries). Run it as documented in {@code docs/registry.md}:
 * {@code java -cp ... io.mlops.engine.registry.RegistryBenchmark [VERSIONS] [SAMPLES] [FOLDER]}.
 *
 * <p>The model file is the same in every registration, so its blob is already present and the copy is
 * excluded, as the requirement says; the source file is still hashed and checked. The prefill writes version
 * folders directly (a fast path used only here), with the same files a registration writes.</p>
 */
public final class RegistryBenchmark {
    private RegistryBenchmark() {}

    public static void main(final String[] args) throws IOException {
        int prefill = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        Path work = args.length > 2 ? Path.of(args[2]) : Files.createTempDirectory("registry-bench");
        Files.createDirectories(work);
        Path bundle = Bundles.train(work.resolve("train.csv"), work.resolve("bundle"), 2);

        FileSystemRegistry empty = FileSystemRegistry.open(work.resolve("empty"));
        FileSystemRegistry full = FileSystemRegistry.open(work.resolve("full"));
        for (int i = 0; i < 100; i++) { // class loading and JIT, not measured
            empty.register(Registration.of(bundle, "warmup", "bench"));
            empty.setAlias("warmup", "champion", i + 1, "bench", "warm up");
            empty.resolve(ModelRef.parse("warmup@champion"));
        }
        long t0 = System.nanoTime();
        prefill(full, bundle, prefill);
        System.out.printf(
                Locale.ROOT,
                "prefilled %d versions and %d audit entries in %.1f s%n",
                prefill,
                prefill,
                (System.nanoTime() - t0) / 1e9);

        Result[][] results = measure(new FileSystemRegistry[] {empty, full}, bundle, samples);
        Result[] e = results[0];
        Result[] f = results[1];
        System.out.printf(
                Locale.ROOT,
                "%n| operation | empty: median | empty: p95 | %,d versions: median | %,d versions: p95 |%n",
                prefill,
                prefill);
        System.out.println("|---|---:|---:|---:|---:|");
        String[] names = {"register (model copy excluded)", "move alias", "resolve name@alias", "resolve name (latest)"
        };
        for (int i = 0; i < names.length; i++) {
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n",
                    names[i],
                    e[i].median(),
                    e[i].p95(),
                    f[i].median(),
                    f[i].p95());
        }
        System.out.printf(
                Locale.ROOT,
                "%n%d samples each; %s, %d cores, Java %s%n",
                samples,
                System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        if (args.length <= 2) {
            AtomicFiles.deleteQuietly(work);
        }
    }

    /** Median and 95th percentile in milliseconds. */
    record Result(double median, double p95) {
        static Result of(final long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Result(sorted[sorted.length / 2] / 1e6, sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6);
        }
    }

    /** Measures both registries in turn, sample by sample, so that load from elsewhere hits both alike. */
    private static Result[][] measure(final FileSystemRegistry[] registries, final Path bundle, final int samples) {
        String name = "m";
        long[][][] nanos = new long[registries.length][4][samples];
        for (FileSystemRegistry registry : registries) {
            if (registry.models().stream().noneMatch(m -> m.name().equals(name))) {
                registry.register(Registration.of(bundle, name, "bench"));
            }
        }
        for (int i = 0; i < samples; i++) {
            for (int r = 0; r < registries.length; r++) {
                FileSystemRegistry registry = registries[r];
                long start = System.nanoTime();
                ModelVersion version = registry.register(Registration.of(bundle, name, "bench"));
                nanos[r][0][i] = System.nanoTime() - start;
                start = System.nanoTime();
                registry.setAlias(name, "champion", version.version(), "bench", "sample " + i);
                nanos[r][1][i] = System.nanoTime() - start;
                start = System.nanoTime();
                registry.resolve(ModelRef.parse(name + "@champion"));
                nanos[r][2][i] = System.nanoTime() - start;
                start = System.nanoTime();
                registry.resolve(ModelRef.parse(name));
                nanos[r][3][i] = System.nanoTime() - start;
            }
        }
        Result[][] results = new Result[registries.length][4];
        for (int r = 0; r < registries.length; r++) {
            for (int k = 0; k < 4; k++) {
                results[r][k] = Result.of(nanos[r][k]);
            }
        }
        return results;
    }

    /** Fast path for the prefill only: copies version 1's files to versions 2..n and writes the audit log at once. */
    private static void prefill(final FileSystemRegistry registry, final Path bundle, final int count)
            throws IOException {
        ModelVersion first = registry.register(Registration.of(bundle, "m", "bench"));
        Path model = registry.root().resolve("models/m");
        Path one = registry.versionFolder("m", 1);
        byte[] bundleJson = Files.readAllBytes(one.resolve(BundleLayout.MANIFEST_FILE));
        byte[] metadata = Files.readAllBytes(one.resolve(BundleLayout.METADATA_FILE));
        StringBuilder index = new StringBuilder();
        for (int n = 2; n <= count; n++) {
            Path folder = registry.versionFolder("m", n);
            Files.createDirectories(folder);
            ModelVersion version = new ModelVersion(
                    first.formatVersion(),
                    "m",
                    n,
                    first.model(),
                    "bench",
                    first.registeredAt(),
                    null,
                    first.run(),
                    null);
            Files.write(
                    folder.resolve(FileSystemRegistry.VERSION_FILE), RegistryJson.PRETTY.writeValueAsBytes(version));
            Files.write(folder.resolve(BundleLayout.MANIFEST_FILE), bundleJson);
            Files.write(folder.resolve(BundleLayout.METADATA_FILE), metadata);
            Files.writeString(
                    folder.resolve(BundleLayout.CARD_FILE),
                    ModelCard.markdown(version, java.util.List.of(), java.util.List.of()));
            index.append("{\"name\":\"m\",\"version\":").append(n).append("}\n");
        }
        Files.writeString(
                registry.root().resolve(LineageIndex.FOLDER).resolve(first.run().trainDataSha256()),
                index,
                StandardOpenOption.APPEND);
        Files.writeString(model.resolve("next-version"), (count + 1) + "\n");
        StringBuilder log = new StringBuilder();
        for (int n = 1; n <= count; n++) {
            log.append(RegistryJson.LINE.writeValueAsString(new AliasMove(
                            n, first.registeredAt(), "bench", "champion", n == 1 ? null : n - 1, n, "prefill")))
                    .append('\n');
        }
        byte[] bytes = log.toString().getBytes(StandardCharsets.UTF_8);
        Files.write(model.resolve(AliasLog.LOG), bytes);
        TreeMap<String, Integer> aliases = new TreeMap<>();
        aliases.put("champion", count);
        Files.write(
                model.resolve(AliasLog.SNAPSHOT),
                RegistryJson.PRETTY.writeValueAsBytes(new AliasLog.Snapshot(count, bytes.length, aliases)));
    }
}
