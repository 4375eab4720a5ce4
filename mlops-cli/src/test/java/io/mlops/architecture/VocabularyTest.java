package io.mlops.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.mlops.contract.ExitCode;
import io.mlops.contract.algorithm.Algorithm;
import io.mlops.contract.bundle.BundleLayout;
import io.mlops.contract.metrics.MetricNames;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every vocabulary item is defined once, in {@code mlops-contract}: this test fails when another module spells one
 * itself (a string literal equal to a metric name, an algorithm id or a bundle file name, or its own constant for an
 * exit code). Literals are read from the sources, constants from the compiled classes of ours on the class path.
 */
class VocabularyTest {
    /** The packages whose classes must not declare their own exit codes. */
    static final String[] CHECKED = {"io.mlops", "io.jenkins.plugins.mlops"};
    /** The modules whose sources must not spell vocabulary: everything but the contract, the Jenkins plugin too. */
    static final List<String> CHECKED_MODULES =
            List.of("mlops-engine", "mlops-serving", "mlops-cli", "mlops-bench", "mlops-jenkins");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(CHECKED);

    /** Each vocabulary item by its text, with where the contract defines it. */
    static Map<String, String> vocabulary() {
        Map<String, String> words = new java.util.LinkedHashMap<>();
        MetricNames.OVERALL.forEach(name -> words.put(name, "MetricNames"));
        MetricNames.PER_CLASS.forEach(name -> words.put(name, "MetricNames"));
        Arrays.stream(Algorithm.values()).forEach(algorithm -> words.put(algorithm.id(), "Algorithm"));
        for (String file : List.of(BundleLayout.MODEL_FILE, BundleLayout.MANIFEST_FILE, BundleLayout.METADATA_FILE)) {
            words.put(file, "BundleLayout");
        }
        return words;
    }

    private static List<String> copies(final List<SourceLiterals.Literal> literals) {
        Map<String, String> vocabulary = vocabulary();
        return literals.stream()
                .filter(literal -> vocabulary.containsKey(literal.value()))
                .map(literal -> literal + ": use " + vocabulary.get(literal.value()) + " of mlops-contract")
                .toList();
    }

    @Test
    void shouldSpellNoMetricNameAlgorithmIdOrBundleFileOutsideTheContract() {
        List<String> copies = new ArrayList<>();
        for (String module : CHECKED_MODULES) {
            Path sources = Path.of("..", module, "src", "main", "java");
            assertThat(sources).as("sources of " + module).isDirectory();
            copies.addAll(copies(SourceLiterals.under(sources)));
        }
        assertThat(copies).as("vocabulary re-spelled outside mlops-contract").isEmpty();
    }

    @Test
    void shouldDeclareNoExitCodeOutsideTheContract() {
        Set<String> names = Arrays.stream(ExitCode.values()).map(Enum::name).collect(Collectors.toSet());
        List<String> copies = new ArrayList<>();
        for (JavaClass type : CLASSES) {
            for (JavaField field : type.getFields()) {
                if (!type.getPackageName().startsWith("io.mlops.contract")
                        && field.getModifiers().containsAll(Set.of(JavaModifier.STATIC, JavaModifier.FINAL))
                        && field.getRawType().isEquivalentTo(int.class)
                        && names.contains(field.getName())) {
                    copies.add(field.getFullName() + "; use ExitCode of mlops-contract");
                }
            }
        }
        assertThat(copies).as("exit codes declared outside mlops-contract").isEmpty();
    }

    @Test
    void shouldFindACopyButNotACommentOrAUseOfTheConstant() {
        String source =
                """
                class Copy {
                    // "accuracy" in a comment is fine
                    static final String MANIFEST = "bundle.json";
                    String file() { return BundleLayout.MODEL_FILE + "model.tribuo.bak" + '"'; }
                    String metric() { return "a\\"b" + "accuracy"; }
                }
                """;

        assertThat(copies(SourceLiterals.in(Path.of("Copy.java"), source)))
                .containsExactly(
                        "Copy.java:3 \"bundle.json\": use BundleLayout of mlops-contract",
                        "Copy.java:5 \"accuracy\": use MetricNames of mlops-contract");
    }
}
