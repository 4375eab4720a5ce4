package io.mlops.engine.registry;

import io.mlops.contract.registry.ModelRef;
import java.nio.file.Path;

/**
 * A child process for the concurrency and crash tests.
 * {@code register ROOT BUNDLE NAME COUNT} registers COUNT versions;
 * {@code loop ROOT BUNDLE NAME SCRATCH} registers once into the scratch registry (so that classes are loaded),
 * prints {@code ready}, then registers and moves aliases until it is killed.
 */
public final class RegistryChild {
    private RegistryChild() {}

    public static void main(final String[] args) {
        FileSystemRegistry registry = FileSystemRegistry.open(Path.of(args[1]));
        Path bundle = Path.of(args[2]);
        String name = args[3];
        if ("register".equals(args[0])) {
            int count = Integer.parseInt(args[4]);
            for (int i = 0; i < count; i++) {
                ModelVersion version = registry.register(Registration.of(
                        bundle, name, "pid-" + ProcessHandle.current().pid()));
                System.out.println(version.version());
            }
            return;
        }
        FileSystemRegistry scratch = FileSystemRegistry.open(Path.of(args[4]));
        ModelVersion warm = scratch.register(Registration.of(bundle, name, "warm-up"));
        scratch.setAlias(name, "champion", warm.version(), "warm-up", "warm up");
        scratch.resolve(ModelRef.parse(name + "@champion"));
        System.out.println("ready");
        System.out.flush();
        for (int i = 0; ; i++) {
            ModelVersion version = registry.register(
                    new Registration(bundle, name, "child", null, null, i % 3 == 0 ? "challenger" : null));
            registry.setAlias(name, i % 2 == 0 ? "champion" : "staging", version.version(), "child", "loop " + i);
        }
    }
}
