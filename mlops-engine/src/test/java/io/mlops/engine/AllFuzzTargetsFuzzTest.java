package io.mlops.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every fuzz test of this module behind one fuzz target, so that CI fuzzes all of them in one JVM (Jazzer fuzzes
 * one target per JVM, and each JVM spends about half a minute scanning the class path before it starts): the first
 * byte of an input picks the target, the rest is that target's input. {@code .ci/fuzz 75} still fuzzes each test on
 * its own for the long budget.
 */
class AllFuzzTargetsFuzzTest {
    private static final Path TEST_CLASSES = testClasses();
    private static final List<Target> TARGETS = targets();

    static {
        // loading and instrumenting the parsers' classes takes a minute on a busy machine: do it on each test's
        // corpus before the fuzzing budget starts, not inside it
        TARGETS.forEach(Target::warmUp);
    }

    @FuzzTest(maxDuration = "45s")
    void shouldSurviveAnyInputToAnyFuzzTarget(final byte[] input) throws Throwable {
        if (input.length > 0) {
            TARGETS.get(Byte.toUnsignedInt(input[0]) % TARGETS.size()).fuzz(Arrays.copyOfRange(input, 1, input.length));
        }
    }

    @Test
    void shouldDispatchToEveryFuzzTestOfTheModule() {
        assertThat(TARGETS)
                .extracting(Target::name)
                .containsExactly(
                        "BundleManifestFuzzTest#shouldLoadOrRefuseAnyManifest",
                        "GateParserFuzzTest#shouldParseOrRefuseAnyTextInLinearTime",
                        "RegistryFuzzTest#shouldParseOrRefuseAnyModelReference",
                        "RegistryFuzzTest#shouldRecoverAnyDamagedAuditLog",
                        "SpecReaderFuzzTest#shouldReadOrRefuseAnySpec",
                        "TableReaderFuzzTest#shouldReadOrRefuseAnyCsv",
                        "TableReaderFuzzTest#shouldReadOrRefuseAnyJsonLines");
    }

    /** One {@code @FuzzTest} method and how to make an instance of its class. */
    private record Target(Constructor<?> constructor, Method method) {
        String name() {
            return method.getDeclaringClass().getSimpleName() + "#" + method.getName();
        }

        void warmUp() {
            Path corpus = TEST_CLASSES
                    .resolve(method.getDeclaringClass().getPackageName().replace('.', '/'))
                    .resolve(method.getDeclaringClass().getSimpleName() + "Inputs")
                    .resolve(method.getName());
            List<byte[]> inputs = new ArrayList<>();
            inputs.add(new byte[0]);
            if (Files.isDirectory(corpus)) {
                try (Stream<Path> files = Files.list(corpus)) {
                    for (Path file : files.sorted().toList()) {
                        inputs.add(Files.readAllBytes(file));
                    }
                } catch (IOException unreadable) {
                    throw new IllegalStateException("cannot read the corpus " + corpus, unreadable);
                }
            }
            for (byte[] input : inputs) {
                try {
                    fuzz(input);
                } catch (Throwable finding) {
                    // the test's own regression run reports it; here only the classes matter
                }
            }
        }

        void fuzz(final byte[] input) throws Throwable {
            try {
                method.invoke(constructor.newInstance(), (Object) input);
            } catch (InvocationTargetException finding) {
                throw finding.getCause();
            }
        }
    }

    /** The {@code @FuzzTest} methods of this module's test classes, sorted so that an input keeps its target. */
    private static List<Target> targets() {
        Path root = TEST_CLASSES;
        try {
            try (Stream<Path> files = Files.walk(root)) {
                return files.map(file -> root.relativize(file).toString())
                        .filter(name -> name.endsWith("FuzzTest.class") && !name.contains("$"))
                        .map(name -> name.substring(0, name.length() - ".class".length())
                                .replace(root.getFileSystem().getSeparator(), "."))
                        .filter(name -> !name.equals(AllFuzzTargetsFuzzTest.class.getName()))
                        .flatMap(AllFuzzTargetsFuzzTest::targetsOf)
                        .sorted(Comparator.comparing(Target::name))
                        .toList();
            }
        } catch (IOException unreadable) {
            throw new IllegalStateException("cannot list the test classes", unreadable);
        }
    }

    private static Path testClasses() {
        try {
            return Path.of(AllFuzzTargetsFuzzTest.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Stream<Target> targetsOf(final String className) {
        try {
            Class<?> type = Class.forName(className);
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return Arrays.stream(type.getDeclaredMethods())
                    .filter(method -> method.isAnnotationPresent(FuzzTest.class))
                    .map(method -> {
                        method.setAccessible(true);
                        return new Target(constructor, method);
                    });
        } catch (ClassNotFoundException | NoSuchMethodException unexpected) {
            throw new IllegalStateException("cannot instantiate " + className, unexpected);
        }
    }
}
